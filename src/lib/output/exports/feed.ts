/**
 * Atom feeds of changes: the site's (/feed.xml, /ar/feed.xml: new and changed
 * entries, each with what its latest version changed), one per collection
 * (/companies/feed.xml: every recent version in it) and one per entry
 * (/companies/x/feed.xml: every version). Change dates come from git
 * (../../content/git-history.ts); entries whose dates are unknown (no git
 * history) are left out rather than given an invented date.
 */
import type { Locale } from '../../../i18n';
import type { CollectionName } from '../../../schemas/shared';
import { historyOf, lastChanged } from '../../content/git-history';
import { entryFeedPath, entryPath, historyPath, localePath, versionAnchor } from '../../isomorphic/paths';
import { versionsFor, type EntryVersion } from '../../model/history';
import { changeSummary } from '../../model/change-summary';
import type { ExportContext } from './context';
import { LICENSE, LICENSE_URL } from './context';
import type { ExportEntry, ExportWiki } from './records';
import { escapeHtml } from '../../isomorphic/text';

/** At most this many items per feed. */
export const FEED_LIMIT = 100;

/** XML escaping is HTML's (shared/text.ts): one rule for every page and feed. */
export const xmlEscape = escapeHtml;

export interface FeedItem {
  entry: ExportEntry;
  created?: string;
  updated: string;
  isNew: boolean;
  /** What the latest version (of those the locale shows) changed. */
  summary?: string;
}

/** Entries with a known change date, newest first (ties by collection/id). */
export function feedItems(ctx: ExportContext, wiki: ExportWiki, locale: Locale, limit = FEED_LIMIT): FeedItem[] {
  const items: FeedItem[] = [];
  for (const entry of wiki.entries.values()) {
    const h = historyOf(ctx.history, entry.key);
    const updated = lastChanged(h, locale);
    if (!updated) continue;
    const created = h.created;
    const latest = versionsFor(h, locale)[0];
    items.push({ entry, created, updated, isNew: !!created && created === updated, ...(latest ? { summary: changeSummary(latest, locale) } : {}) });
  }
  items.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.entry.key < b.entry.key ? -1 : 1));
  return items.slice(0, limit);
}

export interface FeedText {
  title: string;
  subtitle: string;
  author: string;
  newLabel: string;
  changedLabel: string;
  typeLabel: (collection: CollectionName) => string;
}

interface FeedHead {
  /** Site path of the feed itself (without base). */
  self: string;
  /** Site path of the page it follows. */
  alternate: string;
  title: string;
  subtitle: string;
  author: string;
  updated: string;
}

function feedDocument(ctx: ExportContext, locale: Locale, head: FeedHead, entries: string[][]): string {
  const feedUrl = ctx.url(head.self);
  const home = ctx.url(head.alternate);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${xmlEscape(feedUrl)}</id>`,
    `  <title>${xmlEscape(head.title)}</title>`,
    `  <subtitle>${xmlEscape(head.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="${locale}" href="${xmlEscape(home)}"/>`,
    `  <link rel="license" href="${xmlEscape(LICENSE_URL)}"/>`,
    `  <updated>${xmlEscape(head.updated)}</updated>`,
    `  <author><name>${xmlEscape(head.author)}</name><uri>${xmlEscape(ctx.url(localePath(locale, '/')))}</uri></author>`,
    `  <rights>${xmlEscape(LICENSE)}</rights>`,
    `  <generator>surveillance-accountability-wiki</generator>`,
    ...entries.flat(),
    '</feed>',
    '',
  ].join('\n');
}

/** The entry's name in the feed's language, and the xml:lang attribute when it is English on an Arabic feed. */
function localName(e: ExportEntry, locale: Locale): { name: string; lang: string } {
  const tr = locale === 'ar' ? e.translations.ar : undefined;
  return { name: tr?.name ?? e.name, lang: locale === 'ar' && !tr ? ' xml:lang="en"' : '' };
}

/** The site feed for one locale: entries, newest change first, each with what it changed. */
export function atomFeed(ctx: ExportContext, wiki: ExportWiki, locale: Locale, text: FeedText, limit = FEED_LIMIT): string {
  const items = feedItems(ctx, wiki, locale, limit);
  const entries = items.map((item) => {
    const e = item.entry;
    const tr = locale === 'ar' ? e.translations.ar : undefined;
    const { name, lang: titleLang } = localName(e, locale);
    const summary = tr?.summary ?? e.summary;
    // Untranslated text keeps its language so readers and screen readers switch correctly.
    const summaryLang = locale === 'ar' && !tr?.summary ? ' xml:lang="en"' : '';
    const url = ctx.url(entryPath(e.key, locale));
    return [
      '  <entry>',
      `    <id>${xmlEscape(url)}</id>`,
      `    <title${titleLang}>${xmlEscape(name)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
      `    <link rel="related" type="text/html" href="${xmlEscape(ctx.url(historyPath(e.key, locale)))}"/>`,
      `    <updated>${xmlEscape(item.updated)}</updated>`,
      ...(item.created ? [`    <published>${xmlEscape(item.created)}</published>`] : []),
      `    <category term="${e.collection}" label="${xmlEscape(text.typeLabel(e.collection))}"/>`,
      `    <category term="${item.isNew ? 'new' : 'changed'}" label="${xmlEscape(item.isNew ? text.newLabel : text.changedLabel)}"/>`,
      ...(summary ? [`    <summary${summaryLang}>${xmlEscape(summary)}</summary>`] : []),
      ...(item.summary ? [`    <content type="text">${xmlEscape(item.summary)}</content>`] : []),
      '  </entry>',
    ];
  });
  return feedDocument(ctx, locale, { self: localePath(locale, '/feed.xml'), alternate: localePath(locale, '/'), title: text.title, subtitle: text.subtitle, author: text.author, updated: items[0]?.updated ?? ctx.generatedAt }, entries);
}

