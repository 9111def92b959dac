/**
 * Formats a benchmark series (one run per corpus size) as a dated Markdown
 * section with a column per size, and keeps BENCHMARKS.md in order: the
 * method and targets, the latest series in full, earlier runs condensed to
 * their headline rows, hand-written findings last. Each run's data is kept
 * as an HTML comment (`<!-- bench-json ... -->`), so later runs can compare
 * against earlier ones (seconds per entry at 20,000 vs 1,000) and condensed
 * sections can be drawn again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { MIX } from './corpus';
import type { OutputBreakdown, OutputKind } from './measure';

export interface BuildStats {
  ok: boolean;
  wallMs: number;
  /** User + system CPU time of the build's process tree. */
  cpuMs: number;
  peakRss: number;
  pages: number;
  distBytes: number;
  pagefindBytes: number;
  entryPages: number;
  entryMedian: number;
  entryP95: number;
  /** Files and bytes by kind (the wiki build; runs before the series format have none). */
  output?: OutputBreakdown;
}

export interface SearchStats {
  mode: 'ui' | 'api';
  note?: string;
  typeDelayMs: number;
  queries: number;
  withResults: number;
  /** Last keystroke to the first results for the query (names, or the full results when they come first). */
  medianMs: number;
  p95Ms: number;
  /** Last keystroke to the full-text results (runs before 2026-12-01 22:00 measured only these, as medianMs). */
  medianFullMs?: number;
  p95FullMs?: number;
  medianBytes: number;
  maxBytes: number;
}

export interface BenchRecord {
  date: string;
  entries: number;
  seed: number;
  files: number;
  translations: number;
  corpusBytes: number;
  machine: { cpu: string; cores: number; ramBytes: number };
  node: string;
  commit: string;
  loadBefore: number[];
  loadAfter: number[];
  validateMs: number;
  wiki: BuildStats;
  bare?: BuildStats;
  search?: SearchStats;
  /** The corpus's synthetic git history, and the wiki build's time without it (--history-cost). */
  history?: { commits: number; versions: number; withoutMs?: number; withoutCpuMs?: number };
  /** Free-form notes (e.g. which fix this run measures). */
  label?: string;
  /** WIKI_* settings the run was started with (e.g. WIKI_OG_IMAGES=0). */
  env?: Record<string, string>;
}

/** Issue 20's targets (stated for 20,000 entries on 2 cores; checked at every size). */
export const TARGETS = {
  ratio: 1.2,
  peakBytes: 8 * 1024 ** 3,
  searchMedianMs: 100,
  searchP95Ms: 250,
  searchBytes: 300 * 1024,
  outputPerEntry: 50 * 1024,
  /** Larger runs must not take more seconds per entry than a run of this size. */
  baseEntries: 1000,
};

const MB = 1024 * 1024;
const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmtMs = (ms: number) => `${ms.toFixed(2)} ms`;
const fmtMB = (b: number) => `${(b / MB).toFixed(0)} MB`;
const fmtKB = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const num = (n: number) => n.toLocaleString('en-GB');
/** KB below a megabyte, so small kinds of file do not read "0 MB". */
const fmtSize = (b: number) => (b < MB ? fmtKB(b) : `${(b / MB).toFixed(1)} MB`);
const files = (n: number) => `${num(n)} file${n === 1 ? '' : 's'}`;
const times = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : undefined);
/** How much more a is than b, signed: "+4.2%". */
const percentMore = (a: number, b: number | undefined) => (b ? `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)}%` : '?');
const NONE = '–';

export function secondsPerEntry(r: BenchRecord): number {
  return r.wiki.wallMs / 1000 / r.entries;
}

/** Bytes of output per entry: the whole output dir over the entries. */
export const outputPerEntry = (r: BenchRecord) => r.wiki.distBytes / r.entries;

/** Earlier runs recorded in BENCHMARKS.md, oldest first. */
export function readRecords(file: string): BenchRecord[] {
  return existsSync(file) ? recordsIn(readFileSync(file, 'utf8')).sort((a, b) => a.date.localeCompare(b.date)) : [];
}

