/**
 * Every internal URL goes through here so the site works at a domain root or
 * under a sub-path (BASE_PATH), in both languages.
 */
import type { Locale } from '../../i18n';
import { COLLECTIONS } from './collections';
import { splitKey, type EntryKey } from './entry-keys';

/** Join the configured base path and a site path ("/companies/x/"). */
export function withBase(path: string, base: string = import.meta.env?.BASE_URL ?? '/'): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  const p = path.startsWith('/') ? path : `/${path}`;
  return `${b}${p}`;
}

/** Site paths published once for every language: the data files under /api/. */
const UNLOCALISED_PREFIXES: readonly string[] = ['/api/'];

/** A site path in a locale: English at the root, Arabic under /ar/ (the data files under /api/ are the same in both). */
export function localePath(locale: Locale, path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return locale === 'en' || UNLOCALISED_PREFIXES.some((prefix) => p.startsWith(prefix)) ? p : `/${locale}${p}`;
}

/** The site path of an entry (without base): "/companies/palantir/". */
export function entryPath(key: EntryKey, locale: Locale = 'en'): string {
  const { collection, id } = splitKey(key);
  return localePath(locale, `/${collection}/${id}/`);
}

/** The site path of an entry's history page: "/companies/palantir/history/". */
export function historyPath(key: EntryKey, locale: Locale = 'en'): string {
  return `${entryPath(key, locale)}history/`;
}

/** The anchor of one version on a history page: "v-" and the commit's first 12 characters. */
export const versionAnchor = (commit: string) => `v-${commit.slice(0, 12)}`;

/** The site path of an entry file's text at one version (published when no repository is linked): "/companies/x/history/<12 characters>.txt", ".ar.txt" for the translation. */
export function versionSourcePath(key: EntryKey, commit: string, file: 'entry' | 'ar'): string {
  return `${historyPath(key)}${commit.slice(0, 12)}${file === 'ar' ? '.ar' : ''}.txt`;
}

/** The site path of an entry's Atom feed of changes: "/companies/palantir/feed.xml". */
export function entryFeedPath(key: EntryKey, locale: Locale = 'en'): string {
  return `${entryPath(key, locale)}feed.xml`;
}

/** Full href for an entry, with base path. */
export function entryHref(key: EntryKey, locale: Locale = 'en', base?: string): string {
  return withBase(entryPath(key, locale), base);
}

/** Strip the base path and locale prefix from a pathname, giving the English site path. */
export function stripLocale(path: string): { locale: Locale; path: string } {
  const m = /^\/ar(\/.*)?$/.exec(path);
  if (m) return { locale: 'ar', path: m[1] ?? '/' };
  return { locale: 'en', path };
}

/** An absolute URL for a site path, from the configured site origin and base. */
export function absoluteUrl(path: string, site: string | URL | undefined, base?: string): string {
  return new URL(withBase(path, base), site ?? 'http://localhost:4321').toString();
}

// Open Graph cards (drawn by output/og/, one per entry and language it is written in).

/** Site path of an entry's image (without base): "/og/companies/x.png", "/og/ar/companies/x.png". */
export function ogImagePath(key: EntryKey, locale: Locale): string {
  const { collection, id } = splitKey(key);
  return `/og/${locale === 'en' ? '' : `${locale}/`}${collection}/${id}.png`;
}

/**
 * Which language's card an entry's page shows: its own when the entry is
 * written in that language, else the English card, since the page then shows
 * the English name and text (a third fewer cards to draw at the benchmark's mix).
 */
export function ogCardLocale(locale: Locale, translated: boolean): Locale {
  return translated ? locale : 'en';
}

/** The route parameter for ogImagePath (the part between "/og/" and ".png"). */
export function ogRouteParam(key: EntryKey, locale: Locale): string {
  return ogImagePath(key, locale).slice('/og/'.length, -'.png'.length);
}

/**
 * Site paths that are not entries, each with and without the /ar/ prefix in
 * the built site (a test checks the list against src/pages/). A body link to
 * any other site path is reported, because it would lead to the 404 page.
 */
export const STATIC_ROUTES: readonly string[] = [
  '/',
  ...COLLECTIONS.map((c) => `/${c}/`),
  '/timeline/',
  '/network/',
  '/search/',
  '/data/',
  '/about/',
];
/** Site path prefixes under which every path is accepted (files the build writes). */
export const STATIC_PREFIXES: readonly string[] = ['/api/v1/', '/data/'];

