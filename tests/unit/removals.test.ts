/**
 * content/removed.yaml: each removal is checked like an entry, with
 * `file:line field message` problems: the schema (table-driven), and against
 * the entries (still there, renamed, listed twice, replaced by an unknown
 * entry, dated after today). A sound record passes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { readContentDir } from '../../src/lib/content/files';
import { checkRemovals, readRemovals } from '../../src/lib/content/removals';
import { baseFiles, COMPANY, file } from './helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Problems of a removed.yaml beside the base wiki (plus a renamed company). */
function problemsOf(yaml: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'wiki-removals-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'removed.yaml'), yaml);
  const read = readRemovals(dir);
  const renamed = file('companies', 'new-name.mdx', COMPANY.replace('name: Example Corp', 'name: New Name Corp').replace('sources:', 'redirectFrom: [old-name]\nsources:'));
  const { entries } = checkContent([...baseFiles(), renamed]);
  return [...read.problems, ...checkRemovals(read, entries, '2026-12-01')].map(formatProblem);
}

const GOOD = `- entry: companies/gone-corp
  name: Gone Corp
  removed: 2026-11-30
  reason: Added by mistake; no source reports its work for any agency.
  replacedBy: companies/example-corp
`;

describe('content/removed.yaml', () => {
  it('a sound record has no problems', () => {
    expect(problemsOf(GOOD)).toEqual([]);
  });

  it.each([
    ['no reason', GOOD.replace(/  reason:.*\n/, ''), 'content/removed.yaml:1 removals[0].reason is required: say in one or two sentences why the entry was removed'],
    ['a malformed key', GOOD.replace('companies/gone-corp', 'gone-corp'), 'content/removed.yaml:1 removals[0].entry must be "<collection>/<id>"'],
    ['an unknown collection', GOOD.replace('companies/gone-corp', 'widgets/gone-corp'), 'content/removed.yaml:1 removals[0].entry must be "<collection>/<id>"'],
    ['a bad date', GOOD.replace('2026-11-30', '30/11/2026'), 'content/removed.yaml:3 removals[0].removed'],
    ['an unknown field', `${GOOD}  note: x\n`, 'content/removed.yaml:6 removals[0].note is not a known field'],
    ['not a list', 'entry: companies/gone-corp\n', 'content/removed.yaml:1 removals must be a YAML list'],
    ['YAML tricks', `${GOOD}- &a entry: *a\n`, 'content/removed.yaml:6'],
    ['an entry that still exists', GOOD.replace('companies/gone-corp', 'companies/example-corp'), 'content/removed.yaml:1 removals[0].entry "companies/example-corp" is still an entry (content/companies/example-corp.mdx): delete that file, or delete this record'],
    ['an old id of a renamed entry', GOOD.replace('companies/gone-corp', 'companies/old-name'), 'content/removed.yaml:1 removals[0].entry "companies/old-name" is an old id of companies/new-name (its redirectFrom)'],
    ['listed twice', GOOD + GOOD, 'content/removed.yaml:6 removals[1].entry "companies/gone-corp" is listed twice'],
    ['replaced by an unknown entry', GOOD.replace('companies/example-corp', 'companies/exampel-corp'), 'content/removed.yaml:5 removals[0].replacedBy "companies/exampel-corp" is not an entry; did you mean "companies/example-corp"?'],
    ['removed after today', GOOD.replace('2026-11-30', '2027-01-01'), 'content/removed.yaml:3 removals[0].removed 2027-01-01 is after today (2026-12-01)'],
  ])('%s is refused', (_name, yaml, expected) => {
    const problems = problemsOf(yaml);
    expect(problems.some((p) => p.startsWith(expected)), `expected "${expected}…" among:\n${problems.join('\n')}`).toBe(true);
  });

  it('the content reader accepts the file at the top of content/, and no file is no removals', () => {
    const root = mkdtempSync(join(tmpdir(), 'wiki-removals-root-'));
    dirs.push(root);
    mkdirSync(join(root, 'content', 'companies'), { recursive: true });
    writeFileSync(join(root, 'content', 'removed.yaml'), GOOD);
    writeFileSync(join(root, 'content', 'notes.yaml'), 'x: 1\n');
    expect(readContentDir(root).stray.map((s) => s.file)).toEqual(['content/notes.yaml']);
    expect(readRemovals(join(root, 'content', 'companies')).removals).toEqual([]);
  });
});
