/**
 * git-history: parsing `git log` output (table-driven), combining it with the
 * content files, and loading it from real temporary repositories: a normal
 * one, a shallow clone, and a directory outside git.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildHistory,
  GIT_LOG_ARGS,
  historyOf,
  historyUrlFor,
  lastChanged,
  loadHistory,
  parseGitLog,
  runGit,
  toUtcIso,
  type GitRunner,
  type LogDates,
} from '../../src/lib/content/git-history';
import { repoWebUrl } from '../../src/lib/content/repo-url';

const R = '\x1e';
/** One commit record as `git log` prints it with GIT_LOG_ARGS. */
const commit = (hash: string, date: string, parents: string, files: string[]) => `${R}${hash}\t${date}\t${parents}\n\n${files.join('\n')}\n`;

describe('parseGitLog', () => {
  const cases: { name: string; log: string; shallow?: boolean; expected: Record<string, LogDates> }[] = [
    {
      name: 'one commit adds two files',
      log: commit('a1', '2025-01-02T03:04:05+00:00', '', ['companies/x.mdx', 'agencies/y.mdx']),
      expected: {
        'companies/x.mdx': { created: '2025-01-02T03:04:05Z', updated: '2025-01-02T03:04:05Z' },
        'agencies/y.mdx': { created: '2025-01-02T03:04:05Z', updated: '2025-01-02T03:04:05Z' },
      },
    },
    {
      name: 'a later commit changes one file (newest first, as git prints it)',
      log:
        commit('b2', '2025-03-01T10:00:00+00:00', 'a1', ['companies/x.mdx']) +
        commit('a1', '2025-01-02T03:04:05+00:00', '', ['companies/x.mdx', 'agencies/y.mdx']),
      expected: {
        'companies/x.mdx': { created: '2025-01-02T03:04:05Z', updated: '2025-03-01T10:00:00Z' },
        'agencies/y.mdx': { created: '2025-01-02T03:04:05Z', updated: '2025-01-02T03:04:05Z' },
      },
    },
    {
      name: 'time-zone offsets are normalised to UTC',
      log: commit('a1', '2025-01-02T01:00:00+02:00', '', ['events/e.mdx']),
      expected: { 'events/e.mdx': { created: '2025-01-01T23:00:00Z', updated: '2025-01-01T23:00:00Z' } },
    },
    {
      name: 'dates out of listing order (after a rebase) still give min and max',
      log:
        commit('c3', '2025-02-01T00:00:00Z', 'b2', ['sources/s.mdx']) +
        commit('b2', '2025-05-01T00:00:00Z', 'a1', ['sources/s.mdx']) +
        commit('a1', '2025-01-01T00:00:00Z', '', ['sources/s.mdx']),
      expected: { 'sources/s.mdx': { created: '2025-01-01T00:00:00Z', updated: '2025-05-01T00:00:00Z' } },
    },
    {
      name: 'a merge commit without files and blank lines are ignored',
      log: `${commit('m9', '2025-06-01T00:00:00Z', 'b2 c3', [])}\n\n${commit('b2', '2025-04-01T00:00:00Z', 'a1', ['contracts/k.mdx'])}`,
      expected: { 'contracts/k.mdx': { created: '2025-04-01T00:00:00Z', updated: '2025-04-01T00:00:00Z' } },
    },
    {
      name: 'a record with an unreadable date is skipped',
      log: commit('zz', 'not-a-date', '', ['companies/x.mdx']) + commit('a1', '2025-01-01T00:00:00Z', '', ['companies/y.mdx']),
      expected: { 'companies/y.mdx': { created: '2025-01-01T00:00:00Z', updated: '2025-01-01T00:00:00Z' } },
    },
    {
      name: 'without the shallow flag, a parentless commit is a real first commit',
      log: commit('a1', '2025-01-01T00:00:00Z', '', ['companies/x.mdx']),
      shallow: false,
      expected: { 'companies/x.mdx': { created: '2025-01-01T00:00:00Z', updated: '2025-01-01T00:00:00Z' } },
    },
    {
      name: 'shallow clone: a file seen only at the cut-off has no known dates',
      log: commit('a1', '2025-01-01T00:00:00Z', '', ['companies/x.mdx']),
      shallow: true,
      expected: { 'companies/x.mdx': {} },
    },
    {
      name: 'shallow clone: a file changed after the cut-off has a known update but no creation date',
      log:
        commit('b2', '2025-03-01T00:00:00Z', 'a1', ['companies/x.mdx', 'companies/new.mdx']) +
        commit('a1', '2025-01-01T00:00:00Z', '', ['companies/x.mdx']),
      shallow: true,
      expected: {
        'companies/x.mdx': { updated: '2025-03-01T00:00:00Z' },
        'companies/new.mdx': { created: '2025-03-01T00:00:00Z', updated: '2025-03-01T00:00:00Z' },
      },
    },
    { name: 'empty output (no commits)', log: '', expected: {} },
  ];
  it.each(cases)('$name', ({ log, shallow, expected }) => {
    expect(Object.fromEntries(parseGitLog(log, { shallow }))).toEqual(expected);
  });

  it('uses a format that prints hash, committer date and parents, and file names relative to the content directory', () => {
    expect(GIT_LOG_ARGS).toContain('--name-only');
    expect(GIT_LOG_ARGS).toContain('--relative');
    expect(GIT_LOG_ARGS.find((a) => a.startsWith('--format='))).toBe('--format=%x1e%H%x09%cI%x09%P');
  });

  it('toUtcIso rejects nonsense', () => {
    expect(toUtcIso('2025-13-45')).toBeUndefined();
    expect(toUtcIso('2025-04-17T12:00:00-05:00')).toBe('2025-04-17T17:00:00Z');
  });
});