/** One Atom entry for one version of one entry. */
function versionEntry(ctx: ExportContext, e: ExportEntry, v: EntryVersion, locale: Locale): string[] {
  const { name, lang } = localName(e, locale);
  const url = `${ctx.url(historyPath(e.key, locale))}#${versionAnchor(v.commit.hash)}`;
  const summary = changeSummary(v, locale);
  return [
    '  <entry>',
    `    <id>${xmlEscape(url)}</id>`,
    `    <title${lang}>${xmlEscape(`${name}: ${summary}`)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
    `    <updated>${xmlEscape(v.commit.date)}</updated>`,
    `    <category term="${e.collection}"/>`,
    `    <summary>${xmlEscape(summary)}</summary>`,
    // Commit messages are written in English.
    `    <content type="text" xml:lang="en">${xmlEscape(`${v.commit.short}: ${v.commit.message}`)}</content>`,
    '  </entry>',
  ];
}

export interface VersionFeedText {
  title: string;
  subtitle: string;
  author: string;
}

/** Every version of one entry, newest first. */
export function entryFeed(ctx: ExportContext, e: ExportEntry, locale: Locale, text: VersionFeedText, limit = FEED_LIMIT): string {
  const versions = versionsFor(historyOf(ctx.history, e.key), locale).slice(0, limit);
  return feedDocument(
    ctx,
    locale,
    { self: entryFeedPath(e.key, locale), alternate: historyPath(e.key, locale), ...text, updated: versions[0]?.commit.date ?? ctx.generatedAt },
    versions.map((v) => versionEntry(ctx, e, v, locale)),
  );
}

/** The latest versions of every entry of one collection, newest first. */
export function collectionFeed(ctx: ExportContext, wiki: ExportWiki, collection: CollectionName, locale: Locale, text: VersionFeedText, limit = FEED_LIMIT): string {
  const all: { e: ExportEntry; v: EntryVersion }[] = [];
  for (const e of wiki.entries.values()) {
    if (e.collection !== collection) continue;
    for (const v of versionsFor(historyOf(ctx.history, e.key), locale)) all.push({ e, v });
  }
  all.sort((a, b) => (a.v.commit.date < b.v.commit.date ? 1 : a.v.commit.date > b.v.commit.date ? -1 : a.e.key < b.e.key ? -1 : 1));
  const items = all.slice(0, limit);
  return feedDocument(
    ctx,
    locale,
    { self: localePath(locale, `/${collection}/feed.xml`), alternate: localePath(locale, `/${collection}/`), ...text, updated: items[0]?.v.commit.date ?? ctx.generatedAt },
    items.map(({ e, v }) => versionEntry(ctx, e, v, locale)),
  );
}
