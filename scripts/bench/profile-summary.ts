/**
 * Summarises V8 CPU profiles (from `npm run bench -- --profile`, i.e.
 * NODE_OPTIONS=--cpu-prof): self time by function, by file and by package, and
 * inclusive time of the project's own functions.
 *
 *   npx tsx scripts/bench/profile-summary.ts <dir-or-file.cpuprofile> [--top N]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith('--'));
const top = Number(args[args.indexOf('--top') + 1]) || 25;
if (!target) {
  console.error('usage: tsx scripts/bench/profile-summary.ts <dir-or-file.cpuprofile> [--top N]');
  process.exit(2);
}
const files = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(target, f))
  : [target];

const short = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, 'node_modules/')
    .replace(/^.*?\/(src|scripts)\//, '$1/')
    .replace(/\.cache\/bench\/[^/]+\//, '<bench>/');
const pkg = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (!url) return '(native/idle/gc)';
  if (url.startsWith('node:')) return '(node core)';
  if (/\.prerender\/|\/chunks\//.test(url)) return '(bundled site code)';
  return short(url);
};

for (const file of files) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = (p.endTime - p.startTime) / 1000;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byPkg = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    add(byFn, `${f.functionName || '(anonymous)'} ${short(f.url)}:${f.lineNumber + 1}`, us);
    add(byFile, short(f.url) || `(${f.functionName})`, us);
    add(byPkg, pkg(f.url) === '(native/idle/gc)' ? `(${f.functionName})` : pkg(f.url), us);
  }
  // Inclusive time of project functions (src/, bundled chunks): self time of the subtree.
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!/\/src\/|\.prerender|\/chunks\//.test(f.url)) continue;
      const k = `${f.functionName || '(anonymous)'} ${short(f.url)}:${f.lineNumber + 1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      add(inclusive, k, us);
    }
  }
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n  ${title}`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${(us / 1000).toFixed(0).padStart(8)} ms ${((us / 1000 / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
    }
  };
  console.log(`\n=== ${file}: ${(total / 1000).toFixed(1)} s sampled`);
  print('self time by package', byPkg);
  print('self time by file', byFile);
  print('self time by function', byFn);
  print('inclusive time of site code (src/ and bundled chunks)', inclusive);
}
