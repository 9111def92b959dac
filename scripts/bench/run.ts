/**
 * `npm run bench -- --entries N`: the wiki's build benchmark (see BENCHMARKS.md).
 * Exits 1 when the corpus check or a build fails; never for a missed target.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { readContentDir } from '../../src/lib/content/files';
import { writeBareProject } from './bare';
import { commitHistory, planHistory, versionCount } from './history';
import { DEFAULT_SEED, generateCorpus, writeCorpus } from './corpus';
import { killRunning, measure, median, quantile, walkFiles, type Measured } from './measure';
import { appendSection, formatSection, readRecords, type BenchRecord, type BuildStats } from './report';
import { runSearchBenchmark } from './search';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
};
if (flag('help')) {
  console.log('usage: npm run bench -- [--entries N] [--seed S] [--no-bare] [--no-search] [--no-write] [--keep] [--profile] [--type-delay MS] [--label TEXT] [--strict] [--no-history] [--history-cost]\n\n--no-history: no git history for the corpus (by default it gets a first commit and four rounds of edits).\n--history-cost: build the wiki a second time without its history, to measure what the history costs.\n--strict (the CI smoke test): also fail when search cannot be measured in Chromium or a query finds nothing.');
  process.exit(0);
}
const entries = Number(option('entries') ?? 1000);
const seed = Number(option('seed') ?? DEFAULT_SEED);
if (!Number.isInteger(entries) || entries < 5) {
  console.error('--entries must be an integer of at least 5');
  process.exit(2);
}
const benchFile = join(repoRoot, 'BENCHMARKS.md');
const astroBin = join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

// Under the repository (git-ignored .cache/), not /tmp: the builds there find
// this repository's node_modules by walking up, as Astro's prerender chunks
// (which import packages by name) need.
mkdirSync(join(repoRoot, '.cache', 'bench'), { recursive: true });
const tmp = mkdtempSync(join(repoRoot, '.cache', 'bench', `run-${entries}-`));
const contentDir = join(tmp, 'content');
const keep = flag('keep');
const cleanup = () => {
  if (!keep) rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  killRunning();
  cleanup();
  process.exit(130);
});

const log = (s: string) => console.log(`[bench] ${s}`);
const loadBefore = loadavg();
log(`${entries} entries, seed ${seed}, in ${tmp} (load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')})`);

// 1. Corpus, checked with the project's own content check.
let t0 = performance.now();
const corpus = generateCorpus({ entries, seed });
writeCorpus(contentDir, corpus);
const corpusBytes = [...corpus.files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
log(`corpus: ${corpus.files.size} files in ${((performance.now() - t0) / 1000).toFixed(1)} s (${JSON.stringify(corpus.counts)}, ${corpus.translations} translations)`);
t0 = performance.now();
process.env.WIKI_CONTENT_DIR = contentDir;
const { files, stray, published } = readContentDir(repoRoot);
const { problems } = checkContent(files, stray, { published });
delete process.env.WIKI_CONTENT_DIR;
const validateMs = performance.now() - t0;
if (problems.length) {
  for (const p of problems.slice(0, 50)) console.error(formatProblem(p));
  console.error(`[bench] the generated corpus has ${problems.length} problem(s); this is a bug in scripts/bench/corpus.ts`);
  cleanup();
  process.exit(1);
}
log(`content check: no problems (${(validateMs / 1000).toFixed(1)} s)`);

// 1b. A git history for the corpus: versions the build reads, diffs and shows.
let history: BenchRecord['history'];
if (!flag('no-history')) {
  t0 = performance.now();
  const plan = planHistory(corpus.files, { seed });
  commitHistory(contentDir, plan);
  history = { commits: plan.length, versions: versionCount(plan) };
  log(`history: ${plan.length} commits, ${history.versions} versions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const baseEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' };
const failures: string[] = [];

function report(name: string, m: Measured): void {
  const ok = m.code === 0;
  log(`${name}: ${ok ? 'ok' : `FAILED (exit ${m.code ?? m.signal})`} in ${(m.wallMs / 1000).toFixed(1)} s (CPU ${(m.cpuMs / 1000).toFixed(1)} s), peak ${(m.peakRss / 1024 ** 2).toFixed(0)} MB over up to ${m.peakProcesses} processes`);
  const parts = Object.entries(m.peakByComm)
    .sort((a, b) => b[1] - a[1])
    .map(([comm, rss]) => `${comm} ${(rss / 1024 ** 2).toFixed(0)} MB`);
  const at = new Date(Date.now() - m.wallMs + m.peakAtS * 1000).toISOString().slice(11, 19);
  log(`  peak at ${at} UTC (+${m.peakAtS.toFixed(0)} s): ${parts.join(', ')}`);
  // RSS at each tenth of the run, to see whether memory grows with pages rendered or jumps in one phase.
  const tenths = Array.from({ length: 10 }, (_, i) => m.timeline[Math.min(m.timeline.length - 1, Math.floor(((i + 1) * m.timeline.length) / 10) - 1)]);
  log(`  memory over the run: ${tenths.map((p) => (p ? `${(p[1] / 1024 ** 2).toFixed(0)}` : '?')).join(' → ')} MB`);
  writeFileSync(join(tmp, `${name.split(' ')[0]}-memory.json`), JSON.stringify({ startedAt: Date.now() - m.wallMs, timeline: m.timeline }));
  if (!ok) {
    failures.push(name);
    console.error(m.tail.join('\n'));
  }
}

function stats(m: Measured, outDir: string, entryPaths: string[]): BuildStats {
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
  };
}

const originals = [...corpus.files.keys()].filter((p) => !p.endsWith('.ar.mdx')).map((p) => p.replace(/\.mdx$/, ''));
const translated = [...corpus.files.keys()].filter((p) => p.endsWith('.ar.mdx')).map((p) => p.replace(/\.ar\.mdx$/, ''));

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

// 2. The wiki, built as the real build does, from a snapshot of the project.
// A snapshot because Astro keeps per-build state in <root>/.astro (the list of
// MDX modules to render, content-modules.mjs) and in <cwd>/.astro/.prerender
// when the output is outside the working directory: a build of another content
// dir from the same checkout at the same time (tests, other people) would
// overwrite it mid-build. The snapshot also keeps the code fixed while others
// edit src/. It is run from its own directory so process.cwd()-relative code
// (sitemap route list, JSON Schema export) sees the same files.
const siteRoot = join(tmp, 'site');
for (const name of ['src', 'public', 'astro.config.ts', 'package.json', 'tsconfig.json']) {
  if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(siteRoot, name), { recursive: true });
}
const wikiOut = join(tmp, 'wiki-dist');
const profileDir = join(tmp, 'profile');
const wikiEnv = { ...baseEnv, WIKI_CONTENT_DIR: contentDir, WIKI_OUT_DIR: wikiOut };
if (flag('profile')) wikiEnv.NODE_OPTIONS = `${wikiEnv.NODE_OPTIONS} --cpu-prof --cpu-prof-dir=${profileDir}`.trim();
log('building the wiki…');
const wikiRun = await measure(process.execPath, [astroBin, 'build'], { cwd: siteRoot, env: wikiEnv, logFile: join(tmp, 'wiki-build.log'), echo: flag('verbose') });
report('wiki build', wikiRun);
const wiki = stats(wikiRun, wikiOut, originals.flatMap((k) => [`${k}/index.html`, `ar/${k}/index.html`]));

// 2b. The same build without the history (its .git moved away), side by side.
if (history && flag('history-cost')) {
  renameSync(join(contentDir, '.git'), join(tmp, 'corpus.git'));
  log('building the wiki again without its history…');
  const noHistoryOut = join(tmp, 'wiki-dist-no-history');
  const run = await measure(process.execPath, [astroBin, 'build'], { cwd: siteRoot, env: { ...wikiEnv, WIKI_OUT_DIR: noHistoryOut }, logFile: join(tmp, 'wiki-no-history-build.log'), echo: flag('verbose') });
  report('wiki build without history', run);
  renameSync(join(tmp, 'corpus.git'), join(contentDir, '.git'));
  history.withoutMs = run.wallMs;
  history.withoutCpuMs = run.cpuMs;
  rmSync(noHistoryOut, { recursive: true, force: true });
}

// 3. The bare baseline.
let bare: BuildStats | undefined;
if (!flag('no-bare')) {
  const bareRoot = join(tmp, 'bare');
  const bareOut = join(tmp, 'bare-dist');
  writeBareProject({ root: bareRoot, contentDir, outDir: bareOut });
  log('building the bare baseline…');
  const bareRun = await measure(process.execPath, [astroBin, 'build', '--root', bareRoot], { cwd: tmp, env: baseEnv, logFile: join(tmp, 'bare-build.log'), echo: flag('verbose') });
  report('bare build', bareRun);
  bare = stats(bareRun, bareOut, [...originals.map((k) => `${k}/index.html`), ...translated.map((k) => `ar/${k}/index.html`)]);
}

// 4. Search in the browser.
let search: BenchRecord['search'];
if (!flag('no-search') && wiki.ok) {
  log('measuring search in Chromium…');
  try {
    const arabic = /[\u0600-\u06ff]/;
    const s = await runSearchBenchmark({
      repoRoot,
      siteDir: wikiOut,
      queries: corpus.queries.map((q) => ({ q, locale: arabic.test(q) ? 'ar' : 'en' })),
      typeDelayMs: Number(option('type-delay') ?? 100),
      log,
    });
    const timed = s.queries.filter((q) => q.ms !== undefined).map((q) => q.ms!);
    const bytes = s.queries.map((q) => q.bytes);
    search = {
      mode: s.mode,
      note: s.note,
      typeDelayMs: s.typeDelayMs,
      queries: s.queries.length,
      withResults: timed.length,
      medianMs: median(timed),
      p95Ms: quantile(timed, 0.95),
      medianBytes: median(bytes),
      maxBytes: Math.max(...bytes),
    };
    if (s.mode === 'api') log(`NOTE: search timed with the Pagefind API, not the page: ${s.note}`);
  } catch (error) {
    // A missing browser is not a build failure: report it and carry on (unless --strict).
    log(`search not measured: ${(error as Error).message.split('\n')[0]}`);
  }
  if (flag('strict')) {
    if (!search || search.mode !== 'ui') failures.push('search in the browser (not measured)');
    else if (search.withResults < search.queries) failures.push(`search (${search.queries - search.withResults} of ${search.queries} queries found nothing)`);
  }
}

// 5. Report.
const record: BenchRecord = {
  date: new Date().toISOString(),
  entries,
  seed,
  files: corpus.files.size,
  translations: corpus.translations,
  corpusBytes,
  machine: { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: cpus().length, ramBytes: totalmem() },
  node: process.version,
  commit,
  loadBefore,
  loadAfter: loadavg(),
  validateMs,
  wiki,
  bare,
  search,
  history,
  label: option('label'),
  env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('WIKI_')) as [string, string][]),
};
const previous = readRecords(benchFile);
const section = formatSection(record, previous);
console.log(`\n${section.replace(/<!-- bench-json .* -->\n?/, '')}`);
if (!flag('no-write')) {
  appendSection(benchFile, section);
  log(`appended to ${benchFile}`);
}
if (flag('profile') && existsSync(profileDir)) {
  const keepDir = join(repoRoot, '.cache', 'bench', `profile-${entries}-${Date.now()}`);
  cpSync(profileDir, keepDir, { recursive: true });
  log(`CPU profiles kept in ${keepDir} (summarise with: npx tsx scripts/bench/profile-summary.ts ${keepDir})`);
}
// Keep the build logs and memory timelines (small) for later analysis.
const logsDir = join(repoRoot, '.cache', 'bench', 'logs', `${record.date.slice(0, 19).replace(/[:T]/g, '-')}-${entries}`);
mkdirSync(logsDir, { recursive: true });
for (const f of ['wiki-build.log', 'bare-build.log', 'wiki-memory.json', 'bare-memory.json']) {
  if (existsSync(join(tmp, f))) cpSync(join(tmp, f), join(logsDir, f));
}
log(`build logs kept in ${logsDir}`);
cleanup();
if (failures.length) {
  console.error(`[bench] failed: ${failures.join(', ')}`);
  process.exit(1);
}
