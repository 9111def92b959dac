/**
 * The benchmark's report (scripts/bench/report.ts): a series of runs as one
 * section with a column per size, the targets checked per size, the output
 * classified by kind of file, and BENCHMARKS.md kept in order (the latest
 * series in full, earlier runs condensed, their data kept, findings last).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSizes } from '../../scripts/bench/bench-size';
import { OUTPUT_KINDS, outputBreakdown, outputKind, type OutputKind } from '../../scripts/bench/measure';
import { appendSection, arrangeBenchmarks, condenseSection, formatSeries, HEADER, readRecords, targetChecks, type BenchRecord, type BuildStats } from '../../scripts/bench/report';

const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KB = 1024;
const MB = 1024 * KB;

function build(overrides: Partial<BuildStats> = {}): BuildStats {
  return { ok: true, wallMs: 10_000, cpuMs: 15_000, peakRss: 1000 * MB, pages: 2000, distBytes: 40 * MB, pagefindBytes: 4 * MB, entryPages: 2000, entryMedian: 20 * KB, entryP95: 30 * KB, ...overrides };
}

/** A run of `entries` entries whose wiki build takes `msPerEntry` per entry and 1.1× the bare baseline. */
function run(entries: number, overrides: Partial<BenchRecord> = {}, msPerEntry = 20): BenchRecord {
  const wallMs = entries * msPerEntry;
  return {
    date: '2026-12-02T10:00:00.000Z',
    entries,
    seed: 1,
    files: Math.round(entries * 1.3),
    translations: Math.round(entries * 0.3),
    corpusBytes: entries * 3 * KB,
    machine: { cpu: 'Test CPU', cores: 2, ramBytes: 16 * 1024 * MB },
    node: 'v24.0.0',
    commit: 'abc1234',
    loadBefore: [1, 1, 1],
    loadAfter: [2, 2, 2],
    validateMs: 1000,
    wiki: build({ wallMs, cpuMs: wallMs * 1.5, distBytes: entries * 40 * KB }),
    bare: build({ wallMs: wallMs / 1.1, cpuMs: wallMs, distBytes: entries * 3 * KB }),
    search: { mode: 'ui', typeDelayMs: 100, queries: 20, withResults: 20, medianMs: 80, p95Ms: 200, medianBytes: 100 * KB, maxBytes: 200 * KB },
    history: { commits: 5, versions: entries * 3 },
    env: {},
    ...overrides,
  };
}

describe('--entries: one size or a series', () => {
  it.each([
    ['300', [300]],
    ['150,300', [150, 300]],
    [' 1000, 10000 ,20000', [1000, 10_000, 20_000]],
  ])('%j runs %j', (value, sizes) => {
    expect(parseSizes(value)).toEqual(sizes);
  });

  it.each(['', '1000,', 'a thousand', '4', '1000,2.5', '1000;10000'])('%j is refused with an example of what to write', (value) => {
    expect(parseSizes(value)).toBe(`--entries takes one size or a comma-separated series of sizes, each a whole number of at least 5 (for example --entries 1000,10000,20000); got "${value}"`);
  });
});

