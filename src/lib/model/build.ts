/**
 * Builds the model (entry.ts) from the content check's result: names,
 * resolved references and citations from the one reference table
 * (schemas/references.ts), and the link graph, once.
 *
 * Pure: no Node, no Astro.
 */
import { citationsIn, referencesIn } from '../../schemas/references';
import { COLLECTIONS, nameField, type CollectionName } from '../isomorphic/collections';
import { entryKey, type EntryKey } from '../isomorphic/entry-keys';
import { buildGraph, type GraphNode } from './graph';
import { listedDate, type ModelInput, type Redirect, type Wiki, type WikiEntry } from './entry';

function toEntry(input: ModelInput): WikiEntry {
  const data = input.data as Record<string, unknown>;
  const translations: WikiEntry['translations'] = {};
  for (const [locale, t] of Object.entries(input.translations) as [keyof WikiEntry['translations'], NonNullable<ModelInput['translations']['ar']>][]) {
    translations[locale] = { name: t.data.name, summary: t.data.summary, aliases: t.data.aliases, body: t.body, links: t.links, cites: t.cites };
  }
  // The spread keeps the union's pairing of collection and data, which TypeScript cannot follow through a generic helper.
  return {
    ...input,
    key: entryKey(input.collection, input.id),
    name: String(data[nameField(input.collection)]),
    summary: String(data.summary ?? ''),
    tags: (data.tags as string[] | undefined) ?? [],
    bodyLinks: input.links,
    bodyCites: input.cites,
    references: referencesIn(input.collection, data).map(({ path, field, relation, collection, id }) => ({ path, field, relation, target: entryKey(collection, id) })),
    factCites: citationsIn(input.collection, data),
    listedDate: listedDate(input),
    translations,
  } as WikiEntry;
}

/** The whole model from every checked entry (any order). */
export function buildWiki(inputs: Iterable<ModelInput>): Wiki {
  const entries = new Map<EntryKey, WikiEntry>();
  const byCollection = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as WikiEntry[]])) as Record<CollectionName, WikiEntry[]>;
  const redirects: Redirect[] = [];
  const ordered = [...inputs].sort((a, b) => COLLECTIONS.indexOf(a.collection) - COLLECTIONS.indexOf(b.collection));
  for (const input of ordered) {
    const e = toEntry(input);
    entries.set(e.key, e);
    byCollection[e.collection].push(e);
    for (const old of e.data.redirectFrom) redirects.push({ from: entryKey(e.collection, old), to: e.key });
  }
  for (const c of COLLECTIONS) byCollection[c].sort((a, b) => a.name.localeCompare(b.name, 'en'));

  const nodes: GraphNode[] = [...entries.values()].map((e) => {
    const tr = e.translations.ar;
    return {
      key: e.key,
      references: e.references,
      factCites: e.factCites,
      bodyLinks: [...new Set([...e.bodyLinks, ...(tr?.links ?? [])])],
      bodyCites: [...new Set([...e.bodyCites, ...(tr?.cites ?? [])].map((c) => c.source))],
    };
  });
  return { entries, byCollection: byCollection as Wiki['byCollection'], graph: buildGraph(nodes), redirects };
}
