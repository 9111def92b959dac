/**
 * `npm run bench -- --entries N[,N...]`: the wiki's build benchmark (see
 * BENCHMARKS.md), at one size or a series of sizes run in turn, reported as
 * one section with a column per size.
 * Exits 1 when the corpus check or a build fails; never for a missed target.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { abortRuns, benchSize, parseSizes, snapshotProject } from './bench-size';
import { DEFAULT_SEED } from './corpus';
import { appendSection, formatSeries, readRecords, reformatBenchmarks, type BenchRecord } from './report';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const benchFile = join(repoRoot, 'BENCHMARKS.md');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
};

if (flag('help')) {
  console.log(`usage: npm run bench -- [--entries N[,N...]] [--seed S] [--no-bare] [--no-search] [--no-write] [--keep] [--profile] [--type-delay MS] [--label TEXT] [--strict] [--no-history] [--history-cost] [--reformat]

--entries: one size, or a series run in turn (--entries 1000,10000,20000); one section with a column per size is reported.
--no-history: no git history for the corpus (by default it gets a first commit and four rounds of edits).
--history-cost: build the wiki a second time without its history, to measure what the history costs.
--strict (the CI smoke test): also fail when search cannot be measured in Chromium or a query finds nothing.
--reformat: only redraw BENCHMARKS.md in the current layout (header, latest series in full, earlier runs condensed); runs nothing.`);
  process.exit(0);
}
if (flag('reformat')) {
  reformatBenchmarks(benchFile);
  console.log(`[bench] ${benchFile} redrawn`);
  process.exit(0);
}
const sizes = parseSizes(option('entries') ?? '1000');
const seed = Number(option('seed') ?? DEFAULT_SEED);
if (typeof sizes === 'string') {
  console.error(sizes);
  process.exit(2);
}

const log = (s: string) => console.log(`[bench] ${s}`);

// The commit the builds below are made from (read now: a commit made while they run is not theirs).
const commit = (() => {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'astro.config.ts'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    return dirty ? `${sha} + uncommitted src changes` : sha;
  } catch {
    return 'unknown';
  }
})();

mkdirSync(join(repoRoot, '.cache', 'bench'), { recursive: true });
const seriesDir = mkdtempSync(join(repoRoot, '.cache', 'bench', 'series-'));
const siteSnapshot = join(seriesDir, 'site');
snapshotProject(repoRoot, siteSnapshot);
process.on('SIGINT', () => {
  abortRuns();
  rmSync(seriesDir, { recursive: true, force: true });
  process.exit(130);
});

const records: BenchRecord[] = [];
const failures: string[] = [];
try {
  for (const [i, entries] of sizes.entries()) {
    if (sizes.length > 1) log(`size ${i + 1} of ${sizes.length}: ${entries.toLocaleString('en-GB')} entries`);
    const result = await benchSize({
      repoRoot,
      entries,
      seed,
      siteSnapshot,
      commit,
      bare: !flag('no-bare'),
      search: !flag('no-search'),
      history: !flag('no-history'),
      historyCost: flag('history-cost'),
      profile: flag('profile'),
      verbose: flag('verbose'),
      keep: flag('keep'),
      strict: flag('strict'),
      typeDelayMs: Number(option('type-delay') ?? 100),
      label: option('label'),
      log,
    });
    records.push(result.record);
    failures.push(...result.failures.map((f) => (sizes.length > 1 ? `${f} at ${entries} entries` : f)));
  }
} catch (error) {
  console.error(`[bench] ${(error as Error).message}`);
  rmSync(seriesDir, { recursive: true, force: true });
  process.exit(1);
}
rmSync(seriesDir, { recursive: true, force: true });

const section = formatSeries(records, readRecords(benchFile));
console.log(`\n${section.replace(/<!-- bench-json .* -->\n?/g, '')}`);
if (!flag('no-write')) {
  appendSection(benchFile, section);
  log(`added to ${benchFile}`);
}
if (failures.length) {
  console.error(`[bench] failed: ${failures.join(', ')}`);
  process.exit(1);
}
