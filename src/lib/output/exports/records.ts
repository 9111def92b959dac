/**
 * The JSON record of an entry, shared by /api/v1/entries.json and
 * /api/v1/<collection>/<id>.json: identity, permanent URLs, name and summary
 * (with the Arabic translation where one exists), tags, and the typed
 * front-matter facts with every reference to another entry expanded to
 * {type, id, url}. Nothing is added that the content does not say.
 */
import { mapReferences, type CitationRef } from '../../../schemas/references';
import { COLLECTIONS, nameField, type CollectionName } from '../../isomorphic/collections';
import type { Wiki, WikiEntry } from '../../model/entry';
import { entryKey, splitKey, type EntryKey } from '../../isomorphic/entry-keys';
import { historyOf, type FileHistory } from '../../content/git-history';
import { backlinksOf, type Relation } from '../../model/graph';
import { entryPath } from '../../isomorphic/paths';
import { API_PREFIX, generationMetadata, type ExportContext } from './context';

/** The exports read the model itself (model/entry.ts). */
export type ExportEntry = WikiEntry;
export type ExportWiki = Wiki;

/** A reference to another entry. */
export interface Ref {
  type: CollectionName;
  id: string;
  url: string;
}

/** A citation of a source entry. */
export interface CiteRef {
  id: string;
  url: string;
  via?: string;
  locator?: string;
}

export interface HistoryJson {
  created: string | null;
  updated: string | null;
  /** The repository's list of changes to the file; null when the repository is not known. */
  historyUrl: string | null;
}

export interface EntryRecord {
  type: CollectionName;
  id: string;
  key: string;
  url: string;
  urls: { en: string; ar: string };
  api: string;
  name: string;
  summary: string | null;
  tags: string[];
  translations: { ar?: { name: string; summary: string | null; aliases: string[] } };
  facts: Record<string, unknown>;
  history: HistoryJson & { translations: { ar?: HistoryJson } };
}

export interface Citation extends CiteRef {
  /** The source's title, as the wiki records it. */
  title: string;
  /** Where the source itself can be read, when the wiki records a URL. */
  sourceUrl?: string;
  archiveUrl?: string;
  /** Where the entry cites it: "sources", "values", "suppliers.share", "responses", "body", "body.ar". */
  citedIn: string[];
}

export interface Backlink extends Ref {
  name: string;
  relations: Relation[];
}

export interface EntryDetail extends EntryRecord {
  backlinks: Backlink[];
  citations: Citation[];
}

/** Site path of an entry's JSON file: "/api/v1/companies/x.json". */
export function entryApiPath(key: EntryKey): string {
  const { collection, id } = splitKey(key);
  return `${API_PREFIX}/${collection}/${id}.json`;
}

export function refTo(ctx: ExportContext, collection: CollectionName, id: string): Ref {
  return { type: collection, id, url: ctx.url(entryPath(entryKey(collection, id))) };
}

function refToKey(ctx: ExportContext, key: string): Ref {
  const { collection, id } = splitKey(key as EntryKey);
  return refTo(ctx, collection, id);
}

export function citeRef(ctx: ExportContext, o: CitationRef): CiteRef {
  const out: CiteRef = { id: o.source, url: ctx.url(entryPath(entryKey('sources', o.source))) };
  if (o.via) out.via = o.via;
  if (o.locator) out.locator = o.locator;
  return out;
}

/** The typed front matter with references expanded (schemas/references.ts); name/title, summary and tags are top-level fields instead. */
export function factsOf(ctx: ExportContext, e: Pick<ExportEntry, 'collection' | 'data'>): Record<string, unknown> {
  const expanded = mapReferences(e.collection, e.data as Record<string, unknown>, {
    reference: (ref) => refTo(ctx, ref.collection, ref.id),
    citation: (site) => citeRef(ctx, site.citation),
  });
  const facts: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(expanded)) {
    if (value === undefined || field === 'summary' || field === 'tags' || field === nameField(e.collection)) continue;
    facts[field] = value;
  }
  return facts;
}

function historyJson(h: FileHistory): HistoryJson {
  return { created: h.created ?? null, updated: h.updated ?? null, historyUrl: h.historyUrl ?? null };
}

