/**
 * The ids a body heading may not take (schemas/body.ts) are every id the
 * entry page gives its own elements: the page, its layout and every component
 * they import, read from the source.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_ID_PREFIXES, PAGE_IDS } from '../../src/schemas/body';

const ENTRY_PAGE = 'src/pages/[...locale]/[collection]/[id].astro';

/** The page and every .astro file it imports, transitively. */
function astroFilesOf(start: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/from\s+'(\.[^']+\.astro)'/g)) visit(join(dirname(file), m[1]!));
  };
  visit(start);
  return [...seen];
}

describe('ids of the entry page', () => {
  const files = astroFilesOf(ENTRY_PAGE);
  const sources = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  const literal = [...sources.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
  const templated = [...sources.matchAll(/\bid=\{`([a-z-]*)\$\{/g)].map((m) => m[1]!).filter(Boolean);
  const timelinePrefixes = [...sources.matchAll(/\bidPrefix="([^"]+)"/g)].map((m) => `${m[1]}-`);
  const covered = (id: string) => PAGE_IDS.includes(id) || PAGE_ID_PREFIXES.some((p) => id.startsWith(p));

  it('reads the page, its layout and its components', () => {
    expect(files).toEqual(expect.arrayContaining([ENTRY_PAGE, 'src/layouts/Base.astro', 'src/components/CitePanel.astro']));
    expect(literal).toContain('footnotes-title');
    expect(templated).toContain('cite-');
  });

  it('lists every fixed id', () => {
    expect(literal.filter((id) => !covered(id))).toEqual([]);
  });

  it('lists every id prefix', () => {
    expect([...templated, ...timelinePrefixes].filter((p) => !PAGE_ID_PREFIXES.some((q) => p.startsWith(q)))).toEqual([]);
  });
});