/** The runs recorded in a text, in the order they appear. */
function recordsIn(text: string): BenchRecord[] {
  const out: BenchRecord[] = [];
  for (const m of text.matchAll(/<!-- bench-json (.*?) -->/g)) {
    try {
      out.push(JSON.parse(m[1]!) as BenchRecord);
    } catch {
      /* a hand-edited line; skip it */
    }
  }
  return out;
}

const benchComment = (r: BenchRecord) => `<!-- bench-json ${JSON.stringify(r)} -->`;

/** The latest successful run of TARGETS.baseEntries entries on the same machine, to compare seconds per entry with. */
export function baseRun(r: BenchRecord, candidates: readonly BenchRecord[]): BenchRecord | undefined {
  return candidates
    .filter((c) => c.entries === TARGETS.baseEntries && c.machine.cpu === r.machine.cpu && c.wiki.ok)
    .reduce<BenchRecord | undefined>((latest, c) => (!latest || c.date > latest.date ? c : latest), undefined);
}

export interface TargetCheck {
  label: string;
  /** undefined: could not be checked (the detail says why). */
  met: boolean | undefined;
  detail: string;
}

interface TargetRule {
  label: string;
  /** undefined: not applicable to this run (not measured, or the size it compares with). */
  check: (r: BenchRecord, base: BenchRecord | undefined) => Omit<TargetCheck, 'label'> | undefined;
}

const TARGET_RULES: TargetRule[] = [
  {
    label: `build ≤ ${TARGETS.ratio}× bare (wall)`,
    check: (r) => {
      if (!r.bare?.ok || !r.wiki.ok) return undefined;
      const x = r.wiki.wallMs / r.bare.wallMs;
      return { met: x <= TARGETS.ratio, detail: `${x.toFixed(2)}×${r.bare.cpuMs ? `, CPU ${times(r.wiki.cpuMs, r.bare.cpuMs)}` : ''}` };
    },
  },
  {
    label: `peak memory ≤ ${TARGETS.peakBytes / 1024 ** 3} GB`,
    check: (r) => ({ met: r.wiki.peakRss <= TARGETS.peakBytes, detail: fmtMB(r.wiki.peakRss) }),
  },
  {
    label: `output ≤ ${TARGETS.outputPerEntry / 1024} KB per entry`,
    check: (r) => (r.wiki.ok ? { met: outputPerEntry(r) <= TARGETS.outputPerEntry, detail: fmtKB(outputPerEntry(r)) } : undefined),
  },
  {
    label: `s/entry ≤ at ${num(TARGETS.baseEntries)}`,
    check: (r, base) => {
      if (r.entries <= TARGETS.baseEntries || !r.wiki.ok) return undefined;
      if (!base) return { met: undefined, detail: `no ${num(TARGETS.baseEntries)}-entry run on this machine` };
      const [a, b] = [secondsPerEntry(r), secondsPerEntry(base)];
      const cpu = base.wiki.cpuMs ? `; CPU ${fmtMs(r.wiki.cpuMs / r.entries)} vs ${fmtMs(base.wiki.cpuMs / base.entries)}` : '';
      return { met: a <= b, detail: `${fmtMs(a * 1000)} vs ${fmtMs(b * 1000)}${cpu} (run of ${base.date.slice(0, 16).replace('T', ' ')})` };
    },
  },
  {
    label: `search ≤ ${TARGETS.searchMedianMs} ms (median)`,
    check: (r) => r.search && { met: r.search.medianMs <= TARGETS.searchMedianMs, detail: `${r.search.medianMs.toFixed(0)} ms` },
  },
  {
    label: `search ≤ ${TARGETS.searchP95Ms} ms (95th percentile)`,
    check: (r) => r.search && { met: r.search.p95Ms <= TARGETS.searchP95Ms, detail: `${r.search.p95Ms.toFixed(0)} ms` },
  },
  {
    label: `search ≤ ${TARGETS.searchBytes / 1024} KB per query (max)`,
    check: (r) => r.search && { met: r.search.maxBytes <= TARGETS.searchBytes, detail: fmtKB(r.search.maxBytes) },
  },
];

