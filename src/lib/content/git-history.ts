/**
 * Every version of every content file, from git, read ONCE per build: one
 * `git rev-parse` (where the content sits, whether the clone is shallow), one
 * `git log` over the whole content directory (git-log.ts) and one
 * `git cat-file --batch` for the files' texts at each version. Never one git
 * call per entry.
 *
 *   const history = await getHistory();           // WikiHistory
 *   const h = historyOf(history, 'companies/palantir-technologies');
 *   h.versions   // newest first: commit (id, date, message) and what it changed
 *   h.created    // first commit, ISO 8601 UTC, or undefined when unknown
 *   h.updated    // last change, same format, or undefined when unknown
 *
 * Dates and versions are "unknown", never guessed, when the content is not in
 * a git work tree, git is missing, a file is not committed yet, or the clone
 * is shallow (then the files as found at the cut-off are "present": what they
 * said is known, not when it was written). The build warns about a shallow
 * clone; CI should clone with full history (actions/checkout `fetch-depth: 0`).
 *
 * An entry renamed with `redirectFrom` keeps its history: when git did not
 * see the rename (the text changed too much), the removed old file's versions
 * are joined to the new file's.
 *
 * Node only.
 */
import { execFile, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, ENTRY_FILE_NAME } from '../isomorphic/collections';
import { contentDir as resolveContentDir } from '../settings';
import { EMPTY_HISTORY, entryHistory, shortCommit, type EntryHistory, type FileVersionRecord, type HistoryCommit, type HistoryStatus, type WikiHistory } from '../model/history';
import { diffVersionTexts, readVersionText, splitEntryFile, type EntryVersionText } from '../model/version-diff';
import { parse as parseYaml } from 'yaml';
import { GIT_LOG_ARGS, parseGitLog, traceLineages, type FileVersion, type RawCommit } from './git-log';

export type { EntryHistory, WikiHistory };
export { lastChanged } from '../model/history';

/** Run a git command; resolve with stdout, or undefined when git fails or is missing. */
export type GitRunner = (args: readonly string[], cwd: string) => Promise<string | undefined>;

export const runGit: GitRunner = (args, cwd) =>
  new Promise((resolve) => {
    execFile('git', [...args], { cwd, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => {
      resolve(error ? undefined : stdout);
    });
  });

/** Read blobs by id with one `git cat-file --batch`; undefined when git fails. */
export type BlobReader = (ids: readonly string[], cwd: string) => Promise<Map<string, string> | undefined>;

/** Split `git cat-file --batch` output ("<id> blob <size>\n<bytes>\n" per blob) into texts. */
export function parseCatFile(out: Buffer): Map<string, string> {
  const blobs = new Map<string, string>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const [id = '', type, size] = out.toString('utf8', at, eol).split(' ');
    at = eol + 1;
    if (type !== 'blob' || size === undefined) continue; // "<id> missing"
    const end = at + Number(size);
    blobs.set(id, out.toString('utf8', at, end));
    at = end + 1;
  }
  return blobs;
}