describe('output files by kind', () => {
  const entries = new Set(['companies/palantir', 'people/jane-doe', 'events/raid']);
  it.each<[string, OutputKind]>([
    ['companies/palantir/index.html', 'entryEn'],
    ['people/jane-doe/index.html', 'entryEn'],
    ['ar/companies/palantir/index.html', 'entryAr'],
    ['companies/palantir/history/index.html', 'history'],
    ['ar/events/raid/history/index.html', 'history'],
    ['companies/palantir/history/0123456789ab.txt', 'versionSources'],
    ['companies/palantir/history/0123456789ab.ar.txt', 'versionSources'],
    ['og/companies/palantir.png', 'og'],
    ['og/ar/companies/palantir.png', 'og'],
    ['api/v1/companies/palantir.json', 'entryJson'],
    ['api/v1/sources/report.json', 'entryJson'],
    ['api/v1/entries.json', 'exports'],
    ['api/v1/ftm.jsonl', 'exports'],
    ['api/v1/contracts.csv', 'exports'],
    ['api/v1/changes.json', 'exports'],
    ['api/v1/changes/0123456789ab.json', 'exports'],
    ['api/v1/schema/companies.json', 'exports'],
    ['feed.xml', 'feeds'],
    ['ar/feed.xml', 'feeds'],
    ['companies/feed.xml', 'feeds'],
    ['companies/palantir/feed.xml', 'feeds'],
    ['sitemap.xml', 'feeds'],
    ['pagefind/pagefind.js', 'search'],
    ['pagefind/shard-1/index/en_1.pf_index', 'search'],
    ['index.html', 'other'],
    ['companies/index.html', 'other'],
    ['ar/search/index.html', 'other'],
    ['search/names/70.json', 'other'],
    ['_astro/site.css', 'other'],
    ['widgets/thing/index.html', 'other'],
    // A renamed entry's redirect and a removed entry's notice are pages at an address that is no entry's.
    ['companies/palantir-former/index.html', 'other'],
    ['ar/companies/palantir-former/index.html', 'other'],
  ])('%s is counted as %s', (path, kind) => {
    expect(outputKind(path, entries)).toBe(kind);
  });

  it('adds up files and bytes per kind, every kind listed', () => {
    const breakdown = outputBreakdown([
      { path: 'companies/a/index.html', size: 100 },
      { path: 'companies/b/index.html', size: 50 },
      { path: 'og/companies/a.png', size: 20 },
      { path: 'index.html', size: 7 },
    ], new Set(['companies/a', 'companies/b']));
    expect(Object.keys(breakdown)).toEqual([...OUTPUT_KINDS]);
    expect(breakdown.entryEn).toEqual({ files: 2, bytes: 150 });
    expect(breakdown.og).toEqual({ files: 1, bytes: 20 });
    expect(breakdown.other).toEqual({ files: 1, bytes: 7 });
    expect(breakdown.search).toEqual({ files: 0, bytes: 0 });
  });
});

describe('targets, per size', () => {
  const base = run(1000, { date: '2026-12-01T09:00:00.000Z' });
  /** Each row: a run, the target's label, met (true/false, undefined = checked but not decidable, 'absent' = not applicable). */
  it.each<[string, BenchRecord, BenchRecord[], string, boolean | undefined | 'absent']>([
    ['build at 1.1× bare', run(20_000), [], 'build ≤ 1.2× bare (wall)', true],
    ['build at 1.25× bare', run(20_000, { bare: build({ wallMs: 20_000 * 20 / 1.25 }) }), [], 'build ≤ 1.2× bare (wall)', false],
    ['no bare baseline', run(20_000, { bare: undefined }), [], 'build ≤ 1.2× bare (wall)', 'absent'],
    ['peak of 7.9 GB', run(20_000, { wiki: build({ peakRss: 7.9 * 1024 * MB }) }), [], 'peak memory ≤ 8 GB', true],
    ['peak of 8.1 GB', run(20_000, { wiki: build({ peakRss: 8.1 * 1024 * MB }) }), [], 'peak memory ≤ 8 GB', false],
    ['40 KB per entry', run(20_000), [], 'output ≤ 50 KB per entry', true],
    ['51 KB per entry', run(20_000, { wiki: build({ distBytes: 20_000 * 51 * KB }) }), [], 'output ≤ 50 KB per entry', false],
    ['s/entry as at 1,000', run(20_000), [base], 's/entry ≤ at 1,000', true],
    ['s/entry above the 1,000 run', run(20_000, {}, 21), [base], 's/entry ≤ at 1,000', false],
    ['a 1,000 run on another machine only', run(20_000), [{ ...base, machine: { ...base.machine, cpu: 'Other' } }], 's/entry ≤ at 1,000', undefined],
    ['the 1,000 run itself', base, [], 's/entry ≤ at 1,000', 'absent'],
    ['search median 100 ms', run(20_000, { search: { ...run(1).search!, medianMs: 100 } }), [], 'search ≤ 100 ms (median)', true],
    ['search median 101 ms', run(20_000, { search: { ...run(1).search!, medianMs: 101 } }), [], 'search ≤ 100 ms (median)', false],
    ['search p95 251 ms', run(20_000, { search: { ...run(1).search!, p95Ms: 251 } }), [], 'search ≤ 250 ms (95th percentile)', false],
    ['a query of 301 KB', run(20_000, { search: { ...run(1).search!, maxBytes: 301 * KB } }), [], 'search ≤ 300 KB per query (max)', false],
    ['search not measured', run(20_000, { search: undefined }), [], 'search ≤ 100 ms (median)', 'absent'],
  ])('%s', (_, r, others, label, met) => {
    const check = targetChecks(r, others).find((c) => c.label === label);
    if (met === 'absent') expect(check).toBeUndefined();
    else expect(check?.met).toBe(met);
  });

  it('compares seconds per entry with the 1,000 run of the same series before an older one', () => {
    const older = run(1000, { date: '2026-11-01T09:00:00.000Z' }, 30);
    const inSeries = run(1000, { date: '2026-12-02T09:00:00.000Z' }, 19);
    const check = targetChecks(run(20_000), [older, inSeries]).find((c) => c.label.startsWith('s/entry'));
    expect(check?.met).toBe(false);
    expect(check?.detail).toContain('run of 2026-12-02 09:00');
  });
});

