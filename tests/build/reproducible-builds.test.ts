/**
 * Two builds of the same content are the same: relationship pictures (stable
 * order, stable coordinates), and, with SOURCE_DATE_EPOCH set, every export,
 * feed and the sitemap byte for byte, so diffs of the built site mean real
 * changes and a release can be rebuilt and checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function build(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wiki-graphs-'));
  temps.push(dir);
  const out = join(dir, 'dist');
  const result = spawnSync('npx', ['astro', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, WIKI_CONTENT_DIR: 'tests/fixtures/wiki/content', WIKI_OUT_DIR: out, SOURCE_DATE_EPOCH: '1769904000' },
  });
  expect(result.status, result.stderr).toBe(0);
  return out;
}

/** Every <svg>…</svg> in every page, keyed by page path. */
function svgs(out: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html') {
        const list = readFileSync(path, 'utf8').match(/<svg[\s\S]*?<\/svg>/g) ?? [];
        if (list.length) found.set(path.slice(out.length), list);
      }
    }
  };
  walk(out);
  return found;
}

/** The export files of a build (api/v1, feeds, sitemap), keyed by path. */
function exportFiles(out: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = path.slice(out.length);
      if (entry.isDirectory()) walk(path);
      else if (rel.startsWith('/api/v1/') || /^\/(ar\/)?feed\.xml$/.test(rel) || rel === '/sitemap.xml') found.set(rel, readFileSync(path, 'utf8'));
    }
  };
  walk(out);
  return found;
}

let builds: [string, string] | undefined;
const twoBuilds = () => (builds ??= [build(), build()]);

describe('two builds of one commit', () => {
  it('give byte-identical exports, feeds and sitemap with SOURCE_DATE_EPOCH set', { timeout: 180_000 }, () => {
    const [a, b] = twoBuilds().map(exportFiles);
    expect(a!.size).toBeGreaterThan(10);
    expect([...a!.keys()].sort()).toEqual([...b!.keys()].sort());
    for (const [path, text] of a!) expect(b!.get(path), path).toBe(text);
    expect(JSON.parse(a!.get('/api/v1/entries.json')!).generatedAt).toBe('2026-02-01T00:00:00Z');
  });

  it('draw byte-identical relationship pictures', { timeout: 180_000 }, () => {
    const [first, second] = twoBuilds().map(svgs) as [Map<string, string[]>, Map<string, string[]>];
    expect([...first.keys()].sort()).toEqual([...second.keys()].sort());
    expect(first.size).toBeGreaterThan(3);
    for (const [page, list] of first) expect(second.get(page), page).toEqual(list);
    // The pages that must have pictures do.
    for (const page of ['/companies/palantir-technologies/index.html', '/agencies/ice/index.html', '/contracts/immigrationos/index.html', '/network/index.html']) {
      expect(first.get(page)?.length, page).toBeGreaterThan(0);
    }
  });
});
