/**
 * The fixture wiki, built for https://wiki.example.org under the sub-path
 * /wiki/: every internal link keeps the base path, every absolute address
 * (citations, canonical links, feeds, sitemap, exports) is the deployment's,
 * old ids redirect, and translations display in Arabic.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_BASE, FIXTURE_OUT, FIXTURE_SITE } from '../../playwright.config';

test('every internal link on an entry page honours the base path', async ({ page }) => {
  await page.goto('companies/palantir-technologies/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Palantir Technologies');
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(10);
  for (const href of hrefs) expect(href, href).toMatch(/^\/wiki\//);
  await page.locator('.prose').getByRole('link', { name: 'ImmigrationOS' }).click();
  await expect(page).toHaveURL(/\/wiki\/contracts\/immigrationos\/$/);
});

test('a renamed entry keeps its old URL alive as a redirect', async ({ page }) => {
  await page.goto('agencies/immigration-and-customs-enforcement/');
  await expect(page).toHaveURL(/\/wiki\/agencies\/ice\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('U.S. Immigration and Customs Enforcement');
});

test('an Arabic page shows the translation, right to left, with Arabic interface text', async ({ page }) => {
  await page.goto('ar/companies/palantir-technologies/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('بالانتير تكنولوجيز');
  await expect(page.locator('.prose')).toContainText('متخصصة في تحليل البيانات');
  await expect(page.locator('.prose').getByRole('link', { name: 'ICE' })).toHaveAttribute('href', '/wiki/ar/agencies/ice/');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/wiki\/companies\/palantir-technologies\/$/);
});

test('an untranslated entry still has an Arabic page with a visible notice', async ({ page }) => {
  await page.goto('ar/agencies/ice/');
  await expect(page.locator('.notice')).toBeVisible();
  await expect(page.locator('.prose')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.facts h2')).toHaveText('معلومات أساسية');
});

test('a page shares the card in the language of its text: the English card for an untranslated entry', async ({ page, request }) => {
  for (const [path, card] of [
    ['ar/agencies/ice/', '/wiki/og/agencies/ice.png'],
    ['agencies/ice/', '/wiki/og/agencies/ice.png'],
    ['ar/companies/palantir-technologies/', '/wiki/og/ar/companies/palantir-technologies.png'],
  ] as const) {
    await page.goto(path);
    const url = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
    expect(url.pathname, path).toBe(card);
    expect((await request.get(url.pathname)).status(), card).toBe(200);
  }
  expect((await request.get('og/ar/agencies/ice.png')).status()).toBe(404);
});

test('an event page shows its qualified date and links everything involved', async ({ page }) => {
  await page.goto('events/fixture-open-letter/');
  await expect(page.locator('.facts')).toContainText('before January 2026');
  for (const name of ['U.S. Immigration and Customs Enforcement', 'Palantir Technologies', 'ImmigrationOS']) {
    await expect(page.locator('.facts').getByRole('link', { name })).toBeVisible();
  }
  await page.locator('.facts').getByRole('link', { name: 'ImmigrationOS' }).click();
  await expect(page.locator('section[aria-labelledby="rel-events"]').getByRole('link', { name: 'Fixture open letter' })).toBeVisible();
});

test('search merges every shard of a split index: counts and results cover all pages', async ({ page, request }) => {
  // The fixture build splits its index (WIKI_SEARCH_SHARD_PAGES=3 in scripts/test/build-fixture.ts).
  const manifest = (await (await request.get('pagefind/wiki-shards.json')).json()) as { shards: string[] };
  expect(manifest.shards).toEqual(['shard-1/', 'shard-2/']);
  let englishPages = 0;
  for (const dir of ['', ...manifest.shards]) {
    const entry = (await (await request.get(`pagefind/${dir}pagefind-entry.json`)).json()) as { languages: Record<string, { page_count: number }> };
    const pages = entry.languages.en?.page_count ?? 0;
    expect(pages, `English pages in bundle "${dir}"`).toBeGreaterThan(0);
    englishPages += pages;
  }
  // Merged shards need only the index files: no second copy of Pagefind's scripts.
  expect((await request.get('pagefind/shard-1/pagefind.js')).status()).toBe(404);

  await page.goto('search/');
  const typeCounts = page.locator('fieldset[data-filter="type"] .count');
  await expect(typeCounts.first()).toBeVisible();
  const counts = (await typeCounts.allTextContents()).map((c) => Number(c.replace(/\D/g, '')));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(englishPages);

  // Choosing a filter lists exactly as many results as its merged count says.
  const sources = page.locator('fieldset[data-filter="type"] li').filter({ hasText: /^Source/ });
  const sourceCount = Number((await sources.locator('.count').textContent())!.replace(/\D/g, ''));
  expect(sourceCount).toBeGreaterThan(1);
  await sources.getByRole('checkbox').check();
  await expect(page.locator('[data-search-list] > li')).toHaveCount(sourceCount);
  await sources.getByRole('checkbox').uncheck();
  await page.locator('#search-input').fill('Palantir');
  const results = page.locator('[data-search-list] > li');
  await expect(results.first()).toBeVisible();
  const urls = await results.locator('h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(new Set(urls).size).toBe(urls.length);
  for (const url of urls) expect(url).toMatch(/^\/wiki\//);
  expect(urls).toContain('/wiki/companies/palantir-technologies/');
});

/** The fixture's published address (scripts/test/build-fixture.ts): origin and sub-path. */
const HOME = `${FIXTURE_SITE}${FIXTURE_BASE}`;

