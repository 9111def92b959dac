/**
 * What changed between two versions of one entry file: typed facts field by
 * field (old value -> new value), the body in words, citations added or
 * removed, corrections recorded. The history page, the per-entry feeds and
 * the delta export all read these, so they always agree.
 *
 * Only the front-matter fields whose text changed are parsed, so a history of
 * tens of thousands of versions stays cheap. Pure: no Node, no Astro.
 */
import { parse as parseYaml } from 'yaml';

export interface FieldChange {
  /** Dotted path of the field: "value.amount", "roles[0].title". */
  field: string;
  /** The value before, as short text; undefined when the field was added. */
  before?: string;
  /** The value after, as short text; undefined when the field was removed. */
  after?: string;
}

export interface BodyChange {
  wordsAdded: number;
  wordsRemoved: number;
  /** The first words of the removed and added runs (between the unchanged start and end). */
  removedText?: string;
  addedText?: string;
}

export interface CorrectionNote {
  date: string;
  change: string;
}

export interface VersionDiff {
  fields: FieldChange[];
  /** Undefined when the body did not change. */
  body?: BodyChange;
  citationsAdded: string[];
  citationsRemoved: string[];
  /** Corrections this version records (items added to `corrections`). */
  corrections: CorrectionNote[];
}

/** Longest value shown in a field change, in characters. */
const VALUE_LIMIT = 160;
/** Words shown from a changed run of the body. */
const SNIPPET_WORDS = 14;

interface SplitFile {
  blocks: Map<string, string>;
  body: string;
}

/**
 * One version of a file, split once and read lazily: a lineage's version is
 * the "after" of one diff and the "before" of the next, so each field is
 * parsed at most once per version, and only when a diff needs it.
 */
export interface EntryVersionText extends SplitFile {
  values: Map<string, unknown>;
  cites?: Set<string>;
  words?: string[];
}

/** Split a version's text for diffVersionTexts. */
export function readVersionText(text: string): EntryVersionText {
  return { ...splitEntryFile(text), values: new Map() };
}

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)\s*:/;

/** Front matter cut into top-level fields (each with its indented lines) and the body. */
export function splitEntryFile(text: string): SplitFile {
  const blocks = new Map<string, string>();
  const normal = text.replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normal);
  if (!m) return { blocks, body: normal };
  let current: string | undefined;
  for (const line of m[1]!.split('\n')) {
    const key = TOP_LEVEL_KEY.exec(line)?.[1];
    if (key) {
      current = key;
      blocks.set(key, line);
    } else if (current !== undefined) {
      blocks.set(current, `${blocks.get(current)}\n${line}`);
    }
  }
  for (const [k, v] of blocks) blocks.set(k, v.replace(/\s+$/, ''));
  return { blocks, body: normal.slice(m[0].length) };
}

function fieldValue(file: EntryVersionText | undefined, key: string): unknown {
  if (!file) return undefined;
  if (!file.values.has(key)) file.values.set(key, blockValue(file.blocks.get(key), key));
  return file.values.get(key);
}

function blockValue(block: string | undefined, key: string): unknown {
  if (block === undefined) return undefined;
  try {
    return (parseYaml(block) as Record<string, unknown> | null)?.[key];
  } catch {
    // An old version that no longer parses is shown as its text.
    return block.slice(block.indexOf(':') + 1).trim();
  }
}

