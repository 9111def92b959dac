/**
 * What the search index learns about each entry beyond its text: filter values
 * (type, country, tag, year, buyer, supplier), result metadata and sort keys.
 * Values are shown to readers, so they are in the page's language; each
 * language has its own Pagefind index.
 */
import type { Locale, Translate } from '../../i18n';
import type { UiKey } from '../../i18n/en';
import { tagLabel } from '../../schemas/vocabulary';
import { entryKey, type EntryKey } from '../isomorphic/entry-keys';
import { countryName, listedDateText, nameLang } from './format';
import { aliasesOf, entryIn, localName, type Wiki, type WikiEntry } from '../model/entry';
import { ALIAS_SEPARATOR } from '../isomorphic/search-contract';

/** Filter names, in the order the search page offers them. */
export const FILTER_KEYS = ['type', 'country', 'tag', 'year', 'buyer', 'supplier'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface SearchFacets {
  filters: Record<FilterKey, string[]>;
  /** Shown with each result (the summary is read from the page's lede paragraph, not repeated here). */
  meta: { type: string; date?: string; aka?: string; /** The title's language when not the page's (a source's own title): the result link carries it. */ titleLang?: string };
  /** Sort keys: ISO partial date (empty sorts first). */
  sort: { date?: string };
}

function countryOf(wiki: Wiki, e: WikiEntry): string | undefined {
  switch (e.collection) {
    case 'companies':
      return e.data.country;
    case 'agencies':
      return e.data.country;
    case 'organizations':
      return e.data.country;
    case 'events':
      return e.data.location?.country;
    case 'contracts': {
      return entryIn(wiki, 'agencies', e.data.buyer)?.data.country;
    }
    default:
      return undefined;
  }
}

const nameOf = (wiki: Wiki, key: EntryKey, locale: Locale) => {
  const target = wiki.entries.get(key);
  return target ? localName(target, locale) : undefined;
};

/** Acronym and aliases (English and, on translated pages, the translation's), excluding the name itself. */
export function otherNames(e: WikiEntry, locale: Locale): string[] {
  const name = localName(e, locale);
  // A copy: the model is shared by every page of the build and only ever read.
  const names = [...aliasesOf(e)];
  if (locale !== 'en') names.push(...(e.translations[locale]?.aliases ?? []), e.name);
  return [...new Set(names.filter((n): n is string => !!n && n !== name))];
}

export function searchFacets(wiki: Wiki, e: WikiEntry, locale: Locale, t: Translate): SearchFacets {
  const date = e.listedDate;
  const country = countryName(countryOf(wiki, e), locale);
  const contract = e.collection === 'contracts' ? e.data : undefined;
  const present = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];
  return {
    filters: {
      type: [t(`type.${e.collection}` as UiKey)],
      country: present([country]),
      tag: present(e.tags.map((tag) => tagLabel(tag, locale))),
      year: present([date?.slice(0, 4)]),
      buyer: present([contract && nameOf(wiki, entryKey('agencies', contract.buyer), locale)]),
      supplier: present(contract ? contract.suppliers.map((s) => nameOf(wiki, entryKey('companies', s.company), locale)) : []),
    },
    meta: { type: t(`type.${e.collection}` as UiKey), date: listedDateText(e, locale, t), aka: otherNames(e, locale).join(ALIAS_SEPARATOR) || undefined, titleLang: nameLang(e, locale) },
    sort: { date },
  };
}
