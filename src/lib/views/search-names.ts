/**
 * The lists of names the search page offers "did you mean" suggestions from
 * and ranks an exact name first by: every entry's name in the page's
 * language, its page, and its other names, split by first letter.
 *
 * Pure: no Node, no Astro.
 */
import type { Locale, Translate } from '../../i18n';
import { nameBucket, type NameRecord } from '../isomorphic/did-you-mean';
import type { Wiki } from '../model/entry';
import { linkView } from './format';
import { otherNames } from './search-facets';

export function searchNames(wiki: Wiki, locale: Locale, t: Translate): NameRecord[] {
  return [...wiki.entries.values()]
    .filter((e) => e.collection !== 'sources')
    .map((e) => {
      const link = linkView(wiki, e.key, locale, t);
      return [link.label, link.href, ...otherNames(e, locale)] as NameRecord;
    });
}

/** The names split by the first letter of each of an entry's names (an entry is in every file one of its names starts in). */
export function nameBuckets(records: readonly NameRecord[]): Map<string, NameRecord[]> {
  const buckets = new Map<string, NameRecord[]>();
  for (const record of records) {
    const [label, , ...aliases] = record;
    for (const bucket of new Set([label, ...aliases].map(nameBucket).filter((b): b is string => !!b))) {
      (buckets.get(bucket) ?? buckets.set(bucket, []).get(bucket)!).push(record);
    }
  }
  return buckets;
}
