/**
 * Page weight on the real production build: every entry page ships at most
 * 60 KB of HTML and CSS (uncompressed: the HTML file plus the stylesheets it
 * links), and a hub page (a company, agency, person or organisation, whose
 * contracts table, picture, timeline and sources grow with what the wiki
 * records about it) at most 90 KB, and pages run no JavaScript except the small islands that need it:
 * the search page, the timeline filters, the sortable browse tables and the
 * citation copy buttons on entry pages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const OUT = process.env.WIKI_OUT_DIR ?? 'dist';
/** 60 KB, HTML + CSS, uncompressed; 90 KB for hub pages. */
const BUDGET = 60 * 1024;
const HUB_BUDGET = 90 * 1024;
const HUBS = ['companies', 'agencies', 'people', 'organizations'];
const budgetOf = (file: string) => (HUBS.includes(file.replace(/^ar\//, '').split('/')[0]!) ? HUB_BUDGET : BUDGET);
const COLLECTIONS = ['companies', 'agencies', 'contracts', 'events', 'people', 'organizations', 'sources'];

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Every entry page of the build (both languages), without the redirect pages for old ids. */
function entryPages(): string[] {
  const pages: string[] = [];
  for (const prefix of ['', 'ar/']) {
    for (const collection of COLLECTIONS) {
      const dir = join(OUT, prefix, collection);
      for (const id of readdirSync(dir)) {
        const file = join(prefix, collection, id, 'index.html');
        try {
          if (!readFileSync(join(OUT, file), 'utf8').includes('http-equiv="refresh"')) pages.push(file);
        } catch {
          // Not an entry directory.
        }
      }
    }
  }
  return pages;
}

/** What an entry page's bytes are spent on, for the failure message. */
function breakdown(html: string): string {
  const sum = (re: RegExp) => [...html.matchAll(re)].reduce((n, m) => n + bytes(m[0]), 0);
  const parts: [string, number][] = [
    ['<head>', sum(/<head>[\s\S]*?<\/head>/g)],
    ['SVG pictures', sum(/<svg[\s\S]*?<\/svg>/g)],
    ['graph text alternatives', sum(/<details class="graph-words">[\s\S]*?<\/details>/g)],
    ['timeline', sum(/<section aria-labelledby="rel-timeline">[\s\S]*?<\/ol><\/section><\/div><\/section>/g)],
    ['footnotes', sum(/<section class="footnotes"[\s\S]*?<\/section>/g)],
    ['backlinks', sum(/<section class="backlinks"[\s\S]*?<\/section>/g)],
    ['cite panel', sum(/<section class="cite-panel"[\s\S]*?<\/section>/g)],
    ['style attributes', sum(/ style="[^"]*"/g)],
  ];
  return parts.map(([name, n]) => `${name} ${(n / 1024).toFixed(1)} KB`).join(', ');
}

/** HTML bytes plus the bytes of every linked stylesheet. */
function weight(file: string): { file: string; html: number; css: number; total: number; why: string } {
  const html = readFileSync(join(OUT, file), 'utf8');
  const css = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
    .map((m) => /\bhref="([^"]+)"/.exec(m[0])![1]!)
    .reduce((n, href) => n + statSync(join(OUT, href.replace(/^\//, ''))).size, 0);
  return { file, html: bytes(html), css, total: bytes(html) + css, why: breakdown(html) };
}

test('every entry page ships at most 60 KB of HTML and CSS (hub pages 90 KB)', () => {
  const pages = entryPages();
  expect(pages.length).toBeGreaterThan(50);
  const weights = pages.map(weight).sort((a, b) => b.total - a.total);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const heaviest = weights
    .slice(0, 5)
    .map((w) => `${w.file}: ${kb(w.total)} (HTML ${kb(w.html)} + CSS ${kb(w.css)})`)
    .join('\n');
  test.info().annotations.push({ type: 'heaviest entry pages', description: heaviest });
  console.log(`Heaviest entry pages (budget ${kb(BUDGET)}, hubs ${kb(HUB_BUDGET)}):\n${heaviest}`);
  const over = weights.filter((w) => w.total > budgetOf(w.file)).map((w) => `${w.file}: ${kb(w.total)} (HTML ${kb(w.html)} + CSS ${kb(w.css)}); ${w.why}`);
  expect(over, 'entry pages over their budget').toEqual([]);
});

/** The JavaScript a page runs: the script files it requests and its inline scripts. */
async function scriptsOf(page: Page, path: string, prepare?: (page: Page) => Promise<void>) {
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') requested.push(new URL(request.url()).pathname);
  });
  await page.goto(path);
  await prepare?.(page);
  await page.waitForLoadState('networkidle');
  const inline = await page.locator('script:not([src])').evaluateAll((els) =>
    els
      .filter((el) => ['', 'module', 'text/javascript', 'application/javascript'].includes((el.getAttribute('type') ?? '').toLowerCase()))
      .map((el) => el.textContent ?? ''),
  );
  return { requested: [...new Set(requested)].sort(), inline };
}

/** The islands: the script files each one may request, and what its inline start-up code mentions. */
const ISLANDS = {
  search: { files: [/^\/_astro\/search\.astro_astro_type_script[^/]*\.js$/, /^\/pagefind\/pagefind(-[\w.-]+)?\.js$/], inline: /data-search-root/ },
  timeline: { files: [/^\/_astro\/timeline\.astro_astro_type_script[^/]*\.js$/], inline: /data-timeline-filters/ },
  sortable: { files: [/^\/_astro\/RecordTable\.astro_astro_type_script[^/]*\.js$/, /^\/_astro\/sortable-table[^/]*\.js$/], inline: /data-sortable/ },
  cite: { files: [/^\/_astro\/CitePanel\.astro_astro_type_script[^/]*\.js$/, /^\/_astro\/cite-panel[^/]*\.js$/], inline: /data-cite-panel/ },
} as const;
/**
 * Shared by islands, so allowed with any: Vite's helper for islands that load
 * their code with import(), and the small modules the search and timeline
 * scripts both use (plural forms, the language switch).
 */
const SHARED = [/^\/_astro\/preload-helper[^/]*\.js$/, /^\/_astro\/(plural|lang-switch)[^/]*\.js$/];
type Island = keyof typeof ISLANDS;

const PAGES: { path: string; islands: Island[]; prepare?: (page: Page) => Promise<void> }[] = [
  { path: '/', islands: [] },
  { path: '/ar/', islands: [] },
  { path: '/companies/', islands: ['sortable'] },
  { path: '/ar/sources/', islands: ['sortable'] },
  { path: '/companies/microsoft/', islands: ['cite', 'sortable'] },
  { path: '/ar/agencies/ice/', islands: ['cite', 'sortable'] },
  { path: '/contracts/immigrationos/', islands: ['cite'] },
  { path: '/events/aws-summit-keynote-disruption-2022/', islands: ['cite'] },
  { path: '/sources/palantir-employees-question-ice-work/', islands: ['cite'] },
  {
    path: '/search/?q=Microsoft',
    islands: ['search'],
    prepare: async (page) => {
      await expect(page.locator('[data-search-list]:not([aria-busy]) [data-search-result]').first()).toBeVisible(); // the full results
    },
  },
  { path: '/timeline/', islands: ['timeline'] },
  { path: '/ar/timeline/', islands: ['timeline'] },
  { path: '/network/', islands: [] },
  { path: '/data/', islands: [] },
  { path: '/about/', islands: [] },
  { path: '/no-such-page/', islands: [] },
];

for (const { path, islands, prepare } of PAGES) {
  test(`${path} runs ${islands.length ? `only the ${islands.join(' and ')} island` : 'no JavaScript'}`, async ({ page }) => {
    const { requested, inline } = await scriptsOf(page, path, prepare);
    const allowed = [...islands.flatMap((i) => ISLANDS[i].files), ...(islands.length ? SHARED : [])];
    // Every script file belongs to one of this page's islands...
    expect(requested.filter((url) => !allowed.some((re) => re.test(url))), 'script files no island of this page needs').toEqual([]);
    // ...every inline script starts one of them...
    expect(
      inline.filter((code) => !islands.some((i) => ISLANDS[i].inline.test(code))).map((code) => code.slice(0, 120)),
      'inline scripts no island of this page needs',
    ).toEqual([]);
    // ...and each island this page needs is really there (a file or inline start-up code).
    for (const island of islands) {
      const present = requested.some((url) => ISLANDS[island].files.some((re) => re.test(url))) || inline.some((code) => ISLANDS[island].inline.test(code));
      expect(present, `the ${island} island is loaded`).toBe(true);
    }
  });
}

test('redirect pages for old ids run no JavaScript', () => {
  // The seed content has no renamed entries yet; the fixture wiki has.
  const redirects: string[] = [];
  for (const out of [OUT, process.env.FIXTURE_OUT ?? '.cache/fixture-dist']) {
    for (const file of readdirSync(out, { recursive: true }) as string[]) {
      if (!file.endsWith('.html')) continue;
      const html = readFileSync(join(out, file), 'utf8');
      if (html.includes('http-equiv="refresh"')) redirects.push(html);
    }
  }
  expect(redirects.length).toBeGreaterThan(0);
  for (const html of redirects) expect(html.match(/<script\b(?![^>]*type="application\/ld\+json")[^>]*>/g) ?? []).toEqual([]);
});
