/**
 * Prepares everything an entry page shows: the infobox rows, the derived
 * relation sections, footnotes and backlinks, in the reader's language.
 */
import type { Locale, Translate } from '../../i18n';
import type { UiKey } from '../../i18n/en';
import { COLLECTIONS } from '../../schemas/shared';
import { tagLabel } from '../../schemas/vocabulary';
import { backrefLabel, numberFootnotes, type CitationRef, type Footnote } from './footnotes';
import { entryKey, type EntryKey } from '../isomorphic/entry-keys';
import { agencyRelations, citedBy, companyRelations, eventsInvolving } from '../model/relations';
import { countryName, dateText, languageName, linkView, listedDateText, moneyDetail, sourceTitles, totalText, untranslatedPart, type FactValue, type FootnoteView, type LinkView } from './format';
import { backlinks, contractData, entryAt, entryIn, type Wiki, type WikiEntry } from '../model/entry';
import { incomingBy } from '../model/graph';
import { isCurrent, participationsOf, rolesAt, rolesOf, statementsBy, type HeldRole, type Statement } from '../model/people';
import { compareDates } from '../isomorphic/dates';
import type { MoneyTotal } from '../isomorphic/money';
import { contractTable, contractsAt, type RecordTable } from './contract-table';
import { isActorCollection } from '../isomorphic/collections';
import type { CitationRef as Citation } from '../../schemas/references';

export interface Section {
  id: string;
  title: string;
  items: { link: LinkView; note?: string }[];
  empty?: string;
  /** Shown as a sortable table in place of the list (a hub's contracts). */
  table?: RecordTable;
  /** Extra plain lines shown under the list (money totals). */
  lines?: string[];
  note?: string;
}

type Row = { label: string; value: FactValue | undefined };

const text = (s: string | undefined, lang?: string): FactValue | undefined => (s ? { text: s, lang } : undefined);
const time = (value: string | undefined, locale: Locale): FactValue | undefined =>
  value ? { time: value, text: dateText(value, locale)! } : undefined;

function tagText(tags: readonly string[], locale: Locale): string | undefined {
  return tags.length ? tags.map((tag) => tagLabel(tag, locale)).join(locale === 'ar' ? '، ' : ', ') : undefined;
}

function dateOf(wiki: Wiki, key: EntryKey): string {
  return wiki.entries.get(key)?.listedDate ?? '';
}

/** Sort entry keys by date (events, contracts), newest last. */
function byDate(wiki: Wiki, keys: EntryKey[]): EntryKey[] {
  return [...keys].sort((a, b) => compareDates(dateOf(wiki, a), dateOf(wiki, b)) || (a < b ? -1 : 1));
}

/** "Award ID: 70CMSD22C00000004", one per identifier, in the page language. */
export function identifierTexts(ids: readonly { scheme: string; value: string }[], t: Translate): string[] {
  return ids.map((i) => `${t(`identifier.${i.scheme}` as UiKey)}: ${i.value}`);
}

