/**
 * Which front-matter fields point at other entries and which cite sources,
 * declared once for every reader: the content check (unknown ids), the link
 * graph and backlinks, footnotes, the exports and the JSON-LD. A new
 * reference field is one line here, beside its schema.
 *
 * Paths are property names separated by dots, with "[]" after an array
 * field: "suppliers[].company" is the company of every supplier. The walkers
 * accept unchecked front matter too (the content check walks a file before
 * its schema has passed) and skip whatever is not a string id.
 *
 * Isomorphic: no Node, no Astro.
 */
import { isCollection, type CollectionName } from '../lib/isomorphic/collections';

/** The edge an entry reference makes in the link graph. */
export type ReferenceRelation = 'parent' | 'buyer' | 'supplier' | 'involved' | 'participant' | 'role' | 'member' | 'speaker' | 'publisher' | 'author' | 'basedOn' | 'after';

export interface ReferenceField {
  /** Where the id sits, e.g. "suppliers[].company". */
  path: string;
  /** The collection the id belongs to, or "key" for a "<collection>/<id>" key naming any entry. */
  to: CollectionName | 'key';
  relation: ReferenceRelation;
}

/** Fields that name another entry, per collection, in the order pages and exports list them. */
/** Who spoke a response, on every entry that can carry responses. */
const SPEAKERS: ReferenceField = { path: 'responses[].speaker', to: 'key', relation: 'speaker' };

export const REFERENCE_FIELDS: Readonly<Record<CollectionName, readonly ReferenceField[]>> = {
  companies: [{ path: 'parent', to: 'companies', relation: 'parent' }, SPEAKERS],
  agencies: [{ path: 'parent', to: 'agencies', relation: 'parent' }, SPEAKERS],
  contracts: [
    { path: 'buyer', to: 'agencies', relation: 'buyer' },
    { path: 'suppliers[].company', to: 'companies', relation: 'supplier' },
    SPEAKERS,
  ],
  events: [
    { path: 'involved[]', to: 'key', relation: 'involved' },
    { path: 'participants[].entry', to: 'key', relation: 'participant' },
    { path: 'after.event', to: 'events', relation: 'after' },
    SPEAKERS,
  ],
  people: [{ path: 'roles[].at', to: 'key', relation: 'role' }, SPEAKERS],
  organizations: [
    { path: 'parent', to: 'organizations', relation: 'parent' },
    { path: 'members[]', to: 'key', relation: 'member' },
    SPEAKERS,
  ],
  sources: [
    { path: 'basedOn[].source', to: 'sources', relation: 'basedOn' },
    { path: 'publishedBy', to: 'key', relation: 'publisher' },
    { path: 'writtenBy[]', to: 'people', relation: 'author' },
  ],
};

/** Citations every entry except a source may carry. */
const ENTRY_CITATIONS = ['sources[]', 'responses[].source'] as const;

/**
 * Fields that cite a source (an id, or `{ source, via, locator }`), per
 * collection, in footnote order: the entry's sources, then its values,
 * shares, identifiers, roles, participants and the order of events, then responses.
 */
export const CITATION_FIELDS: Readonly<Record<CollectionName, readonly string[]>> = {
  companies: ENTRY_CITATIONS,
  agencies: ENTRY_CITATIONS,
  contracts: ['sources[]', 'values[].source', 'suppliers[].share.source', 'identifiers[].source', 'responses[].source'],
  events: ['sources[]', 'participants[].source', 'after.source', 'responses[].source'],
  people: ['sources[]', 'roles[].source', 'responses[].source'],
  organizations: ENTRY_CITATIONS,
  sources: [],
};

export type FieldPath = (string | number)[];

/** A reference found in an entry's front matter. */
export interface ReferenceSite {
  /** Where it sits, e.g. ["suppliers", 0, "company"]. */
  path: FieldPath;
  /** The table's path of the field, e.g. "suppliers[].company". */
  field: string;
  relation: ReferenceRelation;
  collection: CollectionName;
  id: string;
}

