/**
 * The one query module: loads every collection once per build (getCollection
 * deep-copies entries on each call), parses bodies once, builds the link graph
 * once, and exports what pages need.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../../i18n';
import { COLLECTIONS, nameField, type CollectionName } from '../../schemas/shared';
import { normaliseCitation, type CitationRef } from '../views/footnotes';
import { entryKey, entryKeyFromPath, type EntryKey } from '../shared/entry-keys';
import { backlinksOf, buildGraph, type Backlink, type Graph, type GraphNode } from './graph';
import { linksAndCites, type BodyCite } from '../content/body-syntax';

type AnyEntry = CollectionEntry<CollectionName>;

export interface Translation {
  name: string;
  summary?: string;
  aliases: string[];
  entry: CollectionEntry<'translationsAr'>;
  cites: BodyCite[];
}

export interface WikiEntry {
  key: EntryKey;
  collection: CollectionName;
  id: string;
  /** English name or title. */
  name: string;
  /** English summary. */
  summary: string;
  tags: string[];
  data: Record<string, unknown>;
  entry: AnyEntry;
  bodyLinks: EntryKey[];
  bodyCites: BodyCite[];
  /** Front-matter citations (entry sources, values, responses) in order. */
  factCites: CitationRef[];
  translations: Partial<Record<Exclude<Locale, 'en'>, Translation>>;
}

export interface Redirect {
  from: EntryKey;
  to: EntryKey;
}

export interface Wiki {
  entries: Map<EntryKey, WikiEntry>;
  byCollection: Record<CollectionName, WikiEntry[]>;
  graph: Graph;
  redirects: Redirect[];
}

function nameOf(collection: CollectionName, data: Record<string, unknown>): string {
  return String(data[nameField(collection)]);
}

function linksIn(body: string): { links: EntryKey[]; cites: BodyCite[] } {
  const parsed = linksAndCites(body);
  const links: EntryKey[] = [];
  for (const link of parsed.links) {
    const target = link.url.startsWith('/') ? entryKeyFromPath(link.url) : undefined;
    if (target && 'key' in target && !links.includes(target.key)) links.push(target.key);
  }
  return { links, cites: parsed.cites };
}

function factCitesOf(data: Record<string, unknown>): CitationRef[] {
  const out: CitationRef[] = [];
  for (const c of (data.sources as unknown[]) ?? []) out.push(normaliseCitation(c));
  for (const v of (data.values as { source: unknown }[]) ?? []) out.push(normaliseCitation(v.source));
  for (const s of (data.suppliers as { share?: { source: unknown } }[]) ?? []) if (s.share) out.push(normaliseCitation(s.share.source));
  for (const r of (data.responses as { source: unknown }[]) ?? []) out.push(normaliseCitation(r.source));
  return out;
}

async function load(): Promise<Wiki> {
  const entries = new Map<EntryKey, WikiEntry>();
  const byCollection = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as WikiEntry[]])) as Record<CollectionName, WikiEntry[]>;
  const redirects: Redirect[] = [];

  for (const collection of COLLECTIONS) {
    const list = (await getCollection(collection)) as AnyEntry[];
    for (const entry of list) {
      const data = entry.data as Record<string, unknown>;
      const key = entryKey(collection, entry.id);
      const { links, cites } = linksIn(entry.body ?? '');
      const wikiEntry: WikiEntry = {
        key,
        collection,
        id: entry.id,
        name: nameOf(collection, data),
        summary: String(data.summary ?? ''),
        tags: (data.tags as string[]) ?? [],
        data,
        entry,
        bodyLinks: links,
        bodyCites: cites,
        factCites: factCitesOf(data),
        translations: {},
      };
      entries.set(key, wikiEntry);
      byCollection[collection].push(wikiEntry);
      for (const old of (data.redirectFrom as string[]) ?? []) redirects.push({ from: entryKey(collection, old), to: key });
    }
    byCollection[collection].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }

  // Each translation body is parsed once: its links feed the graph below.
  const translationLinks = new Map<EntryKey, EntryKey[]>();
  for (const t of await getCollection('translationsAr')) {
    const target = entries.get(t.id as EntryKey);
    if (!target) continue; // the content check reports orphan translations
    const { links, cites } = linksIn(t.body ?? '');
    translationLinks.set(target.key, links);
    target.translations.ar = { name: t.data.name, summary: t.data.summary, aliases: t.data.aliases, entry: t, cites };
  }

  const nodes: GraphNode[] = [...entries.values()].map((e) => {
    const tr = e.translations.ar;
    const trLinks = translationLinks.get(e.key) ?? [];
    return {
      key: e.key,
      collection: e.collection,
      data: e.data,
      bodyLinks: [...new Set([...e.bodyLinks, ...trLinks])],
      bodyCites: [...new Set([...e.bodyCites, ...(tr?.cites ?? [])].map((c) => c.source))],
    };
  });

  return { entries, byCollection, graph: buildGraph(nodes), redirects };
}

let cache: Promise<Wiki> | undefined;

/** The whole wiki, loaded once per build. */
export function getWiki(): Promise<Wiki> {
  cache ??= load();
  return cache;
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
