/**
 * When an entry and its translations were added and last changed (read from
 * git by content/git-history.ts, once per build).
 *
 * Pure: no Node, no Astro.
 */

export interface FileHistory {
  /** When the file was first committed (ISO 8601, UTC), or undefined when unknown. */
  created?: string;
  /** When the file was last changed in a commit (ISO 8601, UTC), or undefined when unknown. */
  updated?: string;
  /** The repository's commit list for this file; undefined when the repository is not known (no links). */
  historyUrl?: string;
}

export interface EntryHistory extends FileHistory {
  /** History of translation files (`<id>.ar.mdx`), keyed by locale. */
  translations: { ar?: FileHistory };
}

/** The later of an entry's own change and its translations' changes (for feeds and "last changed"). */
export function lastChanged(h: EntryHistory, locale?: 'en' | 'ar'): string | undefined {
  const dates = [h.updated];
  if (locale === 'ar') dates.push(h.translations.ar?.updated);
  const known = dates.filter((d): d is string => !!d).sort();
  return known.at(-1);
}