export function factRows(wiki: Wiki, e: WikiEntry, locale: Locale, t: Translate): Row[] {
  const link = (key: EntryKey) => ({ link: linkView(wiki, key, locale, t) });
  switch (e.collection) {
    case 'companies': {
      const d = e.data;
      return [
        { label: t('field.aliases'), value: text(d.aliases.join(locale === 'ar' ? '، ' : ', ')) },
        { label: t('field.parentCompany'), value: d.parent ? { links: [link(entryKey('companies', d.parent))] } : undefined },
        { label: t('field.headquarters'), value: text(countryName(d.country, locale)) },
        { label: t('field.founded'), value: d.founded ? text(String(d.founded)) : undefined },
        { label: t('field.products'), value: text(tagText(d.products, locale)) },
        { label: t('field.website'), value: d.website ? { url: d.website } : undefined },
        { label: t('field.wikidata'), value: d.wikidata ? { url: `https://www.wikidata.org/wiki/${d.wikidata}`, label: d.wikidata } : undefined },
      ];
    }
    case 'agencies': {
      const d = e.data;
      return [
        { label: t('field.acronym'), value: text(d.acronym) },
        { label: t('field.aliases'), value: text(d.aliases.join(locale === 'ar' ? '، ' : ', ')) },
        { label: t('field.parentAgency'), value: d.parent ? { links: [link(entryKey('agencies', d.parent))] } : undefined },
        { label: t('field.country'), value: text(countryName(d.country, locale)) },
        { label: t('field.level'), value: text(t(`level.${d.level}` as UiKey)) },
        { label: t('field.website'), value: d.website ? { url: d.website } : undefined },
      ];
    }
    case 'contracts': {
      const d = e.data;
      const ids = identifierTexts(d.identifiers, t);
      return [
        { label: t('field.kind'), value: text(t(`contractKind.${d.kind}` as UiKey)) },
        { label: t('field.buyer'), value: { links: [link(entryKey('agencies', d.buyer))] } },
        {
          label: t('field.suppliers'),
          value: {
            links: d.suppliers.map((s) => ({
              link: linkView(wiki, entryKey('companies', s.company), locale, t),
              note: [t(`role.${s.role}` as UiKey), s.share ? `${t('field.share')}: ${moneyDetail(s.share, locale, t)}` : ''].filter(Boolean).join('; '),
            })),
          },
        },
        { label: t('field.value'), value: d.values.length ? text(d.values.map((v) => moneyDetail(v, locale, t)).join(' · ')) : text(t('field.valueUnknown')) },
        { label: t('field.awarded'), value: time(d.awarded, locale) },
        { label: t('field.start'), value: time(d.start, locale) },
        { label: t('field.end'), value: time(d.end, locale) },
        { label: t('field.status'), value: text(t(`status.${d.status}` as UiKey)) },
        { label: t('field.identifiers'), value: ids.length ? text(ids.join('; ')) : undefined },
        { label: t('field.procurementRecord'), value: d.procurementUrl ? { url: d.procurementUrl } : undefined },
      ];
    }
    case 'people': {
      const d = e.data;
      const current = rolesOf(e).filter(isCurrent);
      return [
        { label: t('field.aliases'), value: text(d.aliases.join(t('list.separator'))) },
        {
          label: t('field.roles'),
          value: current.length ? { links: current.map((r) => ({ link: linkView(wiki, r.at, locale, t), note: r.title, noteLang: locale === 'en' ? undefined : 'en' })) } : undefined,
        },
      ];
    }
    case 'organizations': {
      const d = e.data;
      return [
        { label: t('field.kind'), value: text(t(`organizationKind.${d.kind}` as UiKey)) },
        { label: t('field.aliases'), value: text(d.aliases.join(t('list.separator'))) },
        { label: t('field.parentOrganization'), value: d.parent ? { links: [link(entryKey('organizations', d.parent))] } : undefined },
        { label: t('field.country'), value: text(countryName(d.country, locale)) },
        { label: t('field.website'), value: d.website ? { url: d.website } : undefined },
      ];
    }
    case 'events': {
      const d = e.data;
      return [
        { label: t('field.kind'), value: text(t(`eventKind.${d.kind}` as UiKey)) },
        { label: t('field.date'), value: { time: d.date, text: listedDateText(e, locale, t)! } },
        { label: t('entry.dateNote'), value: text(d.dateNote, locale === 'en' ? undefined : 'en') },
        { label: t('field.endDate'), value: time(d.endDate, locale) },
        { label: t('field.after'), value: d.after ? { links: [link(entryKey('events', d.after.event))] } : undefined },
        {
          label: t('field.location'),
          value: d.location ? text([d.location.place, countryName(d.location.country, locale)].filter(Boolean).join(', ')) : undefined,
        },
        // Participants first, each with the part the sources say it took; then the rest of the involved entries.
        {
          label: t('field.involved'),
          value: {
            links: [
              ...participantLinks(wiki, e.data.participants, locale, t),
              ...d.involved.filter((k) => !d.participants.some((p) => p.entry === k)).map((k) => link(k as EntryKey)),
            ],
          },
        },
      ];
    }
    case 'sources': {
      const d = e.data;
      const { second } = sourceTitles(d, locale);
      return [
        { label: t(second?.translated ? 'field.titleTranslated' : 'field.originalTitle'), value: second ? text(second.text, second.lang) : undefined },
        {
          label: t('field.publisher'),
          value: d.publishedBy ? { links: [{ link: linkView(wiki, d.publishedBy as EntryKey, locale, t), note: d.publisher }] } : text(d.publisher ?? t('field.notStated')),
        },
        {
          label: t('field.authors'),
          value: d.writtenBy.length
            ? { links: d.writtenBy.map((id) => link(entryKey('people', id))), more: d.authors.filter((a) => !d.writtenBy.some((id) => wiki.entries.get(entryKey('people', id))?.name === a)) }
            : text(d.authors.join(t('list.separator'))),
        },
        { label: t('field.published'), value: d.published ? time(d.published, locale) : text(t('field.notStated')) },
        { label: t('field.language'), value: text(languageName(d.language, locale)) },
        { label: t('field.kind'), value: text(t(`sourceKind.${d.kind}` as UiKey)) },
        { label: t('field.url'), value: d.url ? { url: d.url } : undefined },
        { label: t('field.archiveUrl'), value: d.archiveUrl ? { url: d.archiveUrl } : undefined },
        { label: t('field.accessed'), value: time(d.accessed, locale) },
        { label: t('field.identifiers'), value: d.identifiers.length ? text(identifierTexts(d.identifiers, t).join('; ')) : undefined },
      ];
    }
  }
}