/**
 * The targets that apply to a run, checked. `others`: the runs it may be
 * compared with (earlier ones and the rest of its series).
 */
export function targetChecks(r: BenchRecord, others: readonly BenchRecord[]): TargetCheck[] {
  const base = baseRun(r, others);
  return TARGET_RULES.flatMap((rule) => {
    const result = rule.check(r, base);
    return result ? [{ label: rule.label, ...result }] : [];
  });
}

const checkCell = (c: TargetCheck) => `${c.met === undefined ? '·' : c.met ? '✓' : '✗'} ${c.detail}`;

interface Row {
  label: string;
  /** undefined: not measured in this run. */
  cell: (r: BenchRecord) => string | undefined;
  /** Kept when the section is condensed. */
  headline?: true;
}

const buildState = (s: BuildStats | undefined) => (s ? (s.ok ? 'ok' : '**FAILED**') : 'not run');
const pagesPerSecond = (s: BuildStats) => (s.pages / (s.wallMs / 1000)).toFixed(1);

const ROWS: Row[] = [
  { label: 'Build (wiki / bare baseline)', cell: (r) => `${buildState(r.wiki)} / ${buildState(r.bare)}` },
  { label: 'Wall time', cell: (r) => fmtS(r.wiki.wallMs), headline: true },
  { label: 'Wall time, bare baseline', cell: (r) => r.bare && fmtS(r.bare.wallMs) },
  { label: 'Wall time, wiki / bare', cell: (r) => times(r.wiki.wallMs, r.bare?.wallMs), headline: true },
  { label: 'CPU time (user + sys, process tree)', cell: (r) => fmtS(r.wiki.cpuMs), headline: true },
  { label: 'CPU time, bare baseline', cell: (r) => r.bare && fmtS(r.bare.cpuMs) },
  { label: 'CPU time, wiki / bare', cell: (r) => times(r.wiki.cpuMs, r.bare?.cpuMs) },
  { label: 'Peak memory (process tree RSS)', cell: (r) => fmtMB(r.wiki.peakRss), headline: true },
  { label: 'Peak memory, bare baseline', cell: (r) => r.bare && fmtMB(r.bare.peakRss) },
  { label: 'Seconds per entry (wall)', cell: (r) => fmtMs(secondsPerEntry(r) * 1000), headline: true },
  { label: 'CPU per entry', cell: (r) => fmtMs(r.wiki.cpuMs / r.entries) },
  { label: 'Pages (HTML files)', cell: (r) => num(r.wiki.pages) },
  { label: 'Pages per second', cell: (r) => `${pagesPerSecond(r.wiki)}${r.bare ? ` (bare ${pagesPerSecond(r.bare)})` : ''}` },
  { label: 'Size of output dir', cell: (r) => fmtMB(r.wiki.distBytes) },
  { label: 'Output per entry', cell: (r) => fmtKB(outputPerEntry(r)), headline: true },
  { label: 'Entry page size, median / 95th percentile', cell: (r) => `${fmtKB(r.wiki.entryMedian)} / ${fmtKB(r.wiki.entryP95)}` },
  { label: 'Search: last keystroke → results, median', cell: (r) => r.search && `${r.search.medianMs.toFixed(0)} ms`, headline: true },
  { label: 'Search: last keystroke → results, 95th percentile', cell: (r) => r.search && `${r.search.p95Ms.toFixed(0)} ms`, headline: true },
  {
    label: 'Search: last keystroke → full-text results, median / 95th percentile',
    cell: (r) => (r.search?.medianFullMs !== undefined ? `${r.search.medianFullMs.toFixed(0)} ms / ${r.search.p95FullMs!.toFixed(0)} ms` : undefined),
    headline: true,
  },
  { label: 'Search: bytes fetched per query, median / max', cell: (r) => r.search && `${fmtKB(r.search.medianBytes)} / ${fmtKB(r.search.maxBytes)}`, headline: true },
  { label: 'Search: queries with results', cell: (r) => r.search && `${r.search.withResults} of ${r.search.queries}${r.search.mode === 'api' ? ' (Pagefind API)' : ''}` },
  { label: 'History: versions in commits', cell: (r) => r.history && `${num(r.history.versions)} in ${r.history.commits}` },
  {
    label: 'History cost (build without it; history adds)',
    cell: ({ history: h, wiki: w }) => (h?.withoutMs ? `${fmtS(h.withoutMs)}; ${percentMore(w.wallMs, h.withoutMs)} wall, ${percentMore(w.cpuMs, h.withoutCpuMs)} CPU` : undefined),
  },
  { label: 'Corpus: files (Arabic translations), size', cell: (r) => `${num(r.files)} (${num(r.translations)}), ${fmtMB(r.corpusBytes)}` },
  { label: 'Content check', cell: (r) => fmtS(r.validateMs) },
  { label: 'Load average (1 min), before → after', cell: (r) => `${r.loadBefore[0]?.toFixed(2)} → ${r.loadAfter[0]?.toFixed(2)}` },
];

