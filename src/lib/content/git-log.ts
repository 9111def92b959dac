/**
 * Parses the one `git log` of the content directory (GIT_LOG_ARGS) into
 * commits with the files each changed, and follows every file through its
 * renames into a lineage: the list of its versions, oldest first.
 *
 * Pure string work, no Node: git-history.ts runs git and reads the blobs.
 */

/** Separators of the log format: record start, field, end of the message. */
const RECORD = '\x1e';
const FIELD = '\x1f';
const END_OF_MESSAGE = '\x1d';

/**
 * One record per commit (hash, committer date, parents, message), then its
 * changed files as raw diff lines with full blob ids, NUL-separated (-z) so
 * no file name can break the parsing. `--date-order` lists no parent before
 * its children; merges list no files (their changes are the merged commits').
 */
export const GIT_LOG_ARGS = [
  '-c',
  'core.quotePath=false',
  'log',
  '--raw',
  '--no-abbrev',
  '-M',
  '-z',
  '--date-order',
  '--no-color',
  '--no-ext-diff',
  '--relative',
  `--format=${RECORD}%H${FIELD}%cI${FIELD}%P${FIELD}%B${END_OF_MESSAGE}`,
  '--',
  '.',
] as const;

/** The blob id git writes for "no file" (the new side of a deletion). */
export const NO_BLOB = '0'.repeat(40);

export type ChangeStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'removed';

export interface RawChange {
  status: ChangeStatus;
  /** Path relative to the content directory after the change. */
  path: string;
  /** Path before a rename or copy. */
  from?: string;
  /** Blob id of the file after the change (NO_BLOB when removed). */
  blob: string;
}

export interface RawCommit {
  hash: string;
  /** Committer date, ISO 8601 UTC. */
  date: string;
  parents: string[];
  /** The full commit message, as text. */
  message: string;
  changes: RawChange[];
}

/** "2025-04-17T12:00:00+02:00" -> "2025-04-17T10:00:00Z" so dates compare as strings. */
export function toUtcIso(date: string): string | undefined {
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) return undefined;
  return d.toISOString().replace(/\.000Z$/, 'Z');
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', T: 'modified', D: 'removed', R: 'renamed', C: 'copied' };

/** Parse the raw-diff tokens after a commit's message: ":old new blob blob S", path[, path]... */
function parseChanges(tokens: readonly string[]): RawChange[] {
  const changes: RawChange[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const meta = tokens[i]!.replace(/^\n+/, '');
    if (!meta.startsWith(':')) continue;
    const [, , , blob = NO_BLOB, code = ''] = meta.slice(1).split(' ');
    const status = STATUS[code.charAt(0)];
    if (!status) continue;
    if (status === 'renamed' || status === 'copied') {
      const from = tokens[i + 1];
      const path = tokens[i + 2];
      i += 2;
      if (from && path) changes.push({ status, path, from, blob });
    } else {
      const path = tokens[i + 1];
      i += 1;
      if (path) changes.push({ status, path, blob: status === 'removed' ? NO_BLOB : blob });
    }
  }
  return changes;
}

/** The commits of a log made with GIT_LOG_ARGS, in the order git printed them (newest first). */
export function parseGitLog(output: string): RawCommit[] {
  const commits: RawCommit[] = [];
  for (const record of output.split(RECORD)) {
    const end = record.indexOf(END_OF_MESSAGE);
    if (end < 0) continue;
    const [hash = '', rawDate = '', parents = '', ...message] = record.slice(0, end).split(FIELD);
    const date = toUtcIso(rawDate.trim());
    if (!/^[0-9a-f]{40,64}$/.test(hash) || !date) continue;
    commits.push({
      hash,
      date,
      parents: parents.split(' ').filter(Boolean),
      message: message.join(FIELD).trim(),
      changes: parseChanges(record.slice(end + 1).split('\0')),
    });
  }
  return commits;
}

/** One version of a file in its lineage. */
export interface FileVersion {
  commit: RawCommit;
  change: RawChange;
  /**
   * True for the file as found at a shallow clone's cut-off commit: what it
   * said is known, not when it was written or what changed.
   */
  atCutOff: boolean;
}

export interface Lineages {
  /** Files that exist at the newest commit, by current path, each oldest version first. */
  live: Map<string, FileVersion[]>;
  /** Files whose last change removed them, by their last path (the latest lineage per path). */
  removed: Map<string, FileVersion[]>;
}

/**
 * Follow every file from its first version to now (or to its removal),
 * through renames. `shallow` marks the parentless commits as cut-offs.
 */
export function traceLineages(newestFirst: readonly RawCommit[], options: { shallow?: boolean } = {}): Lineages {
  const live = new Map<string, FileVersion[]>();
  const removed = new Map<string, FileVersion[]>();
  for (let c = newestFirst.length - 1; c >= 0; c--) {
    const commit = newestFirst[c]!;
    const atCutOff = !!options.shallow && commit.parents.length === 0;
    for (const change of commit.changes) {
      const version: FileVersion = { commit, change, atCutOff };
      if (change.status === 'renamed' && change.from !== undefined) {
        const lineage = live.get(change.from) ?? [];
        live.delete(change.from);
        live.set(change.path, [...(live.get(change.path) ?? []), ...lineage, version]);
      } else if (change.status === 'removed') {
        const lineage = [...(live.get(change.path) ?? []), version];
        live.delete(change.path);
        removed.set(change.path, lineage);
      } else if (change.status === 'copied' || (change.status === 'added' && !live.has(change.path))) {
        live.set(change.path, [version]);
      } else {
        const lineage = live.get(change.path) ?? [];
        lineage.push(version);
        live.set(change.path, lineage);
      }
    }
  }
  return { live, removed };
}