/** An event's participants as infobox links, each noted with its part. */
function participantLinks(wiki: Wiki, participants: readonly { entry: string; role: string }[], locale: Locale, t: Translate) {
  const parts = new Map<EntryKey, string[]>();
  for (const p of participants) parts.set(p.entry as EntryKey, [...(parts.get(p.entry as EntryKey) ?? []), t(`participantRole.${p.role}` as UiKey)]);
  return [...parts].map(([k, roles]) => ({ link: linkView(wiki, k, locale, t), note: roles.join(t('list.separator')) }));
}

/** A row of a roles table: the person or the place (whichever the page is not), title and dates, and the citation. */
export interface RoleRow {
  who: LinkView;
  title: string;
  /** Set on pages of another language: titles are written as the English sources give them. */
  titleLang?: string;
  from?: { datetime: string; text: string };
  to?: { datetime: string; text: string };
  current: boolean;
  source: Citation;
}

export interface RoleTable {
  id: 'roles' | 'people';
  title: string;
  /** Heading of the first column: "Where" on a person's page, "Person" elsewhere. */
  whoLabel: string;
  rows: RoleRow[];
}

/** A person's roles (on their page) or the people who hold roles at a company, agency or organisation. */
export function roleTable(wiki: Wiki, e: WikiEntry, locale: Locale, t: Translate): RoleTable | undefined {
  if (!isActorCollection(e.collection)) return undefined;
  const onPerson = e.collection === 'people';
  const roles: HeldRole[] = onPerson ? rolesOf(e) : rolesAt(wiki, e.key);
  if (!onPerson && roles.length === 0) return undefined;
  const when = (v: string | undefined) => (v ? { datetime: v, text: dateText(v, locale)! } : undefined);
  return {
    id: onPerson ? 'roles' : 'people',
    title: t(onPerson ? 'entry.roles' : 'entry.people'),
    whoLabel: t(onPerson ? 'entry.roleAt' : 'entry.person'),
    rows: roles.map((r) => ({
      who: linkView(wiki, onPerson ? r.at : r.person, locale, t),
      title: r.title,
      titleLang: locale === 'en' ? undefined : 'en',
      from: when(r.from),
      to: when(r.to),
      current: isCurrent(r),
      source: r.source,
    })),
  };
}

/** A statement an actor made, as the page lists it. */
export interface StatementView {
  said: string;
  saidLang?: string;
  by: string;
  date: { datetime: string; text: string };
  /** The entry that records it. */
  recordedIn: LinkView;
  source: Citation;
}

