/**
 * Everything an entry page shows, prepared once per page in the reader's
 * language: [id].astro only renders what this returns. Also the redirect
 * page an old id (redirectFrom) gets.
 *
 * Pure: no Node, no Astro (unit-tested on the fixture wiki).
 */
import { LOCALE_INFO, translator, type Locale } from '../../i18n';
import type { UiKey } from '../../i18n/en';
import { localName, localSummary, mustGet, type Wiki } from '../model/entry';
import type { EntryKey } from '../isomorphic/entry-keys';
import { absoluteUrl, entryHref, entryPath, historyPath, ogCardLocale, ogImagePath, versionAnchor, withBase } from '../isomorphic/paths';
import { bodyTree, renderBodyHtml } from './body-html';
import { createCiteContext, useNote, type NoteUse } from './cite-context';
import { backlinkGroups, factRows, footnotes, footnoteViews, relationSections, roleTable, statementViews, type RoleRow, type RoleTable, type Section, type StatementView } from './entry';
import type { FactValue, FootnoteView, LinkView } from './format';
import { dateText, linkView, nameLang, sourceTitles, untranslatedPart } from './format';
import { entryPageJsonLd } from './json-ld-page';
import { layoutLayers, type GraphLayout } from './layered-graph';
import { neighbourhood } from './neighbourhood';
import { otherNames, searchFacets, type SearchFacets } from './search-facets';
import { entityTimeline, type TimelineYear } from './timeline';
import { valueCharts, type ValueChart } from './value-chart';
import { lastChanged, versionsFor, type EntryHistory } from '../model/history';
import type { RemovalData } from '../../schemas/removal';

/** What the page needs from the build besides the wiki. */
export interface EntryPageContext {
  /** The site origin (Astro.site). */
  site: URL | string | undefined;
  /** The entry's git history, when the build has one. */
  history: EntryHistory | undefined;
  /** Whether the build draws Open Graph cards. */
  ogImages: boolean;
}

export interface RedirectPage {
  kind: 'redirect';
  name: string;
  /** The old address's site path. */
  path: string;
  /** Where it leads (href, with base). */
  target: string;
  permalink: string;
}

/** A response or correction line, its date in the page's language. */
export interface DatedLine {
  datetime: string;
  date: string;
}

export interface EntryPage {
  kind: 'entry';
  key: EntryKey;
  path: string;
  name: string;
  summary: string;
  typeLabel: string;
  /** Set when the page shows English text on a page of another language. */
  untranslated: boolean;
  /** The heading: the name, or for a source its title as the page leads with it (sourceTitles). */
  heading: { text: string; lang?: string };
  /** Acronym and aliases, shown under the name. */
  otherNames: { text: string; lang?: string }[];
  listSeparator: string;
  bodyHtml: string;
  rows: { label: string; value: FactValue | undefined }[];
  sections: Section[];
  notes: FootnoteView[];
  graph?: { layout: GraphLayout; description: string; listedIn: { href: string; label: string }[] };
  charts: { chart: ValueChart; description: string }[];
  /** The timeline of a company or agency (undefined on other types). */
  timeline?: { years: TimelineYear[]; count: number };
  /** A person's roles, or the people with roles at a company, agency or organisation; each row with its note's marker. */
  roles?: Omit<RoleTable, 'rows'> & { rows: (Omit<RoleRow, 'source'> & { cite?: NoteUse })[] };
  /** What the actor said, wherever an entry records it, with its note's marker. */
  statements: (Omit<StatementView, 'source'> & { cite?: NoteUse })[];
  /** Each response with the marker of its source's note. */
  responses: (DatedLine & { by: string; said: string; speaker?: LinkView; cite?: NoteUse })[];
  corrections: (DatedLine & { change: string; reason: string })[];
  backlinks: { groups: { title: string; items: { href: string; label: string; lang?: string }[] }[]; aboveNote?: string };
  target: string;
  permalink: string;
  /**
   * The history page and the version the page shows: its commit, and the
   * permanent address of that version on the history page (what a citation names).
   */
  history?: { url: string; updated?: string; version?: { commit: string; short: string; url: string; permalink: string } };
  ogImage?: { url: string; alt: string };
  jsonLd: unknown;
  facets: SearchFacets;
}

/** Actors' pages are hubs: they get a timeline of their events and contracts, a picture and charts. */
const HUBS = new Set(['companies', 'agencies', 'people', 'organizations']);

