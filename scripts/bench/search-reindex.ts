/**
 * `npx tsx scripts/bench/search-reindex.ts <kept run dir | site dir> [--shard-pages N]`:
 * rebuild only the search index of a built site, with the build's own code
 * (src/integrations/search-index.ts) and a chosen shard size, so shard sizes
 * can be compared with search-only.ts without rebuilding the whole wiki.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { close } from 'pagefind';
import { indexablePages, writeShards } from '../../src/integrations/search-index';
import { PAGES_PER_SHARD, shardCount } from '../../src/lib/output/search-shards';

const argv = process.argv.slice(2);
const dir = resolve(argv.find((a) => !a.startsWith('--')) ?? '.');
const siteDir = existsSync(join(dir, 'wiki-dist')) ? join(dir, 'wiki-dist') : dir;
const i = argv.indexOf('--shard-pages');
const perShard = i >= 0 ? Number(argv[i + 1]) : PAGES_PER_SHARD;

const t0 = performance.now();
const { pages, perLanguage } = await indexablePages(siteDir);
const count = shardCount(Math.max(0, ...perLanguage.values()), perShard);
rmSync(join(siteDir, 'pagefind'), { recursive: true, force: true });
try {
  await writeShards(siteDir, pages, count);
} finally {
  await close();
}
console.log(`[reindex] ${pages.length} pages in ${count} shard(s) of up to ${perShard} pages per language, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
