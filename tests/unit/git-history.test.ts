/**
 * git-history: parsing the one `git log` (table-driven), following files
 * through renames, diffing versions, composing entries' histories, and
 * loading from real temporary repositories: a normal one (three git calls in
 * all), a rename git cannot pair (joined by redirectFrom), a shallow clone,
 * a directory outside git, and a missing git.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { historyOf, historyWarning, loadHistory, parseCatFile, runGit, type GitRunner } from '../../src/lib/content/git-history';
import { GIT_LOG_ARGS, NO_BLOB, parseGitLog, toUtcIso, traceLineages, type RawCommit } from '../../src/lib/content/git-log';
import { EMPTY_HISTORY, entryHistory, lastChanged, versionOn, versionsFor } from '../../src/lib/model/history';
import { diffBody, diffVersions, diffVersionTexts, readVersionText, splitEntryFile, valueText } from '../../src/lib/model/version-diff';

const R = '\x1e';
const F = '\x1f';
const hash = (c: string) => c.repeat(40).slice(0, 40);
const blob = (c: string) => c.repeat(40).slice(0, 40);
/** One commit record as `git log` prints it with GIT_LOG_ARGS (-z raw output). */
const record = (h: string, date: string, parents: string, message: string, changes: string[][]) =>
  `${R}${hash(h)}${F}${date}${F}${parents}${F}${message}\n\x1d\0\n${changes.map((c) => c.join('\0')).join('\0')}${changes.length ? '\0' : ''}`;
const raw = (status: string, b: string) => `:100644 100644 ${'0'.repeat(40)} ${b} ${status}`;

describe('parseGitLog', () => {
  it('reads commits with messages, parents and raw changes (added, modified, renamed, removed)', () => {
    const log =
      record('b', '2025-03-01T10:00:00+02:00', hash('a'), 'Second\n\nwith a body', [
        [raw('M', blob('2')), 'companies/x.mdx'],
        [raw('R087', blob('3')), 'events/old.mdx', 'events/new.mdx'],
        [raw('D', NO_BLOB), 'agencies/gone.mdx'],
      ]) + record('a', '2025-01-01T00:00:00Z', '', 'First', [[raw('A', blob('1')), 'companies/x.mdx']]);
    const commits = parseGitLog(log);
    expect(commits.map((c) => [c.hash[0], c.date, c.parents.length, c.message])).toEqual([
      ['b', '2025-03-01T08:00:00Z', 1, 'Second\n\nwith a body'],
      ['a', '2025-01-01T00:00:00Z', 0, 'First'],
    ]);
    expect(commits[0]!.changes).toEqual([
      { status: 'modified', path: 'companies/x.mdx', blob: blob('2') },
      { status: 'renamed', path: 'events/new.mdx', from: 'events/old.mdx', blob: blob('3') },
      { status: 'removed', path: 'agencies/gone.mdx', blob: NO_BLOB },
    ]);
  });

  it('a merge commit (no files), an unreadable record and empty output are handled', () => {
    const log = record('e', '2025-06-01T00:00:00Z', `${hash('b')} ${hash('c')}`, 'Merge', []) + `${R}not a record` + record('b', 'not-a-date', '', 'x', []);
    expect(parseGitLog(log).map((c) => [c.hash[0], c.changes.length])).toEqual([['e', 0]]);
    expect(parseGitLog('')).toEqual([]);
  });

  it('a message containing HTML or a tab stays plain text', () => {
    expect(parseGitLog(record('a', '2025-01-01T00:00:00Z', '', '<img src=x onerror=alert(1)>\tnote', []))[0]!.message).toBe('<img src=x onerror=alert(1)>\tnote');
  });

  it('asks git for raw NUL-separated changes with full blob ids, renames, in date order, relative to the content directory', () => {
    for (const flag of ['--raw', '--no-abbrev', '-M', '-z', '--date-order', '--relative']) expect(GIT_LOG_ARGS).toContain(flag);
  });

  it('toUtcIso rejects nonsense', () => {
    expect(toUtcIso('2025-13-45')).toBeUndefined();
    expect(toUtcIso('2025-04-17T12:00:00-05:00')).toBe('2025-04-17T17:00:00Z');
  });
});