describe('buildHistory and helpers', () => {
  const dates = new Map<string, LogDates>([
    ['companies/x.mdx', { created: '2025-01-01T00:00:00Z', updated: '2025-02-01T00:00:00Z' }],
    ['companies/x.ar.mdx', { created: '2025-03-01T00:00:00Z', updated: '2025-04-01T00:00:00Z' }],
  ]);
  const files = ['companies/x.mdx', 'companies/x.ar.mdx', 'agencies/new.mdx', 'notes/readme.md', 'companies/README.txt'];

  it('keys entries by collection/id, attaches translations, leaves unknown dates undefined', () => {
    const h = buildHistory(files, dates, { repoUrl: 'https://github.com/o/r/', branch: 'main', repoPrefix: 'content/' });
    expect([...h.keys()].sort()).toEqual(['agencies/new', 'companies/x']);
    expect(h.get('companies/x')).toEqual({
      created: '2025-01-01T00:00:00Z',
      updated: '2025-02-01T00:00:00Z',
      historyUrl: 'https://github.com/o/r/commits/main/content/companies/x.mdx',
      translations: {
        ar: {
          created: '2025-03-01T00:00:00Z',
          updated: '2025-04-01T00:00:00Z',
          historyUrl: 'https://github.com/o/r/commits/main/content/companies/x.ar.mdx',
        },
      },
    });
    const fresh = h.get('agencies/new')!;
    expect(fresh.created).toBeUndefined();
    expect(fresh.updated).toBeUndefined();
    expect(fresh.historyUrl).toBe('https://github.com/o/r/commits/main/content/agencies/new.mdx');
  });

  it('uses the content directory\'s real place in the repository for links (e.g. the test fixtures)', () => {
    const h = buildHistory(['events/e.mdx'], new Map(), { repoUrl: 'https://example.org/repo', branch: 'dev', repoPrefix: 'tests/fixtures/wiki/content/' });
    expect(h.get('events/e')!.historyUrl).toBe('https://example.org/repo/commits/dev/tests/fixtures/wiki/content/events/e.mdx');
  });

  it('historyUrlFor trims trailing slashes and encodes path segments', () => {
    expect(historyUrlFor('https://github.com/o/r//', 'main', 'content/a b.mdx')).toBe('https://github.com/o/r/commits/main/content/a%20b.mdx');
  });

  it('lastChanged takes the later of the entry and, for Arabic, its translation', () => {
    const h = buildHistory(files, dates, { repoUrl: 'u', branch: 'main', repoPrefix: 'content/' }).get('companies/x')!;
    expect(lastChanged(h, 'en')).toBe('2025-02-01T00:00:00Z');
    expect(lastChanged(h, 'ar')).toBe('2025-04-01T00:00:00Z');
    expect(lastChanged({ historyUrl: 'u', translations: {} })).toBeUndefined();
  });

  it('historyOf gives a key missing from the map no dates, and a link exactly when the repository is known', () => {
    const h = historyOf(new Map(), 'companies/missing');
    expect(h.created).toBeUndefined();
    if (repoWebUrl()) expect(h.historyUrl).toMatch(/\/commits\/[^/]+\/content\/companies\/missing\.mdx$/);
    else expect(h.historyUrl).toBeUndefined();
  });

  it('gives no history link at all when the repository is not known (never a placeholder)', () => {
    const h = buildHistory(files, dates, { repoUrl: undefined, branch: 'main', repoPrefix: 'content/' }).get('companies/x')!;
    expect(h.historyUrl).toBeUndefined();
    expect(h.translations.ar?.historyUrl).toBeUndefined();
    expect(h.updated).toBe('2025-02-01T00:00:00Z');
  });
});

