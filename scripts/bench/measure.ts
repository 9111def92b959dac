/**
 * Runs a command as the leader of its own process group and measures it: wall
 * time, and peak memory of the whole process tree (every ~100 ms the RSS of the
 * group's processes and of every descendant is summed; the maximum is kept).
 * Linux only (reads /proc).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { COLLECTIONS } from '../../src/lib/isomorphic/collections';

const PAGE_SIZE = (() => {
  const out = spawnSync('getconf', ['PAGESIZE'], { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 4096;
})();

const CLK_TCK = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

interface ProcInfo {
  pid: number;
  /** Executable name (from /proc/<pid>/stat), e.g. "node", "pagefind". */
  comm: string;
  ppid: number;
  pgrp: number;
  rss: number;
  /** user + system CPU time so far, in ms. */
  cpuMs: number;
}

function readProcs(): ProcInfo[] {
  const out: ProcInfo[] = [];
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const name of names) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue; // the process ended between readdir and read
    }
    // "pid (comm) state ppid pgrp ... rss(24th field)"; comm may contain spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.push({
      pid: Number(name),
      comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      ppid: Number(fields[1]),
      pgrp: Number(fields[2]),
      rss: Number(fields[21]) * PAGE_SIZE,
      cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK,
    });
  }
  return out;
}

/** Summed RSS (bytes) of the process group led by `leader` plus all descendants of `leader`, with each one's CPU time. */
export function treeRss(leader: number): { rss: number; processes: number; cpu: Map<number, number>; byComm: Record<string, number> } {
  const procs = readProcs();
  const children = new Map<number, ProcInfo[]>();
  for (const p of procs) (children.get(p.ppid) ?? children.set(p.ppid, []).get(p.ppid)!).push(p);
  const inTree = new Set<number>();
  const cpu = new Map<number, number>();
  const byComm: Record<string, number> = {};
  let rss = 0;
  const add = (p: ProcInfo) => {
    if (inTree.has(p.pid)) return;
    inTree.add(p.pid);
    rss += p.rss;
    byComm[p.comm] = (byComm[p.comm] ?? 0) + p.rss;
    cpu.set(p.pid, p.cpuMs);
    for (const child of children.get(p.pid) ?? []) add(child);
  };
  for (const p of procs) if (p.pid === leader || p.pgrp === leader) add(p);
  return { rss, processes: inTree.size, cpu, byComm };
}

export interface Measured {
  /** Exit status (null when killed by a signal). */
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  peakRss: number;
  peakProcesses: number;
  /** RSS by executable name at the peak, e.g. { node: ..., pagefind: ... }. */
  peakByComm: Record<string, number>;
  /** Seconds after start at which the peak was sampled. */
  peakAtS: number;
  /** Total RSS about once a second: [seconds after start, bytes]. */
  timeline: [number, number][];
  /**
   * CPU time (user + system, ms) of the tree: for every process seen, its last
   * sampled CPU time. Much less sensitive to other load than wall time.
   */
  cpuMs: number;
  /** The last lines of the combined output, for error reports. */
  tail: string[];
}

export interface MeasureOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Combined stdout and stderr are written here. */
  logFile: string;
  /** Echo output to this process's stdout as well. */
  echo?: boolean;
  intervalMs?: number;
}

