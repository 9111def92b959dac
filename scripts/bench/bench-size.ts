/**
 * One benchmark run at one corpus size: generate and check the corpus, give it
 * a git history, build the wiki (and, if asked, again without the history and
 * the bare baseline), time search in Chromium, and return the run's record.
 * run.ts (the CLI) calls it once per size of a series.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { readContentDir } from '../../src/lib/content/files';
import { writeBareProject } from './bare';
import { DEFAULT_SEED, generateCorpus, writeCorpus } from './corpus';
import { BENCH_ORIGIN, commitHistory, planHistory, versionCount } from './history';
import { killRunning, measure, median, outputBreakdown, quantile, walkFiles, type Measured } from './measure';
import type { BenchRecord, BuildStats } from './report';
import { runSearchBenchmark } from './search';

export interface SizeOptions {
  repoRoot: string;
  entries: number;
  seed?: number;
  /** A snapshot of the project (src, public, config) taken once for the series; each run builds a fresh copy of it. */
  siteSnapshot: string;
  /** The commit the snapshot was taken from. */
  commit: string;
  bare?: boolean;
  search?: boolean;
  history?: boolean;
  historyCost?: boolean;
  profile?: boolean;
  verbose?: boolean;
  keep?: boolean;
  /** Also fail when search cannot be measured in Chromium or a query finds nothing. */
  strict?: boolean;
  typeDelayMs?: number;
  label?: string;
  log: (s: string) => void;
}

export interface SizeResult {
  record: BenchRecord;
  /** What failed (builds, and with `strict` search); empty when all went well. */
  failures: string[];
}

/** The sizes of `--entries 1000,10000,20000`, or an error message. */
export function parseSizes(value: string): number[] | string {
  const sizes = value.split(',').map((s) => Number(s.trim()));
  if (!value.trim() || sizes.some((n) => !Number.isInteger(n) || n < 5)) {
    return `--entries takes one size or a comma-separated series of sizes, each a whole number of at least 5 (for example --entries 1000,10000,20000); got "${value}"`;
  }
  return sizes;
}

/** The project files a build needs, copied into a snapshot. */
const PROJECT_FILES = ['src', 'public', 'astro.config.ts', 'package.json', 'tsconfig.json'];

/**
 * Copy the project into `dir`. A snapshot because Astro keeps per-build state
 * in <root>/.astro (the list of MDX modules to render, content-modules.mjs)
 * and in <cwd>/.astro/.prerender when the output is outside the working
 * directory: a build of another content dir from the same checkout at the same
 * time (tests, other people) would overwrite it mid-build. The snapshot also
 * keeps the code fixed, for every size of a series, while others edit src/.
 */
export function snapshotProject(repoRoot: string, dir: string): void {
  for (const name of PROJECT_FILES) {
    if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(dir, name), { recursive: true });
  }
}

const runDirs = new Set<string>();
/** Stop the measured builds and remove the runs' temporary dirs (on Ctrl-C). */
export function abortRuns(): void {
  killRunning();
  for (const dir of runDirs) rmSync(dir, { recursive: true, force: true });
}

function logBuild(log: SizeOptions['log'], name: string, m: Measured, tmp: string): void {
  log(`${name}: ${m.code === 0 ? 'ok' : `FAILED (exit ${m.code ?? m.signal})`} in ${(m.wallMs / 1000).toFixed(1)} s (CPU ${(m.cpuMs / 1000).toFixed(1)} s), peak ${(m.peakRss / 1024 ** 2).toFixed(0)} MB over up to ${m.peakProcesses} processes`);
  const parts = Object.entries(m.peakByComm)
    .sort((a, b) => b[1] - a[1])
    .map(([comm, rss]) => `${comm} ${(rss / 1024 ** 2).toFixed(0)} MB`);
  const at = new Date(Date.now() - m.wallMs + m.peakAtS * 1000).toISOString().slice(11, 19);
  log(`  peak at ${at} UTC (+${m.peakAtS.toFixed(0)} s): ${parts.join(', ')}`);
  // RSS at each tenth of the run, to see whether memory grows with pages rendered or jumps in one phase.
  const tenths = Array.from({ length: 10 }, (_, i) => m.timeline[Math.min(m.timeline.length - 1, Math.floor(((i + 1) * m.timeline.length) / 10) - 1)]);
  log(`  memory over the run: ${tenths.map((p) => (p ? `${(p[1] / 1024 ** 2).toFixed(0)}` : '?')).join(' → ')} MB`);
  writeFileSync(join(tmp, `${name.replace(' build', '').replaceAll(' ', '-')}-memory.json`), JSON.stringify({ startedAt: Date.now() - m.wallMs, timeline: m.timeline }));
  if (m.code !== 0) console.error(m.tail.join('\n'));
}