describe('loadHistory on real directories', () => {
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
  /** A repository with content/ in it: three commits on known dates. */
  const makeRepo = () => {
    const repo = tmp();
    git(repo, ['init', '-q']);
    write(repo, 'content/companies/acme.mdx', '---\nname: Acme\n---\n');
    write(repo, 'content/agencies/bureau.mdx', '---\nname: Bureau\n---\n');
    write(repo, 'README.md', 'outside content\n');
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'first'], '2024-01-10T12:00:00+01:00');
    write(repo, 'content/companies/acme.mdx', '---\nname: Acme Corp\n---\n');
    write(repo, 'content/companies/acme.ar.mdx', '---\nname: أكمي\n---\n');
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'second'], '2024-02-20T08:30:00Z');
    write(repo, 'README.md', 'changed outside content\n');
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'third'], '2024-03-01T00:00:00Z');
    return repo;
  };

  it('reads created/updated for every file with two git calls in all, however many files there are', async () => {
    const repo = makeRepo();
    write(repo, 'content/events/uncommitted.mdx', '---\ntitle: Not yet committed\n---\n');
    const calls: string[][] = [];
    const counting: GitRunner = (args, cwd) => {
      calls.push([...args]);
      return runGit(args, cwd);
    };
    const h = await loadHistory({ contentDir: join(repo, 'content'), repoUrl: 'https://github.com/o/r', run: counting });
    expect(calls).toHaveLength(2);
    expect(calls.filter((c) => c.includes('log'))).toHaveLength(1);
    expect(h.get('companies/acme')).toMatchObject({
      created: '2024-01-10T11:00:00Z',
      updated: '2024-02-20T08:30:00Z',
      historyUrl: 'https://github.com/o/r/commits/main/content/companies/acme.mdx',
    });
    expect(h.get('companies/acme')!.translations.ar).toMatchObject({ created: '2024-02-20T08:30:00Z', updated: '2024-02-20T08:30:00Z' });
    // A change outside content/ is not a change of any entry.
    expect(h.get('agencies/bureau')).toMatchObject({ created: '2024-01-10T11:00:00Z', updated: '2024-01-10T11:00:00Z' });
    // A file on disk but not committed: known link, unknown dates.
    expect(h.get('events/uncommitted')!.created).toBeUndefined();
    expect(h.get('events/uncommitted')!.updated).toBeUndefined();
  });

  it('reports unknown dates (never guesses) in a shallow clone for files only at the cut-off', async () => {
    const repo = makeRepo();
    const shallow = join(tmp(), 'clone');
    git(tmp(), ['clone', '-q', '--depth', '2', `file://${repo}`, shallow]);
    const h = await loadHistory({ contentDir: join(shallow, 'content'), repoUrl: 'https://github.com/o/r' });
    // The depth-2 clone holds "third" and "second"; "second" is the cut-off.
    expect(h.get('companies/acme')!.created).toBeUndefined();
    expect(h.get('companies/acme')!.updated).toBeUndefined();
    expect(h.get('agencies/bureau')!.created).toBeUndefined();
    expect(h.get('agencies/bureau')!.updated).toBeUndefined();
    expect(h.get('companies/acme')!.historyUrl).toBe('https://github.com/o/r/commits/main/content/companies/acme.mdx');
  });

  it('a content directory outside git (e.g. a copy in /tmp) still loads, with every date unknown', async () => {
    const dir = tmp();
    write(dir, 'companies/acme.mdx', '---\nname: Acme\n---\n');
    write(dir, 'companies/acme.ar.mdx', '---\nname: أكمي\n---\n');
    const h = await loadHistory({ contentDir: dir });
    expect([...h.keys()]).toEqual(['companies/acme']);
    const acme = h.get('companies/acme')!;
    expect(acme.created).toBeUndefined();
    expect(acme.updated).toBeUndefined();
    expect(acme.historyUrl).toBeUndefined();
    expect(acme.translations.ar?.updated).toBeUndefined();
  });

  it('a missing git (the runner fails) gives unknown dates, not an error', async () => {
    const dir = tmp();
    write(dir, 'sources/s.mdx', '---\ntitle: S\n---\n');
    const h = await loadHistory({ contentDir: dir, run: async () => undefined });
    expect(h.get('sources/s')).toEqual({ translations: {} });
  });
});
