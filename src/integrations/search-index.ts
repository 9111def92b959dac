/**
 * Builds the Pagefind search index as the last step of `astro build`, through
 * Pagefind's Node API: one index per <html lang>, so Arabic pages get Arabic
 * stemming. Only pages marked data-pagefind-body are indexed. A large wiki's
 * index is split into shards that the search page merges (see
 * lib/search-shards.ts); WIKI_SEARCH_SHARD_PAGES overrides the shard size (the
 * fixture build uses a tiny one so the tests exercise merging).
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { searchShardPages } from '../lib/settings';
import { htmlLang, isIndexable, PAGES_PER_SHARD, SHARD_MANIFEST, shardCount, shardDir, shardManifest, shardOf } from '../lib/output/search-shards';

/** Built pages read at once while looking for the ones to index. */
const CONCURRENCY = 16;

/** What a merged shard needs; Pagefind also writes its scripts, styles and WebAssembly, which only the first bundle serves. */
const SHARD_KEEP = /^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|index|fragment|filter)$/;

/** Top-level output folders with no pages: scripts, search bundles, card images, the data API. */
const SKIP_DIRS = new Set(['_astro', 'pagefind', 'og', 'api', '.search-shards']);

function htmlFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (dir === root && SKIP_DIRS.has(entry.name)) continue;
        walk(join(dir, entry.name));
      } else if (entry.name.endsWith('.html')) out.push(join(dir, entry.name));
    }
  };
  walk(root);
  return out;
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The page's URL path as Pagefind's directory walk would give it ("/a/b/index.html" -> "/a/b/"). */
const pageUrl = (rel: string) => `/${rel.split(sep).join('/')}`.replace(/\/index\.html$/, '/');

/** Built pages Pagefind would index, with how many each language has. */
export async function indexablePages(sitePath: string): Promise<{ pages: string[]; perLanguage: Map<string, number> }> {
  const pages: string[] = [];
  const perLanguage = new Map<string, number>();
  await eachLimited(htmlFiles(sitePath), CONCURRENCY, async (file) => {
    const html = await readFile(file, 'utf8');
    if (!isIndexable(html)) return;
    const lang = htmlLang(html) ?? 'unknown';
    pages.push(relative(sitePath, file));
    perLanguage.set(lang, (perLanguage.get(lang) ?? 0) + 1);
  });
  return { pages, perLanguage };
}

const shardSize = () => searchShardPages(PAGES_PER_SHARD);

/**
 * Index each shard's pages and write its bundle. Each shard is a directory of
 * hard links to its pages, indexed with Pagefind's own directory walk: fast,
 * and its page order (which Pagefind's output depends on) does not depend on timing.
 */
export async function writeShards(sitePath: string, pages: readonly string[], count: number): Promise<void> {
  const indexes: PagefindIndex[] = [];
  for (let i = 0; i < count; i++) {
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    indexes.push(index);
  }
  const outPath = join(sitePath, 'pagefind');
  const staging = join(sitePath, '.search-shards');
  rmSync(staging, { recursive: true, force: true });
  const problems: string[] = [];
  // Removing the staging tree is slow file-system work (a directory per page):
  // it runs while Pagefind writes the bundles, and is awaited before returning.
  let removal: Promise<void> | undefined;
  try {
    for (let i = 0; i < count; i++) mkdirSync(join(staging, String(i)), { recursive: true });
    for (const rel of pages) {
      const target = join(staging, String(shardOf(pageUrl(rel), count)), rel);
      mkdirSync(dirname(target), { recursive: true });
      try {
        linkSync(join(sitePath, rel), target);
      } catch {
        copyFileSync(join(sitePath, rel), target); // a file system without hard links
      }
    }
    await Promise.all(
      indexes.map(async (index, i) => {
        const added = await index.addDirectory({ path: join(staging, String(i)) });
        problems.push(...added.errors);
      }),
    );
    removal = rm(staging, { recursive: true, force: true });
    if (problems.length) throw new Error(`Pagefind indexing failed:\n${problems.join('\n')}`);

    // The first bundle is written first: the others are written inside its directory.
    for (const [i, index] of indexes.entries()) {
      const target = join(outPath, shardDir(i));
      const written = await index.writeFiles({ outputPath: target });
      if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      if (i > 0) for (const name of readdirSync(target)) if (!SHARD_KEEP.test(name)) rmSync(join(target, name), { recursive: true });
    }
  } finally {
    await (removal ?? rm(staging, { recursive: true, force: true }));
  }
  writeFileSync(join(outPath, SHARD_MANIFEST), JSON.stringify(shardManifest(count, pages.length)));
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'wiki:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const sitePath = fileURLToPath(dir);
        const { pages, perLanguage } = await indexablePages(sitePath);
        const count = shardCount(Math.max(0, ...perLanguage.values()), shardSize());
        try {
          await writeShards(sitePath, pages, count);
        } finally {
          await close(); // the Pagefind process would otherwise outlive a failed build
        }
        const languages = [...perLanguage].map(([lang, n]) => `${n} ${lang}`).join(', ') || 'none';
        logger.info(`Indexed ${pages.length} pages for search (${languages}) in ${count} ${count === 1 ? 'index' : 'shards'}.`);
      },
    },
  };
}