test('citations, canonical links, alternates and Open Graph use the deployment’s address', async ({ page }) => {
  await page.goto('companies/palantir-technologies/');
  const permalink = `${HOME}companies/palantir-technologies/`;
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', permalink);
  await expect(page.locator('link[rel="alternate"][hreflang="ar"]')).toHaveAttribute('href', `${HOME}ar/companies/palantir-technologies/`);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', permalink);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`^${HOME.replace(/[.]/g, '\\.')}og/`));
  // Every ready-made citation (text and code formats) names the page by its published address.
  const citations = await page.locator('[data-cite-text]').evaluateAll((els) => els.map((el) => (el instanceof HTMLTextAreaElement ? el.value : el.textContent ?? '')));
  expect(citations.length).toBeGreaterThanOrEqual(5);
  for (const text of citations) expect(text, text.slice(0, 80)).toContain(permalink);
});

test('the feed, the sitemap and the exports use the deployment’s address', async ({ request }) => {
  const feed = await (await request.get('feed.xml')).text();
  const feedUrls = [...feed.matchAll(/<id>([^<]+)<\/id>|href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!).filter((u) => !u.startsWith('https://creativecommons.org/'));
  expect(feedUrls.length).toBeGreaterThan(2);
  for (const url of feedUrls) expect(url).toMatch(new RegExp(`^${HOME.replace(/[.]/g, '\\.')}`));

  const sitemap = await (await request.get('sitemap.xml')).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(locs).toContain(`${HOME}companies/palantir-technologies/`);
  for (const loc of locs) expect(loc.startsWith(HOME), loc).toBe(true);

  const entries = (await (await request.get('api/v1/entries.json')).json()) as { site: string; entries: { url: string; urls: Record<string, string>; api: string }[] };
  expect(entries.site).toBe(HOME);
  for (const e of entries.entries) for (const url of [e.url, e.api, ...Object.values(e.urls)]) expect(url.startsWith(HOME), url).toBe(true);

  const ftm = (await (await request.get('api/v1/ftm.jsonl')).text()).trim().split('\n').map((line) => JSON.parse(line) as { properties: Record<string, string[]> });
  const ownUrls = ftm.flatMap((entity) => Object.values(entity.properties).flat()).filter((v) => typeof v === 'string' && v.includes('example.org'));
  expect(ownUrls.length).toBeGreaterThan(5);
  for (const url of ownUrls) expect(url.startsWith(HOME), url).toBe(true);
});

test('no file of the build names another address for the site: no localhost default, nothing outside the sub-path', () => {
  const files = readdirSync(FIXTURE_OUT, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml|json|jsonl|csv|txt)$/.test(f));
  expect(files.length).toBeGreaterThan(40);
  const wrong = files.flatMap((f) => {
    const text = readFileSync(join(FIXTURE_OUT, f), 'utf8');
    return [...text.matchAll(/https?:\/\/(?:localhost|127\.0\.0\.1)[:/][^\s"'<]*|https?:\/\/(?:www\.)?(?:wiki\.)?example\.org(?!\/wiki\/)[^\s"'<]*/g)].map((m) => `${f}: ${m[0]}`);
  });
  expect(wrong).toEqual([]);
});
