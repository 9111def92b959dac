/**
 * Schema pieces shared by every entity type. Each field is documented because
 * these comments end up in the exported JSON Schema that editors show while a
 * contributor types.
 */
import { z } from 'astro/zod';
import { COUNTRY_CODES } from './countries';
import { TAG_IDS } from './vocabulary';

/** The five collections, in the order the site lists them. */
export const COLLECTIONS = ['companies', 'agencies', 'contracts', 'events', 'sources'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** The front-matter field that holds an entry's display name: companies and agencies have a name, the rest a title. */
export function nameField(collection: CollectionName): 'name' | 'title' {
  return collection === 'companies' || collection === 'agencies' ? 'name' : 'title';
}

/** Lower-case ASCII kebab-case: the file name and the permanent URL segment. */
export const ENTRY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const entryId = z
  .string({ error: 'must be an entry id such as "palantir-technologies"' })
  .regex(ENTRY_ID_PATTERN, {
    error: 'must be lower-case ASCII kebab-case, e.g. "palantir-technologies"',
  });

/** A reference to an entry of any collection, written "<collection>/<id>". */
export const entryKey = z
  .string()
  .regex(new RegExp(`^(${COLLECTIONS.join('|')})/[a-z0-9]+(?:-[a-z0-9]+)*$`), {
    error: `must be "<collection>/<id>" where collection is one of ${COLLECTIONS.join(', ')}, e.g. "companies/palantir-technologies"`,
  });

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when a "YYYY", "YYYY-MM" or "YYYY-MM-DD" string names a real calendar date. */
export function isValidPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  const [, , month, day] = m;
  if (month === undefined) return true;
  const mm = Number(month);
  if (mm < 1 || mm > 12) return false;
  if (day === undefined) return true;
  const dd = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(m[1]), mm, 0)).getUTCDate();
  return dd >= 1 && dd <= daysInMonth;
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
    /** Id of the entry in content/sources/. */
    source: entryId,
    /** The earlier outlet the source attributes the information to, e.g. "Wired". */
    via: z.string().trim().min(1).optional(),
    /** Where in the source: a section, page or short quotation. */
    locator: z.string().trim().min(1).optional(),
  }),
]);
export type CitationInput = z.infer<typeof citation>;

/** A sourced correction made to this entry after publication. */
export const correction = z.strictObject({
  /** When the correction was made. */
  date: partialDate,
  /** What was changed. */
  change: z.string().trim().min(1),
  /** Why it was changed. */
  reason: z.string().trim().min(1),
});

/** A response from the entry's subject, as reported by a source. */
export const response = z.strictObject({
  /** When the subject responded. */
  date: partialDate,
  /** Who responded, as the source names them. */
  by: z.string().trim().min(1),
  /** What they said, quoted or closely paraphrased. */
  said: z.string().trim().min(1),
  /** The source that reports the response. */
  source: citation,
});

/** Fields every entry except sources shares. */
export const entryBase = {
  /** One sentence, plain text, shown in lists, search results and link previews. */
  summary: z
    .string({ error: 'is required: one plain sentence describing the entry' })
    .trim()
    .min(10, { error: 'is too short: write one full sentence' })
    .max(320, { error: 'is too long: keep it to one sentence (at most 320 characters)' })
    .refine((s) => !/\n/.test(s), { error: 'must be a single line' }),
  /** Controlled-vocabulary tags. */
  tags: z.array(tag).default([]),
  /** Sources that support the typed facts of this entry (at least one). */
  sources: z
    .array(citation, { error: 'is required: list at least one source id' })
    .min(1, { error: 'must cite at least one source entry' }),
  /** Old ids of this entry; each keeps its old URL alive as a redirect. */
  redirectFrom: z.array(entryId).default([]),
  /** Corrections made after publication. */
  corrections: z.array(correction).default([]),
  /** Responses from the subject of the entry. */
  responses: z.array(response).default([]),
};