describe('traceLineages', () => {
  const c = (h: string, date: string, changes: RawCommit['changes'], parents = [hash('p')]): RawCommit => ({ hash: hash(h), date, parents, message: h, changes });
  const newestFirst = [
    c('d', '2025-04-01T00:00:00Z', [{ status: 'removed', path: 'companies/y.mdx', blob: NO_BLOB }]),
    c('c', '2025-03-01T00:00:00Z', [{ status: 'renamed', path: 'events/new.mdx', from: 'events/old.mdx', blob: blob('3') }]),
    c('b', '2025-02-01T00:00:00Z', [{ status: 'modified', path: 'events/old.mdx', blob: blob('2') }]),
    c('a', '2025-01-01T00:00:00Z', [
      { status: 'added', path: 'events/old.mdx', blob: blob('1') },
      { status: 'added', path: 'companies/y.mdx', blob: blob('4') },
    ], []),
  ];

  it('follows a file through its rename and ends a removed one', () => {
    const { live, removed } = traceLineages(newestFirst);
    expect(live.get('events/new.mdx')!.map((v) => [v.commit.message, v.change.path])).toEqual([
      ['a', 'events/old.mdx'],
      ['b', 'events/old.mdx'],
      ['c', 'events/new.mdx'],
    ]);
    expect(live.has('events/old.mdx')).toBe(false);
    expect(removed.get('companies/y.mdx')!.map((v) => v.change.status)).toEqual(['added', 'removed']);
  });

  it('in a shallow clone the parentless commit is a cut-off', () => {
    const { live } = traceLineages(newestFirst, { shallow: true });
    expect(live.get('events/new.mdx')!.map((v) => v.atCutOff)).toEqual([true, false, false]);
  });
});

describe('diffVersions', () => {
  const v1 = `---
name: Acme
country: US
values:
  - amount: 30000000
    currency: USD
awarded: 2025-04
sources: [a, b]
---

Acme sold a thing.<Cite source="a" /> It was big.
`;
  it('lists typed facts field by field, only where the text changed', () => {
    const v2 = v1.replace('amount: 30000000', 'amount: 29800000').replace('awarded: 2025-04', 'awarded: 2025-04-18').replace('country: US\n', '');
    expect(diffVersions(v1, v2).fields).toEqual([
      { field: 'country', before: 'US' },
      { field: 'values[0].amount', before: '30000000', after: '29800000' },
      { field: 'awarded', before: '2025-04', after: '2025-04-18' },
    ]);
  });

  it('a list that grows says what was added, not every shifted index', () => {
    const v2 = v1.replace('sources: [a, b]', 'sources: [c, a, b]');
    expect(diffVersions(v1, v2).fields).toEqual([{ field: 'sources', after: 'c' }]);
    expect(diffVersions(v1, v2).citationsAdded).toEqual(['c']);
  });

  it('the body in words: counts and the changed run, citations in and out', () => {
    const v2 = v1.replace('Acme sold a thing.<Cite source="a" />', 'Acme sold two things.<Cite source="z" />');
    const d = diffVersions(v1, v2);
    expect(d.fields).toEqual([]);
    expect(d.body).toEqual({ wordsAdded: 2, wordsRemoved: 2, removedText: 'a thing.', addedText: 'two things.' });
    expect(d.citationsAdded).toEqual(['z']);
    expect(d.citationsRemoved).toEqual([]); // "a" is still in `sources`
  });

  it('corrections recorded in a version', () => {
    const v2 = v1.replace('sources: [a, b]\n', 'sources: [a, b]\ncorrections:\n  - date: 2025-05-01\n    change: Value corrected.\n    reason: The notice says so.\n');
    expect(diffVersions(v1, v2).corrections).toEqual([{ date: '2025-05-01', change: 'Value corrected.' }]);
    expect(diffVersions(v1, v2).fields).toEqual([]);
  });

  it('a new file: every field is added; formatting-only changes change nothing', () => {
    expect(diffVersions(undefined, v1).fields.map((f) => f.field)).toEqual(['name', 'country', 'values', 'awarded', 'sources']);
    const d = diffVersions(v1, v1.replace('It was big.\n', 'It was big.\n\n\n'));
    expect(d.fields).toEqual([]);
    expect(d.body).toBeUndefined();
  });

  it('a lineage read once: each version parsed at most once, the same diffs as from texts, a new file without its field list', () => {
    const v2 = v1.replace('amount: 30000000', 'amount: 29800000').replace('sources: [a, b]', 'sources: [a, b, c]');
    const v3 = v2.replace('name: Acme', 'name: Acme Inc.');
    const [t1, t2, t3] = [v1, v2, v3].map(readVersionText);
    const added = diffVersionTexts(undefined, t1!, { fields: false });
    expect(added.fields).toEqual([]);
    expect(added.citationsAdded).toEqual(['a', 'b']);
    expect(added.body?.wordsAdded).toBe(7);
    expect(diffVersionTexts(t1, t2!)).toEqual(diffVersions(v1, v2));
    const parsed = new Map(t2!.values);
    expect(diffVersionTexts(t2, t3!)).toEqual(diffVersions(v2, v3));
    // The second diff reused what the first parsed of v2 (its sources).
    expect(t2!.values.get('sources')).toBe(parsed.get('sources'));
    // v1's unchanged name was never parsed; v2 and v3 share what did not change between them.
    expect(t1!.values.has('name')).toBe(false);
    expect(t3!.values.get('sources')).toBe(parsed.get('sources'));
    expect(t3!.values.get('values')).toBe(t2!.values.get('values'));
    expect(t3!.cites).toBe(t2!.cites);
    expect(t3!.values.get('name')).toBe('Acme Inc.');
  });

  it('helpers: front matter split into top-level fields, values as short text, unchanged bodies', () => {
    expect([...splitEntryFile(v1).blocks.keys()]).toEqual(['name', 'country', 'values', 'awarded', 'sources']);
    expect(valueText({ a: 1, b: [2, 3] })).toBe('a: 1, b: 2; 3');
    expect(valueText('x'.repeat(500)).length).toBe(160);
    expect(diffBody('same words', 'same   words')).toBeUndefined();
  });
});