/** `entryKeys`, for the wiki build: its output is also counted by kind of file. */
function buildStats(m: Measured, outDir: string, entryPaths: string[], entryKeys?: ReadonlySet<string>): BuildStats {
  const all = existsSync(outDir) ? walkFiles(outDir) : [];
  const sizes = new Map(all.map((f) => [f.path, f.size]));
  const entrySizes = entryPaths.map((p) => sizes.get(p)).filter((s): s is number => s !== undefined);
  return {
    ok: m.code === 0,
    wallMs: m.wallMs,
    cpuMs: m.cpuMs,
    peakRss: m.peakRss,
    pages: all.filter((f) => f.path.endsWith('.html')).length,
    distBytes: all.reduce((n, f) => n + f.size, 0),
    pagefindBytes: all.filter((f) => f.path.startsWith('pagefind/')).reduce((n, f) => n + f.size, 0),
    entryPages: entrySizes.length,
    entryMedian: median(entrySizes),
    entryP95: quantile(entrySizes, 0.95),
    ...(entryKeys ? { output: outputBreakdown(all, entryKeys) } : {}),
  };
}

/** Run the benchmark at one size. Throws when the generated corpus fails the content check (a bug in corpus.ts). */
export async function benchSize(options: SizeOptions): Promise<SizeResult> {
  const { repoRoot, entries } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  // Under the repository (git-ignored .cache/), not /tmp: the builds there find
  // this repository's node_modules by walking up, as Astro's prerender chunks
  // (which import packages by name) need.
  mkdirSync(join(repoRoot, '.cache', 'bench'), { recursive: true });
  const tmp = mkdtempSync(join(repoRoot, '.cache', 'bench', `run-${entries}-`));
  if (!options.keep) runDirs.add(tmp);
  try {
    return await runIn(tmp, { ...options, seed });
  } finally {
    if (!options.keep) rmSync(tmp, { recursive: true, force: true });
    runDirs.delete(tmp);
  }
}