/** What each kind of output file is, for the report. */
export const OUTPUT_KIND_LABELS: Record<OutputKind, string> = {
  entryEn: 'English entry pages',
  entryAr: 'Arabic entry pages',
  history: 'History pages',
  og: 'Open Graph cards (og/)',
  entryJson: 'Per-entry JSON (api/v1/<collection>/)',
  exports: 'Whole-wiki exports (rest of api/v1/)',
  feeds: 'Feeds and sitemap (*.xml)',
  search: 'Search index (pagefind/)',
  versionSources: 'Version source copies (history/*.txt)',
  other: 'Other (lists, assets, name lists, redirects, …)',
};

const OUTPUT_ROWS: Row[] = Object.entries(OUTPUT_KIND_LABELS).map(([kind, label]) => ({
  label,
  cell: (r) => {
    const k = r.wiki.output?.[kind as OutputKind];
    return k && `${fmtSize(k.bytes)} · ${files(k.files)} · ${fmtKB(k.bytes / r.entries)} per entry`;
  },
}));

/** A table with a column per run; rows no run has a value for are left out. */
function table(corner: string, records: readonly BenchRecord[], rows: readonly { label: string; cells: (string | undefined)[] }[]): string[] {
  const shown = rows.filter((row) => row.cells.some((c) => c !== undefined));
  if (!shown.length) return [];
  return [
    `| ${corner} | ${records.map((r) => num(r.entries)).join(' | ')} |`,
    `|---|${records.map(() => '---:|').join('')}`,
    ...shown.map((row) => `| ${row.label} | ${row.cells.map((c) => c ?? NONE).join(' | ')} |`),
  ];
}

/** A table with a line of text before it, or nothing when the table is empty. */
const captioned = (caption: string, lines: string[]) => (lines.length ? [caption, '', ...lines, ''] : []);

const rowTable = (corner: string, records: readonly BenchRecord[], rows: readonly Row[]) =>
  table(corner, records, rows.map((row) => ({ label: row.label, cells: records.map(row.cell) })));

function heading(records: readonly BenchRecord[]): string {
  const r = records[0]!;
  const env = r.env && Object.keys(r.env).length ? ` · ${Object.entries(r.env).map(([k, v]) => `${k}=${v}`).join(' ')}` : '';
  return `### ${r.date.slice(0, 16).replace('T', ' ')} UTC · ${records.map((x) => num(x.entries)).join(' / ')} entries${env}${r.label ? ` · ${r.label}` : ''}`;
}

function searchMethod(s: SearchStats): string {
  return s.mode === 'ui'
    ? `Search measured on /search/ and /ar/search/ in Chromium, typing at ${s.typeDelayMs} ms per key.`
    : `Search measured with the Pagefind JS API (search plus the first 5 results' data): ${s.note ?? 'no search page'}.`;
}

/**
 * One section for a series of runs (one per size, in the order run), with a
 * column per size: the measures, the output by kind, the targets.
 * `previous`: earlier runs, for the seconds-per-entry comparison.
 */