/** A citation of a source, normalised to an object. */
export interface CitationRef {
  source: string;
  via?: string;
  locator?: string;
}

/** A citation found in an entry's front matter. */
export interface CitationSite {
  path: FieldPath;
  /** The table's path of the field, e.g. "values[].source". */
  field: string;
  citation: CitationRef;
}

/** Every value at a table path, with its concrete path. */
function* valuesAt(data: unknown, field: string): Generator<{ path: FieldPath; value: unknown }> {
  const steps = field.split('.');
  function* walk(value: unknown, i: number, path: FieldPath): Generator<{ path: FieldPath; value: unknown }> {
    if (i === steps.length) {
      yield { path, value };
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const step = steps[i]!;
    const many = step.endsWith('[]');
    const name = many ? step.slice(0, -2) : step;
    const child = (value as Record<string, unknown>)[name];
    if (!many) {
      yield* walk(child, i + 1, [...path, name]);
      return;
    }
    if (!Array.isArray(child)) return;
    for (let n = 0; n < child.length; n++) yield* walk(child[n], i + 1, [...path, name, n]);
  }
  yield* walk(data, 0, []);
}

/** The entries an entry's front matter names, in table order. */
export function referencesIn(collection: CollectionName, data: unknown): ReferenceSite[] {
  const out: ReferenceSite[] = [];
  for (const ref of REFERENCE_FIELDS[collection]) {
    for (const { path, value } of valuesAt(data, ref.path)) {
      if (typeof value !== 'string') continue;
      if (ref.to !== 'key') {
        out.push({ path, field: ref.path, relation: ref.relation, collection: ref.to, id: value });
        continue;
      }
      const slash = value.indexOf('/');
      const target = value.slice(0, slash);
      if (slash > 0 && isCollection(target)) out.push({ path, field: ref.path, relation: ref.relation, collection: target, id: value.slice(slash + 1) });
    }
  }
  return out;
}

/** A citation value as an object, or undefined when it names no source. */
export function normaliseCitation(value: unknown): CitationRef | undefined {
  if (typeof value === 'string') return { source: value };
  if (!value || typeof value !== 'object' || typeof (value as { source?: unknown }).source !== 'string') return undefined;
  const { source, via, locator } = value as { source: string; via?: unknown; locator?: unknown };
  return { source, via: typeof via === 'string' ? via : undefined, locator: typeof locator === 'string' ? locator : undefined };
}

/** The sources an entry's front matter cites, in table (footnote) order. */
export function citationsIn(collection: CollectionName, data: unknown): CitationSite[] {
  const out: CitationSite[] = [];
  for (const field of CITATION_FIELDS[collection]) {
    for (const { path, value } of valuesAt(data, field)) {
      const citation = normaliseCitation(value);
      if (citation) out.push({ path, field, citation });
    }
  }
  return out;
}

/** A field path as a key for lookups: ["suppliers", 0, "company"] -> "suppliers.0.company". */
export const pathKey = (path: readonly (string | number)[]): string => path.join('.');

/**
 * A copy of an entry's front matter with every reference and citation
 * replaced by what the callbacks return (the exports' expanded references);
 * everything else, and the order of keys, is kept.
 */
export function mapReferences(
  collection: CollectionName,
  data: Record<string, unknown>,
  replace: { reference: (ref: ReferenceSite) => unknown; citation: (site: CitationSite) => unknown },
): Record<string, unknown> {
  const replacements = new Map<string, unknown>();
  for (const ref of referencesIn(collection, data)) replacements.set(pathKey(ref.path), replace.reference(ref));
  for (const site of citationsIn(collection, data)) replacements.set(pathKey(site.path), replace.citation(site));
  const copy = (value: unknown, path: string): unknown => {
    if (replacements.has(path)) return replacements.get(path);
    if (Array.isArray(value)) return value.map((v, i) => copy(v, path ? `${path}.${i}` : String(i)));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v, path ? `${path}.${k}` : k)]));
    return value;
  };
  return copy(data, '') as Record<string, unknown>;
}