async function runIn(tmp: string, options: SizeOptions & { seed: number }): Promise<SizeResult> {
  const { repoRoot, entries, seed, log } = options;
  const contentDir = join(tmp, 'content');
  const loadBefore = loadavg();
  log(`${entries} entries, seed ${seed}, in ${tmp} (load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')})`);

  // 1. Corpus, checked with the project's own content check.
  let t0 = performance.now();
  const corpus = generateCorpus({ entries, seed });
  writeCorpus(contentDir, corpus);
  const corpusBytes = [...corpus.files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
  log(`corpus: ${corpus.files.size} files in ${((performance.now() - t0) / 1000).toFixed(1)} s (${JSON.stringify(corpus.counts)}, ${corpus.translations} translations)`);
  t0 = performance.now();
  const previousContentDir = process.env.WIKI_CONTENT_DIR;
  process.env.WIKI_CONTENT_DIR = contentDir;
  const { files, stray, published } = readContentDir(repoRoot);
  const { problems } = checkContent(files, stray, { published });
  if (previousContentDir === undefined) delete process.env.WIKI_CONTENT_DIR;
  else process.env.WIKI_CONTENT_DIR = previousContentDir;
  const validateMs = performance.now() - t0;
  if (problems.length) {
    for (const p of problems.slice(0, 50)) console.error(formatProblem(p));
    throw new Error(`the generated corpus has ${problems.length} problem(s); this is a bug in scripts/bench/corpus.ts`);
  }
  log(`content check: no problems (${(validateMs / 1000).toFixed(1)} s)`);

  // 1b. A git history for the corpus: versions the build reads, diffs and shows.
  let history: BenchRecord['history'];
  if (options.history !== false) {
    t0 = performance.now();
    const plan = planHistory(corpus.files, { seed });
    commitHistory(dirname(contentDir), plan, basename(contentDir), BENCH_ORIGIN);
    history = { commits: plan.length, versions: versionCount(plan) };
    log(`history: ${plan.length} commits, ${history.versions} versions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }

  const baseEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' };
  const astroBin = join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const failures: string[] = [];
  const build = async (name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logName: string) => {
    const m = await measure(process.execPath, [astroBin, 'build', ...args], { cwd, env, logFile: join(tmp, logName), echo: options.verbose });
    logBuild(log, name, m, tmp);
    if (m.code !== 0) failures.push(name);
    return m;
  };
  const originals = [...corpus.files.keys()].filter((p) => !p.endsWith('.ar.mdx')).map((p) => p.replace(/\.mdx$/, ''));
  const translated = [...corpus.files.keys()].filter((p) => p.endsWith('.ar.mdx')).map((p) => p.replace(/\.ar\.mdx$/, ''));

  // 2. The wiki, built as the real build does, from a fresh copy of the
  // series' snapshot, run from its own directory so process.cwd()-relative
  // code (sitemap route list, JSON Schema export) sees the same files.
  const siteRoot = join(tmp, 'site');
  cpSync(options.siteSnapshot, siteRoot, { recursive: true });
  const wikiOut = join(tmp, 'wiki-dist');
  const profileDir = join(tmp, 'profile');
  // Each build profiles into its own folder, so the two builds' profiles can be summarised apart.
  const profiled = (env: NodeJS.ProcessEnv, dir: string) =>
    options.profile ? { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${join(profileDir, dir)}`.trim() } : env;
  const wikiEnv = { ...baseEnv, WIKI_CONTENT_DIR: contentDir, WIKI_OUT_DIR: wikiOut };
  log('building the wiki…');
  const wikiRun = await build('wiki build', [], siteRoot, profiled(wikiEnv, 'wiki'), 'wiki-build.log');
  const wiki = buildStats(wikiRun, wikiOut, originals.flatMap((k) => [`${k}/index.html`, `ar/${k}/index.html`]), new Set(originals));

  // 2b. The same build without the history (its .git moved away), side by side.
  if (history && options.historyCost) {
    renameSync(join(dirname(contentDir), '.git'), join(tmp, 'corpus.git'));
    log('building the wiki again without its history…');
    const noHistoryOut = join(tmp, 'wiki-dist-no-history');
    const run = await build('wiki build without history', [], siteRoot, profiled({ ...wikiEnv, WIKI_OUT_DIR: noHistoryOut }, 'wiki-without-history'), 'wiki-no-history-build.log');
    renameSync(join(tmp, 'corpus.git'), join(dirname(contentDir), '.git'));
    history.withoutMs = run.wallMs;
    history.withoutCpuMs = run.cpuMs;
    rmSync(noHistoryOut, { recursive: true, force: true });
  }

  // 3. The bare baseline.
  let bare: BuildStats | undefined;
  if (options.bare !== false) {
    const bareRoot = join(tmp, 'bare');
    const bareOut = join(tmp, 'bare-dist');
    writeBareProject({ root: bareRoot, contentDir, outDir: bareOut });
    log('building the bare baseline…');
    const bareRun = await build('bare build', ['--root', bareRoot], tmp, baseEnv, 'bare-build.log');
    bare = buildStats(bareRun, bareOut, [...originals.map((k) => `${k}/index.html`), ...translated.map((k) => `ar/${k}/index.html`)]);
  }

  // 4. Search in the browser.
  const search = options.search !== false && wiki.ok ? await measureSearch(options, wikiOut, corpus.queries, failures) : undefined;

  const record: BenchRecord = {
    date: new Date().toISOString(),
    entries,
    seed,
    files: corpus.files.size,
    translations: corpus.translations,
    corpusBytes,
    machine: { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: cpus().length, ramBytes: totalmem() },
    node: process.version,
    commit: options.commit,
    loadBefore,
    loadAfter: loadavg(),
    validateMs,
    wiki,
    bare,
    search,
    history,
    label: options.label,
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('WIKI_')) as [string, string][]),
  };
  keepArtefacts(options, tmp, record, profileDir);
  return { record, failures };
}