const running = new Set<number>();
/** Stop every measured process group still running (on Ctrl-C). */
export function killRunning(): void {
  for (const pgid of running) {
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

export function measure(command: string, args: string[], options: MeasureOptions): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(options.logFile);
    const started = performance.now();
    // detached: the child leads a new process group, so its whole tree can be found (and stopped).
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      reject(new Error(`could not start ${command}`));
      return;
    }
    const leader = child.pid;
    running.add(leader);
    let peakRss = 0;
    let peakProcesses = 0;
    const cpuByPid = new Map<number, number>();
    let peakByComm: Record<string, number> = {};
    let peakAtS = 0;
    const timeline: [number, number][] = [];
    const sample = () => {
      const { rss, processes, cpu, byComm } = treeRss(leader);
      const t = (performance.now() - started) / 1000;
      if (rss > peakRss) {
        peakRss = rss;
        peakByComm = byComm;
        peakAtS = t;
      }
      if (!timeline.length || t - timeline.at(-1)![0] >= 1) timeline.push([Math.round(t * 10) / 10, rss]);
      if (processes > peakProcesses) peakProcesses = processes;
      for (const [pid, ms] of cpu) cpuByPid.set(pid, Math.max(ms, cpuByPid.get(pid) ?? 0));
    };
    const timer = setInterval(sample, options.intervalMs ?? 100);
    sample();
    let tail: string[] = [];
    let partial = '';
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      if (options.echo) process.stdout.write(chunk);
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      tail.push(...lines);
      if (tail.length > 400) tail = tail.slice(-200);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      clearInterval(timer);
      running.delete(leader);
      reject(error);
    });
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      running.delete(leader);
      if (partial) tail.push(partial);
      log.end();
      const cpuMs = [...cpuByPid.values()].reduce((a, b) => a + b, 0);
      resolve({ code, signal, wallMs, peakRss, peakProcesses, peakByComm, peakAtS, timeline, cpuMs, tail: tail.slice(-60) });
    });
  });
}

/** Every file under `dir` (recursive), with sizes. */
export function walkFiles(dir: string): { path: string; size: number }[] {
  const out: { path: string; size: number }[] = [];
  const visit = (d: string, rel: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(full, r);
      else if (entry.isFile()) out.push({ path: r, size: statSync(full).size });
    }
  };
  visit(dir, '');
  return out;
}

/** The q-quantile (0..1) of numbers, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The kinds of file a wiki build writes, in the order the report lists them. */
export const OUTPUT_KINDS = ['entryEn', 'entryAr', 'history', 'og', 'entryJson', 'exports', 'feeds', 'search', 'versionSources', 'other'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];
export type OutputBreakdown = Record<OutputKind, { files: number; bytes: number }>;

const collections = COLLECTIONS.join('|');
// "<collection>/<id>/" optionally under "ar/": where an entry's pages live.
const ENTRY_DIR = `^(?:ar/)?(?:${collections})/[^/]+/`;
const OUTPUT_RULES: [OutputKind, RegExp][] = [
  ['search', /^pagefind\//],
  ['og', /^og\//],
  ['entryJson', new RegExp(`^api/v1/(?:${collections})/[^/]+\\.json$`)],
  ['exports', /^api\/v1\//],
  ['feeds', /\.xml$/],
  ['versionSources', new RegExp(`${ENTRY_DIR}history/[^/]+\\.txt$`)],
  ['history', new RegExp(`${ENTRY_DIR}history/index\\.html$`)],
  ['entryAr', new RegExp(`^ar/(?:${collections})/[^/]+/index\\.html$`)],
  ['entryEn', new RegExp(`^(?:${collections})/[^/]+/index\\.html$`)],
];

/**
 * The kind of a file in the wiki's output, from its path relative to the
 * output dir ("ar/companies/x/index.html"). `entries`: the keys of the
 * entries ("companies/x"); a page at another entry-like address (a renamed
 * entry's redirect, a removed entry's notice) is "other".
 */
export function outputKind(path: string, entries: ReadonlySet<string>): OutputKind {
  const kind = OUTPUT_RULES.find(([, pattern]) => pattern.test(path))?.[0] ?? 'other';
  const isEntryPage = kind === 'entryEn' || kind === 'entryAr';
  return isEntryPage && !entries.has(path.replace(/^ar\//, '').replace(/\/index\.html$/, '')) ? 'other' : kind;
}

/** Files and bytes of each kind (see outputKind). */
export function outputBreakdown(files: readonly { path: string; size: number }[], entries: ReadonlySet<string>): OutputBreakdown {
  const out = Object.fromEntries(OUTPUT_KINDS.map((k) => [k, { files: 0, bytes: 0 }])) as OutputBreakdown;
  for (const f of files) {
    const kind = out[outputKind(f.path, entries)];
    kind.files++;
    kind.bytes += f.size;
  }
  return out;
}
