/**
 * Atom feeds (/feed.xml in English, /ar/feed.xml in Arabic) of new and changed
 * entries, newest change first. Change dates come from git (see
 * ../git-history.ts); entries whose dates are unknown (no git history) are
 * left out rather than given an invented date.
 */
import type { Locale } from '../../../i18n';
import type { CollectionName } from '../../../schemas/shared';
import { historyOf, lastChanged } from '../../content/git-history';
import { entryPath, localePath } from '../../isomorphic/paths';
import type { ExportContext } from './context';
import { LICENSE, LICENSE_URL } from './context';
import type { ExportEntry, ExportWiki } from './records';
import { escapeHtml } from '../../isomorphic/text';

/** At most this many entries per feed. */
export const FEED_LIMIT = 100;

/** XML escaping is HTML's (shared/text.ts): one rule for every page and feed. */
export const xmlEscape = escapeHtml;

export interface FeedItem {
  entry: ExportEntry;
  created?: string;
  updated: string;
  isNew: boolean;
}

/** Entries with a known change date, newest first (ties by collection/id). */
export function feedItems(ctx: ExportContext, wiki: ExportWiki, locale: Locale, limit = FEED_LIMIT): FeedItem[] {
  const items: FeedItem[] = [];
  for (const entry of wiki.entries.values()) {
    const h = historyOf(ctx.history, entry.key);
    const updated = lastChanged(h, locale);
    if (!updated) continue;
    const created = h.created;
    items.push({ entry, created, updated, isNew: !!created && created === updated });
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

/** The Atom document for one locale. */
export function atomFeed(ctx: ExportContext, wiki: ExportWiki, locale: Locale, text: FeedText, limit = FEED_LIMIT): string {
  const items = feedItems(ctx, wiki, locale, limit);
  const feedUrl = ctx.url(localePath(locale, '/feed.xml'));
  const home = ctx.url(localePath(locale, '/'));
  const updated = items[0]?.updated ?? ctx.generatedAt;
  const lang = locale;
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${xmlEscape(feedUrl)}</id>`,
    `  <title>${xmlEscape(text.title)}</title>`,
    `  <subtitle>${xmlEscape(text.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="${lang}" href="${xmlEscape(home)}"/>`,
    `  <link rel="license" href="${xmlEscape(LICENSE_URL)}"/>`,
    `  <updated>${xmlEscape(updated)}</updated>`,
    `  <author><name>${xmlEscape(text.author)}</name><uri>${xmlEscape(home)}</uri></author>`,
    `  <rights>${xmlEscape(LICENSE)}</rights>`,
    `  <generator>surveillance-accountability-wiki</generator>`,
  ];
  for (const item of items) {
    const e = item.entry;
    const tr = locale === 'ar' ? e.translations.ar : undefined;
    const name = tr?.name ?? e.name;
    const summary = tr?.summary ?? e.summary;
    // Untranslated text keeps its language so readers and screen readers switch correctly.
    const summaryLang = locale === 'ar' && !tr?.summary ? ' xml:lang="en"' : '';
    const titleLang = locale === 'ar' && !tr ? ' xml:lang="en"' : '';
    const url = ctx.url(entryPath(e.key, locale));
    lines.push(
      '  <entry>',
      `    <id>${xmlEscape(url)}</id>`,
      `    <title${titleLang}>${xmlEscape(name)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
      `    <updated>${xmlEscape(item.updated)}</updated>`,
      ...(item.created ? [`    <published>${xmlEscape(item.created)}</published>`] : []),
      `    <category term="${e.collection}" label="${xmlEscape(text.typeLabel(e.collection))}"/>`,
      `    <category term="${item.isNew ? 'new' : 'changed'}" label="${xmlEscape(item.isNew ? text.newLabel : text.changedLabel)}"/>`,
      ...(summary ? [`    <summary${summaryLang}>${xmlEscape(summary)}</summary>`] : []),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