/** What a person, organisation, company or agency said, wherever an entry records it. */
export function statementViews(wiki: Wiki, e: WikiEntry, locale: Locale, t: Translate): StatementView[] {
  if (!isActorCollection(e.collection)) return [];
  return statementsBy(wiki, e.key).map((s: Statement) => ({
    said: s.said,
    saidLang: locale === 'en' ? undefined : 'en',
    by: s.by,
    date: { datetime: s.date, text: dateText(s.date, locale)! },
    recordedIn: linkView(wiki, s.recordedIn, locale, t),
    source: s.source,
  }));
}

/** Derived relation sections shown under the body. */
export function relationSections(wiki: Wiki, e: WikiEntry, locale: Locale, t: Translate): Section[] {
  // Company and agency pages are hubs: their lists carry names and dates only (summaries are one click away), which keeps them light.
  const brief = isActorCollection(e.collection);
  const items = (keys: EntryKey[], note?: (k: EntryKey) => string | undefined) =>
    keys.map((k) => ({ link: linkView(wiki, k, locale, t, !brief), note: note?.(k) }));
  const dataOf = (k: EntryKey) => contractData(wiki, k);
  const dated = (k: EntryKey) => {
    const d = dateOf(wiki, k);
    return d ? dateText(d, locale) : undefined;
  };
  /** A hub's contracts: a table with the counterpart (the list stays for "what links here"), and money totals per currency and kind. */
  const contractsSection = (title: string, keys: EntryKey[], totals: MoneyTotal[], from: 'companies' | 'agencies'): Section => {
    const sorted = byDate(wiki, keys);
    const lines = totals.map((v) => totalText(v, locale, t));
    return { id: 'contracts', title, items: items(sorted, dated), table: contractTable(wiki, contractsAt(wiki, sorted), locale, t, from), lines, note: lines.length ? t('money.totalsNote') : undefined };
  };
  // The parts an actor took in events, each with its part; and the reports it published.
  const actorSections = (): Section[] => [
    {
      id: 'parts',
      title: t('entry.parts'),
      items: participationsOf(wiki, e.key).map((p) => ({ link: linkView(wiki, p.event, locale, t, !brief), note: t(`participantRole.${p.role}` as UiKey) })),
    },
    { id: 'reports', title: t('entry.reports'), items: items(byDate(wiki, incomingBy(wiki.graph, e.key, 'publisher')), dated) },
  ];
  switch (e.collection) {
    case 'people':
      return actorSections();
    case 'organizations': {
      const members = e.references.filter((r) => r.relation === 'member').map((r) => r.target);
      return [
        { id: 'members', title: t('entry.members'), items: items(members) },
        { id: 'member-of', title: t('entry.memberOf'), items: items(incomingBy(wiki.graph, e.key, 'member')) },
        { id: 'sub-organizations', title: t('entry.subOrganizations'), items: items(incomingBy(wiki.graph, e.key, 'parent')) },
        ...actorSections(),
      ];
    }
    case 'companies': {
      const r = companyRelations(wiki.graph, e.key, dataOf);
      return [
        contractsSection(t('entry.contractsAsSupplier'), r.contracts, r.values.attributed, 'companies'),
        { id: 'buyers', title: t('entry.buyers'), items: items(r.buyers) },
        { id: 'subsidiaries', title: t('entry.subsidiaries'), items: items(r.subsidiaries) },
        // Events appear in the entry's timeline instead (see lib/timeline.ts).
        ...actorSections(),
      ];
    }
    case 'agencies': {
      const r = agencyRelations(wiki.graph, e.key, dataOf);
      return [
        contractsSection(t('entry.contractsAsBuyer'), r.contracts, r.values, 'agencies'),
        { id: 'suppliers', title: t('entry.suppliers'), items: items(r.suppliers) },
        { id: 'sub-agencies', title: t('entry.subAgencies'), items: items(r.subAgencies) },
        ...actorSections(),
      ];
    }
    case 'contracts':
      return [{ id: 'events', title: t('entry.events'), items: items(byDate(wiki, eventsInvolving(wiki.graph, e.key)), dated) }];
    case 'events':
      return [];
    case 'sources': {
      // How each relying source uses this one, read from its own basedOn list.
      const howOf = (from: EntryKey) => entryAt(wiki, from, 'sources')?.data.basedOn.find((b) => b.source === e.id)?.how;
      return [
        {
          id: 'relies-on',
          title: t('entry.reliesOn'),
          items: e.data.basedOn.map((b) => ({ link: linkView(wiki, entryKey('sources', b.source), locale, t, true), note: t(`basedOn.${b.how}` as UiKey) })),
        },
        {
          id: 'relied-on-by',
          title: t('entry.reliedOnBy'),
          items: incomingBy(wiki.graph, e.key, 'basedOn').map((from) => ({ link: linkView(wiki, from, locale, t, true), note: t(`basedOn.${howOf(from) ?? 'attributes'}` as UiKey) })),
        },
        { id: 'cited-by', title: t('entry.citedBy'), items: items(citedBy(wiki.graph, e.key)), empty: t('entry.citedByNone') },
      ];
    }
  }
}

