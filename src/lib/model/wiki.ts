/**
 * The one module that reads `astro:content`: every collection once per build
 * (getCollection deep-copies entries on each call), turned into the model by
 * build.ts. The loader (content/loader.ts) stored each entry as the content
 * check read it, links and citations included, so no body is parsed here.
 */
import { getCollection } from 'astro:content';
import { COLLECTIONS } from '../isomorphic/collections';
import type { BodyReferences } from '../content/loader';
import { buildWiki } from './build';
import type { ModelInput, ModelInputEntry, Wiki } from './entry';

/** The links and citations the loader stored with an entry. */
function bodyReferences(entry: { rendered?: { metadata?: Record<string, unknown> } }): BodyReferences {
  const stored = entry.rendered?.metadata as Partial<BodyReferences> | undefined;
  return { links: stored?.links ?? [], cites: stored?.cites ?? [] };
}

async function load(): Promise<Wiki> {
  const byKey = new Map<string, ModelInput>();
  for (const collection of COLLECTIONS) {
    for (const entry of await getCollection(collection)) {
      // Astro parsed `data` with this collection's schema (src/content.config.ts).
      const input: ModelInputEntry = { collection, id: entry.id, data: entry.data as ModelInputEntry['data'], body: entry.body ?? '', ...bodyReferences(entry), translations: {} };
      byKey.set(`${collection}/${entry.id}`, input as ModelInput);
    }
  }
  for (const t of await getCollection('translationsAr')) {
    const original = byKey.get(t.id);
    // The content check reports a translation without its original.
    if (original) original.translations.ar = { data: t.data, body: t.body ?? '', ...bodyReferences(t) };
  }
  return buildWiki(byKey.values());
}

let cache: Promise<Wiki> | undefined;

/** The whole wiki, loaded once per build. */
export function getWiki(): Promise<Wiki> {
  cache ??= load();
  return cache;
}
