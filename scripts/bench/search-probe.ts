/**
 * `npx tsx scripts/bench/search-probe.ts <kept run dir> [--only TEXT] [--seed S]`:
 * where a query's time goes, for each prefix the search page would search
 * while the benchmark types it. Through the Pagefind API in Chromium, with
 * the search page's options and shards: loading the index chunks (preload),
 * the search itself (Pagefind's own timings, per bundle), the round trip to
 * its worker, and loading the first results' fragments. A diagnostic for
 * choosing what to change, not a benchmark figure.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { SHARD_MANIFEST } from '../../src/lib/isomorphic/search-contract';
import { DEFAULT_SEED } from './corpus';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const dir = resolve(argv[0] ?? '.');
const siteDir = existsSync(join(dir, 'wiki-dist')) ? join(dir, 'wiki-dist') : dir;
const only = option('only');
const queriesFile = benchQueries(dir, Number(option('seed') ?? DEFAULT_SEED));

/** The benchmark's queries, as search-only.ts keeps them in the run dir. */
function benchQueries(d: string, seed: number): string[] {
  const file = join(d, `search-queries-${seed}.json`);
  if (!existsSync(file)) throw new Error(`no ${file}: run search-only.ts on this run dir first`);
  return JSON.parse(readFileSync(file, 'utf8')) as string[];
}

/** What the page searches after each keystroke (client/search.ts typingQuery). */
function prefixes(query: string): string[] {
  const out: string[] = [];
  for (let i = 1; i <= query.length; i++) {
    const words = query.slice(0, i).trim().split(/\s+/);
    if ([...(words.at(-1) ?? '')].length < 2) words.pop();
    const q = words.join(' ');
    if (q && q !== out.at(-1)) out.push(q);
  }
  return out;
}

const port = 4390 + Math.floor(Math.random() * 100);
const server = spawn(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'scripts/test/serve.ts'), siteDir, String(port), '/'], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((ok) => server.stdout!.on('data', (c: Buffer) => c.toString().includes('Serving') && ok()));
const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const locale of ['en', 'ar'] as const) {
    const page = await browser.newPage();
    let bytes = 0;
    page.on('requestfinished', (r) => void r.sizes().then((s) => (bytes += s.responseBodySize + s.responseHeadersSize)).catch(() => {}));
    await page.goto(`http://127.0.0.1:${port}${locale === 'ar' ? '/ar' : ''}/`);
    await page.evaluate(async (manifest) => {
      const pf = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
      const options = { baseUrl: '/', excerptLength: 24, ranking: { pageLength: 0.25, termSaturation: 1.2, metaWeights: { title: 5, aka: 10 } } };
      await pf.options(options);
      await pf.init();
      const { shards } = (await (await fetch(`/pagefind/${manifest}`)).json()) as { shards: string[] };
      await Promise.all(shards.map((s) => pf.mergeIndex(`/pagefind/${s}`, options)));
      await pf.filters();
      (window as unknown as { pf: unknown }).pf = pf;
    }, SHARD_MANIFEST);
    const arabic = /[\u0600-\u06ff]/;
    for (const query of queriesFile.filter((q) => arabic.test(q) === (locale === 'ar') && (!only || q.includes(only)))) {
      for (const q of prefixes(query)) {
        bytes = 0;
        const r = await page.evaluate(async (term) => {
          type Timings = { preload: number; search: number; total: number };
          const pf = (window as unknown as { pf: { preload: (q: string) => Promise<void>; search: (q: string, o: object) => Promise<{ results: { data: () => Promise<unknown> }[]; timings: Timings[] }> } }).pf;
          const t0 = performance.now();
          await pf.preload(term);
          const t1 = performance.now();
          const s = await pf.search(term, { verbose: false });
          const t2 = performance.now();
          await Promise.all(s.results.slice(0, 10).map((x) => x.data()));
          const t3 = performance.now();
          return { preload: t1 - t0, search: t2 - t1, inner: s.timings.map((t) => t.search), data: t3 - t2, results: s.results.length };
        }, q);
        await page.waitForTimeout(100);
        console.log(
          `${locale} ${JSON.stringify(q).padEnd(26)} ${String(r.results).padStart(5)} results  chunks ${r.preload.toFixed(0).padStart(4)} ms  search ${r.search.toFixed(0).padStart(4)} ms (wasm ${r.inner.map((x) => x.toFixed(0)).join('+')})  top-10 data ${r.data.toFixed(0).padStart(4)} ms  ${(bytes / 1024).toFixed(1)} KB`,
        );
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  process.kill(-server.pid!, 'SIGTERM');
}
