/**
 * Search in a real browser against the production build: ranking of the
 * names researchers type, every filter, sub-results, URL state, and the
 * no-JavaScript fallback.
 */
import { expect, test, type Page } from '@playwright/test';

async function search(page: Page, query: string, path = '/search/') {
  await page.goto(path);
  await page.getByRole('searchbox', { name: /search the wiki|ابحث/i }).last().fill(query);
  await expect(page.locator('[data-search-status]')).toHaveText(/result|نتيج|نتائج/);
  return page.locator('[data-search-result]');
}

for (const [query, expected] of [
  ['ImmigrationOS', '/contracts/immigrationos/'],
  ['Nimbus', '/contracts/project-nimbus/'],
  ['Azure', /^\/contracts\/microsoft-azure-(ice|unit-8200)\/$/],
  ['ICE', '/agencies/ice/'],
  ['Microsoft', '/companies/microsoft/'],
  ['Palantir', '/companies/palantir-technologies/'],
] as const) {
  test(`"${query}" puts the right entry first`, async ({ page }) => {
    const results = await search(page, query);
    await expect(results.first().getByRole('heading').getByRole('link')).toHaveAttribute('href', expected);
  });
}

test('a result shows its type, summary and a highlighted excerpt, and opens the entry', async ({ page }) => {
  const results = await search(page, 'ImmigrationOS');
  const first = results.first();
  await expect(first.locator('.type-badge')).toContainText('Contract');
  await expect(first.locator('.summary')).not.toBeEmpty();
  await expect(first.locator('mark').first()).toHaveText(/immigrationos/i);
  await first.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/contracts\/immigrationos\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ImmigrationOS');
});

test('excerpts from the infobox keep a space between a label and its value', async ({ page }) => {
  const results = await search(page, 'Microsoft');
  const excerpts = (await results.first().locator('.excerpt').allTextContents()).join(' ');
  expect(excerpts).toContain('known as Microsoft Corporation');
  expect(excerpts).not.toMatch(/asMicrosoft|SellsCloud/);
});

test('a lone first letter waits for the next one while typing, and Enter searches it', async ({ page }) => {
  await page.goto('/search/');
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveText(/Type a name/);
  const box = page.getByRole('searchbox', { name: /search the wiki/i }).last();
  const namesFile = page.waitForRequest(/\/search\/names\/6e\.json$/); // "n": its names are fetched at once
  await box.pressSequentially('n');
  await namesFile;
  await page.waitForTimeout(500); // time enough for a search to show up, if one ran
  await expect(status).toHaveText(/Type a name/);
  await expect(page.locator('[data-search-result]')).toHaveCount(0);
  await box.press('Enter');
  await expect(status).toHaveText(/\d+ results?/);
  await box.pressSequentially('i');
  await expect(page).toHaveURL(/[?&]q=ni$/);
  await expect(page.locator('[data-search-result]').first()).toBeVisible();
});

test('a last word of two letters is searched once the reader pauses, without Enter', async ({ page }) => {
  await page.goto('/search/');
  const box = page.getByRole('searchbox', { name: /search the wiki/i }).last();
  await box.pressSequentially('mi');
  await expect(page).toHaveURL(/[?&]q=mi$/);
  await expect(page.locator('[data-search-status]')).toHaveText(/\d+ results?/);
  await expect(page.locator('[data-search-result]').first()).toBeVisible();
});