export interface RemovedPage {
  kind: 'removed';
  name: string;
  path: string;
  date: DatedLine;
  reason: { text: string; lang?: string };
  replacedBy?: LinkView;
  historyHref: string;
}

/** The page a removed entry's address keeps: what it was, when and why it went. */
export function removedPage(wiki: Wiki, removal: RemovalData, locale: Locale): RemovedPage {
  const key = removal.entry as EntryKey;
  const t = translator(locale);
  const reason = locale === 'ar' && removal.reasonAr ? { text: removal.reasonAr } : { text: removal.reason, ...(locale === 'en' ? {} : { lang: 'en' }) };
  const page: RemovedPage = { kind: 'removed', name: t('removed.title', { name: removal.name }), path: entryPath(key), date: dated(removal.removed, locale), reason, historyHref: withBase(historyPath(key, locale)) };
  if (removal.replacedBy && wiki.entries.has(removal.replacedBy as EntryKey)) page.replacedBy = linkView(wiki, removal.replacedBy as EntryKey, locale, t);
  return page;
}

/** The redirect page of an old id. */
export function redirectPage(wiki: Wiki, from: EntryKey, to: EntryKey, locale: Locale, site: URL | string | undefined): RedirectPage {
  const e = mustGet(wiki, to);
  return { kind: 'redirect', name: localName(e, locale), path: entryPath(from), target: entryHref(to, locale), permalink: absoluteUrl(entryPath(to, locale), site) };
}

/** The entry's history page and its current version, in the page's language. */
function historyLinks(h: EntryHistory, key: EntryKey, locale: Locale, site: URL | string | undefined, updated: string | undefined): NonNullable<EntryPage['history']> {
  const latest = versionsFor(h, locale)[0];
  const links: NonNullable<EntryPage['history']> = { url: withBase(historyPath(key, locale)) };
  if (updated) links.updated = updated;
  if (latest) {
    const anchor = `#${versionAnchor(latest.commit.hash)}`;
    links.version = { commit: latest.commit.hash, short: latest.commit.short, url: `${links.url}${anchor}`, permalink: `${absoluteUrl(historyPath(key, locale), site)}${anchor}` };
  }
  return links;
}

/** A date for a <time> element and its text in the page language. */
const dated = (date: string, locale: Locale): DatedLine => ({ datetime: date, date: dateText(date, locale)! });

