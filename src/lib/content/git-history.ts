/**
 * When each content file was first added and last changed, from git, computed
 * ONCE per build with a single `git log` over the content directory (plus one
 * `git rev-parse` to find where that directory sits in the repository and
 * whether the clone is shallow). Never one git call per file.
 *
 * Usage (pages, exports, the "Cite this entry" panel):
 *
 *   import { getHistory, historyOf } from './git-history';
 *   const history = await getHistory();           // Map<'collection/id', EntryHistory>
 *   const h = historyOf(history, 'companies/palantir-technologies');
 *   h.created   // "2025-11-23T11:05:14Z" (ISO 8601, UTC) or undefined when unknown
 *   h.updated   // last change, same format, or undefined when unknown
 *   h.historyUrl // `${repository}/commits/${WIKI_REPO_BRANCH}/content/companies/palantir-technologies.mdx`, or undefined when the repository is unknown
 *   h.translations.ar // the same three fields for the Arabic translation file, when there is one
 *
 * Dates are "unknown" (undefined), never guessed, when:
 * - the content directory is not inside a git work tree (a copy in /tmp, a tarball);
 * - git is not installed;
 * - the file is not committed yet;
 * - the clone is shallow and the file only appears in the cut-off commit (a
 *   shallow clone cannot tell when such a file was added or changed; a file
 *   changed after the cut-off still gets its `updated` date). CI should clone
 *   with full history (actions/checkout `fetch-depth: 0`).
 *
 * Settings (environment):
 * - WIKI_REPO_URL: web address of the repository, used for history links.
 *   Default: the clone's `origin` on a known forge, else none and no links
 *   (repo-url.ts).
 * - WIKI_REPO_BRANCH: the branch history links point at. Default: main.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, ENTRY_FILE_NAME } from '../isomorphic/collections';
import { contentDir as resolveContentDir, repoBranch } from '../settings';
import { commitsUrl, repoWebUrl } from './repo-url';
import { lastChanged, type EntryHistory, type FileHistory } from '../model/history';

export const DEFAULT_BRANCH = 'main';

export type { EntryHistory, FileHistory };
export { lastChanged };

/** Dates found in the log for one path (relative to the content directory). */
export interface LogDates {
  created?: string;
  updated?: string;
}

/** Separates commits in the log output (a byte no file name contains). */
const RECORD = '\x1e';

/** The `git log` arguments: one record per commit (hash, committer date, parents), then its files. */
export const GIT_LOG_ARGS = [
  '-c',
  'core.quotePath=false',
  'log',
  `--format=${'%x1e'}%H%x09%cI%x09%P`,
  '--name-only',
  '--relative',
  '--no-color',
  '--',
  '.',
] as const;

/** "2025-04-17T12:00:00+02:00" -> "2025-04-17T10:00:00Z" so dates compare as strings. */
export function toUtcIso(date: string): string | undefined {
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) return undefined;
  return d.toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * Parse `git log` output made with GIT_LOG_ARGS (newest commit first) into the
 * first and last dates each path appears at. In a shallow clone, a commit
 * without parents is the cut-off point, not a real first commit: a path seen
 * there has no known `created` date, and no known `updated` date unless a
 * later commit changed it.
 */
export function parseGitLog(output: string, options: { shallow?: boolean } = {}): Map<string, LogDates> {
  const seen = new Map<string, { first?: string; last?: string; atCutOff: boolean }>();
  for (const record of output.split(RECORD)) {
    if (!record.trim()) continue;
    const [header = '', ...files] = record.split('\n');
    const [hash, rawDate, parents = ''] = header.split('\t');
    if (!hash || !rawDate) continue;
    const date = toUtcIso(rawDate.trim());
    if (!date) continue;
    const cutOff = !!options.shallow && parents.trim() === '';
    for (const raw of files) {
      const path = raw.trim();
      if (!path) continue;
      const acc = seen.get(path) ?? { atCutOff: false };
      seen.set(path, acc);
      if (cutOff) {
        // The file existed at the cut-off: when it was added (or last changed
        // before that) lies beyond the known history.
        acc.atCutOff = true;
        continue;
      }
      // Never trust the listing order alone: rebases can leave dates out of order.
      if (acc.first === undefined || date < acc.first) acc.first = date;
      if (acc.last === undefined || date > acc.last) acc.last = date;
    }
  }
  const dates = new Map<string, LogDates>();
  for (const [path, acc] of seen) {
    const d: LogDates = {};
    if (acc.first && !acc.atCutOff) d.created = acc.first;
    if (acc.last) d.updated = acc.last;
    dates.set(path, d);
  }
  return dates;
}

/** Join the repository URL, branch and a repository path into the forge's commit-list URL. */
export function historyUrlFor(repoUrl: string, branch: string, repoPath: string): string {
  return commitsUrl(repoUrl, branch, repoPath);
}

