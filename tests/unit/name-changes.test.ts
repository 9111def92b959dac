/**
 * The pull-request list of changed names (src/lib/content/name-changes.ts),
 * on a git repository the test makes: a main branch with two entries and a
 * translation, and a branch that renames the translation to another company,
 * adds an alias, adds an entry and deletes one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameChanges, nameChangesSummary } from '../../src/lib/content/name-changes';

let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const put = (path: string, text: string) => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};
const entry = (name: string, extra = '') => `---\nname: ${name}\n${extra}summary: A company of the name-change tests.\nsources: [s]\n---\n\nText.\n`;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'wiki-names-'));
  git('init', '-q', '-b', 'main');
  put('content/companies/clearview-ai.mdx', entry('Clearview AI'));
  put('content/companies/clearview-ai.ar.mdx', '---\nname: كليرفيو للذكاء الاصطناعي\n---\n\nنص.\n');
  put('content/companies/palantir.mdx', entry('Palantir'));
  put('content/companies/gone.mdx', entry('Gone Corp'));
  put('content/sources/s.mdx', '---\ntitle: A source\nlanguage: en\nkind: news\n---\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'main');
  git('switch', '-q', '-c', 'pr');
  put('content/companies/clearview-ai.ar.mdx', '---\nname: "بالانتير\u200f"\n---\n\nنص.\n');
  put('content/companies/palantir.mdx', entry('Palantir', 'aliases: [Palantir | Technologies]\n'));
  put('content/companies/new-corp.mdx', entry('New Corp'));
  put('content/sources/s.mdx', '---\ntitle: A source\nlanguage: en\nkind: news\nsummary: Only the summary changed, no name.\n---\n');
  rmSync(join(repo, 'content/companies/gone.mdx'));
  git('add', '-A');
  git('commit', '-q', '-m', 'pr');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('names changed by a branch', () => {
  it('lists every changed name, title and alias, translations marked, and nothing else', () => {
    expect(nameChanges(repo, 'main')).toEqual([
      { file: 'content/companies/clearview-ai.ar.mdx', translation: true, field: 'name', before: ['كليرفيو للذكاء الاصطناعي'], after: ['بالانتير\u200f'] },
      { file: 'content/companies/gone.mdx', translation: false, field: 'name', before: ['Gone Corp'], after: [] },
      { file: 'content/companies/new-corp.mdx', translation: false, field: 'name', before: [], after: ['New Corp'] },
      { file: 'content/companies/palantir.mdx', translation: false, field: 'aliases', before: [], after: ['Palantir | Technologies'] },
    ]);
  });

  it('sees uncommitted changes too, so a contributor can run it before pushing', () => {
    const path = join(repo, 'content/companies/new-corp.mdx');
    const committed = readFileSync(path, 'utf8');
    writeFileSync(path, entry('Newer Corp'));
    try {
      expect(nameChanges(repo, 'main').find((c) => c.file.endsWith('new-corp.mdx'))?.after).toEqual(['Newer Corp']);
    } finally {
      writeFileSync(path, committed);
    }
  });

  it('writes a table for the check summary, hidden characters shown and table syntax escaped', () => {
    const summary = nameChangesSummary(nameChanges(repo, 'main'));
    expect(summary).toContain('## Names changed by this pull request');
    expect(summary).toContain('| content/companies/clearview-ai.ar.mdx (translation) | name | `كليرفيو للذكاء الاصطناعي` | `بالانتير\\u200f` |');
    expect(summary).toContain('| content/companies/palantir.mdx | aliases | (none) | `Palantir \\| Technologies` |');
    expect(summary).not.toContain('content/sources/s.mdx');
    expect(nameChangesSummary([])).toMatch(/No entry's name, title or aliases changed/);
  });

  it('the script prints the summary, and says what to do when the base branch is missing', () => {
    const script = join(process.cwd(), 'scripts/checks/name-changes.ts');
    const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
    const ok = spawnSync(tsx, [script, 'main'], { cwd: repo, encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: join(repo, 'summary.md') } });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('(translation) | name |');
    expect(readFileSync(join(repo, 'summary.md'), 'utf8')).toContain('## Names changed by this pull request');
    const missing = spawnSync(tsx, [script, 'origin/nowhere'], { cwd: repo, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^Cannot compare names with "origin\/nowhere": .*Fetch the base branch \(actions\/checkout with fetch-depth: 0\) or name another one\./);
  });
});
