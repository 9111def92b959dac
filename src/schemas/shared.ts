/**
 * Schema pieces shared by every entity type. Each field's `.meta({ description })`
 * ends up in the exported JSON Schema that editors show while a contributor
 * types (output/exports/json-schema.ts).
 */
import { z } from 'astro/zod';
import { COUNTRY_CODES } from './countries';
import { TAG_IDS } from './vocabulary';
import { ACTOR_COLLECTIONS, COLLECTIONS, ENTRY_ID_PATTERN, isValidPartialDate, type CollectionName } from '../lib/isomorphic/collections';

export { COLLECTIONS, ENTRY_ID_PATTERN, isPeriodInOrder, isValidPartialDate, nameField, type CollectionName } from '../lib/isomorphic/collections';

export const entryId = z
  .string({ error: 'must be an entry id such as "palantir-technologies"' })
  .regex(ENTRY_ID_PATTERN, {
    error: 'must be lower-case ASCII kebab-case, e.g. "palantir-technologies"',
  });

/**
 * A reference written "<collection>/<id>" to an entry of one of the given
 * collections (any collection when none are given).
 */
export function entryKeyOf(collections: readonly CollectionName[] = COLLECTIONS, example = 'companies/palantir-technologies') {
  return z.string().regex(new RegExp(`^(${collections.join('|')})/[a-z0-9]+(?:-[a-z0-9]+)*$`), {
    error: `must be "<collection>/<id>" where collection is one of ${collections.join(', ')}, e.g. "${example}"`,
  });
}

/** A reference to an entry of any collection, written "<collection>/<id>". */
export const entryKey = entryKeyOf();

/** A reference to an actor (company, agency, person or organisation), written "<collection>/<id>". */
export const actorKey = entryKeyOf(ACTOR_COLLECTIONS);

/**
 * Whether a zod schema is `base` or made from it by `.meta()` / `.describe()`
 * (zod clones a schema for its metadata and records the original as its parent).
 */
export function derivesFrom(schema: unknown, base: unknown): boolean {
  for (let s = schema as { _zod?: { parent?: unknown } } | undefined; s; s = s._zod?.parent as typeof s) if (s === base) return true;
  return false;
}

/**
 * A date known to the year, month or day: "2025", "2025-04" or "2025-04-17".
 * YAML parsers turn bare `2025` into a number and `2025-04-17` into a Date; both
 * are normalised back to the written string so the known precision is kept.
 */
export const partialDate = z.preprocess(
  (value) => {
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    return value;
  },
  z
    .string({ error: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD' })
    .refine(isValidPartialDate, {
      error: 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025, 2025-04, 2025-04-17)',
    }),
);

/** ISO 3166-1 alpha-2 country code, upper case: "US", "IL". */
export const country = z.enum(COUNTRY_CODES, {
  error: 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. "US" or "IL"',
});

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
/** ISO 4217 currency code, upper case: "USD", "ILS". */
export const currency = z.string().refine((c) => CURRENCIES.has(c), {
  error: 'must be an ISO 4217 currency code in capitals, e.g. "USD", "EUR", "ILS"',
});

/** An absolute http(s) URL. Never invent one: leave the field out when unknown. */
export const webUrl = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: 'must be an absolute http:// or https:// URL',
});

/** An absolute https URL (used for official websites). */
export const httpsUrl = z.url({
  protocol: /^https$/,
  hostname: z.regexes.domain,
  error: 'must be an absolute https:// URL',
});

/** A controlled-vocabulary tag (see src/schemas/vocabulary.ts). */
export const tag = z.enum(TAG_IDS, {
  error: 'is not in the tag vocabulary; use a tag listed in src/schemas/vocabulary.ts or add one there',
});

/**
 * A citation of a source entry: either the source id alone, or an object that
 * also records the outlet the source itself credits ("via") and a locator.
 */
export const citation = z.union([
  entryId,
  z.strictObject({
    source: entryId.meta({ description: 'Id of the entry in content/sources/.' }),
    via: z.string().trim().min(1).optional().meta({ description: 'The earlier outlet the source attributes the information to, e.g. "Wired".' }),
    locator: z.string().trim().min(1).optional().meta({ description: 'Where in the source: a section, page or short quotation.' }),
  }).meta({ description: 'A citation of a source entry: either the source id alone, or an object that also records the outlet the source itself credits ("via") and a locator.' }),
]);
export type CitationInput = z.infer<typeof citation>;

/** Kinds of official identifier a record or contract carries. */
export const IDENTIFIER_SCHEMES = ['award-id', 'piid', 'order', 'solicitation', 'notice', 'justification', 'other'] as const;

/** An official identifier (award or order number, notice, justification), exactly as the record writes it. */
export const identifier = z.strictObject({
  scheme: z
    .enum(IDENTIFIER_SCHEMES, { error: `must be one of ${IDENTIFIER_SCHEMES.join(', ')}` })
    .meta({ description: 'What kind of identifier: award-id (e.g. a USAspending award id), piid (US procurement instrument id), order, solicitation (tender number), notice, justification, other.' }),
  value: z.string().trim().min(1).meta({ description: 'The identifier exactly as the record writes it.' }),
});

/** A sourced correction made to this entry after publication. */
export const correction = z.strictObject({
  date: partialDate.meta({ description: 'When the correction was made.' }),
  change: z.string().trim().min(1).meta({ description: 'What was changed.' }),
  reason: z.string().trim().min(1).meta({ description: 'Why it was changed.' }),
}).meta({ description: 'A sourced correction made to this entry after publication.' });

/** A response from the entry's subject, as reported by a source. */
export const response = z.strictObject({
  date: partialDate.meta({ description: 'When the subject responded.' }),
  by: z.string().trim().min(1).meta({ description: 'Who responded, as the source names them.' }),
  speaker: actorKey.optional().meta({ description: 'The entry of who responded, when the wiki has one: "people/<id>", "organizations/<id>", "companies/<id>" or "agencies/<id>".' }),
  said: z.string().trim().min(1).meta({ description: 'What they said, quoted or closely paraphrased.' }),
  source: citation.meta({ description: 'The source that reports the response.' }),
}).meta({ description: "A response from the entry's subject, as reported by a source." });

/** Fields every entry except sources shares. */
export const entryBase = {
  summary: z
    .string({ error: 'is required: one plain sentence describing the entry' })
    .trim()
    .min(10, { error: 'is too short: write one full sentence' })
    .max(320, { error: 'is too long: keep it to one sentence (at most 320 characters)' })
    .refine((s) => !/\n/.test(s), { error: 'must be a single line' })
    .meta({ description: 'One sentence, plain text, shown in lists, search results and link previews.' }),
  tags: z.array(tag).default([]).meta({ description: 'Controlled-vocabulary tags.' }),
  sources: z
    .array(citation, { error: 'is required: list at least one source id' })
    .min(1, { error: 'must cite at least one source entry' })
    .meta({ description: 'Sources that support the typed facts of this entry (at least one).' }),
  redirectFrom: z.array(entryId).default([]).meta({ description: 'Old ids of this entry; each keeps its old URL alive as a redirect.' }),
  corrections: z.array(correction).default([]).meta({ description: 'Corrections made after publication.' }),
  responses: z.array(response).default([]).meta({ description: 'Responses from the subject of the entry.' }),
};
