/**
 * What the build's search index and the search page agree on: the file that
 * lists the index's shards, and how an entry's other names are joined in its
 * `aka` metadata.
 *
 * Isomorphic: no Node, no Astro, no dependencies (the search page imports it).
 */

/** The file, next to Pagefind's own, that lists the bundles to merge into the first. */
export const SHARD_MANIFEST = 'wiki-shards.json';

export interface ShardManifest {
  /** Bundle directories relative to the first bundle (`/pagefind/`), each ending in "/". */
  shards: string[];
  /** Pages indexed in all bundles and languages: 0 tells the search page the wiki is empty. */
  pages: number;
}

/** Between an entry's acronym and aliases in its `aka` search metadata. */
export const ALIAS_SEPARATOR = ' | ';
