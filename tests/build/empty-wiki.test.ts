/**
 * A fresh fork with empty collections still builds: the home page, lists and
 * search are there (its index says it is empty), and no Open Graph card is
 * drawn (there are none to draw).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'wiki-empty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a wiki without entries builds', () => {
  const content = join(dir, 'content');
  for (const c of ['companies', 'agencies', 'contracts', 'events', 'sources']) mkdirSync(join(content, c), { recursive: true });
  const out = join(dir, 'dist');
  const result = spawnSync('npx', ['astro', 'build'], { encoding: 'utf8', env: { ...process.env, WIKI_CONTENT_DIR: content, WIKI_OUT_DIR: out } });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  expect(existsSync(join(out, 'index.html'))).toBe(true);
  expect(existsSync(join(out, 'ar', 'companies', 'index.html'))).toBe(true);
  expect(existsSync(join(out, 'og'))).toBe(false);
  // The search page learns from the index's manifest that there is nothing to search yet.
  expect(JSON.parse(readFileSync(join(out, 'pagefind', 'wiki-shards.json'), 'utf8'))).toEqual({ shards: [], pages: 0 });
}, 180_000);
