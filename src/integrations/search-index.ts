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
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { htmlLang, isIndexable, PAGES_PER_SHARD, SHARD_MANIFEST, shardCount, shardDir, shardManifest, shardOf } from '../lib/search-shards';

/** Files read and handed to Pagefind at once. */
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
  return out.sort();
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

export function searchIndex(): AstroIntegration {
  return {
    name: 'wiki:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const sitePath = fileURLToPath(dir);
        const outPath = join(sitePath, 'pagefind');

        // First pass: which pages are indexed, and how many each language has.
        const pages: { rel: string; lang: string }[] = [];
        const perLanguage = new Map<string, number>();
        await eachLimited(htmlFiles(sitePath), CONCURRENCY, async (file) => {
          const html = await readFile(file, 'utf8');
          if (!isIndexable(html)) return;
          const lang = htmlLang(html) ?? 'unknown';
          pages.push({ rel: relative(sitePath, file), lang });
          perLanguage.set(lang, (perLanguage.get(lang) ?? 0) + 1);
        });
        const perShard = Number(process.env.WIKI_SEARCH_SHARD_PAGES ?? PAGES_PER_SHARD);
        const count = shardCount(Math.max(0, ...perLanguage.values()), perShard);

        const indexes: PagefindIndex[] = [];
        for (let i = 0; i < count; i++) {
          const { index, errors } = await createIndex({});
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          indexes.push(index);
        }
        // Each shard is a directory of hard links to its pages, indexed with Pagefind's
        // own directory walk (fast, and its page order does not depend on timing).
        const staging = join(sitePath, '.search-shards');
        rmSync(staging, { recursive: true, force: true });
        for (let i = 0; i < count; i++) mkdirSync(join(staging, String(i)), { recursive: true });
        for (const { rel } of pages) {
          const target = join(staging, String(shardOf(pageUrl(rel), count)), rel);
          mkdirSync(dirname(target), { recursive: true });
          try {
            linkSync(join(sitePath, rel), target);
          } catch {
            copyFileSync(join(sitePath, rel), target); // a file system without hard links
          }
        }
        const problems: string[] = [];
        try {
          await Promise.all(
            indexes.map(async (index, i) => {
              const added = await index.addDirectory({ path: join(staging, String(i)) });
              problems.push(...added.errors);
            }),
          );
        } finally {
          rmSync(staging, { recursive: true, force: true });
        }
        if (problems.length) throw new Error(`Pagefind indexing failed:\n${problems.join('\n')}`);

        // The first bundle is written first: the others are written inside its directory.
        for (const [i, index] of indexes.entries()) {
          const target = join(outPath, shardDir(i));
          const written = await index.writeFiles({ outputPath: target });
          if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          if (i > 0) for (const name of readdirSync(target)) if (!SHARD_KEEP.test(name)) rmSync(join(target, name), { recursive: true });
        }
        writeFileSync(join(outPath, SHARD_MANIFEST), JSON.stringify(shardManifest(count, pages.length)));
        await close();
        const languages = [...perLanguage].map(([lang, n]) => `${n} ${lang}`).join(', ') || 'none';
        logger.info(`Indexed ${pages.length} pages for search (${languages}) in ${count} ${count === 1 ? 'index' : 'shards'}.`);
      },
    },
  };
}
