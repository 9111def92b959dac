/**
 * The list of names the search page offers "did you mean" suggestions from:
 * every entry's name in the page's language, its page, and its other names.
 *
 * Pure: no Node, no Astro.
 */
import type { Locale, Translate } from '../../i18n';
import type { NameRecord } from '../isomorphic/did-you-mean';
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
