/**
 * The wiki's model: every entry typed by its collection (a discriminated
 * union, so `switch (e.collection)` narrows `e.data`), with its resolved
 * references, citations and body links, and the link graph. Built once per
 * build by build.ts; everything after it only reads.
 *
 * Pure: no Node, no Astro (unit tests build the model from the fixture wiki).
 */
import type { Locale } from '../../i18n';
import type { EntryDataOf } from '../../schemas';
import type { CitationSite, ReferenceRelation, FieldPath } from '../../schemas/references';
import type { TranslationData } from '../../schemas/translation';
import type { BodyCite } from '../content/body-syntax';
import type { CollectionName, TranslationLocale } from '../isomorphic/collections';
import type { EntryKey } from '../isomorphic/entry-keys';
import { backlinksOf, type Backlink, type Graph } from './graph';

/** A front-matter reference resolved to the key of the entry it names. */
export interface EntryReference {
  path: FieldPath;
  field: string;
  relation: ReferenceRelation;
  target: EntryKey;
}

export interface Translation {
  name: string;
  summary?: string;
  aliases: string[];
  /** The translated body (Markdown, rendered by views/body-html.ts). */
  body: string;
  /** Entries the translated body links to. */
  links: EntryKey[];
  /** Citations in the translated body, in order. */
  cites: BodyCite[];
}

interface EntryOf<C extends CollectionName> {
  key: EntryKey;
  collection: C;
  id: string;
  /** English name or title. */
  name: string;
  /** English summary ('' for a source without one). */
  summary: string;
  tags: string[];
  data: EntryDataOf[C];
  /** The body (Markdown). */
  body: string;
  /** Entries the body links to, in order of first appearance. */
  bodyLinks: EntryKey[];
  /** Citations in the body, in order. */
  bodyCites: BodyCite[];
  /** Front-matter references to other entries (schemas/references.ts), in table order. */
  references: EntryReference[];
  /** Front-matter citations (sources, values, shares, responses), in footnote order. */
  factCites: CitationSite[];
  /** The date the entry is placed at in time and listed under, when it has one. */
  listedDate?: string;
  translations: Partial<Record<TranslationLocale, Translation>>;
}

/** One entry of any collection. */
export type WikiEntry = { [C in CollectionName]: EntryOf<C> }[CollectionName];
/** One entry of the given collection. */
export type WikiEntryOf<C extends CollectionName> = EntryOf<C>;

export interface Redirect {
  from: EntryKey;
  to: EntryKey;
}

export interface Wiki {
  entries: Map<EntryKey, WikiEntry>;
  /** Each collection's entries, by English name. */
  byCollection: { [C in CollectionName]: EntryOf<C>[] };
  graph: Graph;
  redirects: Redirect[];
}

/** What the model is built from: the content check's result (content/check.ts), or Astro's store of it. */
export interface ModelInputEntry<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  data: EntryDataOf[C];
  body: string;
  links: EntryKey[];
  cites: BodyCite[];
  translations: Partial<Record<TranslationLocale, { data: TranslationData; body: string; links: EntryKey[]; cites: BodyCite[] }>>;
}
export type ModelInput = { [C in CollectionName]: ModelInputEntry<C> }[CollectionName];

/** An entry's collection with its typed front matter. */
export type TypedData = { [C in CollectionName]: { collection: C; data: EntryDataOf[C] } }[CollectionName];

/** The date an entry is placed at in time: an event's date, a contract's award (or else its start), a source's publication. */
export function listedDate(e: TypedData): string | undefined {
  switch (e.collection) {
    case 'events':
      return e.data.date;
    case 'contracts':
      return e.data.awarded ?? e.data.start;
    case 'sources':
      return e.data.published;
    default:
      return undefined;
  }
}

/** Look up an entry, failing loudly: pages only ask for keys the content check verified. */
export function mustGet(wiki: Wiki, key: EntryKey): WikiEntry {
  const e = wiki.entries.get(key);
  if (!e) throw new Error(`Unknown entry ${key}`);
  return e;
}

export function backlinks(wiki: Wiki, key: EntryKey): Backlink[] {
  return backlinksOf(wiki.graph, key);
}

/** Name of an entry in a locale (falls back to English). */
export function localName(e: WikiEntry, locale: Locale): string {
  return locale === 'en' ? e.name : (e.translations[locale]?.name ?? e.name);
}

export function localSummary(e: WikiEntry, locale: Locale): string {
  return locale === 'en' ? e.summary : (e.translations[locale]?.summary ?? e.summary);
}

export function isTranslated(e: WikiEntry, locale: Locale): boolean {
  return locale === 'en' || !!e.translations[locale];
}

/** The entry's parent company, agency or organisation, from its references. */
export function parentOf(e: WikiEntry | undefined): EntryKey | undefined {
  return e?.references.find((r) => r.relation === 'parent')?.target;
}

/** Other names written in the front matter: an agency's acronym first, then aliases. Read-only: the model's own list. */
export function aliasesOf(e: WikiEntry): readonly string[] {
  switch (e.collection) {
    case 'agencies':
      return e.data.acronym ? [e.data.acronym, ...e.data.aliases] : e.data.aliases;
    case 'companies':
    case 'contracts':
    case 'people':
    case 'organizations':
      return e.data.aliases;
    default:
      return [];
  }
}

/** The entry of a collection with an id, typed by that collection. */
export function entryIn<C extends CollectionName>(wiki: Wiki, collection: C, id: string): WikiEntryOf<C> | undefined {
  return entryAt(wiki, `${collection}/${id}` as EntryKey, collection);
}

/** The entry at a key when it belongs to the given collection, typed by it. */
export function entryAt<C extends CollectionName>(wiki: Wiki, key: EntryKey, collection: C): WikiEntryOf<C> | undefined {
  const e = wiki.entries.get(key);
  return e?.collection === collection ? (e as WikiEntryOf<C>) : undefined;
}

/** A contract's front matter by key (for the graph-derived relations). */
export function contractData(wiki: Wiki, key: EntryKey): EntryDataOf['contracts'] | undefined {
  return entryAt(wiki, key, 'contracts')?.data;
}
