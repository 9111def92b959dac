/**
 * Formats a benchmark run as a dated Markdown section and appends it to
 * BENCHMARKS.md (earlier sections are kept). Each section ends with the run's
 * data as an HTML comment (`<!-- bench-json ... -->`), so later runs can
 * compare against earlier ones (seconds per entry at 10,000 vs 1,000).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

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
}

export interface SearchStats {
  mode: 'ui' | 'api';
  note?: string;
  typeDelayMs: number;
  queries: number;
  withResults: number;
  medianMs: number;
  p95Ms: number;
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

export const TARGETS = {
  ratio: 1.5,
  peakBytes: 4 * 1024 ** 3,
  searchMs: 150,
  searchBytes: 300 * 1024,
};

const MB = 1024 * 1024;
const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmtMB = (b: number) => `${(b / MB).toFixed(0)} MB`;
const fmtKB = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const num = (n: number) => n.toLocaleString('en-GB');
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '–');

export function secondsPerEntry(r: BenchRecord): number {
  return r.wiki.wallMs / 1000 / r.entries;
}

/** Earlier runs recorded in BENCHMARKS.md. */
export function readRecords(file: string): BenchRecord[] {
  if (!existsSync(file)) return [];
  const out: BenchRecord[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(/<!-- bench-json (.*?) -->/g)) {
    try {
      out.push(JSON.parse(m[1]!) as BenchRecord);
    } catch {
      /* a hand-edited line; skip it */
    }
  }
  return out;
}

/** Target checks: [label, met?] (undefined = not applicable to this run). */
export function targetChecks(r: BenchRecord, previous: BenchRecord[]): { label: string; met: boolean | undefined; detail: string }[] {
  const checks: { label: string; met: boolean | undefined; detail: string }[] = [];
  if (r.bare?.ok && r.wiki.ok) {
    const x = r.wiki.wallMs / r.bare.wallMs;
    const cpu = r.bare.cpuMs ? ` wall, ${(r.wiki.cpuMs / r.bare.cpuMs).toFixed(2)}× CPU` : '';
    checks.push({ label: `build time ≤ ${TARGETS.ratio}× bare`, met: x <= TARGETS.ratio, detail: `${x.toFixed(2)}×${cpu}` });
  }
  checks.push({ label: 'peak memory ≤ 4 GB', met: r.wiki.peakRss <= TARGETS.peakBytes, detail: fmtMB(r.wiki.peakRss) });
  if (r.entries >= 10_000) {
    const base = [...previous].reverse().find((p) => p.entries === 1000 && p.machine.cpu === r.machine.cpu && p.wiki.ok);
    if (base) {
      const a = secondsPerEntry(r);
      const b = secondsPerEntry(base);
      const cpu = base.wiki.cpuMs ? `; CPU ${(r.wiki.cpuMs / r.entries).toFixed(2)} ms vs ${(base.wiki.cpuMs / base.entries).toFixed(2)} ms` : '';
      checks.push({ label: 's/entry at 10,000 ≤ at 1,000', met: a <= b, detail: `${(a * 1000).toFixed(2)} ms vs ${(b * 1000).toFixed(2)} ms wall${cpu} (run of ${base.date.slice(0, 16)})` });
    } else {
      checks.push({ label: 's/entry at 10,000 ≤ at 1,000', met: undefined, detail: 'no 1,000-entry run on this machine to compare with' });
    }
  }
  if (r.search) {
    checks.push({ label: `search ≤ ${TARGETS.searchMs} ms (median)`, met: r.search.medianMs <= TARGETS.searchMs, detail: `${r.search.medianMs.toFixed(0)} ms` });
    checks.push({ label: 'search ≤ 300 KB per query (max)', met: r.search.maxBytes <= TARGETS.searchBytes, detail: fmtKB(r.search.maxBytes) });
  }
  return checks;
}