describe('loading from real repositories', () => {
  const temps: string[] = [];
  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'wiki-git-history-'));
    temps.push(d);
    return d;
  };
  const git = (cwd: string, args: string[], date?: string) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, ...(date ? { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } : {}), GIT_DIR: undefined, GIT_WORK_TREE: undefined },
    });
  const write = (root: string, path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const commitAll = (repo: string, message: string, date: string) => {
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', message], date);
  };
  /** A repository with content/ in it: three commits on known dates. */
  const makeRepo = () => {
    const repo = tmp();
    git(repo, ['init', '-q']);
    write(repo, 'content/companies/acme.mdx', '---\nname: Acme\n---\n');
    write(repo, 'content/agencies/bureau.mdx', '---\nname: Bureau\n---\n');
    write(repo, 'README.md', 'outside content\n');
    commitAll(repo, 'first', '2024-01-10T12:00:00+01:00');
    write(repo, 'content/companies/acme.mdx', '---\nname: Acme Corp\n---\n');
    write(repo, 'content/companies/acme.ar.mdx', '---\nname: أكمي\n---\n');
    commitAll(repo, 'second', '2024-02-20T08:30:00Z');
    write(repo, 'README.md', 'changed outside content\n');
    commitAll(repo, 'third', '2024-03-01T00:00:00Z');
    return repo;
  };

  it('reads every version of every file with three git calls in all, however many files there are', async () => {
    const repo = makeRepo();
    write(repo, 'content/events/uncommitted.mdx', '---\ntitle: Not yet committed\n---\n');
    const calls: string[][] = [];
    const counting: GitRunner = (args, cwd) => {
      calls.push([...args]);
      return runGit(args, cwd);
    };
    let blobCalls = 0;
    const history = await loadHistory({
      contentDir: join(repo, 'content'),
      run: counting,
      readBlobs: async (ids, cwd) => {
        blobCalls++;
        const { readBlobs } = await import('../../src/lib/content/git-history');
        return readBlobs(ids, cwd);
      },
    });
    expect(calls).toHaveLength(2);
    expect(blobCalls).toBe(1);
    expect(history.status).toBe('full');
    expect(history.repoPrefix).toBe('content/');
    // A change outside content/ is not a version of anything.
    expect(history.commits.map((c) => c.message)).toEqual(['second', 'first']);
    const acme = historyOf(history, 'companies/acme');
    expect(acme).toMatchObject({ created: '2024-01-10T11:00:00Z', updated: '2024-02-20T08:30:00Z', complete: true, repoPath: 'content/companies/acme.mdx' });
    expect(acme.translations.ar).toEqual({ created: '2024-02-20T08:30:00Z', updated: '2024-02-20T08:30:00Z' });
    expect(acme.versions.map((v) => [v.commit.message, v.changes.map((c) => `${c.file} ${c.kind}`)])).toEqual([
      ['second', ['entry changed', 'ar added']],
      ['first', ['entry added']],
    ]);
    expect(acme.versions[0]!.changes[0]!.diff!.fields).toEqual([{ field: 'name', before: 'Acme', after: 'Acme Corp' }]);
    // English pages show the English file's versions; Arabic pages both.
    expect(versionsFor(acme, 'en')[0]!.changes.map((c) => c.file)).toEqual(['entry']);
    expect(lastChanged(acme, 'ar')).toBe('2024-02-20T08:30:00Z');
    expect(versionOn(acme.versions, '2024-02-01')!.commit.message).toBe('first');
    expect(versionOn(acme.versions, '2023-12-31')).toBeUndefined();
    // On disk but not committed: no versions, no dates.
    const fresh = historyOf(history, 'events/uncommitted');
    expect(fresh).toMatchObject({ versions: [], complete: false });
    expect(fresh.created).toBeUndefined();
  });

  it('joins an entry renamed with redirectFrom to its old file when git cannot pair them', async () => {
    const repo = makeRepo();
    unlinkSync(join(repo, 'content/companies/acme.mdx'));
    unlinkSync(join(repo, 'content/companies/acme.ar.mdx'));
    write(repo, 'content/companies/acme-corporation.mdx', '---\nname: Acme Corporation\nredirectFrom: [acme]\ncountry: GB\nsummary: Something else entirely, long enough to differ.\n---\n\nA wholly new text.\n');
    commitAll(repo, 'rename', '2024-04-01T00:00:00Z');
    const history = await loadHistory({ contentDir: join(repo, 'content') });
    const h = historyOf(history, 'companies/acme-corporation');
    expect(h.versions.map((v) => v.commit.message)).toEqual(['rename', 'second', 'first']);
    const rename = h.versions[0]!.changes.find((c) => c.file === 'entry')!;
    expect(rename).toMatchObject({ kind: 'renamed', renamedFrom: 'companies/acme.mdx' });
    expect(rename.diff!.fields).toContainEqual({ field: 'name', before: 'Acme Corp', after: 'Acme Corporation' });
    expect(h.created).toBe('2024-01-10T11:00:00Z');
    expect(history.removedFiles.has('companies/acme.mdx')).toBe(false);
    // The translation was removed, not renamed: it stays a removed file.
    expect(history.removedFiles.get('companies/acme.ar.mdx')!.at(-1)!.kind).toBe('removed');
  });

  it('a shallow clone: versions before the cut-off are missing and said to be, never dated', async () => {
    const repo = makeRepo();
    const shallow = join(tmp(), 'clone');
    git(tmp(), ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const history = await loadHistory({ contentDir: join(shallow, 'content') });
    expect(history.status).toBe('shallow');
    expect(historyWarning(history)).toMatch(/shallow.*fetch-depth: 0/);
    const acme = historyOf(history, 'companies/acme');
    expect(acme.versions.map((v) => v.changes.map((c) => c.kind))).toEqual([['present', 'present']]);
    expect(acme.created).toBeUndefined();
    expect(acme.updated).toBeUndefined();
    expect(acme.complete).toBe(false);
  });

  it('a content directory outside git, or a missing git: no versions and no dates, not an error', async () => {
    const dir = tmp();
    write(dir, 'companies/acme.mdx', '---\nname: Acme\n---\n');
    for (const history of [await loadHistory({ contentDir: dir }), await loadHistory({ contentDir: dir, run: async () => undefined })]) {
      expect(history).toEqual(EMPTY_HISTORY);
      expect(historyWarning(history)).toMatch(/not in a git work tree/);
      expect(historyOf(history, 'companies/acme')).toMatchObject({ versions: [], complete: false });
    }
    expect(entryHistory(EMPTY_HISTORY, 'companies/acme').created).toBeUndefined();
  });

  it('parseCatFile splits a batch of blobs, multi-byte text and missing ids included', () => {
    const a = Buffer.from('---\nname: أكمي\n---\n');
    const out = Buffer.concat([Buffer.from(`${blob('1')} blob ${a.length}\n`), a, Buffer.from(`\n${blob('2')} missing\n`)]);
    expect([...parseCatFile(out)]).toEqual([[blob('1'), a.toString('utf8')]]);
  });
});
