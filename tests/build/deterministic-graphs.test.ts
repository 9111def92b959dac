/**
 * Relationship pictures are rendered at build time and must be byte-identical
 * from one build to the next (stable order, stable coordinates), so pages do
 * not churn and diffs of the built site mean real changes.
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
    env: { ...process.env, WIKI_CONTENT_DIR: 'tests/fixtures/wiki/content', WIKI_OUT_DIR: out },
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

describe('relationship graphs', () => {
  it('are byte-identical across two builds', { timeout: 180_000 }, () => {
    const first = svgs(build());
    const second = svgs(build());
    expect([...first.keys()].sort()).toEqual([...second.keys()].sort());
    expect(first.size).toBeGreaterThan(3);
    for (const [page, list] of first) expect(second.get(page), page).toEqual(list);
    // The pages that must have pictures do.
    for (const page of ['/companies/palantir-technologies/index.html', '/agencies/ice/index.html', '/contracts/immigrationos/index.html', '/network/index.html']) {
      expect(first.get(page)?.length, page).toBeGreaterThan(0);
    }
  });
});
