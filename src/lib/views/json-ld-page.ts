/**
 * Builds the JSON-LD input for an entry page from the wiki (json-ld.ts stays
 * pure and free of astro:content so it can be unit-tested directly).
 */
import { translator, LOCALE_INFO, type Locale } from '../../i18n';
import { entryKey, isEntryKey, splitKey, type EntryKey } from '../isomorphic/entry-keys';
import { entryJsonLd, type LinkedEntry } from './json-ld';
import { absoluteUrl, entryPath, localePath } from '../isomorphic/paths';
import { aliasesOf, localName, localSummary, type Wiki, type WikiEntry } from '../model/entry';

/** The language-independent identifier of an entry's subject: its English permanent URL + "#subject". */
export function subjectId(key: EntryKey, site: URL | string | undefined): string {
  return `${absoluteUrl(entryPath(key, 'en'), site)}#subject`;
}

export function entryPageJsonLd(wiki: Wiki, e: WikiEntry, locale: Locale, site: URL | string | undefined, dateModified?: string) {
  const t = translator(locale);
  const tr = locale === 'en' ? undefined : e.translations[locale];
  const data = e.data;
  const aliases = [
    ...aliasesOf(e),
    ...(tr?.aliases ?? []),
    ...(locale === 'en' ? [] : [e.name]),
  ];
  const resolve = (raw: string): LinkedEntry | undefined => {
    if (!isEntryKey(raw)) return undefined;
    const target = wiki.entries.get(raw);
    if (!target) return undefined;
    return { collection: splitKey(raw).collection, name: localName(target, locale), url: absoluteUrl(entryPath(raw, locale), site), id: subjectId(raw, site) };
  };
  return entryJsonLd({
    collection: e.collection,
    data,
    references: e.references,
    name: localName(e, locale),
    description: localSummary(e, locale),
    alternateNames: aliases,
    url: absoluteUrl(entryPath(entryKey(e.collection, e.id), locale), site),
    id: subjectId(e.key, site),
    inLanguage: LOCALE_INFO[locale].lang,
    dateModified,
    site: { name: t('site.title'), url: absoluteUrl(localePath(locale, '/'), site) },
    resolve,
  });
}