export function formatSeries(records: readonly BenchRecord[], previous: readonly BenchRecord[]): string {
  const r = records[0]!;
  const others = [...previous, ...records];
  const checks = records.map((x) => targetChecks(x, others));
  const search = records.find((x) => x.search)?.search;
  const lines = [
    heading(records),
    '',
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${(r.machine.ramBytes / 1024 ** 3).toFixed(1)} GiB RAM · Node ${r.node} · commit ${r.commit} · seed ${r.seed}`,
    '',
    ...rowTable('Entries', records, ROWS),
    '',
    ...(search ? [searchMethod(search), ''] : []),
    ...captioned('Output by kind (the wiki build): size, files, and bytes per entry.', rowTable('Output', records, OUTPUT_ROWS)),
    ...table(
      'Target',
      records,
      TARGET_RULES.map((rule) => ({ label: rule.label, cells: checks.map((cs) => cs.find((c) => c.label === rule.label)).map((c) => c && checkCell(c)) })),
    ),
    '',
    ...records.map(benchComment),
    '',
  ];
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** A section cut to its heading, its headline rows and its data (drawn again from the data, so condensing twice changes nothing). */
export function condenseSection(section: string): string {
  const records = recordsIn(section);
  if (!records.length) return section.trimEnd();
  const title = section.split('\n', 1)[0]!;
  return [title, '', ...rowTable('Entries', records, ROWS.filter((row) => row.headline)), '', ...records.map(benchComment)].join('\n');
}

export const HEADER = `# Benchmarks

## Benchmark

\`npm run bench -- --entries 1000,10000,20000\` (default 1000; one size or a comma-separated series; \`--help\` lists the options) compares a full build of the wiki with a bare Astro baseline, at each size in turn:

1. **Corpus.** \`scripts/bench/corpus.ts\` generates N entries from a fixed seed (${Object.entries(MIX).map(([collection, share]) => `${Math.round(share * 100)}% ${collection}`).join(', ')}; buyers, suppliers, parents, involved, body links, \`<Cite>\` and front-matter sources, partial dates, money, tags, roles, members, bodies with headings, ~30% Arabic translations) under \`.cache/bench/\` (never \`content/\`), checks it with the project's content check, and gives it a git history (a first commit and four rounds of edits; \`--no-history\` leaves it out, \`--history-cost\` builds the wiki a second time without it) whose \`origin\` is a forge address, as a deployed clone's is, so the build links each old version to the forge instead of publishing copies (runs before 2026-12-01 18:20 had no origin and published them).
2. **Wiki.** \`WIKI_CONTENT_DIR=<tmp>/content WIKI_OUT_DIR=<tmp>/wiki-dist astro build\`, run in a snapshot of the project (\`src\`, \`public\`, config) taken once per series, so that every size builds the same code and other builds of this checkout cannot disturb it (see Findings); content check, OG images and Pagefind included.
3. **Baseline.** \`scripts/bench/bare.ts\`: a bare Astro site rendering the same MDX files (one page per file) with one plain layout and a stub \`<Cite>\`, plus a Pagefind index through the same Node API.
4. **Measures.** For each build: wall time; CPU time (user + sys) and peak memory of the whole process tree (RSS of the process group and all descendants, summed, sampled every 100 ms from /proc); pages per second; output size, per entry and by kind of file (entry pages in each language, history pages, Open Graph cards, per-entry JSON, whole-wiki exports, feeds, search index, version source copies, other); median and 95th-percentile entry page size. For the wiki: \`scripts/test/serve.ts\` serves the output, Playwright Chromium opens /search/ (/ar/search/ for Arabic queries), runs a warm-up query, then types 20 queries at 100 ms per key and records, from the last keystroke, the time to the first results for that query on screen (the entries whose names it starts, shown while the full text is searched, or the full results when they come first) and the time to the full-text results (median and 95th percentile of each; runs before 2026-12-01 22:00 measured only the full results, as \`results\`), and the bytes fetched per query (Playwright request events, which include Pagefind's worker; the server sends no-store).
5. **Report.** One dated section per series, with a column per size, opens the Results below; earlier runs are kept under it, condensed to their headline rows, each with its data in a \`bench-json\` comment. \`--reformat\` redraws this file in that layout without running anything. Build logs and memory timelines are kept in \`.cache/bench/logs/\`. \`--profile\` writes a V8 CPU profile of the wiki build (\`tsx scripts/bench/profile-summary.ts <dir>\` summarises it).

It exits 1 only when the corpus check or a build fails (with \`--strict\`, also when search cannot be measured in Chromium or a query finds nothing), never for a missed target. CI runs \`npm run bench:smoke\` (300 entries, \`--no-write --strict\`) after \`npm test\`.

**Noise.** The reference machine has 2 cores and is shared with other people's builds (load average up to 14 during this work). Each run records the load average before and after; CPU time is much less sensitive to load than wall time, so compare CPU times when loads differ.

**Targets** (issue 20: 20,000 entries, 2 cores; checked at every size): wiki build ≤ ${TARGETS.ratio}× the bare baseline's wall time and ≤ ${TARGETS.peakBytes / 1024 ** 3} GB peak memory; output ≤ ${TARGETS.outputPerEntry / 1024} KB per entry on average (20,000 entries in 1 GB), every feature kept; seconds per entry no higher than at ${num(TARGETS.baseEntries)} entries; search results ≤ ${TARGETS.searchMedianMs} ms (median) and ≤ ${TARGETS.searchP95Ms} ms (95th percentile) after the last keystroke, ≤ ${TARGETS.searchBytes / 1024} KB fetched per query.

## Results
`;

const EARLIER = `## Earlier runs

Condensed to their headline rows, newest first; each keeps its full data in a \`bench-json\` comment.`;

/** The \`### \` sections of the results part, in file order (the "Earlier runs" heading and its note dropped). */
function splitSections(results: string): string[] {
  const sections: string[][] = [];
  let inSection = false;
  for (const line of results.split('\n')) {
    if (line.startsWith('### ')) {
      sections.push([line]);
      inSection = true;
    } else if (line.startsWith('## ')) inSection = false;
    else if (inSection) sections.at(-1)!.push(line);
  }
  return sections.map((lines) => lines.join('\n').trimEnd());
}

/** When a section's runs were made: its first run's date, else its heading's. */
function sectionDate(section: string): string {
  return recordsIn(section)[0]?.date ?? /^### (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/.exec(section)?.slice(1, 3).join('T') ?? '';
}

/**
 * BENCHMARKS.md in its layout: the current header, the newest section in
 * full, every earlier one condensed (newest first), a "## Findings" part last.
 * `section`, when given, is a new run's.
 */
export function arrangeBenchmarks(existing: string | undefined, section?: string): string {
  const text = existing ?? HEADER;
  const resultsAt = text.indexOf('## Results');
  const afterHeader = resultsAt >= 0 ? text.slice(resultsAt + '## Results'.length) : '';
  const findingsAt = afterHeader.indexOf('\n## Findings');
  const [results, findings] = findingsAt >= 0 ? [afterHeader.slice(0, findingsAt), afterHeader.slice(findingsAt).trim()] : [afterHeader, ''];
  const sections = [...splitSections(results), ...(section ? [section.trimEnd()] : [])];
  const ordered = sections.map((s, i) => ({ s, i, date: sectionDate(s) })).sort((a, b) => b.date.localeCompare(a.date) || b.i - a.i);
  const [latest, ...earlier] = ordered.map((o) => o.s);
  const parts = [HEADER.trimEnd(), ...(latest ? [latest] : []), ...(earlier.length ? [EARLIER, ...earlier.map(condenseSection)] : []), ...(findings ? [findings] : [])];
  return `${parts.join('\n\n')}\n`;
}

/** Add a series' section to a BENCHMARKS.md file (created when missing). */
export function appendSection(file: string, section: string): void {
  writeFileSync(file, arrangeBenchmarks(existsSync(file) ? readFileSync(file, 'utf8') : undefined, section));
}

/** Redraw a BENCHMARKS.md file in the current layout, adding nothing. */
export function reformatBenchmarks(file: string): void {
  if (existsSync(file)) writeFileSync(file, arrangeBenchmarks(readFileSync(file, 'utf8')));
}
