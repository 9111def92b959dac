/**
 * Search timing in a real browser: serves a built wiki with scripts/test/serve.ts,
 * opens /search/ (and /ar/search/ for Arabic queries) in Playwright Chromium,
 * warms the page with one query, then types each query and measures
 *
 * - the time from the last keystroke (its `input` event) to the next animation
 *   frame after the list first shows results for the query typed (the list
 *   says which query it answers in `data-query`, so results of a shorter
 *   prefix do not count): the names the query starts, or the full results
 *   when they come first;
 * - the time to the full-text results (the list no longer `aria-busy`), and
 * - the bytes fetched over the network while the query was typed and answered
 *   (Playwright request events, which include Pagefind's worker; the server
 *   sends no-store, so nothing comes from the HTTP cache).
 *
 * When a build has no usable /search/ page the Pagefind JS API is timed
 * directly instead (`search(q)` plus the first five results' data) and the
 * report says so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Request } from '@playwright/test';

export interface QueryTiming {
  query: string;
  locale: 'en' | 'ar';
  /** Last keystroke to the first results for the query on screen (ms); undefined when no results appeared. */
  ms?: number;
  /** Last keystroke to the full-text results on screen (ms). */
  fullMs?: number;
  bytes: number;
  requests: number;
  results: number;
}

export interface SearchResult {
  mode: 'ui' | 'api';
  /** Why the API was used instead of the page, when it was. */
  note?: string;
  typeDelayMs: number;
  queries: QueryTiming[];
  /** Opening the search page until the network is quiet (Pagefind, filters), per locale. */
  firstLoad: { locale: 'en' | 'ar'; bytes: number; requests: number; ms: number }[];
}

const RESULT_ITEMS = '[data-search-list] > li, li[data-search-result], [data-search-results] > li, li[data-search-results]';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(repoRoot: string, dir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, join(repoRoot, 'scripts', 'test', 'serve.ts'), dir, String(port), '/'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the static server did not start within 30 s')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Serving')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the static server exited with ${code}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

function stopServer(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM'); // its own process group (tsx runs the script in a child)
  } catch {
    /* already gone */
  }
}

/**
 * Network accounting for one page, through Playwright's request events, which
 * also cover Pagefind's web worker (CDP on the page target does not). Bytes are
 * response headers plus encoded body. The server sends no-store, so nothing
 * comes from the HTTP cache.
 */
class NetworkMeter {
  bytes = 0;
  requests = 0;
  readonly pending = new Set<Request>();
  readonly sizing = new Set<Promise<void>>();
  lastActivity = Date.now();

  constructor(page: Page) {
    page.on('request', (r) => {
      this.pending.add(r);
      this.lastActivity = Date.now();
    });
    page.on('requestfinished', (r) => {
      this.pending.delete(r);
      this.lastActivity = Date.now();
      const p = r
        .sizes()
        .then((s) => {
          this.bytes += s.responseBodySize + s.responseHeadersSize;
          this.requests += 1;
        })
        .catch(() => {})
        .finally(() => this.sizing.delete(p));
      this.sizing.add(p);
    });
    page.on('requestfailed', (r) => {
      this.pending.delete(r);
      this.lastActivity = Date.now();
    });
  }

  reset(): void {
    this.bytes = 0;
    this.requests = 0;
  }

  busy(quietMs: number): boolean {
    return this.pending.size > 0 || this.sizing.size > 0 || Date.now() - this.lastActivity < quietMs;
  }

