/**
 * The real `astro build` refuses broken content with a clear message, and
 * writes nothing. Each case copies the fixture wiki to a temporary directory,
 * breaks one thing, and builds it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The fixture wiki: its content folder and, beside it, its list of published addresses. */
const FIXTURE = 'tests/fixtures/wiki';
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function buildWith(file: string, edit: (text: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'wiki-broken-'));
  temps.push(dir);
  const content = join(dir, 'content');
  cpSync(FIXTURE, dir, { recursive: true });
  const path = join(content, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  const out = join(dir, 'dist');
  const result = spawnSync('npx', ['astro', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, WIKI_CONTENT_DIR: content, WIKI_OUT_DIR: out },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, out };
}

describe('a build with broken content fails clearly and writes nothing', () => {
  it.each([
    [
      'a reference to a missing id',
      'contracts/immigrationos.mdx',
      (s: string) => s.replace('buyer: ice', 'buyer: ice-agency'),
      'content/contracts/immigrationos.mdx:4 buyer refers to an unknown agencies id "ice-agency"; did you mean "ice"?',
    ],
    [
      'a malformed date',
      'contracts/immigrationos.mdx',
      (s: string) => s.replace('awarded: 2025-04', 'awarded: 2025-31'),
      'content/contracts/immigrationos.mdx:13 awarded must be a real date written YYYY, YYYY-MM or YYYY-MM-DD',
    ],
    [
      'an unknown currency',
      'contracts/immigrationos.mdx',
      (s: string) => s.replace('currency: USD', 'currency: DOLLAR'),
      'content/contracts/immigrationos.mdx:10 values[0].currency must be an ISO 4217 currency code',
    ],
    [
      'a malformed URL',
      'agencies/dhs.mdx',
      (s: string) => s.replace('level: national', 'level: national\nwebsite: www.dhs.gov'),
      'content/agencies/dhs.mdx:7 website must be an absolute https:// URL',
    ],
    [
      'a javascript: link in the body',
      'agencies/dhs.mdx',
      (s: string) => `${s}\n[click me](javascript:alert(document.cookie))\n`,
      'uses the forbidden scheme',
    ],
  ])('%s', (_name, file, edit, expected) => {
    const { status, output, out } = buildWith(file, edit);
    expect(status).not.toBe(0);
    expect(output).toContain(expected);
    expect(output).toContain('Run `npm run validate` to see them again.');
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});
