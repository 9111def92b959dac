/**
 * Every version of every entry, read from git once per build by
 * content/git-history.ts: the commits that touched the content, each file's
 * versions with what they changed (model/version-diff.ts), and the entries'
 * histories composed from their files (following renames and redirectFrom).
 *
 * Pure: no Node, no Astro.
 */
import type { VersionDiff } from './version-diff';

export type { FieldChange, BodyChange, CorrectionNote, VersionDiff } from './version-diff';

/**
 * What this build knows: the full history; a shallow clone's (versions
 * before its cut-off are missing); or none (no git, or not a work tree).
 */
export type HistoryStatus = 'full' | 'shallow' | 'unavailable';

export interface HistoryCommit {
  /** Full commit id. */
  hash: string;
  /** The first 12 characters: the id shown and used in version anchors. */
  short: string;
  /** Committer date, ISO 8601 UTC. */
  date: string;
  /** The commit message, plain text (shown as text, never as HTML). */
  message: string;
}

export type VersionKind = 'added' | 'changed' | 'renamed' | 'removed' | 'present';

/** One version of one file. */
export interface FileVersionRecord {
  commit: HistoryCommit;
  /**
   * "present": the file as found at a shallow clone's cut-off, what it said
   * is known but not when it was written or what it changed.
   */
  kind: VersionKind;
  /** Path inside the content directory after this version ("companies/x.mdx"). */
  path: string;
  renamedFrom?: string;
  /** Git's id of the file's text at this version (none for "removed"), for reading it back. */
  blob?: string;
  /** What changed; undefined for "present" and "removed". An added file's `fields` is empty: all its fields are new. */
  diff?: VersionDiff;
}

export interface WikiHistory {
  status: HistoryStatus;
  /** Where the content directory sits in the repository ("content/"), for links to files at a commit. */
  repoPrefix: string;
  /** Commits that changed content, newest first. */
  commits: HistoryCommit[];
  /** Versions of every file that exists now, by its path in the content directory, oldest first. */
  files: ReadonlyMap<string, readonly FileVersionRecord[]>;
  /** Versions of removed files (the last version is the removal), by their last path. */
  removedFiles: ReadonlyMap<string, readonly FileVersionRecord[]>;
}

/** Which file of an entry a change is to. */
export type EntryFileRole = 'entry' | 'ar';

export interface EntryFileChange extends FileVersionRecord {
  file: EntryFileRole;
}

/** One version of an entry: a commit and what it changed in the entry's files. */
export interface EntryVersion {
  commit: HistoryCommit;
  changes: EntryFileChange[];
}

export interface FileHistory {
  /** When the file was first committed (ISO 8601, UTC), or undefined when unknown. */
  created?: string;
  /** When the file was last changed in a commit (ISO 8601, UTC), or undefined when unknown. */
  updated?: string;
}

export interface EntryHistory extends FileHistory {
  /** Every version, newest first. */
  versions: EntryVersion[];
  /** False when versions are missing: a shallow clone, or no git at all. */
  complete: boolean;
  /** The entry file's path in the repository now, for links to it at a commit. */
  repoPath: string;
  /** History of translation files (`<id>.ar.mdx`), keyed by locale. */
  translations: { ar?: FileHistory };
}

export const EMPTY_HISTORY: WikiHistory = { status: 'unavailable', repoPrefix: 'content/', commits: [], files: new Map(), removedFiles: new Map() };

/** The short id of a commit, as shown and as used in version anchors. */
export const shortCommit = (hash: string) => hash.slice(0, 12);

function datesOf(versions: readonly FileVersionRecord[]): FileHistory {
  const known = versions.filter((v) => v.kind !== 'present');
  const h: FileHistory = {};
  const first = versions[0];
  if (first && first.kind !== 'present') h.created = first.commit.date;
  const last = known.at(-1);
  if (last) h.updated = last.commit.date;
  return h;
}

/** A file's versions, oldest first (renames already followed by the loader). */
function fileVersions(history: WikiHistory, path: string): readonly FileVersionRecord[] {
  return history.files.get(path) ?? history.removedFiles.get(path) ?? [];
}

/**
 * The history of one entry, "collection/id" (live or removed): its file's
 * versions and its translation's, one version per commit, newest first.
 */
export function entryHistory(history: WikiHistory, key: string): EntryHistory {
  const main = { path: `${key}.mdx` };
  const ar = { path: `${key}.ar.mdx` };
  const mainVersions = fileVersions(history, main.path);
  const arVersions = fileVersions(history, ar.path);
  const byCommit = new Map<string, EntryVersion>();
  const add = (file: EntryFileRole, v: FileVersionRecord) => {
    const version = byCommit.get(v.commit.hash) ?? { commit: v.commit, changes: [] };
    version.changes.push({ ...v, file });
    byCommit.set(v.commit.hash, version);
  };
  mainVersions.forEach((v) => add('entry', v));
  arVersions.forEach((v) => add('ar', v));
  const versions = [...byCommit.values()].sort((a, b) => (a.commit.date < b.commit.date ? 1 : a.commit.date > b.commit.date ? -1 : 0));
  const h: EntryHistory = {
    ...datesOf(mainVersions),
    versions,
    complete: history.status === 'full' && mainVersions.length > 0,
    repoPath: `${history.repoPrefix}${main.path}`,
    translations: {},
  };
  if (arVersions.length || history.files.has(ar.path)) h.translations.ar = datesOf(arVersions);
  return h;
}

/** The later of an entry's own change and its translations' changes (for feeds and "last changed"). */
export function lastChanged(h: FileHistory & { translations?: { ar?: FileHistory } }, locale?: 'en' | 'ar'): string | undefined {
  const dates = [h.updated];
  if (locale === 'ar') dates.push(h.translations?.ar?.updated);
  const known = dates.filter((d): d is string => !!d).sort();
  return known.at(-1);
}

/** The versions a reader of one language sees: the English file's changes, and the translation's on Arabic pages. */
export function versionsFor(h: EntryHistory, locale: 'en' | 'ar'): EntryVersion[] {
  if (locale === 'ar') return h.versions;
  return h.versions.map((v) => ({ ...v, changes: v.changes.filter((c) => c.file === 'entry') })).filter((v) => v.changes.length > 0);
}

/** The newest version, of those a locale shows, that existed at the end of a day (YYYY-MM-DD), if any. */
export function versionOn(versions: readonly EntryVersion[], day: string): EntryVersion | undefined {
  return versions.find((v) => v.commit.date.slice(0, 10) <= day);
}