test('typing fast shows only the last query\'s results, once each', async ({ page }) => {
  // The list a reader gets by typing "microsoft" key by key must be the list for
  // "microsoft": no results of "m", "mi"... left over or appended late.
  const direct = await search(page, 'microsoft');
  await expect(direct.first()).toBeVisible();
  const expected = await direct.locator('h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  await page.goto('/search/');
  const box = page.getByRole('searchbox', { name: /search the wiki/i }).last();
  await box.pressSequentially('microsoft', { delay: 15 });
  await expect(page).toHaveURL(/[?&]q=microsoft$/);
  await expect(page.locator('[data-search-result] h2 a')).toHaveCount(expected.length);
  // Give any stale search time to land, then compare.
  await page.waitForTimeout(500);
  const typed = await page.locator('[data-search-result] h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(typed).toEqual(expected);
});

for (const { path, query, href, type, searching, done } of [
  { path: '/search/', query: 'palantir', href: '/companies/palantir-technologies/', type: 'Company', searching: /searching the full text/, done: /\d+ results?/ },
  { path: '/ar/search/', query: 'بالانتير', href: '/ar/companies/palantir-technologies/', type: 'شركة', searching: /جارٍ البحث في النص الكامل/, done: /نتيجة|نتائج|نتيجتان/ },
]) {
  test(`a name is answered at once while the full text is searched (${path})`, async ({ page }) => {
    await page.goto(path);
    const status = page.locator('[data-search-status]');
    await expect(status).not.toHaveText(/loading|تحميل/i); // Pagefind and its filters are ready
    // Hold back Pagefind's word index: the full-text search waits, the names do not.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/**/*.pf_index', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('searchbox').last().fill(query);
    const list = page.locator('[data-search-list]');
    const first = page.locator('[data-search-result]').first();
    await expect(list).toHaveAttribute('aria-busy', 'true');
    await expect(list).toHaveAttribute('data-query', query);
    await expect(status).toHaveText(searching);
    await expect(first.getByRole('heading').getByRole('link')).toHaveAttribute('href', href);
    await expect(first.locator('.type-badge')).toHaveText(type);
    await expect(first.locator('.summary')).toHaveCount(0); // a name, not yet a full result
    release();
    await expect(status).toHaveText(done);
    await expect(list).not.toHaveAttribute('aria-busy');
    await expect(first.getByRole('heading').getByRole('link')).toHaveAttribute('href', href);
    await expect(first.locator('.summary')).not.toBeEmpty();
  });
}

test('a match inside a section of a long entry links to that section', async ({ page }) => {
  const results = await search(page, 'self-deportation');
  const sub = results.locator('.sub-results a').first();
  await expect(sub).toHaveAttribute('href', /#[a-z0-9-]+$/);
  const href = (await sub.getAttribute('href'))!;
  await sub.click();
  const anchor = href.split('#')[1]!;
  await expect(page.locator(`[id="${anchor}"]`)).toBeVisible();
});

test('each filter narrows the results and is kept in the URL', async ({ page }) => {
  await page.goto('/search/');
  const status = page.locator('[data-search-status]');
  const groups = page.locator('fieldset.filter-group');
  await expect(groups).toHaveCount(6);
  for (const [filter, value, check] of [
    ['Type', 'Contract', /\/contracts\//],
    ['Country', 'Israel', /./],
    ['Technology or topic', 'Facial recognition', /./],
    ['Year', '2025', /./],
    ['Buyer agency', 'U.S. Immigration and Customs Enforcement', /\/contracts\//],
    ['Supplier', 'Microsoft', /\/contracts\//],
  ] as const) {
    await page.goto('/search/');
    const group = page.getByRole('group', { name: filter });
    await group.getByRole('checkbox', { name: new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).check();
    await expect(status).toHaveText(/\d+ results?/);
    const n = Number((await status.textContent())!.match(/\d+/)![0]);
    expect(n).toBeGreaterThan(0);
    const links = page.locator('[data-search-result] h2 a');
    await expect(links.first()).toBeVisible();
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(check);
    expect(new URL(page.url()).searchParams.get(filter === 'Technology or topic' ? 'tag' : filter === 'Buyer agency' ? 'buyer' : filter.toLowerCase())).toBe(value);
  }
});

test('the header search box leads to results, and a shared URL restores query and filters', async ({ page }) => {
  await page.goto('/companies/');
  const box = page.locator('#header-search');
  await box.fill('Palantir');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=Palantir/);
  await expect(page.locator('[data-search-result]').first()).toContainText('Palantir');
  await page.goto('/search/?q=cloud&type=Contract');
  await expect(page.locator('#search-input')).toHaveValue('cloud');
  await expect(page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /^Contract/ })).toBeChecked();
  for (const badge of await page.locator('[data-search-result] .type-badge').allTextContents()) expect(badge).toContain('Contract');
});

test('navigation, footers and backlink lists are not indexed', async ({ page }) => {
  for (const chrome of ['What links here', 'Download the data', 'Permanent link']) {
    await page.goto('/search/');
    await page.locator('#search-input').fill(chrome);
    await expect(page.locator('[data-search-status]'), chrome).toHaveText('No entries match. Try fewer words or remove a filter.');
  }
});

test('Arabic search finds Arabic pages, by Arabic and by English name', async ({ page }) => {
  for (const query of ['بالانتير', 'Palantir']) {
    const results = await search(page, query, '/ar/search/');
    await expect(results.first().getByRole('heading').getByRole('link')).toHaveAttribute('href', '/ar/companies/palantir-technologies/');
  }
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('[data-search-status]')).toHaveText(/نتيج|نتائج/);
});

test('without JavaScript the search page links to the browse lists', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/search/');
  await expect(page.getByText('Search needs JavaScript')).toBeVisible();
  for (const name of ['Companies', 'Agencies', 'Contracts', 'Events', 'Sources']) {
    await expect(page.locator('.search-fallback').getByRole('link', { name })).toHaveAttribute('href', new RegExp(`/${name.toLowerCase()}/$`));
  }
  await context.close();
});
