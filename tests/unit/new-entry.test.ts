/**
 * `npm run new` scaffolds entries in a temporary content folder (through
 * WIKI_CONTENT_DIR, never content/): the scaffold fails validation until its
 * placeholders are filled, passes once they are, and existing ids are refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { readContentDir } from '../../src/lib/content/files';

let dir: string;
let content: string;

function npm(args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', ...args], {
    encoding: 'utf8',
    // stdin is a pipe, not a terminal: the script must not prompt.
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, WIKI_CONTENT_DIR: content },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const scaffold = (...args: string[]) => npm(['new', '--', ...args]);

function problems(): string[] {
  const previous = process.env.WIKI_CONTENT_DIR;
  process.env.WIKI_CONTENT_DIR = content;
  try {
    const { files, stray, published } = readContentDir(dir);
    return checkContent(files, stray, { published }).problems.map(formatProblem);
  } finally {
    if (previous === undefined) delete process.env.WIKI_CONTENT_DIR;
    else process.env.WIKI_CONTENT_DIR = previous;
  }
}

function edit(relative: string, replacements: [RegExp, string][]) {
  const path = join(content, relative);
  let text = readFileSync(path, 'utf8');
  for (const [pattern, value] of replacements) {
    expect(text, `${relative} should contain ${pattern}`).toMatch(pattern);
    text = text.replace(pattern, value);
  }
  writeFileSync(path, text);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wiki-new-'));
  content = join(dir, 'content');
  const put = (path: string, text: string) => {
    mkdirSync(join(content, path, '..'), { recursive: true });
    writeFileSync(join(content, path), text);
  };
  put('sources/example-source.mdx', '---\ntitle: Example report\nlanguage: en\nkind: news\n---\n');
  put(
    'companies/acme-corp.mdx',
    '---\nname: Acme Corp\nsummary: An existing company whose old id is kept as a redirect.\nsources: [example-source]\nredirectFrom: [acme-old]\n---\n\nAcme exists.<Cite source="example-source" />\n',
  );
  // The old id was published, so it may redirect.
  writeFileSync(join(dir, 'published-urls.txt'), '/companies/acme-old/\n');
  put('agencies/example-agency.mdx', '---\nname: Example Agency\ncountry: US\nlevel: national\nsummary: An existing agency that buys things in the tests.\nsources: [example-source]\n---\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run new', () => {
  it('the starting folder is valid', () => {
    expect(problems()).toEqual([]);
  });

  it('scaffolds a company whose placeholders fail validation until they are filled', () => {
    const run = scaffold('--type', 'company', '--name', 'Société Générale Surveillance', '--source', 'example-source');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const path = join(content, 'companies', 'societe-generale-surveillance.mdx');
    expect(run.stdout).toContain(`Wrote ${path}`);
    expect(run.stdout).toContain('npm run validate');
    expect(run.stdout).toContain('npm run dev');
    expect(run.stdout).toContain('/companies/societe-generale-surveillance/');

    const before = problems();
    expect(before).toEqual([
      expect.stringMatching(/^content\/companies\/societe-generale-surveillance\.mdx:6 summary still holds the placeholder written by "npm run new"/),
      expect.stringMatching(/^content\/companies\/societe-generale-surveillance\.mdx:11 body still holds the placeholder written by "npm run new"/),
    ]);

    edit('companies/societe-generale-surveillance.mdx', [
      [/summary: .*/, 'summary: A company that, according to one report, sells surveillance tools.'],
      [/^FILL IN: .*?(<Cite)/m, 'One report says the company sells surveillance tools.$1'],
    ]);
    expect(problems()).toEqual([]);
  });

  it.each([
    [
      'agency',
      'Border Intelligence Office',
      'agencies/border-intelligence-office.mdx',
      ['country', 'level', 'summary', 'body'],
      [
        [/country: .*/, 'country: US'],
        [/level: .*/, 'level: national'],
        [/summary: .*/, 'summary: A border agency that a report says buys surveillance tools.'],
        [/^FILL IN: .*?(<Cite)/m, 'A report describes the office.$1'],
      ] as [RegExp, string][],
    ],
    [
      'contract',
      'Acme border cloud deal',
      'contracts/acme-border-cloud-deal.mdx',
      ['buyer', 'suppliers[0].company', 'summary', 'body'],
      [
        [/buyer: .*/, 'buyer: example-agency'],
        [/company: .*/, 'company: acme-corp'],
        [/summary: .*/, 'summary: A cloud contract between the example agency and Acme, as one report describes it.'],
        [/^FILL IN: .*?(<Cite)/m, 'A report describes the deal.$1'],
      ] as [RegExp, string][],
    ],
    [
      'event',
      'Workers protest the Acme deal',
      'events/workers-protest-the-acme-deal.mdx',
      ['date', 'kind', 'summary', 'body'],
      [
        [/date: .*/, 'date: 2025-04'],
        [/kind: .*/, 'kind: protest'],
        [/summary: .*/, 'summary: Workers protested the Acme deal in April 2025, according to one report.'],
        [/^FILL IN: .*?(<Cite)/m, 'Workers protested, a report says.$1'],
      ] as [RegExp, string][],
    ],
    [
      'source',
      'Second example report',
      'sources/second-example-report.mdx',
      ['language', 'kind'],
      [
        [/language: .*/, 'language: en'],
        [/kind: .*/, 'kind: news'],
      ] as [RegExp, string][],
    ],
  ])('scaffolds a valid %s once its placeholders are filled', (type, name, path, fields, fills) => {
    const args = ['--type', type, '--name', name];
    if (type !== 'source') args.push('--source', 'example-source');
    const run = scaffold(...args);
    expect(run.status, run.stderr).toBe(0);
    const before = problems();
    for (const field of fields) {
      expect(before.some((p) => p.startsWith(`content/${path}:`) && p.includes(` ${field} still holds the placeholder`)), `${field} in:\n${before.join('\n')}`).toBe(true);
    }
    expect(before.every((p) => p.startsWith(`content/${path}:`))).toBe(true);
    edit(path, fills);
    expect(problems()).toEqual([]);
  });

  it('passes `npm run validate` once everything is filled', () => {
    const run = npm(['validate']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No problems found.');
  });

  it('refuses an id that already exists', () => {
    const run = scaffold('--type', 'company', '--name', 'Acme Corp');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/companies/acme-corp.mdx already exists; edit that entry, or choose another id with --id');
  });

  it('refuses an id that is the old id (redirectFrom) of another entry', () => {
    const run = scaffold('--type', 'company', '--name', 'Acme', '--id', 'acme-old');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('"acme-old" is an old id of content/companies/acme-corp.mdx (listed in its redirectFrom)');
  });

  it('refuses a name it cannot turn into an id, and accepts one given with --id', () => {
    const refused = scaffold('--type', 'company', '--name', 'بالانتير');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('cannot derive an id from "بالانتير"');
    expect(refused.stderr).toContain('Choose one with --id');
    const given = scaffold('--type', 'company', '--name', 'بالانتير', '--id', 'balantir', '--source', 'example-source');
    expect(given.status, given.stderr).toBe(0);
    expect(readFileSync(join(content, 'companies', 'balantir.mdx'), 'utf8')).toContain('name: "بالانتير"');
  });

  it('refuses an invalid --id, an unknown source and a missing type', () => {
    expect(scaffold('--type', 'company', '--name', 'X Corp', '--id', 'X_Corp').stderr).toContain('"X_Corp" is not a valid id: use lower-case ASCII letters, digits and single hyphens, e.g. --id x-corp');
    expect(scaffold('--type', 'company', '--name', 'Y Corp', '--source', 'example-sorce').stderr).toContain('there is no source entry "example-sorce" (content/sources/example-sorce.mdx); did you mean "example-source"?');
    const missing = scaffold('--name', 'Z Corp');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('--type must be one of company, agency, contract, event, person, organization, source');
  });
});