export interface BuildOptions {
  /** The repository's web address; none leaves the history links out. */
  repoUrl: string | undefined;
  branch: string;
  /** Path of the content directory inside the repository, e.g. "content/" (with trailing slash). */
  repoPrefix: string;
}

/**
 * Combine the list of content files (paths relative to the content directory,
 * e.g. "companies/x.mdx" and "companies/x.ar.mdx") with the dates from the log.
 */
export function buildHistory(files: readonly string[], dates: ReadonlyMap<string, LogDates>, options: BuildOptions): Map<string, EntryHistory> {
  const prefix = options.repoPrefix && !options.repoPrefix.endsWith('/') ? `${options.repoPrefix}/` : options.repoPrefix;
  const fileHistory = (path: string): FileHistory => {
    const d = dates.get(path);
    const h: FileHistory = options.repoUrl ? { historyUrl: historyUrlFor(options.repoUrl, options.branch, `${prefix}${path}`) } : {};
    if (d?.created) h.created = d.created;
    if (d?.updated) h.updated = d.updated;
    return h;
  };
  const out = new Map<string, EntryHistory>();
  const translations: [string, string][] = [];
  for (const path of [...files].sort()) {
    const slash = path.indexOf('/');
    const collection = path.slice(0, slash);
    const m = slash > 0 ? ENTRY_FILE_NAME.exec(path.slice(slash + 1)) : null;
    if (!m) continue;
    const [, id, locale] = m;
    if (!(COLLECTIONS as readonly string[]).includes(collection!)) continue;
    const key = `${collection}/${id}`;
    if (locale) {
      translations.push([key, path]);
      continue;
    }
    out.set(key, { ...fileHistory(path), translations: {} });
  }
  for (const [key, path] of translations) {
    const entry = out.get(key);
    if (entry && path.endsWith('.ar.mdx')) entry.translations.ar = fileHistory(path);
  }
  return out;
}

/** Run a git command; resolve with stdout, or undefined when git fails or is missing. */
export type GitRunner = (args: readonly string[], cwd: string) => Promise<string | undefined>;

export const runGit: GitRunner = (args, cwd) =>
  new Promise((resolve) => {
    execFile('git', [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => {
      resolve(error ? undefined : stdout);
    });
  });

/** Content files relative to the content directory ("companies/x.mdx"), read from disk. */
export function listContentFiles(dir: string): string[] {
  const files: string[] = [];
  for (const collection of COLLECTIONS) {
    let names: string[] = [];
    try {
      names = readdirSync(join(dir, collection));
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith('.mdx') && !name.startsWith('.')) files.push(`${collection}/${name}`);
  }
  return files.sort();
}

export interface LoadOptions {
  contentDir: string;
  repoUrl?: string;
  branch?: string;
  run?: GitRunner;
}

/** Load the history of every content file in `contentDir`: one rev-parse, one log. */
export async function loadHistory(options: LoadOptions): Promise<Map<string, EntryHistory>> {
  const run = options.run ?? runGit;
  const files = listContentFiles(options.contentDir);
  const repoUrl = options.repoUrl || undefined;
  const branch = options.branch || DEFAULT_BRANCH;
  const info = await run(['rev-parse', '--is-shallow-repository', '--show-prefix'], options.contentDir);
  if (info === undefined) {
    // Not a git work tree: every date is unknown; links assume the usual layout.
    return buildHistory(files, new Map(), { repoUrl, branch, repoPrefix: 'content/' });
  }
  const [shallowLine = 'false', prefixLine = ''] = info.split('\n');
  const log = await run(GIT_LOG_ARGS, options.contentDir);
  const dates = log === undefined ? new Map<string, LogDates>() : parseGitLog(log, { shallow: shallowLine.trim() === 'true' });
  return buildHistory(files, dates, { repoUrl, branch, repoPrefix: prefixLine.trim() });
}

let cache: Promise<Map<string, EntryHistory>> | undefined;

/**
 * The history of every entry, keyed "collection/id", loaded once per build
 * from the configured content directory (content/ or $WIKI_CONTENT_DIR).
 */
export function getHistory(): Promise<Map<string, EntryHistory>> {
  cache ??= loadHistory({
    contentDir: resolveContentDir(process.cwd()),
    repoUrl: repoWebUrl(),
    branch: repoBranch(),
  });
  return cache;
}

/** The history of one entry; an entry missing from the map still gets a history link when the repository is known. */
export function historyOf(history: ReadonlyMap<string, EntryHistory>, key: string): EntryHistory {
  const found = history.get(key);
  if (found) return found;
  const repo = repoWebUrl();
  return repo ? { historyUrl: historyUrlFor(repo, repoBranch() ?? DEFAULT_BRANCH, `content/${key}.mdx`), translations: {} } : { translations: {} };
}
