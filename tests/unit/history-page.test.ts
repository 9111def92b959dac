/**
 * The history page's view model (views/history-page.ts), its versions as HTML
 * (views/history-html.ts) and the feeds' one-line summaries
 * (model/change-summary.ts), on a small hand-made entry history.
 */
import { describe, expect, it } from 'vitest';
import type { EntryKey } from '../../src/lib/isomorphic/entry-keys';
import { changeSummary } from '../../src/lib/model/change-summary';
import type { EntryHistory, HistoryCommit } from '../../src/lib/model/history';
import { diffVersions } from '../../src/lib/model/version-diff';
import { versionsHtml } from '../../src/lib/views/history-html';
import { historyPage } from '../../src/lib/views/history-page';

const commit = (hash: string, date: string, message: string): HistoryCommit => ({ hash: hash.repeat(40 / hash.length), short: hash.repeat(40 / hash.length).slice(0, 12), date, message });
const c1 = commit('a1', '2025-01-10T12:00:00Z', 'Create');
const c2 = commit('b2', '2025-02-01T09:00:00Z', 'Value: <b>the notice</b> & "more"');
const c3 = commit('c3', '2025-02-01T15:00:00Z', 'Translate');

const V1 = `---
name: Acme
value: 30000000
sources: [a]
---

Acme sold a thing.
`;
const V2 = V1.replace('value: 30000000', 'value: 29800000').replace('sources: [a]', 'sources: [a, b]');
const AR = `---
name: أكمي
---

نص.
`;

const key = 'companies/acme' as EntryKey;
const history: EntryHistory = {
  created: c1.date,
  updated: c2.date,
  complete: true,
  repoPath: 'content/companies/acme.mdx',
  translations: { ar: { created: c3.date, updated: c3.date } },
  versions: [
    { commit: c3, changes: [{ commit: c3, kind: 'added', path: 'companies/acme.ar.mdx', blob: 'ar1', file: 'ar', diff: diffVersions(undefined, AR) }] },
    { commit: c2, changes: [{ commit: c2, kind: 'changed', path: 'companies/acme.mdx', blob: 'en2', file: 'entry', diff: diffVersions(V1, V2) }] },
    { commit: c1, changes: [{ commit: c1, kind: 'added', path: 'companies/acme.mdx', blob: 'en1', file: 'entry', diff: diffVersions(undefined, V1) }] },
  ],
};
const input = { key, name: 'Acme', history, status: 'full' as const, repoPrefix: 'wiki/content/', site: 'https://wiki.example.org', translated: true };

describe('historyPage', () => {
  it('English: the entry file’s versions only, newest first, anchored by commit and by the newest of each day', () => {
    const page = historyPage({ ...input, locale: 'en' });
    expect(page.versions.map((v) => v.short)).toEqual([c2.short, c1.short]);
    expect(page.versions.map((v) => v.dayAnchor)).toEqual(['d-2025-02-01', 'd-2025-01-10']);
    expect(page.versions[0]!.current).toBe(true);
    expect(page.versions[0]!.permalink).toBe(`https://wiki.example.org/companies/acme/history/#v-${c2.short}`);
    expect(page.versions[0]!.changes[0]!.fields).toEqual([
      { field: 'value', before: '30000000', after: '29800000' },
      { field: 'sources', after: 'b' },
    ]);
    // A new file's fields are all new: not listed again.
    expect(page.versions[1]!.changes[0]!.fields).toEqual([]);
    expect(page.countText).toBe('2 versions');
  });

  it('Arabic: the translation’s versions too; the file at a commit is linked under the repository prefix', () => {
    const page = historyPage({ ...input, locale: 'ar', fileAtCommit: (hash, path) => `https://forge.example/${hash}/${path}` });
    expect(page.versions.map((v) => v.short)).toEqual([c3.short, c2.short, c1.short]);
    expect(page.versions.map((v) => v.dayAnchor)).toEqual(['d-2025-02-01', undefined, 'd-2025-01-10']);
    expect(page.versions[0]!.sourceUrl).toBe(`https://forge.example/${c3.hash}/wiki/content/companies/acme.ar.mdx`);
    expect(page.versions[1]!.sourceUrl).toBe(`https://forge.example/${c2.hash}/wiki/content/companies/acme.mdx`);
    expect(page.versions[0]!.changes[0]!.lang).toBe('ar');
  });

  it('without a repository, each version links its copy on the site; without git, a notice and no versions', () => {
    expect(historyPage({ ...input, locale: 'en' }).versions[0]!.sourceUrl).toBe(`/companies/acme/history/${c2.short}.txt`);
    const none = historyPage({ ...input, locale: 'en', status: 'unavailable', history: { ...history, versions: [], complete: false } });
    expect(none.versions).toEqual([]);
    expect(none.notice).toMatch(/not available/);
  });
});

describe('versionsHtml', () => {
  const html = versionsHtml(historyPage({ ...input, locale: 'en' }), 'en');

  it('one item per version with its anchors, and the commit message as text, never markup', () => {
    expect(html.match(/<li id="v-/g)).toHaveLength(2);
    expect(html).toContain(`<li id="v-${c2.short}" class="version"><span id="d-2025-02-01"></span>`);
    expect(html).toContain('<p class="version-message" lang="en" dir="auto">Value: &lt;b&gt;the notice&lt;/b&gt; &amp; &quot;more&quot;</p>');
    expect(html).not.toContain('<b>');
  });

  it('field changes as a table, values isolated in their language; body, citations and links', () => {
    expect(html).toContain('<tr><th scope="row"><code dir="ltr">value</code></th><td data-label="Before"><bdi lang="en">30000000</bdi></td><td data-label="After"><bdi lang="en">29800000</bdi></td></tr>');
    expect(html).toContain('<td data-label="Before"><span class="muted">(none)</span></td>');
    expect(html).toContain('<p><strong>Sources cited:</strong> <code dir="ltr">b</code></p>');
    expect(html).toContain(`<a href="#v-${c1.short}">Link to this version</a><span aria-hidden="true"> · </span><a href="/companies/acme/history/${c1.short}.txt">The file at this version</a>`);
    expect(html).toMatch(/<ins>added: “<bdi lang="en">Acme sold a thing\.<\/bdi>”<\/ins>/);
  });

  it('an Arabic page’s labels are Arabic, and the translation’s text is marked Arabic', () => {
    const ar = versionsHtml(historyPage({ ...input, locale: 'ar' }), 'ar');
    expect(ar).toContain('<bdi lang="ar">نص.</bdi>');
    expect(ar).not.toContain('Link to this version');
  });
});

describe('changeSummary', () => {
  it('says what a version changed in the reader’s language, a translation’s change as such', () => {
    expect(changeSummary(history.versions[1]!, 'en')).toBe('changed value, sources, sources cited: b');
    expect(changeSummary(history.versions[2]!, 'en')).toMatch(/^entry added/);
    expect(changeSummary(history.versions[0]!, 'ar')).not.toBe(changeSummary(history.versions[0]!, 'en'));
  });
});