/**
 * "What links here", grouped by type. Entries the page already lists (its
 * relation sections and timeline, passed as hrefs) are counted but not
 * repeated, so hub pages stay light; every linking entry still appears once.
 */
export function backlinkGroups(
  wiki: Wiki,
  e: WikiEntry,
  locale: Locale,
  t: Translate,
  listedAbove: ReadonlySet<string> = new Set(),
): { groups: { title: string; items: LinkView[] }[]; above: number } {
  const links = backlinks(wiki, e.key).map((b) => ({ from: b.from, link: linkView(wiki, b.from, locale, t) }));
  const rest = links.filter((b) => !listedAbove.has(b.link.href));
  return {
    groups: COLLECTIONS.map((c) => ({
      title: t(`collection.${c}` as UiKey),
      items: rest.filter((b) => b.from.startsWith(`${c}/`)).map((b) => b.link),
    })).filter((g) => g.items.length > 0),
    above: links.length - rest.length,
  };
}

/** The page's notes: `cited` are the citations that show a marker (body, then responses), `listed` the other front-matter ones. */
export function footnotes(wiki: Wiki, cited: readonly CitationRef[], listed: readonly CitationRef[]): Footnote[] {
  return numberFootnotes(cited, listed).filter((n) => wiki.entries.has(entryKey('sources', n.source)));
}

export function footnoteViews(wiki: Wiki, notes: readonly Footnote[], locale: Locale, t: Translate): FootnoteView[] {
  const letters = t('entry.backrefLetters').split(' ');
  const [viaBefore = '', viaAfter = ''] = t('entry.via').split('{outlet}');
  const untranslated = (texts: readonly (string | undefined)[]) => texts.filter((x): x is string => !!x).map((x) => untranslatedPart(x, locale));
  return notes.map((note) => {
    const src = entryIn(wiki, 'sources', note.source)!;
    const d = src.data;
    const { first, second } = sourceTitles(d, locale);
    const published = d.published ? [{ text: dateText(d.published, locale)! }] : [];
    const links = [...(d.url ? [{ href: d.url, label: t('entry.readSource') }] : []), ...(d.archiveUrl ? [{ href: d.archiveUrl, label: t('entry.archivedCopy') }] : [])];
    const ids = Array.from({ length: note.uses }, (_, i) => `cite-ref-${note.n}-${i + 1}`);
    return {
      n: note.n,
      title: first.text,
      titleLang: first.lang,
      otherTitle: second,
      otherTitleLabel: second ? t(second.translated ? 'entry.translatedTitle' : 'entry.originalTitle') : undefined,
      href: linkView(wiki, src.key, locale, t).href,
      details: [...untranslated([d.publisher, ...d.authors]), ...published],
      via: note.vias.length ? { before: viaBefore, outlets: untranslated(note.vias), after: viaAfter } : undefined,
      locators: untranslated(note.locators),
      links,
      backrefs:
        ids.length === 1
          ? [{ id: ids[0]!, label: '^', ariaLabel: t('entry.backToText') }]
          : ids.map((id, i) => ({ id, label: backrefLabel(i, letters) })),
      backrefsLabel: ids.length > 1 ? t('entry.backToUses') : undefined,
    };
  });
}