/** The cells of the table row whose label is `label`. */
function rowCells(section: string, label: string): string[] | undefined {
  const line = section.split('\n').find((l) => l.startsWith(`| ${label} |`));
  return line?.split('|').slice(2, -1).map((c) => c.trim());
}

describe('a series as one section', () => {
  const series = [run(1000), run(10_000, { history: { commits: 5, versions: 30_000, withoutMs: 190_000, withoutCpuMs: 280_000 } }), run(20_000)];
  const section = formatSeries(series, []);

  it('has a column per size, in the order run', () => {
    expect(section).toContain('| Entries | 1,000 | 10,000 | 20,000 |');
    expect(section.split('\n', 1)[0]).toBe('### 2026-12-02 10:00 UTC · 1,000 / 10,000 / 20,000 entries');
    expect(rowCells(section, 'Wall time')).toEqual(['20.0 s', '200.0 s', '400.0 s']);
    expect(rowCells(section, 'Wall time, wiki / bare')).toEqual(['1.10×', '1.10×', '1.10×']);
    expect(rowCells(section, 'Seconds per entry (wall)')).toEqual(['20.00 ms', '20.00 ms', '20.00 ms']);
    expect(rowCells(section, 'Output per entry')).toEqual(['40.0 KB', '40.0 KB', '40.0 KB']);
    expect(rowCells(section, 'Search: last keystroke → results, 95th percentile')).toEqual(['200 ms', '200 ms', '200 ms']);
    expect(rowCells(section, 'Search: bytes fetched per query, median / max')).toEqual(['100.0 KB / 200.0 KB', '100.0 KB / 200.0 KB', '100.0 KB / 200.0 KB']);
  });

  it('shows the history cost where it was measured', () => {
    expect(rowCells(section, 'History cost (build without it; history adds)')).toEqual(['–', '190.0 s; +5.3% wall, +7.1% CPU', '–']);
  });

  it('checks the targets per size', () => {
    expect(rowCells(section, 's/entry ≤ at 1,000')).toEqual(['–', expect.stringMatching(/^✓ 20\.00 ms vs 20\.00 ms/), expect.stringMatching(/^✓ /)]);
    expect(rowCells(section, 'output ≤ 50 KB per entry')).toEqual(['✓ 40.0 KB', '✓ 40.0 KB', '✓ 40.0 KB']);
  });

  it('keeps every run as data', () => {
    const file = join(dir, 'series.md');
    writeFileSync(file, section);
    expect(readRecords(file)).toEqual(series);
  });

  it('leaves out rows no run has: no baseline, no search, no history cost, no breakdown', () => {
    const single = formatSeries([run(300, { bare: undefined, search: undefined })], []);
    expect(single).toContain('| Entries | 300 |');
    expect(rowCells(single, 'Wall time')).toEqual(['6.0 s']);
    for (const label of ['Wall time, bare baseline', 'Search: last keystroke → results, median', 'History cost (build without it; history adds)', 'English entry pages', 'build ≤ 1.2× bare (wall)']) {
      expect(rowCells(single, label), label).toBeUndefined();
    }
    expect(single).not.toContain('Output by kind');
  });

  it('reports the output by kind, per size and per entry', () => {
    const output = outputBreakdown([
      { path: 'companies/a/index.html', size: 30 * KB },
      { path: 'ar/companies/a/index.html', size: 20 * KB },
      { path: 'og/companies/a.png', size: 10 * MB },
    ], new Set(['companies/a']));
    const r = run(1000, { wiki: { ...run(1000).wiki, output } });
    const text = formatSeries([r], []);
    expect(rowCells(text, 'English entry pages')).toEqual(['30.0 KB · 1 file · 0.0 KB per entry']);
    expect(rowCells(text, 'Open Graph cards (og/)')).toEqual(['10.0 MB · 1 file · 10.2 KB per entry']);
    expect(rowCells(text, 'Search index (pagefind/)')).toEqual(['0.0 KB · 0 files · 0.0 KB per entry']);
  });
});

