/**
 * The delta export: for each recorded version of the wiki (each commit that
 * changed content), the entries added, changed (with the fields changed, old
 * and new values) and removed. /api/v1/changes.json is the latest, with the
 * list of every version; /api/v1/changes/<commit>.json each one. Read from the
 * same versions as the history pages and feeds.
 */
import { COLLECTIONS, ENTRY_FILE_NAME } from '../../isomorphic/collections';
import { entryPath, historyPath, versionAnchor } from '../../isomorphic/paths';
import type { FieldChange, FileVersionRecord, HistoryCommit } from '../../model/history';
import { API_PREFIX, generationMetadata, type ExportContext } from './context';

export interface DeltaEntry {
  key: string;
  /** Which file of the entry changed: the entry itself or its Arabic translation. */
  file: 'entry' | 'ar';
  url: string;
  /** This version on the entry's history page. */
  versionUrl: string;
  renamedFrom?: string;
  /** The fields changed, old and new values (none for an added entry). */
  fields: FieldChange[];
  body: { wordsAdded: number; wordsRemoved: number } | null;
  citationsAdded: string[];
  citationsRemoved: string[];
}

export interface CommitDelta {
  commit: string;
  date: string;
  message: string;
  added: DeltaEntry[];
  changed: DeltaEntry[];
  removed: DeltaEntry[];
  /** Files as found at a shallow clone's cut-off: known, but not what changed. */
  present: DeltaEntry[];
}

/** "companies/x.ar.mdx" -> ["companies/x", "ar"]. */
function keyOf(path: string): [string, 'entry' | 'ar'] | undefined {
  const [collection, name = ''] = path.split('/');
  const m = ENTRY_FILE_NAME.exec(name);
  if (!m || !(COLLECTIONS as readonly string[]).includes(collection!)) return undefined;
  return [`${collection}/${m[1]}`, m[2] === 'ar' ? 'ar' : 'entry'];
}

const changesPath = (commit: string) => `${API_PREFIX}/changes/${commit}.json`;

interface Deltas {
  list: CommitDelta[];
  byCommit: Map<string, CommitDelta>;
}

const made = new WeakMap<object, Map<string, Deltas>>();

function deltas(ctx: ExportContext): Deltas {
  let bySite = made.get(ctx.history);
  if (!bySite) made.set(ctx.history, (bySite = new Map()));
  const site = ctx.url('/');
  let d = bySite.get(site);
  if (!d) {
    const list = makeDeltas(ctx);
    bySite.set(site, (d = { list, byCommit: new Map(list.map((x) => [x.commit, x])) }));
  }
  return d;
}

/** Every commit's delta, newest first (made once per history and site address). */
export function commitDeltas(ctx: ExportContext): CommitDelta[] {
  return deltas(ctx).list;
}

/** One commit's delta, by its full id (a lookup: one file per commit is written, and a wiki may have tens of thousands). */
export function commitDelta(ctx: ExportContext, commit: string): CommitDelta | undefined {
  return deltas(ctx).byCommit.get(commit);
}

function makeDeltas(ctx: ExportContext): CommitDelta[] {
  const byCommit = new Map<string, CommitDelta>();
  const deltaOf = (c: HistoryCommit) => {
    let d = byCommit.get(c.hash);
    if (!d) byCommit.set(c.hash, (d = { commit: c.hash, date: c.date, message: c.message, added: [], changed: [], removed: [], present: [] }));
    return d;
  };
  const addAll = (versions: readonly FileVersionRecord[]) => {
    for (const v of versions) {
      const found = keyOf(v.path);
      if (!found) continue;
      const [key, file] = found;
      const locale = file === 'ar' ? 'ar' : 'en';
      const item: DeltaEntry = {
        key,
        file,
        url: ctx.url(entryPath(key as never, locale)),
        versionUrl: `${ctx.url(historyPath(key as never, locale))}#${versionAnchor(v.commit.hash)}`,
        ...(v.renamedFrom ? { renamedFrom: v.renamedFrom } : {}),
        // An added entry's fields are all new: entries.json and its own file hold them.
        fields: v.kind === 'added' ? [] : (v.diff?.fields ?? []),
        body: v.diff?.body ? { wordsAdded: v.diff.body.wordsAdded, wordsRemoved: v.diff.body.wordsRemoved } : null,
        citationsAdded: v.diff?.citationsAdded ?? [],
        citationsRemoved: v.diff?.citationsRemoved ?? [],
      };
      const d = deltaOf(v.commit);
      if (v.kind === 'added') d.added.push(item);
      else if (v.kind === 'removed') d.removed.push(item);
      else if (v.kind === 'present') d.present.push(item);
      else d.changed.push(item);
    }
  };
  for (const versions of ctx.history.files.values()) addAll(versions);
  for (const versions of ctx.history.removedFiles.values()) addAll(versions);
  const order = (a: DeltaEntry, b: DeltaEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.file < b.file ? 1 : -1);
  const out = [...byCommit.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.commit < b.commit ? -1 : 1));
  for (const d of out) for (const list of [d.added, d.changed, d.removed, d.present]) list.sort(order);
  return out;
}

/** One version's file: its delta with the export metadata. */
export function commitDocument(ctx: ExportContext, delta: CommitDelta) {
  return { ...generationMetadata(ctx), history: ctx.history.status, ...delta };
}

/** /api/v1/changes.json: the latest version's delta and the list of every version. */
export function changesDocument(ctx: ExportContext, deltas: readonly CommitDelta[]) {
  const latest = deltas[0];
  return {
    ...generationMetadata(ctx),
    /** "full", "shallow" (older versions missing) or "unavailable" (built without git history). */
    history: ctx.history.status,
    latest: latest ?? null,
    versions: deltas.map((d) => ({
      commit: d.commit,
      date: d.date,
      message: d.message,
      url: ctx.url(changesPath(d.commit)),
      added: d.added.length,
      changed: d.changed.length,
      removed: d.removed.length,
    })),
  };
}