/** The entry page of `key` in `locale`. */
export function entryPage(wiki: Wiki, key: EntryKey, locale: Locale, ctx: EntryPageContext): EntryPage {
  const t = translator(locale);
  const e = mustGet(wiki, key);
  const name = localName(e, locale);
  const translation = locale === 'en' ? undefined : e.translations[locale];
  const untranslated = locale !== 'en' && !translation;
  // Places that show a marker, in reading order: the body, the roles table, statements, responses. The entry's other front-matter sources are listed only.
  const ownStatement = (i: number) => e.collection !== 'sources' && e.data.responses[i]?.speaker === e.key;
  const responseCites = e.factCites.filter((s) => s.field === 'responses[].source' && !ownStatement(s.path[1] as number));
  const roles = roleTable(wiki, e, locale, t);
  const statementList = statementViews(wiki, e, locale, t);
  const noteList = footnotes(
    wiki,
    [...(translation?.cites ?? e.bodyCites), ...(roles?.rows.map((r) => r.source) ?? []), ...statementList.map((s) => s.source), ...responseCites.map((s) => s.citation)],
    e.factCites.map((s) => s.citation),
  );
  const citeContext = createCiteContext(noteList);
  const bodyHtml = renderBodyHtml(bodyTree(translation?.body ?? e.body), { locale, cite: (source) => useNote(citeContext, source) });
  const roleRows = roles?.rows.map(({ source, ...row }) => ({ ...row, cite: useNote(citeContext, source.source) }));
  const statements = statementList.map(({ source, ...st }) => ({ ...st, cite: useNote(citeContext, source.source) }));
  // Each response's marker, found by the path of its citation (["responses", i, "source"]).
  const responseCite = (i: number) => responseCites.find((s) => s.path[1] === i)?.citation;
  const responses =
    e.collection === 'sources'
      ? []
      : e.data.responses.flatMap((r, i) => {
          // What the entry's own subject said is listed with its statements instead.
          if (r.speaker === e.key) return [];
          const cite = responseCite(i);
          const speaker = r.speaker ? linkView(wiki, r.speaker as EntryKey, locale, t) : undefined;
          return [{ by: r.by, said: r.said, speaker, ...dated(r.date, locale), cite: cite ? useNote(citeContext, cite.source) : undefined }];
        });
  const corrections = e.collection === 'sources' ? [] : e.data.corrections.map((c) => ({ change: c.change, reason: c.reason, ...dated(c.date, locale) }));
  const rows = factRows(wiki, e, locale, t);
  const sections = relationSections(wiki, e, locale, t);
  const dir = LOCALE_INFO[locale].dir;
  const typeLabel = t(`type.${e.collection}` as UiKey);

  const hub = HUBS.has(e.collection);
  const timelineYears = hub ? entityTimeline(wiki, key, locale, t) : [];
  const graphInput = hub || e.collection === 'contracts' ? neighbourhood(wiki, key, locale, t) : undefined;
  const layout = graphInput ? layoutLayers(graphInput.columns, graphInput.edges, { dir }) : undefined;
  const graph =
    layout && layout.edges.length > 0
      ? {
          layout,
          description: t('graph.desc', { name, connections: t('count.connections', { count: layout.edges.length }) }),
          listedIn: [
            { href: '#facts-title', label: t('entry.facts') },
            ...(roles && roles.rows.length ? [{ href: `#rel-${roles.id}`, label: roles.title }] : []),
            ...sections.filter((sec) => sec.items.length > 0).map((sec) => ({ href: `#rel-${sec.id}`, label: sec.title })),
            ...(hub && timelineYears.length ? [{ href: '#rel-timeline', label: t('timeline.entity') }] : []),
          ],
        }
      : undefined;
  const chartDescription = t('chart.desc', { counterpart: t(e.collection === 'companies' ? 'chart.byBuyer' : 'chart.bySupplier') });
  const charts = e.collection === 'companies' || e.collection === 'agencies' ? valueCharts(wiki, key, locale, t).map((chart) => ({ chart, description: chartDescription })) : [];

  // "What links here" leaves out what the page already lists above it.
  const factLinks = rows.flatMap((r) => (r.value && 'links' in r.value ? r.value.links.map((l) => l.link.href) : []));
  const listedAbove = new Set([
    ...factLinks,
    ...(roleRows ?? []).map((r) => r.who.href),
    ...statements.map((st) => st.recordedIn.href),
    ...sections.flatMap((sec) => sec.items.map((i) => i.link.href)),
    ...timelineYears.flatMap((y) => y.items.map((i) => i.link.href)),
  ]);
  const { groups, above } = backlinkGroups(wiki, e, locale, t, listedAbove);

  const updated = ctx.history && lastChanged(ctx.history, locale);
  const permalink = absoluteUrl(entryPath(key, locale), ctx.site);
  const akaNames = otherNames(e, locale).map((text) => untranslatedPart(text, locale));

  return {
    kind: 'entry',
    key,
    path: entryPath(key),
    name,
    summary: localSummary(e, locale),
    typeLabel,
    untranslated,
    heading: e.collection === 'sources' && !translation ? sourceTitles(e.data, locale).first : { text: name, lang: nameLang(e, locale) },
    otherNames: akaNames,
    listSeparator: t('list.separator'),
    bodyHtml,
    rows,
    sections,
    notes: footnoteViews(wiki, noteList, locale, t),
    graph,
    charts,
    timeline: hub ? { years: timelineYears, count: timelineYears.reduce((n, y) => n + y.items.length, 0) } : undefined,
    roles: roles && roleRows ? { ...roles, rows: roleRows } : undefined,
    statements,
    responses,
    corrections,
    backlinks: { groups, aboveNote: above > 0 ? t('entry.backlinksAbove', { count: above }) : undefined },
    target: entryHref(key, locale),
    permalink,
    history: ctx.history ? historyLinks(ctx.history, key, locale, ctx.site, updated) : undefined,
    ogImage: ctx.ogImages ? { url: absoluteUrl(ogImagePath(key, ogCardLocale(locale, !untranslated)), ctx.site), alt: t('og.imageAlt', { type: typeLabel, name }) } : undefined,
    jsonLd: entryPageJsonLd(wiki, e, locale, ctx.site, updated),
    facets: searchFacets(wiki, e, locale, t),
  };
}