/** A value as short text: scalars as written, lists joined, objects as "key: value" pairs. */
export function valueText(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString().slice(0, 10);
  else if (Array.isArray(value)) text = value.map(valueText).join('; ');
  else if (typeof value === 'object')
    text = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${valueText(v)}`)
      .join(', ');
  else text = String(value);
  return text.length > VALUE_LIMIT ? `${text.slice(0, VALUE_LIMIT - 1)}…` : text;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field-by-field changes between two values of one field. */
function diffValue(path: string, before: unknown, after: unknown, out: FieldChange[]): void {
  if (same(before, after)) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) diffValue(`${path}.${k}`, before[k], after[k], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && after.some(isPlainObject)) {
    after.forEach((item, i) => diffValue(`${path}[${i}]`, before[i], item, out));
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    // Lists that grew or shrank: the items removed and added, not every shifted index.
    const removed = before.filter((b) => !after.some((a) => same(a, b)));
    const added = after.filter((a) => !before.some((b) => same(a, b)));
    out.push({ field: path, ...(removed.length ? { before: valueText(removed) } : {}), ...(added.length ? { after: valueText(added) } : {}) });
    return;
  }
  out.push({ field: path, ...(before !== undefined ? { before: valueText(before) } : {}), ...(after !== undefined ? { after: valueText(after) } : {}) });
}

const CITE = /<Cite\b[^>]*?\bsource\s*=\s*["']([^"']+)["']/g;
const CITE_TAG = /<Cite\b[^>]*\/>/g;

/** Every source an entry file cites: its `sources` field and each <Cite> in the body. */
function citationsOf(file: EntryVersionText): Set<string> {
  if (file.cites) return file.cites;
  const cited = new Set<string>();
  const listed = fieldValue(file, 'sources');
  if (Array.isArray(listed)) for (const s of listed) if (typeof s === 'string') cited.add(s);
  for (const m of file.body.matchAll(CITE)) cited.add(m[1]!);
  return (file.cites = cited);
}

const words = (body: string) => body.replace(CITE_TAG, ' ').split(/\s+/).filter(Boolean);
const wordsOf = (file: EntryVersionText) => (file.words ??= words(file.body));

/** The changed middle of the body, in words: what the unchanged start and end enclose. */
export function diffBody(before: string, after: string): BodyChange | undefined {
  return diffWords(words(before), words(after));
}

function diffWords(a: readonly string[], b: readonly string[]): BodyChange | undefined {
  // Only words count: re-wrapped lines and blank lines are formatting.
  if (a.length === b.length && a.every((w, i) => w === b[i])) return undefined;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const removed = a.slice(start, a.length - end);
  const added = b.slice(start, b.length - end);
  const snippet = (run: string[]) => (run.length ? run.slice(0, SNIPPET_WORDS).join(' ') + (run.length > SNIPPET_WORDS ? ' …' : '') : undefined);
  const change: BodyChange = { wordsAdded: added.length, wordsRemoved: removed.length };
  const removedText = snippet(removed);
  const addedText = snippet(added);
  if (removedText) change.removedText = removedText;
  if (addedText) change.addedText = addedText;
  return change;
}

function correctionsAdded(before: EntryVersionText | undefined, after: EntryVersionText): CorrectionNote[] {
  // Unchanged corrections added none: neither side is parsed.
  if (before && before.blocks.get('corrections') === after.blocks.get('corrections')) return [];
  const list = (f: EntryVersionText | undefined): unknown[] => {
    const v = fieldValue(f, 'corrections');
    return Array.isArray(v) ? v : [];
  };
  const old = list(before);
  return list(after)
    .filter((c) => !old.some((o) => same(o, c)))
    .filter(isPlainObject)
    .map((c) => ({ date: valueText(c.date), change: valueText(c.change) }));
}

/**
 * What `after` changed relative to `before` (undefined: the file is new, so
 * every field it has is "added"). Unchanged fields are never parsed.
 */
export function diffVersions(before: string | undefined, after: string): VersionDiff {
  return diffVersionTexts(before === undefined ? undefined : readVersionText(before), readVersionText(after));
}

/**
 * diffVersions on texts already read (readVersionText), so a lineage reads
 * each version once. `fields: false` skips the field-by-field list (left
 * empty): a new file's fields are all new, and no page lists them.
 */
export function diffVersionTexts(a: EntryVersionText | undefined, b: EntryVersionText, options: { fields?: boolean } = {}): VersionDiff {
  if (a) {
    // What did not change is not read again: the same text has the same values, words and citations.
    for (const [key, value] of a.values) if (!b.values.has(key) && a.blocks.get(key) === b.blocks.get(key)) b.values.set(key, value);
    if (a.body === b.body) {
      b.words ??= a.words;
      if (a.cites && a.blocks.get('sources') === b.blocks.get('sources')) b.cites ??= a.cites;
    }
  }
  const fields: FieldChange[] = [];
  if (options.fields !== false) {
    for (const key of new Set([...(a?.blocks.keys() ?? []), ...b.blocks.keys()])) {
      const oldBlock = a?.blocks.get(key);
      const newBlock = b.blocks.get(key);
      if (oldBlock === newBlock || key === 'corrections') continue;
      diffValue(key, fieldValue(a, key), fieldValue(b, key), fields);
    }
  }
  const oldCites = a ? citationsOf(a) : new Set<string>();
  const newCites = citationsOf(b);
  const diff: VersionDiff = {
    fields,
    citationsAdded: [...newCites].filter((s) => !oldCites.has(s)).sort(),
    citationsRemoved: [...oldCites].filter((s) => !newCites.has(s)).sort(),
    corrections: correctionsAdded(a, b),
  };
  const body = a && a.body === b.body ? undefined : diffWords(a ? wordsOf(a) : [], wordsOf(b));
  if (body) diff.body = body;
  return diff;
}
