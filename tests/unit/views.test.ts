/**
 * The page view models on the fixture wiki (tests/fixtures/wiki), built by the
 * wiki's own reader, check and model builder, plus one contract known only by
 * its start date, with a response and a correction.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { readContentDir } from '../../src/lib/content/files';
import { buildWiki } from '../../src/lib/model/build';
import { listedDate, type Wiki } from '../../src/lib/model/entry';
import type { EntryHistory } from '../../src/lib/model/history';
import type { EntryKey } from '../../src/lib/isomorphic/entry-keys';
import { CONTRACT_CSV_COLUMNS } from '../../src/lib/output/exports/csv';
import { browseRows } from '../../src/lib/views/browse';
import { dataPage } from '../../src/lib/views/data-page';
import { entryPage, redirectPage } from '../../src/lib/views/entry-page';
import { homePage, networkPage, timelinePage } from '../../src/lib/views/site-pages';
import { footnoteViews } from '../../src/lib/views/entry';
import { linkView } from '../../src/lib/views/format';
import { translator } from '../../src/i18n';
import { file } from './helpers';

const STARTED = file(
  'contracts',
  'palantir-ice-pilot.mdx',
  `---
title: Fixture pilot
kind: pilot
buyer: ice
suppliers:
  - company: palantir-technologies
start: 2025-04
status: pilot
summary: A fixture contract whose sources give only the month its work started.
sources: [palantir-employees-question-ice-work]
redirectFrom: [old-fixture-pilot]
responses:
  - date: 2026-01-26
    by: A Palantir spokesperson
    said: A fixture response.
    source: palantir-employees-question-ice-work
corrections:
  - date: 2026-02-01
    change: A fixture correction.
    reason: A fixture reason.
---

The pilot started in April 2025.<Cite source="palantir-employees-question-ice-work" />
`,
);

const ORIGINAL = file(
  'sources',
  'fixture-original-report.mdx',
  `---
title: Fixture original report
publisher: Fixture Outlet
authors: [A. Writer, B. Writer]
published: 2026-01-26
language: en
kind: news
url: https://news.example.org/fixture
---
`,
);
const TRANSLATION = file(
  'sources',
  'fixture-arabic-report.mdx',
  `---
title: تقرير
titleTranslated: A fixture report
language: ar
kind: news
basedOn:
  - source: fixture-original-report
    how: translates
---
`,
);

const CITING = file(
  'events',
  'fixture-cites-original.mdx',
  `---
title: Fixture event citing the original
date: 2026-01-24
kind: other
summary: A fixture event whose only source is the original report.
sources: [fixture-original-report]
---

Something happened.<Cite source="fixture-original-report" />
`,
);

const PERSON = file(
  'people',
  'fixture-spokesperson.mdx',
  `---
name: Fixture Spokesperson
roles:
  - at: companies/palantir-technologies
    title: spokesperson
    from: 2024
    to: 2025-06
    source: fixture-original-report
  - at: organizations/fixture-campaign
    title: organiser
    source: palantir-employees-question-ice-work
responses:
  - date: 2026-01-25
    by: Fixture Spokesperson
    speaker: people/fixture-spokesperson
    said: A fixture statement.
    source: fixture-original-report
summary: A fixture person with two sourced roles and one statement.
sources: [fixture-original-report]
---
`,
);
const CAMPAIGN = file(
  'organizations',
  'fixture-campaign.mdx',
  `---
name: Fixture Campaign
kind: campaign
members: [companies/palantir-technologies]
summary: A fixture campaign whose member is the fixture company.
sources: [palantir-employees-question-ice-work]
---
`,
);

function fixtureWiki(): Wiki {
  const previous = process.env.WIKI_CONTENT_DIR;
  process.env.WIKI_CONTENT_DIR = 'tests/fixtures/wiki/content';
  try {
    const { files, stray, published } = readContentDir(process.cwd());
    // The fixture pilot was once published under its old id.
    const withPilot = { ...published, paths: new Set([...published.paths, '/contracts/old-fixture-pilot/']) };
    const { problems, entries } = checkContent([...files, STARTED, ORIGINAL, TRANSLATION, CITING, PERSON, CAMPAIGN], stray, { published: withPilot });
    expect(problems.map(formatProblem)).toEqual([]);
    return buildWiki(entries);
  } finally {
    if (previous === undefined) delete process.env.WIKI_CONTENT_DIR;
    else process.env.WIKI_CONTENT_DIR = previous;
  }
}

const wiki = fixtureWiki();
const ctx = { site: 'https://wiki.example.org', history: undefined, ogImages: true };
const pilot = 'contracts/palantir-ice-pilot' as EntryKey;

describe('the model', () => {
  it('lists a contract known only by its start under that date', () => {
    expect(listedDate(wiki.entries.get(pilot)!)).toBe('2025-04');
    expect(wiki.entries.get(pilot)!.listedDate).toBe('2025-04');
  });
  it('resolves references from the one table, with their relation', () => {
    expect(wiki.entries.get(pilot)!.references.map((r) => `${r.relation} ${r.target}`)).toEqual(['buyer agencies/ice', 'supplier companies/palantir-technologies']);
    expect(wiki.entries.get(pilot)!.factCites.map((c) => c.field)).toEqual(['sources[]', 'responses[].source']);
  });
});

describe('entryPage', () => {
  it("dates a start-only contract in its supplier's and its buyer's contract lists, as on the timeline", () => {
    for (const key of ['companies/palantir-technologies', 'agencies/ice'] as EntryKey[]) {
      const page = entryPage(wiki, key, 'en', ctx);
      const contracts = page.sections.find((s) => s.id === 'contracts')!;
      expect(contracts.items.find((i) => i.link.href === '/contracts/palantir-ice-pilot/')?.note, key).toBe('April 2025');
    }
    const timeline = timelinePage(wiki, 'en').years.flatMap((y) => y.items);
    expect(timeline.find((i) => i.key === pilot)?.dateLabel).toBe('April 2025');
  });

  it('writes response and correction dates in the page language', () => {
    const ar = entryPage(wiki, pilot, 'ar', ctx);
    expect(ar.responses).toMatchObject([{ by: 'A Palantir spokesperson', said: 'A fixture response.', datetime: '2026-01-26', date: '26 يناير 2026' }]);
    expect(ar.corrections[0]).toMatchObject({ datetime: '2026-02-01', date: '1 فبراير 2026' });
    expect(entryPage(wiki, pilot, 'en', ctx).responses[0]!.date).toBe('26 January 2026');
  });

  it('numbers the body citation and front-matter sources once, and renders the body with its marker', () => {
    const page = entryPage(wiki, pilot, 'en', ctx);
    expect(page.notes.map((n) => n.n)).toEqual([1]);
    expect(page.bodyHtml).toContain('href="#note-1"');
    expect(page.permalink).toBe('https://wiki.example.org/contracts/palantir-ice-pilot/');
    expect(page.ogImage?.url).toBe('https://wiki.example.org/og/contracts/palantir-ice-pilot.png');
  });

  it('gives each source one note, with "^ a b" back to the body citation and the response citing it', () => {
    const page = entryPage(wiki, pilot, 'en', ctx);
    expect(page.notes).toHaveLength(1);
    expect(page.notes[0]!.backrefs.map((b) => [b.id, b.label])).toEqual([
      ['cite-ref-1-1', 'a'],
      ['cite-ref-1-2', 'b'],
    ]);
    expect(page.responses[0]!.cite).toEqual({ n: 1, refId: 'cite-ref-1-2' });
    expect(page.bodyHtml).toContain('id="cite-ref-1-1"');
  });

  it('shows a translated title first on English pages and the original first on Arabic ones', () => {
    const key = 'sources/fixture-arabic-report' as EntryKey;
    expect(entryPage(wiki, key, 'en', ctx).heading).toEqual({ text: 'A fixture report', lang: 'en', translated: true });
    expect(entryPage(wiki, key, 'ar', ctx).heading).toEqual({ text: 'تقرير', lang: 'ar', translated: false });
    const en = entryPage(wiki, key, 'en', ctx);
    expect(en.rows.find((r) => r.label === 'Original title')?.value).toEqual({ text: 'تقرير', lang: 'ar' });
  });

  it('lists what a source relies on and what relies on it, on both pages', () => {
    const translation = entryPage(wiki, 'sources/fixture-arabic-report' as EntryKey, 'en', ctx);
    expect(translation.sections.find((s) => s.id === 'relies-on')?.items.map((i) => [i.link.href, i.note])).toEqual([['/sources/fixture-original-report/', 'translates']]);
    const original = entryPage(wiki, 'sources/fixture-original-report' as EntryKey, 'ar', ctx);
    expect(original.sections.find((s) => s.id === 'relied-on-by')?.items.map((i) => [i.link.href, i.note])).toEqual([['/ar/sources/fixture-arabic-report/', 'يترجم']]);
  });

  it('gives a footnote the publisher, authors, date and the address of the source', () => {
    const key = 'events/fixture-cites-original' as EntryKey;
    const page = entryPage(wiki, key, 'en', ctx);
    expect(page.notes[0]).toMatchObject({
      title: 'Fixture original report',
      details: [{ text: 'Fixture Outlet' }, { text: 'A. Writer' }, { text: 'B. Writer' }, { text: '26 January 2026' }],
      links: [{ href: 'https://news.example.org/fixture', label: 'read it' }],
      backrefs: [{ id: 'cite-ref-1-1', label: '^' }],
    });
    expect(page.notes[0]!.details.map((d) => d.lang)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('marks what a footnote does not translate as English on the Arabic page: publisher, authors, outlets, locators', () => {
    const page = entryPage(wiki, 'events/fixture-cites-original' as EntryKey, 'ar', ctx);
    expect(page.notes[0]!.details).toEqual([
      { text: 'Fixture Outlet', lang: 'en' },
      { text: 'A. Writer', lang: 'en' },
      { text: 'B. Writer', lang: 'en' },
      { text: '26 يناير 2026' },
    ]);
    const [note] = footnoteViews(wiki, [{ n: 1, source: 'fixture-original-report', vias: ['Wired', '+972 Magazine'], locators: ['para. 3'], uses: 2 }], 'ar', translator('ar'));
    expect(note!.via).toEqual({ before: 'نقلًا عن ', outlets: [{ text: 'Wired', lang: 'en' }, { text: '+972 Magazine', lang: 'en' }], after: '' });
    expect(note!.locators).toEqual([{ text: 'para. 3', lang: 'en' }]);
    expect(note!.backrefs.map((b) => b.label)).toEqual(['أ', 'ب']);
  });

  it.each<[string, EntryKey, 'en' | 'ar', string | undefined]>([
    ['a translated entry on the Arabic page', 'companies/palantir-technologies' as EntryKey, 'ar', undefined],
    ['an untranslated entry on the Arabic page', pilot, 'ar', 'en'],
    ['an English source keeping its English title on the Arabic page', 'sources/fixture-original-report' as EntryKey, 'ar', 'en'],
    ['an Arabic source on the English page', 'sources/fixture-arabic-report' as EntryKey, 'en', 'ar'],
    ['an English source on the English page', 'sources/fixture-original-report' as EntryKey, 'en', undefined],
  ])('a link to %s carries the language of its label', (_, key, locale, lang) => {
    expect(linkView(wiki, key, locale, translator(locale)).lang).toBe(lang);
  });

  it('marks an untranslated entry on the Arabic page and shows its English card', () => {
    const page = entryPage(wiki, pilot, 'ar', ctx);
    expect(page.untranslated).toBe(true);
    expect(page.ogImage?.url).toBe('https://wiki.example.org/og/contracts/palantir-ice-pilot.png');
    expect(entryPage(wiki, 'companies/palantir-technologies' as EntryKey, 'ar', ctx).untranslated).toBe(false);
  });

  it('gives hubs a timeline and a picture, and other entries neither timeline nor chart', () => {
    const company = entryPage(wiki, 'companies/palantir-technologies' as EntryKey, 'en', ctx);
    expect(company.timeline?.count).toBeGreaterThan(0);
    expect(company.graph?.layout.edges.length).toBeGreaterThan(0);
    const source = entryPage(wiki, 'sources/palantir-employees-question-ice-work' as EntryKey, 'en', ctx);
    expect(source.timeline).toBeUndefined();
    expect(source.graph).toBeUndefined();
    expect(source.heading).toMatchObject({ lang: 'en', translated: true });
    expect(entryPage(wiki, 'sources/palantir-employees-question-ice-work' as EntryKey, 'ar', ctx).heading).toMatchObject({ lang: 'ar', translated: false });
  });

  it('leads an old id to the entry', () => {
    expect(wiki.redirects).toContainEqual({ from: 'contracts/old-fixture-pilot', to: pilot });
    expect(redirectPage(wiki, 'contracts/old-fixture-pilot' as EntryKey, pilot, 'ar', ctx.site)).toMatchObject({
      path: '/contracts/old-fixture-pilot/',
      target: '/ar/contracts/palantir-ice-pilot/',
      permalink: 'https://wiki.example.org/ar/contracts/palantir-ice-pilot/',
    });
  });
});

describe('site pages', () => {
  it('home: counts per collection and recent changes from the history', () => {
    const history = (key: EntryKey): EntryHistory => ({ versions: [], complete: false, repoPath: 'content/x.mdx', translations: {}, updated: key === pilot ? '2026-02-01T10:00:00Z' : undefined });
    const home = homePage(wiki, history, 'ar');
    expect(home.counts.find((c) => c.collection === 'contracts')?.count).toBe(2);
    expect(home.recent.map((r) => r.link.href)).toEqual(['/ar/contracts/palantir-ice-pilot/']);
    expect(home.browse.map((b) => b.collection)).not.toContain('sources');
  });

  it('timeline: filters name the companies and agencies taking part', () => {
    const page = timelinePage(wiki, 'en');
    expect(page.entities.map((e) => e.key).sort()).toEqual(['agencies/ice', 'companies/palantir-technologies']);
    expect(page.count).toBe(4);
  });

  it('network: one cluster per top-level buyer', () => {
    const clusters = networkPage(wiki, 'en');
    expect(clusters.map((c) => c.id)).toEqual(['cluster-dhs']);
    expect(clusters[0]!.description).toMatch(/2 contracts/);
  });

  it('an Arabic page leaves the model as it found it: the English page after it lists the same other names', () => {
    const key = 'companies/palantir-technologies' as EntryKey;
    const aka = () => entryPage(wiki, key, 'en', ctx).rows.find((r) => r.label === 'Also known as')!.value;
    const before = aka();
    entryPage(wiki, key, 'ar', ctx);
    expect(aka()).toEqual(before);
    expect(before).toEqual({ text: 'Palantir, بالانتير تكنولوجيز, بالانتير' });
  });

  it('a person page: roles as a dated table, newest first, each with its note; statements with their note; the picture links the places', () => {
    const page = entryPage(wiki, 'people/fixture-spokesperson' as EntryKey, 'en', ctx);
    expect(page.roles?.rows.map((r) => [r.who.href, r.title, r.from?.text, r.to?.text, r.current])).toEqual([
      ['/organizations/fixture-campaign/', 'organiser', undefined, undefined, true],
      ['/companies/palantir-technologies/', 'spokesperson', '2024', 'June 2025', false],
    ]);
    // Each role's source is a numbered note the row points at.
    const notes = new Map(page.notes.map((n) => [n.n, n.title]));
    expect(page.roles?.rows.map((r) => notes.get(r.cite!.n))).toEqual([expect.stringContaining('Palantir'), 'Fixture original report']);
    expect(page.statements.map((st) => [st.said, st.date.datetime, notes.get(st.cite!.n)])).toEqual([['A fixture statement.', '2026-01-25', 'Fixture original report']]);
    // Listed once, as a statement; each note has exactly as many back-links as places that cite it.
    expect(page.responses).toEqual([]);
    const uses = new Map<number, number>();
    for (const c of [...page.roles!.rows.map((r) => r.cite!), ...page.statements.map((st) => st.cite!)]) uses.set(c.n, (uses.get(c.n) ?? 0) + 1);
    for (const note of page.notes) expect(note.backrefs.length, `note ${note.n}`).toBe(uses.get(note.n) ?? 0);
    expect(page.graph?.layout.nodes.map((n) => n.id).sort()).toEqual(['companies/palantir-technologies', 'organizations/fixture-campaign', 'people/fixture-spokesperson']);
    expect(page.rows.find((r) => r.label === 'Current roles')?.value).toMatchObject({ links: [{ link: { href: '/organizations/fixture-campaign/' }, note: 'organiser' }] });
  });

  it('a company page lists its people; an organisation page its people and members', () => {
    const company = entryPage(wiki, 'companies/palantir-technologies' as EntryKey, 'ar', ctx);
    expect(company.roles?.id).toBe('people');
    expect(company.roles?.rows.map((r) => [r.who.href, r.title, r.titleLang])).toEqual([['/ar/people/fixture-spokesperson/', 'spokesperson', 'en']]);
    const org = entryPage(wiki, 'organizations/fixture-campaign' as EntryKey, 'en', ctx);
    expect(org.roles?.rows.map((r) => r.who.href)).toEqual(['/people/fixture-spokesperson/']);
    expect(org.sections.find((s) => s.id === 'members')?.items.map((i) => i.link.href)).toEqual(['/companies/palantir-technologies/']);
    expect(entryPage(wiki, 'companies/palantir-technologies' as EntryKey, 'en', ctx).sections.find((s) => s.id === 'contracts')?.table?.columns.map((c) => c.id)).toEqual(['name', 'buyer', 'value', 'date', 'status']);
  });

  it('every relationship picture joins only neighbouring columns, so no edge runs behind an unrelated box', () => {
    for (const e of wiki.entries.values()) {
      const page = entryPage(wiki, e.key, 'en', ctx);
      if (!page.graph) continue;
      const { layout } = page.graph;
      const columnOf = new Map(layout.nodes.map((n) => [n.id, layout.columns.findIndex((c) => c.x === n.x)]));
      for (const edge of layout.edges) {
        expect(Math.abs(columnOf.get(edge.from)! - columnOf.get(edge.to)!), `${e.key}: ${edge.from} -> ${edge.to}`).toBeLessThanOrEqual(1);
      }
      // A parent is never drawn in the column of its own divisions.
      const parent = e.references.find((r) => r.relation === 'parent')?.target;
      if (parent) expect(columnOf.get(parent), `${e.key}: parent in the picture`).toBeUndefined();
    }
  });

  it('a contract in a picture shows its value, as a range where reports differ', () => {
    const page = entryPage(wiki, 'companies/palantir-technologies' as EntryKey, 'en', ctx);
    const details = Object.fromEntries(page.graph!.layout.nodes.filter((n) => n.detail).map((n) => [n.id, n.detail]));
    expect(details['contracts/immigrationos']).toBe('US$30m');
    expect(details['contracts/palantir-ice-pilot']).toBeUndefined();
  });

  it('browse lists date contracts by award or start', () => {
    const { columns, rows } = browseRows(wiki, 'contracts', 'en', translator('en'));
    const date = columns.findIndex((c) => c.id === 'date') - 1;
    expect(rows.find((r) => r.link.href === '/contracts/palantir-ice-pilot/')!.cells[date]).toMatchObject({ text: 'April 2025', sort: '2025-04' });
  });

  it('data page: one line per CSV column group, every column once', () => {
    const files = { entries: { text: 'x'.repeat(2000), count: 9 }, contractsCsv: { text: 'y', rows: 2 }, rolesCsv: { text: 'z', rows: 1 }, ftm: { text: '', entities: 0 } };
    const page = dataPage(files, pilot, 'https://wiki.example.org/data/', 'en');
    expect(page.csvGroups.flatMap((g) => g.names)).toEqual([...CONTRACT_CSV_COLUMNS]);
    expect(page.entriesInfo).toBe('(9 entries, 2 kB)');
    expect(page.example?.path).toBe('/api/v1/contracts/palantir-ice-pilot.json');
  });
});
