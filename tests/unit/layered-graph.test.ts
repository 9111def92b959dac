import { describe, expect, it } from 'vitest';
import { layoutLayers, wrapLabel, type GraphColumnInput } from '../../src/lib/views/layered-graph';

const node = (id: string, label = id) => ({ id, label, type: id.split('/')[0]!, typeLabel: 'T', href: `/${id}/` });
const columns: GraphColumnInput[] = [
  { id: 'a', title: 'Agencies', nodes: [node('agencies/ice'), node('agencies/dhs')] },
  { id: 'c', title: 'Contracts', nodes: [node('contracts/x'), node('contracts/y'), node('contracts/z')] },
  { id: 'e', title: 'Empty', nodes: [] },
  { id: 'co', title: 'Companies', nodes: [node('companies/p')] },
];
const edges = [
  { from: 'agencies/ice', to: 'contracts/x', label: 'buys' },
  { from: 'companies/p', to: 'contracts/x', label: 'supplies' },
  { from: 'agencies/ice', to: 'agencies/dhs', label: 'parent' },
  { from: 'companies/p', to: 'companies/missing', label: 'dropped' },
];

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layered graph layout', () => {
  it('is deterministic: the same input gives the same output', () => {
    expect(JSON.stringify(layoutLayers(columns, edges))).toBe(JSON.stringify(layoutLayers(structuredClone(columns), structuredClone(edges))));
  });
  it('drops empty columns and edges to unknown nodes, and never overlaps boxes', () => {
    const layout = layoutLayers(columns, edges);
    expect(layout.columns.map((c) => c.title)).toEqual(['Agencies', 'Contracts', 'Companies']);
    expect(layout.edges.map((e) => e.label)).toEqual(['buys', 'supplies', 'parent']);
    for (const a of layout.nodes) for (const b of layout.nodes) if (a !== b) expect(overlaps(a, b)).toBe(false);
    for (const n of layout.nodes) {
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
  });
  it('mirrors columns for right-to-left pages', () => {
    const ltr = layoutLayers(columns, edges);
    const rtl = layoutLayers(columns, edges, { dir: 'rtl' });
    for (const n of ltr.nodes) {
      const m = rtl.nodes.find((r) => r.id === n.id)!;
      expect(m.x).toBeCloseTo(ltr.width - n.x - n.width, 5);
      expect(m.y).toBe(n.y);
    }
  });
  it.each([
    ['Microsoft', 24, ['Microsoft']],
    ['U.S. Immigration and Customs Enforcement', 24, ['U.S. Immigration and', 'Customs Enforcement']],
    ['Microsoft employees raise ethics concerns over ICE', 24, ['Microsoft employees', 'raise ethics concerns o…']],
    ['Amazon and Google workers letter on Nimbus to the Guardian', 24, ['Amazon and Google', 'workers letter on Nimbu…']],
    ['Supercalifragilisticexpialidocious-and-more', 10, ['Supercali…']],
  ] as const)('wraps %j at %d characters', (label, max, lines) => {
    expect(wrapLabel(label, max)).toEqual(lines);
  });
});
