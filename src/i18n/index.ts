/**
 * Interface text lookup and locale facts. Pages get a `t` bound to their locale.
 */
import { ar } from './ar';
import { en, type UiKey } from './en';
import { PLURALS_AR, PLURALS_EN, type PluralTable } from './plurals';
import { pluralText, type PluralForms } from '../lib/isomorphic/plural';

export const LOCALES = ['en', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const TABLES: Record<Locale, Record<UiKey, string>> = { en, ar };
const PLURALS: Record<Locale, PluralTable> = { en: PLURALS_EN, ar: PLURALS_AR };

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
/** The plural forms of a counted phrase in a locale, when it has them (for browser scripts that count). */
export function pluralForms(locale: Locale, key: UiKey): PluralForms | undefined {
  return PLURALS[locale][key];
}

export function translator(locale: Locale): Translate {
  const table = TABLES[locale];
  const { intl } = LOCALE_INFO[locale];
  return (key, vars) => {
    const forms = PLURALS[locale][key];
    // A numeric count picks the plural form; other placeholders are filled after.
    const counted = forms && typeof vars?.count === 'number' ? pluralText(forms, vars.count, intl) : undefined;
    const text = counted ?? table[key] ?? en[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

export type { UiKey };