export const readBlobs: BlobReader = (ids, cwd) =>
  new Promise((resolve) => {
    if (ids.length === 0) return resolve(new Map());
    // The child's listeners outlive it: they see only `settle`, dropped once
    // called, so they do not keep every version's text alive through the promise.
    let settle: typeof resolve | undefined = resolve;
    const finish = (blobs: Map<string, string> | undefined) => {
      const s = settle;
      settle = undefined;
      s?.(blobs);
    };
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    let chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => finish(undefined));
    child.on('close', (code) => {
      const out = Buffer.concat(chunks);
      chunks = []; // one chunk per blob: let them go now, not with the child process
      finish(code === 0 ? parseCatFile(out) : undefined);
    });
    child.stdin.on('error', () => finish(undefined));
    child.stdin.end(`${ids.join('\n')}\n`);
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

/** "companies/x.mdx" -> { collection, id, suffix: ".mdx" } for entry files, else undefined. */
function entryFile(path: string): { collection: string; id: string; suffix: string } | undefined {
  const slash = path.indexOf('/');
  if (slash < 0 || !(COLLECTIONS as readonly string[]).includes(path.slice(0, slash))) return undefined;
  const m = ENTRY_FILE_NAME.exec(path.slice(slash + 1));
  if (!m) return undefined;
  return { collection: path.slice(0, slash), id: m[1]!, suffix: m[2] ? `.${m[2]}.mdx` : '.mdx' };
}

/** The ids an entry file says it was renamed from (its `redirectFrom`). */
function formerIds(text: string | undefined): string[] {
  const block = text === undefined ? undefined : splitEntryFile(text).blocks.get('redirectFrom');
  if (!block) return [];
  try {
    const ids = (parseYaml(block) as { redirectFrom?: unknown } | null)?.redirectFrom;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const toCommit = (c: RawCommit): HistoryCommit => ({ hash: c.hash, short: shortCommit(c.hash), date: c.date, message: c.message });

/** Turn one lineage (oldest first) into records, diffing each version against the one before. */
function records(lineage: readonly (FileVersion & { renamedFrom?: string })[], blobs: ReadonlyMap<string, string>, commits: Map<string, HistoryCommit>): FileVersionRecord[] {
  const out: FileVersionRecord[] = [];
  // Each version is read once: the "after" of one diff is the "before" of the next.
  let previous: EntryVersionText | undefined;
  for (const v of lineage) {
    const commit = commits.get(v.commit.hash)!;
    const base = { commit, path: v.change.path, ...(v.renamedFrom ?? v.change.from ? { renamedFrom: v.renamedFrom ?? v.change.from } : {}) };
    if (v.change.status === 'removed') {
      out.push({ ...base, kind: 'removed' });
      previous = undefined;
      continue;
    }
    const raw = blobs.get(v.change.blob);
    const text = raw === undefined ? undefined : readVersionText(raw);
    if (v.atCutOff) {
      out.push({ ...base, kind: 'present', blob: v.change.blob });
    } else {
      const kind = base.renamedFrom ? 'renamed' : previous === undefined && v.change.status !== 'modified' ? 'added' : 'changed';
      // A new file's fields are all new and no page lists them: they are not parsed (fields left empty).
      // structuredClone keeps the diff and drops the version's text: V8 substrings
      // (a cited id, a value) hold their whole text alive, and every version's
      // text held for the whole build made every collection of the heap slower.
      out.push({ ...base, kind, blob: v.change.blob, ...(text !== undefined ? { diff: structuredClone(diffVersionTexts(previous, text, { fields: kind !== 'added' })) } : {}) });
    }
    if (text !== undefined) previous = text;
  }
  return out;
}

export interface LoadOptions {
  contentDir: string;
  run?: GitRunner;
  readBlobs?: BlobReader;
}

/** The whole history of a content directory: one rev-parse, one log, one cat-file. */
export async function loadHistory(options: LoadOptions): Promise<WikiHistory> {
  const run = options.run ?? runGit;
  const info = await run(['rev-parse', '--is-shallow-repository', '--show-prefix'], options.contentDir);
  if (info === undefined) return EMPTY_HISTORY;
  const [shallowLine = 'false', prefixLine = ''] = info.split('\n');
  const shallow = shallowLine.trim() === 'true';
  const repoPrefix = prefixLine.trim();
  const log = await run(GIT_LOG_ARGS, options.contentDir);
  if (log === undefined) return { ...EMPTY_HISTORY, repoPrefix };
  const raw = parseGitLog(log).map((c) => ({ ...c, changes: c.changes.filter((ch) => entryFile(ch.path)) }));
  const { live, removed } = traceLineages(raw, { shallow });
  const ids = new Set<string>();
  for (const lineages of [live, removed]) for (const lineage of lineages.values()) for (const v of lineage) if (v.change.status !== 'removed') ids.add(v.change.blob);
  const blobs = (await (options.readBlobs ?? readBlobs)([...ids], options.contentDir)) ?? new Map<string, string>();

  // Join a renamed entry's old file to its new one when git did not pair them.
  type Stitched = FileVersion & { renamedFrom?: string };
  const lineages = new Map<string, Stitched[]>(live);
  for (const path of live.keys()) {
    const f = entryFile(path);
    if (!f) continue;
    const mainText = blobs.get(live.get(`${f.collection}/${f.id}.mdx`)?.at(-1)?.change.blob ?? '');
    for (const id of formerIds(mainText)) {
      const oldPath = `${f.collection}/${id}${f.suffix}`;
      const old = removed.get(oldPath);
      const lineage = lineages.get(path)!;
      const firstNew = lineage.findIndex((v) => v.change.path === path);
      const first = lineage[firstNew];
      if (!old || !first || old.at(-1)!.commit.date > first.commit.date) continue;
      removed.delete(oldPath);
      const joined = [...old.slice(0, -1), ...lineage.slice(0, firstNew), { ...first, renamedFrom: oldPath }, ...lineage.slice(firstNew + 1)];
      lineages.set(path, joined.sort((a, b) => (a.commit.date < b.commit.date ? -1 : a.commit.date > b.commit.date ? 1 : 0)));
    }
  }

  const commits = new Map(raw.map((c) => [c.hash, toCommit(c)]));
  const files = new Map<string, FileVersionRecord[]>();
  for (const [path, lineage] of lineages) files.set(path, records(lineage, blobs, commits));
  const removedFiles = new Map<string, FileVersionRecord[]>();
  for (const [path, lineage] of removed) removedFiles.set(path, records(lineage, blobs, commits));
  const status: HistoryStatus = shallow ? 'shallow' : 'full';
  return { status, repoPrefix, commits: raw.filter((c) => c.changes.length > 0).map((c) => commits.get(c.hash)!), files, removedFiles };
}

let cache: Promise<WikiHistory> | undefined;

/** The history of the configured content directory (content/ or $WIKI_CONTENT_DIR), loaded once per build. */
export function getHistory(): Promise<WikiHistory> {
  cache ??= loadHistory({ contentDir: resolveContentDir(process.cwd()) }).then((history) => {
    const warning = historyWarning(history);
    if (warning) console.warn(`[wiki] ${warning}`);
    return history;
  });
  return cache;
}

const composed = new WeakMap<WikiHistory, Map<string, EntryHistory>>();

/** The history of one entry, composed once per build. */
export function historyOf(history: WikiHistory, key: string): EntryHistory {
  let byKey = composed.get(history);
  if (!byKey) composed.set(history, (byKey = new Map()));
  let h = byKey.get(key);
  if (!h) byKey.set(key, (h = entryHistory(history, key)));
  return h;
}

let texts: Promise<Map<string, string>> | undefined;

/**
 * The text of every version of every entry file, read back from git with one
 * `git cat-file --batch` (for the on-site copies of versions, made when no
 * repository is configured to link to).
 */
export function versionTexts(history: WikiHistory): Promise<Map<string, string>> {
  texts ??= (() => {
    const ids = new Set<string>();
    for (const files of [history.files, history.removedFiles]) for (const versions of files.values()) for (const v of versions) if (v.blob) ids.add(v.blob);
    return readBlobs([...ids], resolveContentDir(process.cwd())).then((blobs) => blobs ?? new Map());
  })();
  return texts;
}

/** The warning a build prints when it cannot tell the whole history, or undefined. */
export function historyWarning(history: WikiHistory): string | undefined {
  if (history.status === 'shallow')
    return 'history: this clone is shallow, so versions before its first commit are not available in this build (pages say so). Fetch the full history with `git fetch --unshallow` (GitHub Actions: actions/checkout with `fetch-depth: 0`).';
  if (history.status === 'unavailable') return 'history: the content is not in a git work tree (or git is missing), so no versions or change dates are available in this build.';
  return undefined;
}
