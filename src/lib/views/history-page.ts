/**
 * An entry's history page (/companies/x/history/), prepared once per page:
 * every version newest first, each with its commit, message and what it
 * changed. The page, the feeds (model/change-summary.ts) and changes.json all
 * read the same diffs (model/version-diff.ts), so they say the same thing.
 *
 * Pure: no Node, no Astro.
 */
import { translator, type Locale, type Translate } from '../../i18n';
import { absoluteUrl, entryFeedPath, entryHref, historyPath, versionAnchor, versionSourcePath, withBase } from '../isomorphic/paths';
import type { EntryKey } from '../isomorphic/entry-keys';
import { versionsFor, type EntryFileChange, type EntryHistory, type HistoryStatus } from '../model/history';
import { dateText } from './format';

export interface FieldChangeView {
  field: string;
  before?: string;
  after?: string;
}

export interface ChangeView {
  /** "Entry" or "Arabic translation". */
  file: string;
  /** What happened to the file: added, changed, renamed, removed. */
  kind: string;
  /** The file's former path, for a rename. */
  renamedFrom?: string;
  /** The language the file is written in (its values, words and corrections keep it on either page). */
  lang: 'en' | 'ar';
  fields: FieldChangeView[];
  body?: { words: string; removed?: string; added?: string };
  citationsAdded: string[];
  citationsRemoved: string[];
  corrections: { date: string; change: string }[];
  /** True when nothing a reader sees changed (formatting only). */
  formattingOnly: boolean;
}

export interface VersionView {
  /** The version's anchor on the page ("v-" and 12 characters of the commit). */
  anchor: string;
  /** Set on the newest version of its day: "d-2026-11-23", so a citation by date lands on it. */
  dayAnchor?: string;
  commit: string;
  short: string;
  datetime: string;
  date: string;
  message: string;
  current: boolean;
  /** Absolute address of this version (the page and the anchor). */
  permalink: string;
  /** The file at this commit in the repository, when one is configured. */
  sourceUrl?: string;
  changes: ChangeView[];
}

export interface HistoryPageView {
  title: string;
  name: string;
  entryHref: string;
  feedHref: string;
  /** A note above the list when versions are missing (shallow clone, no git, not committed). */
  notice?: string;
  countText: string;
  versions: VersionView[];
}


function changeView(c: EntryFileChange, locale: Locale, t: Translate): ChangeView {
  const d = c.diff;
  const view: ChangeView = {
    file: t(c.file === 'ar' ? 'history.file.ar' : 'history.file.entry'),
    kind: t(`history.kind.${c.kind}`),
    ...(c.renamedFrom ? { renamedFrom: c.renamedFrom } : {}),
    lang: c.file === 'ar' ? 'ar' : 'en',
    // A new file's fields are all new: its text (linked) says them, the page does not repeat them.
    fields: c.kind === 'added' ? [] : (d?.fields.map((f) => ({ field: f.field, ...(f.before !== undefined ? { before: f.before } : {}), ...(f.after !== undefined ? { after: f.after } : {}) })) ?? []),
    citationsAdded: d?.citationsAdded ?? [],
    citationsRemoved: d?.citationsRemoved ?? [],
    corrections: d?.corrections.map((k) => ({ date: dateText(k.date, locale) ?? k.date, change: k.change })) ?? [],
    formattingOnly: !!d && c.kind === 'changed' && !d.fields.length && !d.body && !d.citationsAdded.length && !d.citationsRemoved.length && !d.corrections.length,
  };
  if (d?.body) {
    view.body = {
      words: t('history.bodyWords', { added: t('history.words', { count: d.body.wordsAdded }), removed: t('history.words', { count: d.body.wordsRemoved }) }),
      ...(d.body.removedText ? { removed: d.body.removedText } : {}),
      ...(d.body.addedText ? { added: d.body.addedText } : {}),
    };
  }
  return view;
}

export interface HistoryPageInput {
  key: EntryKey;
  name: string;
  locale: Locale;
  history: EntryHistory;
  status: HistoryStatus;
  /** Where the content directory sits in the repository (WikiHistory.repoPrefix), for links to files at a commit. */
  repoPrefix: string;
  site: URL | string | undefined;
  /** The address of a repository file (path in the repository) at a commit, when the wiki knows its repository. */
  fileAtCommit?: (commit: string, repoPath: string) => string;
  /** Whether the entry is written in the page's language (only then does it have a feed in it). */
  translated: boolean;
}

export function historyPage({ key, name, locale, history, status, repoPrefix, site, fileAtCommit, translated }: HistoryPageInput): HistoryPageView {
  const t = translator(locale);
  const versions = versionsFor(history, locale);
  const page = absoluteUrl(historyPath(key, locale), site);
  const days = new Set<string>();
  const views: VersionView[] = versions.map((v, i) => {
    const day = v.commit.date.slice(0, 10);
    const anchor = versionAnchor(v.commit.hash);
    const view: VersionView = {
      anchor,
      commit: v.commit.hash,
      short: v.commit.short,
      datetime: v.commit.date,
      date: dateText(day, locale) ?? day,
      message: v.commit.message,
      current: i === 0 && !v.changes.every((c) => c.kind === 'removed'),
      permalink: `${page}#${anchor}`,
      changes: v.changes.map((c) => changeView(c, locale, t)),
    };
    if (!days.has(day)) {
      days.add(day);
      view.dayAnchor = `d-${day}`;
    }
    // What the version said: the file at the commit in the repository, or its copy on this site.
    const file = v.changes.find((c) => c.blob && (c.file === 'entry' || locale === 'ar'));
    if (file) view.sourceUrl = fileAtCommit ? fileAtCommit(v.commit.hash, `${repoPrefix}${file.path}`) : withBase(versionSourcePath(key, v.commit.hash, file.file));
    return view;
  });
  const oldest = versions.at(-1);
  let notice: string | undefined;
  if (status === 'unavailable') notice = t('history.unavailable');
  else if (!versions.length) notice = t('history.uncommitted');
  else if (status === 'shallow') notice = t('history.shallow', { date: oldest ? (dateText(oldest.commit.date.slice(0, 10), locale) ?? '') : '' });
  return {
    title: t('history.title', { name }),
    name,
    entryHref: entryHref(key, locale),
    feedHref: withBase(entryFeedPath(key, translated ? locale : 'en')),
    ...(notice ? { notice } : {}),
    countText: t('history.count', { count: versions.length }),
    versions: views,
  };
}
