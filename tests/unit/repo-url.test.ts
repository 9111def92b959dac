/**
 * Where the repository is (src/lib/content/repo-url.ts): web addresses from
 * git remotes on known forges, in every form git writes them; nothing for
 * anything else; the forges' own layouts for history and file links.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileAtCommitUrl, fileUrl, forgeWebUrl, originRemote, resolveRepoUrl } from '../../src/lib/content/repo-url';

describe('forgeWebUrl', () => {
  it.each<[string, string]>([
    ['https://github.com/owner/wiki.git', 'https://github.com/owner/wiki'],
    ['https://github.com/owner/wiki', 'https://github.com/owner/wiki'],
    ['https://github.com/owner/wiki/', 'https://github.com/owner/wiki'],
    ['git@github.com:owner/wiki.git', 'https://github.com/owner/wiki'],
    ['ssh://git@github.com/owner/wiki.git', 'https://github.com/owner/wiki'],
    ['ssh://git@github.com:22/owner/wiki.git', 'https://github.com/owner/wiki'],
    ['git://github.com/owner/wiki.git', 'https://github.com/owner/wiki'],
    ['https://x-access-token:secret@github.com/owner/wiki.git', 'https://github.com/owner/wiki'],
    ['https://WWW.GitHub.com/owner/wiki', 'https://github.com/owner/wiki'],
    ['git@gitlab.com:group/subgroup/wiki.git', 'https://gitlab.com/group/subgroup/wiki'],
    ['https://gitlab.com/group/wiki.git', 'https://gitlab.com/group/wiki'],
    ['git@codeberg.org:owner/wiki.git', 'https://codeberg.org/owner/wiki'],
    ['https://codeberg.org/owner/wiki.git\n', 'https://codeberg.org/owner/wiki'],
  ])('%s → %s', (remote, web) => expect(forgeWebUrl(remote)).toBe(web));

  it.each([
    ['an unknown host', 'https://git.example.org/owner/wiki.git'],
    ['an unknown host, scp-like', 'git@git.example.org:owner/wiki.git'],
    ['a local path', '/srv/git/wiki.git'],
    ['a relative path', '../wiki'],
    ['a file URL', 'file:///srv/git/wiki.git'],
    ['a forge without a repository', 'https://github.com/owner'],
    ['a path with odd characters', 'https://github.com/owner/wi ki'],
    ['nothing', ''],
  ])('gives nothing for %s', (_, remote) => expect(forgeWebUrl(remote)).toBeUndefined());
});

describe('resolveRepoUrl', () => {
  it('prefers WIKI_REPO_URL, without asking git', () => {
    expect(resolveRepoUrl('https://git.example.org/wiki/', () => { throw new Error('git asked'); })).toBe('https://git.example.org/wiki');
  });
  it('otherwise derives it from the remote', () => expect(resolveRepoUrl(undefined, () => 'git@github.com:owner/wiki.git')).toBe('https://github.com/owner/wiki'));
  it('gives nothing when there is no remote or it is not on a known forge', () => {
    expect(resolveRepoUrl(undefined, () => undefined)).toBeUndefined();
    expect(resolveRepoUrl(undefined, () => '/srv/git/wiki.git')).toBeUndefined();
  });
});

describe('links into the repository follow each forge’s layout', () => {
  it.each<[string, string, string]>([
    ['https://github.com/o/r', 'https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/content/a%20b.mdx', 'https://github.com/o/r/blob/main/CONTRIBUTING.md'],
    ['https://gitlab.com/g/r', 'https://gitlab.com/g/r/-/blob/0123456789abcdef0123456789abcdef01234567/content/a%20b.mdx', 'https://gitlab.com/g/r/-/blob/main/CONTRIBUTING.md'],
    ['https://codeberg.org/o/r/', 'https://codeberg.org/o/r/src/commit/0123456789abcdef0123456789abcdef01234567/content/a%20b.mdx', 'https://codeberg.org/o/r/src/branch/main/CONTRIBUTING.md'],
    ['https://git.example.org/o/r', 'https://git.example.org/o/r/blob/0123456789abcdef0123456789abcdef01234567/content/a%20b.mdx', 'https://git.example.org/o/r/blob/main/CONTRIBUTING.md'],
  ])('%s', (repo, atCommit, file) => {
    expect(fileAtCommitUrl(repo, '0123456789abcdef0123456789abcdef01234567', 'content/a b.mdx')).toBe(atCommit);
    expect(fileUrl(repo, 'main', 'CONTRIBUTING.md')).toBe(file);
  });
});

describe('originRemote on real directories', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const tmp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'wiki-remote-'));
    dirs.push(dir);
    return dir;
  };

  it('reads the clone’s origin, which gives the repository on a known forge', () => {
    const dir = tmp();
    execFileSync('git', ['init', '-q', dir]);
    execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:owner/wiki.git'], { cwd: dir });
    expect(originRemote(dir)).toBe('git@github.com:owner/wiki.git');
    expect(resolveRepoUrl(undefined, () => originRemote(dir))).toBe('https://github.com/owner/wiki');
  });

  it('gives nothing for a repository without a remote, or a directory outside git', () => {
    const repo = tmp();
    execFileSync('git', ['init', '-q', repo]);
    expect(originRemote(repo)).toBeUndefined();
    expect(originRemote(tmp())).toBeUndefined();
  });
});
