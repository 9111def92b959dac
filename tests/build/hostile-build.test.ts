/**
 * The real `astro build` on hostile content: it fails with the content
 * check's `file:line field message` lines, runs none of the hostile code (a
 * canary file that any executed payload would write never appears), and
 * writes nothing of the payload anywhere under the output or cache folders.
 * A benign build of the same fixture shows what does reach the site: external
 * body links with rel="noopener noreferrer" and a CSP that covers every
 * inline script.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The fixture wiki: its content folder and, beside it, its list of published addresses. */
const FIXTURE = 'tests/fixtures/wiki';
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyFixture() {
  // Inside the project: with an outDir outside the working directory Astro
  // prerenders into the shared ./.astro/.prerender/, which parallel builds clobber.
  mkdirSync('.cache', { recursive: true });
  const dir = mkdtempSync(join(process.cwd(), '.cache', 'wiki-hostile-'));
  temps.push(dir);
  const content = join(dir, 'content');
  cpSync(FIXTURE, dir, { recursive: true });
  return { dir, content, out: join(dir, 'dist') };
}

function build(content: string, out: string) {
  const result = spawnSync('npx', ['astro', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, WIKI_CONTENT_DIR: content, WIKI_OUT_DIR: out, WIKI_CACHE_DIR: `${out}.astro-cache` },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Every file under `dir` (none when it does not exist). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

describe('a build with hostile content', () => {
  const { dir, content, out } = copyFixture();
  const MARK = `HOSTILE${Date.now().toString(36)}`;
  const canary = join(dir, 'pwned');
  const write = `globalThis.process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(canary)}, '${MARK}')`;
  const hostile = `---
name: ${MARK} Corp
country: US
website: "JAVASCRIPT:alert('${MARK}')"
summary: A company entry whose every part tries to run code or smuggle markup.
sources: [palantir-employees-question-ice-work]
---

import fs from 'node:fs'

A claim.<Cite source="palantir-employees-question-ice-work" /> {${write}}

export const leak = ${write}

<script>alert('${MARK}')</script>

<img src="x" onerror="alert('${MARK}')" />

[click](jav&#x61;script:alert('${MARK}'))

<Cite source="palantir-employees-question-ice-work" {...{ onClick: "${MARK}" }} />

A footnote.[^1]

[^1]: https://example.org "
<iframe src="https://evil.example/${MARK}"></iframe>
"
`;
  writeFileSync(join(content, 'companies', 'hostile-payload.mdx'), hostile);
  // A translation too: translations are checked like originals.
  const tr = join(content, 'companies', 'palantir-technologies.ar.mdx');
  writeFileSync(tr, `${readFileSync(tr, 'utf8')}\n<SCRIPT>alert('${MARK}')</SCRIPT>\n`);

  const result = build(content, out);

  it('fails', () => {
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('Content check failed');
    expect(result.output).toContain('Run `npm run validate` to see them again.');
  });

  it.each([
    ['the javascript: website', ':4 website must be an absolute https:// URL: "JAVASCRIPT:alert('],
    ['the import', ":9 body import/export statements are not allowed (\"import fs from 'node:fs'\")"],
    ['the expression', ':11 body JavaScript expressions like "{globalThis.process.getBuiltinM'],
    ['the export', ':13 body import/export statements are not allowed ("export const leak ='],
    ['the script', ':15 body <script> is not allowed: entries cannot run code'],
    ['the image with an onerror handler', ':17 body <img> is not allowed: images are not supported in entries'],
    ['the encoded javascript: link', `:19 body link "javascript:alert('${MARK}')" uses the forbidden scheme "javascript:"`],
    ['the attribute spread', ':21 body <Cite> attribute spread'],
    ['the iframe hidden in a footnote', ':26 body <iframe> is not allowed'],
  ])('reports %s with file and line', (_name, expected) => {
    expect(result.output).toContain(`content/companies/hostile-payload.mdx${expected}`);
  });

  it('reports the hostile translation', () => {
    expect(result.output).toMatch(/content\/companies\/palantir-technologies\.ar\.mdx:\d+ body <SCRIPT> is not allowed: entries cannot run code/);
  });

  it('ran none of the payload', () => {
    expect(existsSync(canary)).toBe(false);
  });

  it('wrote nothing of the payload to the output or cache folders', () => {
    expect(existsSync(join(out, 'index.html'))).toBe(false);
    const written = [...filesUnder(out), ...filesUnder(`${out}.astro-cache`)];
    const leaked = written.filter((path) => readFileSync(path).includes(MARK));
    expect(leaked).toEqual([]);
  });
});

describe('a benign build of the same fixture', () => {
  const { content, out } = copyFixture();
  const dhs = join(content, 'agencies', 'dhs.mdx');
  writeFileSync(
    dhs,
    `${readFileSync(dhs, 'utf8')}\nThe department publishes a [procurement forecast](https://example.org/forecast) and is listed among [agencies](/agencies/).<Cite source="palantir-employees-question-ice-work" />\n`,
  );
  const result = build(content, out);
  const page = () => readFileSync(join(out, 'agencies', 'dhs', 'index.html'), 'utf8');

  it('succeeds', () => {
    expect(result.output).not.toContain('Content check failed');
    expect(result.status).toBe(0);
  });

  it('marks external body links rel="noopener noreferrer" and leaves site links alone', () => {
    const external = /<a\b[^>]*href="https:\/\/example\.org\/forecast"[^>]*>/.exec(page())?.[0];
    expect(external).toBeDefined();
    expect(external).toMatch(/rel="noopener noreferrer"/);
    const internal = /<a\b[^>]*href="\/agencies\/"[^>]*>agencies<\/a>/.exec(page())?.[0];
    expect(internal).toBeDefined();
    expect(internal).not.toMatch(/rel=/);
  });

  it('puts a CSP in every page that hashes every inline script and never allows unsafe-inline', () => {
    const pages = filesUnder(out).filter((p) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      const html = readFileSync(path, 'utf8');
      if (/http-equiv="refresh"/.test(html) && !/<script/.test(html)) continue; // redirect pages run nothing
      const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
      expect(policy, `${path} has no CSP meta`).toBeDefined();
      const scriptSrc = policy!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
      expect(scriptSrc, path).toBeDefined();
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      for (const m of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (/type="application\/(ld\+)?json"/.test(m[1]!)) continue; // data, never executed
        const hash = createHash('sha256').update(m[2]!).digest('base64');
        expect(scriptSrc, `${path}: inline script without a hash in the CSP: ${m[2]!.slice(0, 80)}`).toContain(`'sha256-${hash}'`);
      }
    }
  });
});