  /** Wait until nothing is in flight and nothing happened for `quietMs`. */
  async idle(quietMs = 400, timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end && this.busy(quietMs)) await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Installed in the page: records input times, and when the list first shows
 * results for the query typed (`data-query`) and when they are the full ones
 * (not `aria-busy`), each at the next frame.
 */
function installProbe(selector: string): void {
  type Probe = { inputs: number[]; first: number[]; full: number[]; mutations: number; target: string; seen: string };
  const w = window as unknown as { __bench: Probe };
  w.__bench = { inputs: [], first: [], full: [], mutations: 0, target: '', seen: '' };
  const input = document.querySelector<HTMLInputElement>('main input[type=search]');
  input?.addEventListener('input', () => w.__bench.inputs.push(performance.now()), true);
  const list = document.querySelector<HTMLElement>('[data-search-list]');
  new MutationObserver(() => {
    const b = w.__bench;
    b.mutations++;
    if (!list || list.dataset.query !== b.target || document.querySelectorAll(selector).length === 0) return;
    const state = list.getAttribute('aria-busy') === 'true' ? 'first' : 'full';
    if (b.seen === 'full' || b.seen === state) return;
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    if (!b.seen) requestAnimationFrame(() => b.first.push(performance.now()));
    if (state === 'full') requestAnimationFrame(() => b.full.push(performance.now()));
    b.seen = state;
  }).observe(document.querySelector('main') ?? document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-query', 'aria-busy'] });
}

async function quiet(page: Page, meter: NetworkMeter, quietMs = 400, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() < end) {
    const m = await page.evaluate(() => (window as unknown as { __bench: { mutations: number } }).__bench.mutations);
    if (m !== last) {
      last = m;
      stableSince = Date.now();
    }
    if (Date.now() - stableSince >= quietMs && !meter.busy(quietMs)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function uiQuery(page: Page, meter: NetworkMeter, query: string, typeDelayMs: number): Promise<Omit<QueryTiming, 'locale'>> {
  const input = page.locator('main input[type=search]').first();
  await input.fill('');
  await quiet(page, meter, 300);
  await page.evaluate((target) => {
    const b = (window as unknown as { __bench: { inputs: number[]; first: number[]; full: number[]; target: string; seen: string } }).__bench;
    Object.assign(b, { inputs: [], first: [], full: [], target, seen: '' });
  }, query.trim());
  meter.reset();
  await input.pressSequentially(query, { delay: typeDelayMs });
  // A search over a large index can compute for longer than the quiet period
  // below without touching the network or the page: first wait (up to 20 s)
  // for the full results of the query, then for everything to settle.
  await page
    .waitForFunction(
      () => (window as unknown as { __bench: { full: number[] } }).__bench.full.length > 0,
      undefined,
      { timeout: 20_000, polling: 50 },
    )
    .catch(() => undefined); // no results: measured as such below
  await quiet(page, meter);
  const { inputs, first, full } = await page.evaluate(() => (window as unknown as { __bench: { inputs: number[]; first: number[]; full: number[] } }).__bench);
  const results = await page.locator(RESULT_ITEMS).count();
  const last = inputs.at(-1) ?? 0;
  const since = (times: number[]) => (results && times.length ? Math.max(0, times[0]! - last) : undefined);
  return { query, ms: since(first), fullMs: since(full), bytes: meter.bytes, requests: meter.requests, results };
}

async function apiQuery(page: Page, meter: NetworkMeter, query: string): Promise<Omit<QueryTiming, 'locale'>> {
  meter.reset();
  const r = await page.evaluate(async (q) => {
    const pf = (window as unknown as { __pf: { search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }> } }).__pf;
    const t0 = performance.now();
    const search = await pf.search(q);
    await Promise.all(search.results.slice(0, 5).map((x) => x.data()));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return { ms: performance.now() - t0, results: search.results.length };
  }, query);
  await meter.idle();
  return { query, ms: r.results ? r.ms : undefined, bytes: meter.bytes, requests: meter.requests, results: r.results };
}

async function openPage(browser: Browser, url: string): Promise<{ page: Page; meter: NetworkMeter; ms: number }> {
  const page = await browser.newPage();
  const meter = new NetworkMeter(page);
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await meter.idle(500, 60_000);
  return { page, meter, ms: Date.now() - started - 500 };
}

export async function runSearchBenchmark(options: {
  repoRoot: string;
  siteDir: string;
  queries: { q: string; locale: 'en' | 'ar' }[];
  typeDelayMs?: number;
  chromiumPath?: string;
  log?: (line: string) => void;
}): Promise<SearchResult> {
  const log = options.log ?? (() => {});
  const typeDelayMs = options.typeDelayMs ?? 100;
  const executablePath = options.chromiumPath ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const { url, child } = await startServer(options.repoRoot, options.siteDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const hasPage = existsSync(join(options.siteDir, 'search', 'index.html'));
    const out: QueryTiming[] = [];
    const firstLoad: SearchResult['firstLoad'] = [];
    let mode: SearchResult['mode'] = 'ui';
    let note: string | undefined;
    for (const locale of ['en', 'ar'] as const) {
      const queries = options.queries.filter((q) => q.locale === locale);
      if (!queries.length) continue;
      const prefix = locale === 'en' ? '' : '/ar';
      let page: Page | undefined;
      let meter: NetworkMeter | undefined;
      if (hasPage) {
        let ms: number;
        ({ page, meter, ms } = await openPage(browser, `${url}${prefix}/search/`));
        firstLoad.push({ locale, bytes: meter.bytes, requests: meter.requests, ms });
        log(`  ${prefix || '/en'}/search/ first load: ${(meter.bytes / 1024).toFixed(1)} KB in ${meter.requests} requests, ${ms} ms`);
        const ok = (await page.locator('main input[type=search]').count()) > 0;
        if (!ok) {
          await page.close();
          page = undefined;
          note = '/search/ has no `main input[type=search]`';
        }
      } else {
        note = 'the build has no /search/ page';
      }
      if (page && meter) {
        await page.evaluate(installProbe, RESULT_ITEMS);
        await uiQuery(page, meter, locale === 'en' ? 'report' : 'تقرير', typeDelayMs); // warm-up, not counted
        for (const { q } of queries) {
          const t = await uiQuery(page, meter, q, typeDelayMs);
          log(`  ${locale} "${q}": ${t.ms === undefined ? 'no results' : `${t.ms.toFixed(0)} ms (full text ${t.fullMs?.toFixed(0) ?? '?'} ms)`}, ${(t.bytes / 1024).toFixed(1)} KB in ${t.requests} requests, ${t.results} shown`);
          out.push({ ...t, locale });
        }
      } else {
        mode = 'api';
        ({ page, meter } = await openPage(browser, `${url}${prefix}/`));
        await page.evaluate(async () => {
          const pf = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
          await pf.init();
          (window as unknown as { __pf: unknown }).__pf = pf;
        });
        await apiQuery(page, meter, locale === 'en' ? 'report' : 'تقرير');
        for (const { q } of queries) {
          const t = await apiQuery(page, meter, q);
          log(`  ${locale} "${q}" (API): ${t.ms === undefined ? 'no results' : `${t.ms.toFixed(0)} ms`}, ${(t.bytes / 1024).toFixed(1)} KB`);
          out.push({ ...t, locale });
        }
      }
      await page.close();
    }
    return { mode, note, typeDelayMs, queries: out, firstLoad };
  } finally {
    await browser?.close();
    stopServer(child);
  }
}