/** The record of one entry. */
export function entryRecord(ctx: ExportContext, e: ExportEntry): EntryRecord {
  const h = historyOf(ctx.history, e.key);
  const tr = e.translations.ar;
  const record: EntryRecord = {
    type: e.collection,
    id: e.id,
    key: e.key,
    url: ctx.url(entryPath(e.key)),
    urls: { en: ctx.url(entryPath(e.key, 'en')), ar: ctx.url(entryPath(e.key, 'ar')) },
    api: ctx.url(entryApiPath(e.key)),
    name: e.name,
    summary: e.summary ? e.summary : null,
    tags: [...e.tags],
    translations: {},
    facts: factsOf(ctx, e),
    history: { ...historyJson(h), translations: {} },
  };
  if (tr) record.translations.ar = { name: tr.name, summary: tr.summary ?? null, aliases: [...tr.aliases] };
  if (h.translations.ar) record.history.translations.ar = historyJson(h.translations.ar);
  return record;
}

/** Where a front-matter citation sits, as the exports name it: "sources", "values", "suppliers.share", "responses". */
export function citedInName(field: string): string {
  return field.replace(/\[\]/g, '').replace(/\.source$/, '');
}

/** The sources an entry cites, one item per source + outlet + locator, in first-cited order. */
export function citationsOf(ctx: ExportContext, wiki: ExportWiki, e: ExportEntry): Citation[] {
  const byKey = new Map<string, Citation>();
  const add = (cite: CitationRef, field: string) => {
    const ref = citeRef(ctx, cite);
    const k = `${ref.id}\u0000${ref.via ?? ''}\u0000${ref.locator ?? ''}`;
    let c = byKey.get(k);
    if (!c) {
      const source = wiki.entries.get(entryKey('sources', ref.id));
      c = { ...ref, title: source?.name ?? ref.id, citedIn: [] };
      if (source?.collection === 'sources') {
        if (source.data.url) c.sourceUrl = source.data.url;
        if (source.data.archiveUrl) c.archiveUrl = source.data.archiveUrl;
      }
      byKey.set(k, c);
    }
    if (!c.citedIn.includes(field)) c.citedIn.push(field);
  };
  for (const site of e.factCites) add(site.citation, citedInName(site.field));
  for (const c of e.bodyCites) add({ source: c.source, via: c.via, locator: c.locator }, 'body');
  for (const c of e.translations.ar?.cites ?? []) add({ source: c.source, via: c.via, locator: c.locator }, 'body.ar');
  return [...byKey.values()];
}

export function backlinksJson(ctx: ExportContext, wiki: ExportWiki, e: ExportEntry): Backlink[] {
  return backlinksOf(wiki.graph, e.key).map((b) => {
    const { collection, id } = splitKey(b.from);
    return { ...refTo(ctx, collection, id), name: wiki.entries.get(b.from)?.name ?? id, relations: b.relations };
  });
}

/** The per-entry document: the record, its backlinks and its citations. */
export function entryDetail(ctx: ExportContext, wiki: ExportWiki, e: ExportEntry): EntryDetail & { license: string; meta: ReturnType<typeof generationMetadata> } {
  const meta = generationMetadata(ctx);
  return {
    license: meta.license,
    meta,
    ...entryRecord(ctx, e),
    backlinks: backlinksJson(ctx, wiki, e),
    citations: citationsOf(ctx, wiki, e),
  };
}

/** Entries in export order: collection order, then id. */
export function orderedEntries(wiki: ExportWiki): ExportEntry[] {
  const rank = (c: CollectionName) => COLLECTIONS.indexOf(c);
  return [...wiki.entries.values()].sort((a, b) => rank(a.collection) - rank(b.collection) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** /api/v1/entries.json */
export function entriesDocument(ctx: ExportContext, wiki: ExportWiki) {
  const entries = orderedEntries(wiki);
  const counts = Object.fromEntries(COLLECTIONS.map((c) => [c, entries.filter((e) => e.collection === c).length])) as Record<CollectionName, number>;
  return {
    ...generationMetadata(ctx),
    counts,
    total: entries.length,
    entries: entries.map((e) => entryRecord(ctx, e)),
    redirects: wiki.redirects.map((r) => ({ from: ctx.url(entryPath(r.from)), to: refToKey(ctx, r.to) })),
  };
}
