/**
 * How the search index is split on a large wiki. Pagefind's search time grows
 * faster than the number of pages a word matches: on the 10,000-entry
 * benchmark a word found on half the pages took 0.37 s in one index and
 * 0.12-0.14 s spread over eight. Each shard also costs an index chunk per
 * keystroke (more bytes per query), so shards are kept large: a wiki is split
 * only past PAGES_PER_SHARD pages in a language. The search page merges the
 * shards with `pagefind.mergeIndex`. A page goes to the shard its path hashes
 * to, so it keeps its shard from one build to the next.
 */

/** Pages per language one Pagefind index holds before the index is split. */
export const PAGES_PER_SHARD = 5000;

/** Never more shards than this: each one adds requests per query. */
export const MAX_SHARDS = 8;

import type { ShardManifest } from '../isomorphic/search-contract';

export { SHARD_MANIFEST, type ShardManifest } from '../isomorphic/search-contract';

/** How many shards a wiki needs, from its largest language's page count. */
export function shardCount(largestLanguagePages: number, perShard = PAGES_PER_SHARD): number {
  if (!Number.isFinite(perShard) || perShard < 1) throw new Error(`pages per search shard must be a positive number, not ${perShard}`);
  return Math.min(MAX_SHARDS, Math.max(1, Math.ceil(largestLanguagePages / perShard)));
}

/** FNV-1a (32-bit): stable across builds, machines and Node versions. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard (0 to count - 1) a page belongs to, from its path in the build. */
export function shardOf(pagePath: string, count: number): number {
  return count <= 1 ? 0 : fnv1a(pagePath) % count;
}

/** Where shard `i` is written, relative to the first bundle's directory. */
export function shardDir(i: number): string {
  return i === 0 ? '' : `shard-${i}/`;
}

export function shardManifest(count: number, pages: number): ShardManifest {
  return { shards: Array.from({ length: Math.max(0, count - 1) }, (_, i) => shardDir(i + 1)), pages };
}

/** The language of a built page, from its <html lang>, or undefined. */
export function htmlLang(html: string): string | undefined {
  return /<html\b[^>]*\blang="([^"]+)"/i.exec(html.slice(0, 2000))?.[1]?.toLowerCase();
}

/**
 * Whether Pagefind would index this page: only pages that mark their content
 * with data-pagefind-body are indexed, and an index fed only pages without the
 * marker would index them whole instead (a shard must never see one).
 */
export function isIndexable(html: string): boolean {
  return html.includes('data-pagefind-body');
}
