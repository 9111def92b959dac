/**
 * Turns wiki entries into the plain data components display: links with
 * localised labels, formatted dates and money. Components never query the wiki.
 */
import { LOCALE_INFO, type Locale, type Translate } from '../../i18n';
import type { UiKey } from '../../i18n/en';
import type { Money } from '../../schemas/money';
import { formatPartialDate } from '../isomorphic/dates';
import type { EntryKey } from '../isomorphic/entry-keys';
import { formatMoney, type MoneyTotal } from '../isomorphic/money';
import { entryHref } from '../isomorphic/paths';
import { isTranslated, localName, localSummary, type Wiki, type WikiEntry } from '../model/entry';

export interface LinkView {
  href: string;
  label: string;
  /** Set when the label is in another language than the page (an untranslated name, a source's title in its own language). */
  lang?: string;
  type: string;
  summary?: string;
  /** Set when the summary is in another language than the page (an untranslated entry). */
  summaryLang?: string;
}

/** A piece of text with its language, when that differs from the page's (components isolate it in a <bdi lang>). */
export interface TextPart {
  text: string;
  lang?: string;
}

/** One value in the infobox (components/Facts.astro): text, links, an external URL or a date. */
export type FactValue =
  | { text: string; lang?: string }
  /** Links, each with an optional note (its language when it differs from the page's), then plain names without an entry. */
  | { links: { link: LinkView; note?: string; noteLang?: string }[]; more?: string[] }
  | { url: string; label?: string }
  | { time: string; text: string };

/** One numbered source in an entry's source list (components/Footnotes.astro). */
export interface FootnoteView {
  n: number;
  /** The source's title as the page shows it first (a translation on English pages, the original on Arabic ones). */
  title: string;
  titleLang?: string;
  /** The other form of the title, when the source has a translated title. */
  otherTitle?: { text: string; lang?: string; translated: boolean };
  href: string;
  /** Publisher, authors and date, where known, each in its language (publishers and authors are not translated). */
  details: TextPart[];
  /** "citing Wired, +972 Magazine": the words around the outlets, and the outlets in their language. */
  via?: { before: string; outlets: TextPart[]; after: string };
  locators: TextPart[];
  /** Where the source itself can be read, and an archived copy. */
  links: { href: string; label: string }[];
  /** The places citing this note: one "^" link (named by ariaLabel), or "^ a b c", a letter per link after `backrefsLabel`. */
  backrefs: { id: string; label: string; ariaLabel?: string }[];
  /** Read before the letters: "Back to the places citing it:". */
  backrefsLabel?: string;
  /** "translated title" or "original title", before `otherTitle`. */
  otherTitleLabel?: string;
}

/**
 * The language of front-matter text that has no translation (a publisher, an
 * author, the outlet a source is cited via, a role's title) on a page in
 * `locale`: entries are written in English, so Latin text on a non-English
 * page is English; text in another script is left to the page's language.
 */
export function untranslatedLang(text: string, locale: Locale): string | undefined {
  return locale !== 'en' && /[A-Za-z]/.test(text) ? 'en' : undefined;
}

/** `text` as a part in its language on a page in `locale` (untranslatedLang). */
export const untranslatedPart = (text: string, locale: Locale): TextPart => ({ text, lang: untranslatedLang(text, locale) });

/**
 * The language of an entry's name as a page in `locale` shows it, when that
 * is not the page's: English for an untranslated entry; for a source whose
 * shown name is its title, the source's own language (a translation file
 * keeps an English source's English title).
 */
export function nameLang(e: WikiEntry, locale: Locale): string | undefined {
  const name = localName(e, locale);
  const lang = e.collection === 'sources' && name === e.data.title ? e.data.language : isTranslated(e, locale) ? LOCALE_INFO[locale].lang : 'en';
  return lang === LOCALE_INFO[locale].lang ? undefined : lang;
}

export function linkView(wiki: Wiki, key: EntryKey, locale: Locale, t: Translate, withSummary = false): LinkView {
  const e = wiki.entries.get(key);
  if (!e) throw new Error(`Unknown entry ${key}`);
  return {
    href: entryHref(key, locale),
    label: localName(e, locale),
    lang: nameLang(e, locale),
    type: t(`type.${e.collection}` as UiKey),
    summary: withSummary ? localSummary(e, locale) : undefined,
    summaryLang: withSummary && !isTranslated(e, locale) ? 'en' : undefined,
  };
}