export function formatSection(r: BenchRecord, previous: BenchRecord[]): string {
  const w = r.wiki;
  const b = r.bare;
  const row = (label: string, wiki: string, bare: string, x: string) => `| ${label} | ${wiki} | ${bare} | ${x} |`;
  const pps = (s: BuildStats) => s.pages / (s.wallMs / 1000);
  const lines = [
    `### ${r.date.slice(0, 16).replace('T', ' ')} UTC · ${num(r.entries)} entries${r.env && Object.keys(r.env).length ? ` · ${Object.entries(r.env).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}${r.label ? ` · ${r.label}` : ''}`,
    '',
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${(r.machine.ramBytes / 1024 ** 3).toFixed(1)} GiB RAM · Node ${r.node} · commit ${r.commit} · seed ${r.seed}  `,
    `Corpus: ${num(r.files)} files (${num(r.entries)} entries + ${num(r.translations)} Arabic translations), ${fmtMB(r.corpusBytes)} · content check ${fmtS(r.validateMs)}  `,
    `Load average (1/5/15 min): ${r.loadBefore.map((x) => x.toFixed(2)).join(' / ')} before, ${r.loadAfter.map((x) => x.toFixed(2)).join(' / ')} after`,
    '',
    '| Metric | Wiki | Bare baseline | Wiki / bare |',
    '|---|---:|---:|---:|',
    row('Build', w.ok ? 'ok' : '**FAILED**', b ? (b.ok ? 'ok' : '**FAILED**') : 'not run', ''),
    row('Wall time', fmtS(w.wallMs), b ? fmtS(b.wallMs) : '–', ratio(w.wallMs, b?.wallMs)),
    row('CPU time (user + sys, process tree)', fmtS(w.cpuMs), b ? fmtS(b.cpuMs) : '–', ratio(w.cpuMs, b?.cpuMs)),
    row('Peak memory (process tree RSS)', fmtMB(w.peakRss), b ? fmtMB(b.peakRss) : '–', ratio(w.peakRss, b?.peakRss)),
    row('Pages (HTML files)', num(w.pages), b ? num(b.pages) : '–', ratio(w.pages, b?.pages)),
    row('Pages per second', pps(w).toFixed(1), b ? pps(b).toFixed(1) : '–', ratio(pps(w), b ? pps(b) : undefined)),
    row('Seconds per entry', `${(secondsPerEntry(r) * 1000).toFixed(2)} ms`, b ? `${(b.wallMs / r.entries).toFixed(2)} ms` : '–', ratio(w.wallMs, b?.wallMs)),
    row('Size of output dir', fmtMB(w.distBytes), b ? fmtMB(b.distBytes) : '–', ratio(w.distBytes, b?.distBytes)),
    row('… of which Pagefind index', fmtMB(w.pagefindBytes), b ? fmtMB(b.pagefindBytes) : '–', ratio(w.pagefindBytes, b?.pagefindBytes)),
    row('Entry page size, median', fmtKB(w.entryMedian), b ? fmtKB(b.entryMedian) : '–', ratio(w.entryMedian, b?.entryMedian)),
    row('Entry page size, 95th percentile', fmtKB(w.entryP95), b ? fmtKB(b.entryP95) : '–', ratio(w.entryP95, b?.entryP95)),
  ];
  const s = r.search;
  if (s) {
    lines.push(
      row(`Search: last keystroke → results, median of ${s.withResults}${s.mode === 'api' ? ' (Pagefind API)' : ''}`, `${s.medianMs.toFixed(0)} ms`, '–', ''),
      row('Search: last keystroke → results, 95th percentile', `${s.p95Ms.toFixed(0)} ms`, '–', ''),
      row('Search: bytes fetched per query, median / max', `${fmtKB(s.medianBytes)} / ${fmtKB(s.maxBytes)}`, '–', ''),
    );
  } else {
    lines.push(row('Search', 'not measured', '–', ''));
  }
  const h = r.history;
  if (h?.withoutMs) {
    lines.push(row(`History (${num(h.versions)} versions in ${h.commits} commits): build without it`, fmtS(h.withoutMs), '–', `history adds ${(((w.wallMs - h.withoutMs) / h.withoutMs) * 100).toFixed(1)}% wall, ${h.withoutCpuMs ? (((w.cpuMs - h.withoutCpuMs) / h.withoutCpuMs) * 100).toFixed(1) : '?'}% CPU`));
  } else if (h) {
    lines.push(row('History', `${num(h.versions)} versions in ${h.commits} commits`, '–', ''));
  }
  lines.push('');
  if (s) {
    lines.push(
      s.mode === 'ui'
        ? `Search measured on /search/ and /ar/search/ in Chromium, typing at ${s.typeDelayMs} ms per key; ${s.withResults} of ${s.queries} queries had results.`
        : `Search measured with the Pagefind JS API (search plus the first 5 results' data): ${s.note ?? 'no search page'}; ${s.withResults} of ${s.queries} queries had results.`,
      '',
    );
  }
  const checks = targetChecks(r, previous);
  lines.push(`Targets: ${checks.map((c) => `${c.met === undefined ? '·' : c.met ? '✓' : '✗'} ${c.label} (${c.detail})`).join('; ')}.`, '');
  lines.push(`<!-- bench-json ${JSON.stringify(r)} -->`, '');
  return lines.join('\n');
}

