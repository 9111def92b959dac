/**
 * Branded string types for entry keys ("companies/palantir") and the helpers
 * that make and take them apart, so a bare id is never mistaken for a key.
 */
import { ENTRY_ID_PATTERN, isCollection, type CollectionName } from './collections';

export { isCollection };

export type EntryKey = string & { readonly __brand: 'EntryKey' };

export function isEntryKey(value: string): value is EntryKey {
  const [collection, id, ...rest] = value.split('/');
  return rest.length === 0 && !!collection && isCollection(collection) && !!id && ENTRY_ID_PATTERN.test(id);
}

export function entryKey(collection: CollectionName, id: string): EntryKey {
  return `${collection}/${id}` as EntryKey;
}

export function splitKey(key: EntryKey): { collection: CollectionName; id: string } {
  const slash = key.indexOf('/');
  return { collection: key.slice(0, slash) as CollectionName, id: key.slice(slash + 1) };
}

/**
 * The entry a site-relative link points at, or undefined when the link is not
 * an entry link. Accepts "/companies/x/", "/companies/x" and "/companies/x/#part".
 */
export function entryKeyFromPath(path: string): { key: EntryKey; anchor?: string } | { badId: string; collection: CollectionName } | undefined {
  const match = /^\/([a-z]+)\/([^/#?]+)\/?(?:#(.*))?$/.exec(path.trim());
  if (!match) return undefined;
  const [, collection, id, anchor] = match;
  if (!collection || !id || !isCollection(collection)) return undefined;
  if (!ENTRY_ID_PATTERN.test(id)) return { badId: id, collection };
  return { key: entryKey(collection, id), anchor: anchor || undefined };
}