async function measureSearch(options: SizeOptions, siteDir: string, queries: readonly string[], failures: string[]): Promise<BenchRecord['search']> {
  const { log } = options;
  log('measuring search in Chromium…');
  let search: BenchRecord['search'];
  try {
    const arabic = /[\u0600-\u06ff]/;
    const s = await runSearchBenchmark({
      repoRoot: options.repoRoot,
      siteDir,
      queries: queries.map((q) => ({ q, locale: arabic.test(q) ? 'ar' : 'en' })),
      typeDelayMs: options.typeDelayMs ?? 100,
      log,
    });
    const timed = s.queries.filter((q) => q.ms !== undefined).map((q) => q.ms!);
    const full = s.queries.filter((q) => q.fullMs !== undefined).map((q) => q.fullMs!);
    const bytes = s.queries.map((q) => q.bytes);
    search = {
      mode: s.mode,
      note: s.note,
      typeDelayMs: s.typeDelayMs,
      queries: s.queries.length,
      withResults: timed.length,
      medianMs: median(timed),
      p95Ms: quantile(timed, 0.95),
      medianFullMs: median(full),
      p95FullMs: quantile(full, 0.95),
      medianBytes: median(bytes),
      maxBytes: Math.max(...bytes),
    };
    if (s.mode === 'api') log(`NOTE: search timed with the Pagefind API, not the page: ${s.note}`);
  } catch (error) {
    // A missing browser is not a build failure: report it and carry on (unless strict).
    log(`search not measured: ${(error as Error).message.split('\n')[0]}`);
  }
  if (options.strict) {
    if (!search || search.mode !== 'ui') failures.push('search in the browser (not measured)');
    else if (search.withResults < search.queries) failures.push(`search (${search.queries - search.withResults} of ${search.queries} queries found nothing)`);
  }
  return search;
}

/** Keep the CPU profiles, build logs and memory timelines (small) for later analysis. */
function keepArtefacts(options: SizeOptions, tmp: string, record: BenchRecord, profileDir: string): void {
  const { repoRoot, entries, log } = options;
  if (options.profile && existsSync(profileDir)) {
    const keepDir = join(repoRoot, '.cache', 'bench', `profile-${entries}-${Date.now()}`);
    cpSync(profileDir, keepDir, { recursive: true });
    log(`CPU profiles kept in ${keepDir} (one folder per build; summarise one with: npx tsx scripts/bench/profile-summary.ts ${join(keepDir, 'wiki')})`);
  }
  const logsDir = join(repoRoot, '.cache', 'bench', 'logs', `${record.date.slice(0, 19).replace(/[:T]/g, '-')}-${entries}`);
  mkdirSync(logsDir, { recursive: true });
  for (const f of ['wiki-build.log', 'wiki-no-history-build.log', 'bare-build.log', 'wiki-memory.json', 'wiki-without-history-memory.json', 'bare-memory.json']) {
    if (existsSync(join(tmp, f))) cpSync(join(tmp, f), join(logsDir, f));
  }
  log(`build logs kept in ${logsDir}`);
}
