/**
 * History a journalist can cite, on a real build of a small repository made
 * here: create, change a value, change a date's precision (on a branch,
 * merged), rename with redirectFrom, remove with a reason. The history page
 * lists each version with the right field changes; the delta export and the
 * per-entry feed agree with it; the removed entry's page exists; a commit
 * message is shown as text; and a shallow clone builds with a warning and
 * honest pages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'wiki-history-'));
const repo = join(dir, 'repo');
const content = join(repo, 'content');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const git = (cwd: string, args: string[], date?: string) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...(date ? { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } : {}), GIT_DIR: undefined, GIT_WORK_TREE: undefined },
  });
const edit = (path: string, from: string | RegExp, to: string) => {
  const file = join(content, path);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${path}: ${from} not found`).not.toBe(text);
  writeFileSync(file, next);
};
const commit = (message: string, date: string) => {
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', message], date);
  return git(repo, ['rev-parse', 'HEAD']).trim();
};

const ACME = `---
name: Acme Analytics
country: US
summary: A fixture company that the history test adds and then removes again.
sources: [tech-workers-call-on-ceos-to-speak-out-against-ice]
---

Acme Analytics is a fixture.<Cite source="tech-workers-call-on-ceos-to-speak-out-against-ice" />
`;

const commits: Record<string, string> = {};

function build(root: string, out: string) {
  const result = spawnSync('npx', ['astro', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, WIKI_CONTENT_DIR: join(root, 'content'), WIKI_OUT_DIR: out, WIKI_OG_IMAGES: 'off', SITE_URL: 'https://wiki.example.org' },
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return `${result.stdout}\n${result.stderr}`;
}

const out = join(dir, 'dist');
const read = (path: string, root = out) => readFileSync(join(root, path), 'utf8');
/** The text of one version's block on a history page. */
function versionBlock(html: string, commit: string): string {
  const start = html.indexOf(`id="v-${commit.slice(0, 12)}"`);
  expect(start, `version ${commit.slice(0, 12)} on the page`).toBeGreaterThan(0);
  const end = html.indexOf('<li id="v-', start + 10);
  return html.slice(start, end < 0 ? undefined : end);
}

beforeAll(() => {
  git(dir, ['init', '-q', repo]);
  cpSync(join('tests', 'fixtures', 'wiki', 'content'), content, { recursive: true });
  // The addresses the fixture has published, which a redirect may keep alive.
  cpSync(join('tests', 'fixtures', 'wiki', 'published-urls.txt'), join(repo, 'published-urls.txt'));
  writeFileSync(join(content, 'companies', 'acme-analytics.mdx'), ACME);
  commits.create = commit('Create the fixture wiki', '2025-01-10T12:00:00Z');

  edit('contracts/immigrationos.mdx', 'amount: 30000000', 'amount: 29800000');
  commits.value = commit('Contract value: <b>the award notice</b> says $29.8M', '2025-02-01T09:00:00Z');

  // A change made on a branch and merged: the merge commit adds no version of its own.
  git(repo, ['checkout', '-q', '-b', 'precision']);
  edit('contracts/immigrationos.mdx', 'awarded: 2025-04', 'awarded: 2025-04-18');
  commits.precision = commit('Award date to the day', '2025-03-01T09:00:00Z');
  git(repo, ['checkout', '-q', 'main']);
  git(repo, ['merge', '-q', '--no-ff', '-m', 'Merge the award date', 'precision'], '2025-03-02T09:00:00Z');

  // Renamed and rewritten, so git cannot pair the files: redirectFrom joins the histories.
  unlinkSync(join(content, 'events', 'fixture-open-letter.mdx'));
  writeFileSync(
    join(content, 'events', 'workers-open-letter.mdx'),
    `---
title: Workers' open letter
date: 2026-01
dateQualifier: before
dateNote: A fixture event used by the history test.
kind: employee-action
involved: [agencies/ice, companies/palantir-technologies, contracts/immigrationos]
summary: A fixture event renamed by the history test, with its old id kept as a redirect.
sources: [tech-workers-call-on-ceos-to-speak-out-against-ice]
redirectFrom: [fixture-open-letter]
---

Technology workers signed a letter about [ImmigrationOS](/contracts/immigrationos/).<Cite source="tech-workers-call-on-ceos-to-speak-out-against-ice" />
`,
  );
  commits.rename = commit('Rename the open letter', '2025-04-01T09:00:00Z');

  unlinkSync(join(content, 'companies', 'acme-analytics.mdx'));
  writeFileSync(
    join(content, 'removed.yaml'),
    `- entry: companies/acme-analytics
  name: Acme Analytics
  removed: 2025-05-01
  reason: The company was added by mistake; no source reports its work for any agency.
`,
  );
  commits.remove = commit('Remove Acme Analytics', '2025-05-01T09:00:00Z');
  build(repo, out);
}, 240_000);

