/**
 * "Did you mean": the entry names nearest to a query that found nothing, and
 * the entry a query names exactly, from the lists of names the build writes
 * (views/search-names.ts), one per first letter. Names are
 * compared folded (case, accents, Arabic letter variants and diacritics), word
 * by word and whole, by edit distance with transpositions.
 *
 * Isomorphic: no Node, no Astro, no dependencies (the search page imports it).
 */

/** One entry in the names file: its label, its page, then its other names. */
export type NameRecord = [label: string, href: string, ...aliases: string[]];

/** Folded for comparison: no case, accents, tatweel or harakat; one form of alef, ya, ta marbuta, hamza seats. */
export function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\p{M}\u0640]/gu, '')
    .toLocaleLowerCase()
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Edit distance with adjacent transpositions (optimal string alignment), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[t.length]!;
}

/** How many edits a query of this length may be from a name: one per four letters, at least one. */
const allowance = (length: number) => Math.max(1, Math.floor(length / 4));

/**
 * The nearest entries to a query, best first: each name and each of its
 * words is compared with the query (and each query word with the name's
 * words), so "Palantr" finds "Palantir Technologies".
 */
export function nearestNames(query: string, records: readonly NameRecord[], limit = 3): { label: string; href: string }[] {
  const q = foldName(query);
  if ([...q].length < 3) return [];
  const exact = exactRecord(query, records);
  if (exact) return [{ label: exact[0], href: exact[1] }];
  const max = allowance([...q.replace(/ /g, '')].length);
  const scored: { label: string; href: string; d: number }[] = [];
  for (const [label, href, ...aliases] of records) {
    let d = max + 1;
    for (const name of [label, ...aliases]) {
      const n = foldName(name);
      if (!n) continue;
      d = Math.min(d, editDistance(q, n, max));
      const words = n.split(' ');
      if (words.length > 1 && !q.includes(' ')) for (const w of words) if ([...w].length >= 3) d = Math.min(d, editDistance(q, w, max));
      if (d === 0) break;
    }
    if (d <= max) scored.push({ label, href, d });
  }
  return scored
    .sort((a, b) => a.d - b.d || a.label.length - b.label.length || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map(({ label, href }) => ({ label, href }));
}

/**
 * The file a name is listed in: names are split by the first letter of their
 * folded form (hex code point), so the search page fetches only the few
 * names that can match what was typed, however large the wiki.
 */
export function nameBucket(name: string): string | undefined {
  const first = [...foldName(name)][0];
  return first === undefined || first === ' ' ? undefined : first.codePointAt(0)!.toString(16);
}

/**
 * The entry whose name or alias is exactly the query (folded), when one is:
 * an entry's own name before another entry's alias, so an alias cannot take
 * over a name that belongs to someone else.
 */
export function exactName(query: string, records: readonly NameRecord[]): string | undefined {
  return exactRecord(query, records)?.[1];
}

function exactRecord(query: string, records: readonly NameRecord[]): NameRecord | undefined {
  const q = foldName(query);
  if (!q) return undefined;
  return records.find(([label]) => foldName(label) === q) ?? records.find(([, , ...aliases]) => aliases.some((n) => foldName(n) === q));
}

/**
 * The entries a query starts the name of, best first, for the answer the
 * search page shows while the full text is searched: an exact name or alias,
 * then names that start with the query, then names with a word that does;
 * shorter names first within each (the query covers more of them). Only the
 * names in the query's own file are seen, so a name is found by its first
 * letter (as a reader types it).
 */
export function namesStarting(query: string, records: readonly NameRecord[], limit = 5): NameRecord[] {
  const q = foldName(query);
  if ([...q].length < 2) return [];
  const scored: { record: NameRecord; tier: number; length: number }[] = [];
  for (const record of records) {
    const [label, , ...aliases] = record;
    let tier = 0;
    let length = Infinity;
    for (const name of [label, ...aliases]) {
      const n = foldName(name);
      const t = n === q ? 3 : n.startsWith(q) ? 2 : ` ${n}`.includes(` ${q}`) ? 1 : 0;
      if (t > tier || (t === tier && t > 0 && n.length < length)) [tier, length] = [t, n.length];
    }
    if (tier) scored.push({ record, tier, length });
  }
  return scored
    .sort((a, b) => b.tier - a.tier || a.length - b.length || a.record[0].localeCompare(b.record[0]))
    .slice(0, limit)
    .map((s) => s.record);
}
