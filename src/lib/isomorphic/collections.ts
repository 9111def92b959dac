/**
 * The wiki's collections and the rules for ids, file names, partial dates and
 * language tags: one copy each, for the schemas, the content reader, the
 * pages and the browser.
 *
 * Isomorphic: no Node, no Astro, no dependencies (browser scripts import it).
 */

/** The collections, in the order the site lists them. */
export const COLLECTIONS = ['companies', 'agencies', 'contracts', 'events', 'people', 'organizations', 'sources'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export function isCollection(value: string): value is CollectionName {
  return (COLLECTIONS as readonly string[]).includes(value);
}

/** Collections whose entries are actors (they have a name, hold roles, speak): the rest have a title. */
export const ACTOR_COLLECTIONS = ['companies', 'agencies', 'people', 'organizations'] as const satisfies readonly CollectionName[];
export type ActorCollection = (typeof ACTOR_COLLECTIONS)[number];

export function isActorCollection(collection: CollectionName): collection is ActorCollection {
  return (ACTOR_COLLECTIONS as readonly string[]).includes(collection);
}

/** The front-matter field that holds an entry's display name: actors have a name, the rest a title. */
export function nameField(collection: CollectionName): 'name' | 'title' {
  return isActorCollection(collection) ? 'name' : 'title';
}

/** Lower-case ASCII kebab-case: the file name and the permanent URL segment. */
export const ENTRY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Languages an entry can be translated into, each a `<id>.<locale>.mdx` file beside the original. */
export const TRANSLATION_LOCALES = ['ar'] as const;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

/**
 * The shape of an entry file's name: `<id>.mdx` or `<id>.<locale>.mdx` (two
 * lower-case letters). Whether the id and locale are valid is checked apart.
 */
export const ENTRY_FILE_NAME = /^([^.]+)(?:\.([a-z]{2}))?\.mdx$/;

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD"; groups: year, month, day. */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when a "YYYY", "YYYY-MM" or "YYYY-MM-DD" string names a real calendar date. */
export function isValidPartialDate(value: string): boolean {
  const m = PARTIAL_DATE_PATTERN.exec(value);
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

/** True for a well-formed BCP 47 language tag ("ar", "en", "en-GB"). */
export function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/**
 * Whether a period written with partial dates can be in order: an end known
 * only to the month or year may fall anywhere in it ("2025" ends after
 * "2025-06-01"), so it is compared at its latest.
 */
export function isPeriodInOrder(start: string | undefined, end: string | undefined): boolean {
  if (!start || !end) return true;
  return start <= end.padEnd(start.length, '9');
}