describe('a full history', () => {
  it('the history page lists each version of the contract, newest first, with the fields it changed', () => {
    const html = read('contracts/immigrationos/history/index.html');
    const order = [commits.precision!, commits.value!, commits.create!].map((c) => html.indexOf(`id="v-${c.slice(0, 12)}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).not.toContain('Merge the award date');
    expect(versionBlock(html, commits.precision!)).toMatch(/<code[^>]*>awarded<\/code>[\s\S]*?<bdi[^>]*>2025-04<\/bdi>[\s\S]*?<bdi[^>]*>2025-04-18<\/bdi>/);
    const value = versionBlock(html, commits.value!);
    expect(value).toMatch(/values\[0\]\.amount[\s\S]*?<bdi[^>]*>30000000<\/bdi>[\s\S]*?<bdi[^>]*>29800000<\/bdi>/);
    // The commit message is text, never HTML.
    expect(value).toContain('&lt;b&gt;the award notice&lt;/b&gt;');
    expect(value).not.toContain('<b>the award notice</b>');
    expect(versionBlock(html, commits.create!)).toContain('Entry: added');
    expect(html).toContain('current version');
  });

  it('what each version said can be read on the site (no repository configured): the file exactly as it was at that commit', () => {
    const html = read('contracts/immigrationos/history/index.html');
    for (const c of [commits.create!, commits.value!, commits.precision!]) {
      const path = `contracts/immigrationos/history/${c.slice(0, 12)}.txt`;
      expect(versionBlock(html, c)).toContain(`href="/${path}"`);
      expect(read(path)).toBe(git(repo, ['show', `${c}:content/contracts/immigrationos.mdx`]));
    }
    expect(read(`contracts/immigrationos/history/${commits.create!.slice(0, 12)}.txt`)).toContain('amount: 30000000');
  });

  it('a renamed entry keeps its earlier versions, and the rename is said', () => {
    const html = read('events/workers-open-letter/history/index.html');
    expect(versionBlock(html, commits.rename!)).toMatch(/Entry: renamed[^<]*\(formerly <code[^>]*>events\/fixture-open-letter\.mdx<\/code>\)/);
    expect(versionBlock(html, commits.rename!)).toMatch(/<code[^>]*>title<\/code>[\s\S]*?<bdi[^>]*>Fixture open letter<\/bdi>[\s\S]*?<bdi[^>]*>Workers(&#39;|')? open letter<\/bdi>/);
    expect(versionBlock(html, commits.create!)).toContain('Entry: added');
  });

  it('a removed entry keeps its address: a page says when and why, and its history stays', () => {
    const page = read('companies/acme-analytics/index.html');
    expect(page).toContain('Acme Analytics (removed)');
    expect(page).toContain('no source reports its work for any agency');
    expect(page).toMatch(/<time datetime="2025-05-01">1 May 2025<\/time>/);
    expect(existsSync(join(out, 'ar', 'companies', 'acme-analytics', 'index.html'))).toBe(true);
    const history = read('companies/acme-analytics/history/index.html');
    expect(versionBlock(history, commits.remove!)).toContain('Entry: removed');
    expect(versionBlock(history, commits.create!)).toContain('Entry: added');
  });

  it('the delta export agrees with the history pages', () => {
    const changes = JSON.parse(read('api/v1/changes.json'));
    expect(changes.history).toBe('full');
    expect(changes.latest.commit).toBe(commits.remove);
    expect(changes.latest.removed.map((e: { key: string }) => e.key)).toEqual(['companies/acme-analytics']);
    expect(changes.versions.map((v: { commit: string }) => v.commit)).toEqual([commits.remove, commits.rename, commits.precision, commits.value, commits.create]);
    const value = JSON.parse(read(`api/v1/changes/${commits.value}.json`));
    expect(value.changed).toEqual([
      expect.objectContaining({ key: 'contracts/immigrationos', file: 'entry', fields: [{ field: 'values[0].amount', before: '30000000', after: '29800000' }], versionUrl: `https://wiki.example.org/contracts/immigrationos/history/#v-${commits.value!.slice(0, 12)}` }),
    ]);
    const rename = JSON.parse(read(`api/v1/changes/${commits.rename}.json`));
    expect(rename.changed).toEqual([expect.objectContaining({ key: 'events/workers-open-letter', renamedFrom: 'events/fixture-open-letter.mdx' })]);
    const created = JSON.parse(read(`api/v1/changes/${commits.create}.json`));
    expect(created.added.length).toBeGreaterThanOrEqual(8);
  });

  it('the per-entry feed carries every version with the summary the page shows', () => {
    const feed = read('contracts/immigrationos/feed.xml');
    const ids = [...feed.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual([commits.precision, commits.value, commits.create].map((c) => `https://wiki.example.org/contracts/immigrationos/history/#v-${c!.slice(0, 12)}`));
    expect(feed).toContain('<summary>changed awarded</summary>');
    expect(feed).toContain('<summary>changed values[0].amount</summary>');
    // The site feed carries change summaries, not only titles.
    expect(read('feed.xml')).toMatch(/<content type="text">[^<]*changed awarded/);
    expect(read('contracts/feed.xml')).toContain(`#v-${commits.precision!.slice(0, 12)}`);
  });

  it('the entry page cites its current version by commit and links its place in the history', () => {
    const page = read('contracts/immigrationos/index.html');
    expect(page).toContain(`href="/contracts/immigrationos/history/#v-${commits.precision!.slice(0, 12)}"`);
    expect(page).toContain(`&quot;version&quot;: &quot;${commits.precision!.slice(0, 12)}&quot;`);
  });
});

describe('a shallow clone', () => {
  const shallow = join(dir, 'shallow');
  const shallowOut = join(dir, 'dist-shallow');
  let log = '';
  beforeAll(() => {
    git(dir, ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    log = build(shallow, shallowOut);
  }, 240_000);

  it('builds with a clear warning', () => {
    expect(log).toContain('history: this clone is shallow');
  });

  it('says the history is not available rather than inventing dates', () => {
    const html = read('contracts/immigrationos/history/index.html', shallowOut);
    expect(html).toContain('are not available in this build');
    expect(html).toContain("as found at the start of this build&#39;s history");
    expect(html).not.toContain(commits.create!.slice(0, 12));
    const entries = JSON.parse(read('api/v1/entries.json', shallowOut)).entries as { key: string; history: { created: string | null } }[];
    expect(entries.find((e) => e.key === 'contracts/immigrationos')!.history.created).toBeNull();
    expect(JSON.parse(read('api/v1/changes.json', shallowOut)).history).toBe('shallow');
  });
});

