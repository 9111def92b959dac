/**
 * `npx tsx scripts/bench/search-only.ts <kept run dir or built site> [options]`:
 * the benchmark's search measure (search.ts) alone, against a site that is
 * already built, so search can be re-measured without a rebuild: a run kept
 * with `npm run bench -- --keep` (.cache/bench/run-N-*) or any wiki-dist.
 * The queries are the benchmark's own, regenerated from the corpus's size and
 * seed (taken from the run dir's name when not given) and kept in the run dir
 * as search-queries-<seed>.json (generating a 10,000-entry corpus takes minutes).
 *
 * Options: --entries N, --seed S, --type-delay MS (100), --repeat K (1: the
 * whole series K times, to see the spread), --only TEXT (queries containing it),
 * --json FILE (every query's timing).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, generateCorpus } from './corpus';
import { median, quantile } from './measure';
import { runSearchBenchmark, type QueryTiming } from './search';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const target = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
if (!target || argv.includes('--help')) {
  console.log('usage: npx tsx scripts/bench/search-only.ts <run dir | site dir> [--entries N] [--seed S] [--type-delay MS] [--repeat K] [--only TEXT] [--json FILE]');
  process.exit(target ? 0 : 2);
}

const dir = resolve(target);
const siteDir = existsSync(join(dir, 'wiki-dist')) ? join(dir, 'wiki-dist') : dir;
const entries = Number(option('entries') ?? /run-(\d+)-/.exec(basename(dir))?.[1]);
if (!Number.isInteger(entries) || entries < 5) {
  console.error('the number of entries is needed (--entries N) when the directory is not named run-N-*');
  process.exit(2);
}
const seed = Number(option('seed') ?? DEFAULT_SEED);
const only = option('only');
const arabic = /[\u0600-\u06ff]/;
const cached = join(dir, `search-queries-${seed}.json`);
const corpusQueries: string[] = existsSync(cached) ? JSON.parse(readFileSync(cached, 'utf8')) : generateCorpus({ entries, seed }).queries;
if (!existsSync(cached) && siteDir !== dir) writeFileSync(cached, JSON.stringify(corpusQueries));
const queries = corpusQueries
  .filter((q) => !only || q.includes(only))
  .map((q) => ({ q, locale: arabic.test(q) ? ('ar' as const) : ('en' as const) }));

const log = (s: string) => console.log(`[search] ${s}`);
const summary = (timings: readonly QueryTiming[]) => {
  const ms = timings.filter((t) => t.ms !== undefined).map((t) => t.ms!);
  const bytes = timings.map((t) => t.bytes);
  return `median ${median(ms).toFixed(0)} ms, p95 ${quantile(ms, 0.95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms; bytes median ${(median(bytes) / 1024).toFixed(1)} KB, max ${(Math.max(...bytes) / 1024).toFixed(1)} KB; ${ms.length} of ${timings.length} with results`;
};

const all: QueryTiming[] = [];
const repeat = Math.max(1, Number(option('repeat') ?? 1));
for (let round = 1; round <= repeat; round++) {
  const before = loadavg()[0]!.toFixed(2);
  log(`${siteDir}: ${queries.length} queries of the ${entries}-entry corpus (seed ${seed}), round ${round} of ${repeat}, load ${before}`);
  const result = await runSearchBenchmark({ repoRoot, siteDir, queries, typeDelayMs: Number(option('type-delay') ?? 100), log: (s) => log(s.trim()) });
  if (result.mode !== 'ui') log(`NOTE: timed through the Pagefind API: ${result.note}`);
  log(`round ${round}: ${summary(result.queries)} (load ${before} → ${loadavg()[0]!.toFixed(2)})`);
  all.push(...result.queries);
}
if (repeat > 1) log(`all rounds: ${summary(all)}`);
const json = option('json');
if (json) writeFileSync(json, JSON.stringify(all, null, 1));
