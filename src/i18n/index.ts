/**
 * Interface text lookup and locale facts. Pages get a `t` bound to their locale.
 */
import { ar } from './ar';
import { en, type UiKey } from './en';

export const LOCALES = ['en', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const TABLES: Record<Locale, Record<UiKey, string>> = { en, ar };

/** Locale facts used for <html lang dir> and Intl formatting. */
export const LOCALE_INFO: Record<Locale, { lang: string; dir: 'ltr' | 'rtl'; intl: string; currencyDisplay: 'symbol' | 'name'; label: string }> = {
  en: { lang: 'en', dir: 'ltr', intl: 'en-GB', currencyDisplay: 'symbol', label: 'English' },
  ar: { lang: 'ar', dir: 'rtl', intl: 'ar', currencyDisplay: 'name', label: 'العربية' },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The `[...locale]` route parameter of a language: none for the default (the site root), else its code. */
export function localeParam(locale: Locale): string | undefined {
  return locale === DEFAULT_LOCALE ? undefined : locale;
}

/** getStaticPaths of a page that exists once per language (/x/ and /ar/x/). */
export function perLocalePaths(): { params: { locale: string | undefined }; props: { locale: Locale } }[] {
  return LOCALES.map((locale) => ({ params: { locale: localeParam(locale) }, props: { locale } }));
}

export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

/** A translation function for one locale; `{name}` placeholders are filled from vars. */
export function translator(locale: Locale): Translate {
  const table = TABLES[locale];
  return (key, vars) => {
    const text = table[key] ?? en[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

export type { UiKey };