export function dateText(value: string | undefined, locale: Locale): string | undefined {
  return value ? formatPartialDate(value, LOCALE_INFO[locale].intl) : undefined;
}

export function moneyText(m: Pick<Money, 'amount' | 'currency' | 'isMinimum'>, locale: Locale, t: Translate): string {
  const amount = formatMoney(m.amount, m.currency, LOCALE_INFO[locale].intl, LOCALE_INFO[locale].currencyDisplay);
  return m.isMinimum ? t('money.minimum', { amount }) : amount;
}

export function moneyDetail(m: Money, locale: Locale, t: Translate): string {
  const parts = [moneyText(m, locale, t), t(`money.kind.${m.kind}` as UiKey)];
  if (m.asOf) parts.push(t('money.asOf', { date: dateText(m.asOf, locale)! }));
  return parts.join(', ');
}

/** A total's amount, as a range where reports differ ("US$29.8 million to US$30 million"). */
export function amountText(total: MoneyTotal, locale: Locale, t: Translate): string {
  const low = moneyText(total, locale, t);
  return total.high === total.amount ? low : t('money.range', { low, high: moneyText({ ...total, amount: total.high }, locale, t) });
}

const compactFormats = new Map<string, Intl.NumberFormat>();
/** A total in a few characters, for a box in a picture: "US$29.8–30m", "≥ US$1.2bn" (the full wording is in the facts box). */
export function compactAmountText(total: MoneyTotal, locale: Locale): string {
  const key = `${locale}|${total.currency}`;
  let format = compactFormats.get(key);
  if (!format) {
    // The page's currency display: Arabic pages name the currency ("دولار أمريكي") rather than print a Latin code ("US$").
    format = new Intl.NumberFormat(LOCALE_INFO[locale].intl, { style: 'currency', currency: total.currency, currencyDisplay: LOCALE_INFO[locale].currencyDisplay, notation: 'compact', maximumSignificantDigits: 3 });
    compactFormats.set(key, format);
  }
  const amount = total.high === total.amount ? format.format(total.amount) : format.formatRange(total.amount, total.high);
  return total.isMinimum ? `≥ ${amount}` : amount;
}

export function totalText(total: MoneyTotal, locale: Locale, t: Translate): string {
  return `${amountText(total, locale, t)} (${t(`money.kind.${total.kind}` as UiKey)})`;
}

/** One Intl.DisplayNames per locale and type (constructing one per call showed in build profiles). */
const displayNames = new Map<string, Intl.DisplayNames>();
function displayName(locale: Locale, type: 'region' | 'language', code: string): string | undefined {
  const key = `${locale}|${type}`;
  let names = displayNames.get(key);
  if (!names) displayNames.set(key, (names = new Intl.DisplayNames([LOCALE_INFO[locale].intl], { type })));
  return names.of(code);
}

export function countryName(code: string | undefined, locale: Locale): string | undefined {
  if (!code) return undefined;
  return displayName(locale, 'region', code) ?? code;
}

export function languageName(tag: string, locale: Locale): string {
  return displayName(locale, 'language', tag) ?? tag;
}

/** A title to show, with its language, and whether it is a translation. */
export interface ShownTitle {
  text: string;
  lang?: string;
  translated: boolean;
}

/**
 * A source's title in the order the page shows it: English pages lead with
 * the translated title and give the original after it, other pages lead
 * with the original.
 */
export function sourceTitles(d: { title: string; titleTranslated?: string; language: string }, locale: Locale): { first: ShownTitle; second?: ShownTitle } {
  const original: ShownTitle = { text: d.title, lang: d.language, translated: false };
  if (!d.titleTranslated) return { first: original };
  const translation: ShownTitle = { text: d.titleTranslated, lang: 'en', translated: true };
  return locale === 'en' ? { first: translation, second: original } : { first: original, second: translation };
}

/** The date an entry is listed at, as precise and as qualified as its sources ("before 19 February 2026", "about 2026"). */
export function listedDateText(e: WikiEntry, locale: Locale, t: Translate): string | undefined {
  const date = e.listedDate;
  if (!date) return undefined;
  const text = dateText(date, locale)!;
  return e.collection === 'events' ? t(`date.${e.data.dateQualifier}` as UiKey, { date: text }) : text;
}