describe('condensed sections', () => {
  const full = formatSeries([run(1000), run(10_000)], []);

  it('keep the heading, the headline rows and the data, and are shorter', () => {
    const short = condenseSection(full);
    expect(short.split('\n', 1)[0]).toBe(full.split('\n', 1)[0]);
    expect(rowCells(short, 'Wall time')).toEqual(rowCells(full, 'Wall time'));
    expect(rowCells(short, 'Output per entry')).toEqual(rowCells(full, 'Output per entry'));
    expect(rowCells(short, 'Search: last keystroke → results, 95th percentile')).toEqual(rowCells(full, 'Search: last keystroke → results, 95th percentile'));
    expect(rowCells(short, 'Pages (HTML files)')).toBeUndefined();
    expect(rowCells(short, 'build ≤ 1.2× bare (wall)')).toBeUndefined();
    expect(short.match(/<!-- bench-json /g)).toHaveLength(2);
    expect(short.split('\n').length).toBeLessThan(full.split('\n').length / 2);
  });

  it('do not change when condensed again', () => {
    expect(condenseSection(condenseSection(full))).toBe(condenseSection(full));
  });

  it('are kept as they are when they hold no data (hand-written)', () => {
    expect(condenseSection('### A note\n\nWritten by hand.\n')).toBe('### A note\n\nWritten by hand.');
  });
});

describe('BENCHMARKS.md', () => {
  const at = (date: string, entries: number) => formatSeries([run(entries, { date })], []);
  const oldest = at('2026-11-01T10:00:00.000Z', 1000);
  const middle = at('2026-11-15T10:00:00.000Z', 10_000);
  const newest = at('2026-12-02T10:00:00.000Z', 20_000);
  const findings = '## Findings\n\n### Why\n\nOG images dominated.';
  /** The file as it was before this layout: the header of the time, runs oldest first, findings last. */
  const chronological = `# Benchmarks\n\nOld method text.\n\n## Results\n\n${oldest}\n${middle}\n${findings}\n`;

  it('a new file gets the header, then the section', () => {
    const file = join(dir, 'new.md');
    appendSection(file, newest);
    expect(readFileSync(file, 'utf8')).toBe(`${HEADER.trimEnd()}\n\n${newest.trimEnd()}\n`);
  });

  it('opens with the newest series in full; earlier runs follow condensed, newest first, their data kept; findings last', () => {
    const file = join(dir, 'old.md');
    writeFileSync(file, chronological);
    const before = readRecords(file);
    appendSection(file, newest);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(HEADER.trimEnd())).toBe(true);
    expect(text).not.toContain('Old method text');
    expect(text.match(/^## Results$/gm)).toHaveLength(1);
    expect(text.indexOf(`## Results\n\n${newest.trimEnd()}\n\n## Earlier runs`)).toBeGreaterThan(0);
    expect(text.indexOf(condenseSection(middle))).toBeGreaterThan(text.indexOf('## Earlier runs'));
    expect(text.indexOf(condenseSection(oldest))).toBeGreaterThan(text.indexOf(condenseSection(middle)));
    expect(text.indexOf('## Findings')).toBeGreaterThan(text.indexOf(condenseSection(oldest)));
    expect(text.trimEnd().endsWith('OG images dominated.')).toBe(true);
    expect(readRecords(file)).toEqual([...before, run(20_000, { date: '2026-12-02T10:00:00.000Z' })]);
  });

  it('redrawn without a new run: the newest recorded section stays in full, and redrawing again changes nothing', () => {
    const once = arrangeBenchmarks(chronological);
    expect(once).toContain(`## Results\n\n${middle.trimEnd()}\n\n## Earlier runs`);
    expect(once).toContain(condenseSection(oldest));
    expect(once).not.toContain(oldest.trimEnd());
    expect(arrangeBenchmarks(once)).toBe(once);
  });

  it('keeps hand-written sections without data in their place by position', () => {
    const text = arrangeBenchmarks(`${HEADER}\n### run 1\n\nNotes.\n`, '### run 2\n');
    expect(text.indexOf('### run 2')).toBeLessThan(text.indexOf('### run 1'));
    expect(text).toContain('### run 1\n\nNotes.');
  });
});