export const HEADER = `# Benchmarks

## Benchmark

\`npm run bench -- --entries N\` (default 1000; \`--help\` lists the options) compares a full build of the wiki with a bare Astro baseline:

1. **Corpus.** \`scripts/bench/corpus.ts\` generates N entries from a fixed seed (15% companies, 10% agencies, 25% contracts, 35% events, 15% sources; buyers, suppliers, parents, involved, body links, \`<Cite>\` and front-matter sources, partial dates, money, tags, bodies with headings, ~30% Arabic translations) under \`.cache/bench/run-*\` (never \`content/\`) and checks it with the project's content check.
2. **Wiki.** \`WIKI_CONTENT_DIR=<tmp>/content WIKI_OUT_DIR=<tmp>/wiki-dist astro build\`, run in a snapshot of the project (\`src\`, \`public\`, config) so that other builds of this checkout cannot disturb it (see Findings); content check, OG images and Pagefind included.
3. **Baseline.** \`scripts/bench/bare.ts\`: a bare Astro site rendering the same MDX files (one page per file) with one plain layout and a stub \`<Cite>\`, plus a Pagefind index through the same Node API.
4. **Measures.** For each build: wall time; CPU time (user + sys) and peak memory of the whole process tree (RSS of the process group and all descendants, summed, sampled every 100 ms from /proc); pages per second; output size; median and 95th-percentile entry page size. For the wiki: \`scripts/test/serve.ts\` serves the output, Playwright Chromium opens /search/ (/ar/search/ for Arabic queries), runs a warm-up query, then types 20 queries at 100 ms per key and records the time from the last keystroke to the final result list on screen (median) and the bytes fetched per query (Playwright request events, which include Pagefind's worker; the server sends no-store).
5. **Report.** A dated section is appended below under Results (earlier ones are kept); build logs and memory timelines are kept in \`.cache/bench/logs/\`. \`--profile\` writes a V8 CPU profile of the wiki build (\`tsx scripts/bench/profile-summary.ts <dir>\` summarises it).

It exits 1 only when the corpus check or a build fails (with \`--strict\`, also when search cannot be measured in Chromium or a query finds nothing), never for a missed target. CI runs \`npm run bench:smoke\` (300 entries, \`--no-write --strict\`) after \`npm test\`.

**Noise.** The reference machine has 2 cores and is shared with other people's builds (load average up to 14 during this work). Each section records the load average before and after; CPU time is much less sensitive to load than wall time, so compare CPU times when loads differ.

**Targets** (10,000 entries, 2 cores): wiki build ≤ 1.5× the bare baseline's time and ≤ 4 GB peak memory; seconds per entry at 10,000 ≤ at 1,000; search results ≤ 150 ms after the last keystroke and ≤ 300 KB fetched per query.

## Results
`;

export function appendSection(file: string, section: string): void {
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  // The header (method and targets) is always the current one; results are
  // kept, and a hand-written "## Findings" part stays last.
  const results = existing.indexOf('## Results');
  const base = results >= 0 ? `${HEADER.trimEnd()}${existing.slice(results + '## Results'.length)}` : `${existing.trimEnd()}\n\n${HEADER}`;
  const findingsAt = base.indexOf('\n## Findings');
  const [before, findings] = findingsAt >= 0 ? [base.slice(0, findingsAt), base.slice(findingsAt)] : [base, ''];
  writeFileSync(file, `${before.trimEnd()}\n\n${section.trimEnd()}\n${findings ? `\n${findings.trim()}\n` : ''}`);
}
