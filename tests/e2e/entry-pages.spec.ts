/**
 * Entry pages of every type in the real build: facts, footnotes, derived
 * relations and cross-links followed in both directions.
 */
import { expect, test } from '@playwright/test';

test('a company page shows its facts, numbered sources and derived contracts', async ({ page }) => {
  await page.goto('/companies/palantir-technologies/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Palantir Technologies');
  await expect(page.locator('.facts')).toContainText('Data analytics');
  // No sourced headquarters country: the row is left out rather than guessed.
  await expect(page.locator('.facts')).not.toContainText('Headquarters');
  // Footnote markers jump to the numbered source list and back.
  const marker = page.locator('.prose sup.cite a').first();
  await expect(marker).toHaveText('[1]');
  await marker.click();
  await expect(page).toHaveURL(/#note-1$/);
  await expect(page.locator('#note-1')).toBeVisible();
  // One note per source: cited several times, it leads back to each place with "^ a b c".
  await expect(page.locator('#note-1 .backrefs > a').first()).toHaveText('a');
  await expect(page.locator('#note-1 .backrefs .visually-hidden')).toHaveText('Back to the places citing it:');
  await page.locator('#note-1 a[href^="#cite-ref-1-"]').first().click();
  await expect(page).toHaveURL(/#cite-ref-1-1$/);
  // Derived, not typed twice: the contract appears under "Contracts as supplier".
  const contracts = page.locator('section[aria-labelledby="rel-contracts"]');
  await expect(contracts.getByRole('link', { name: 'ImmigrationOS' })).toBeVisible();
  await expect(contracts).toContainText('US$30 million');
});

test('cross-links work both ways: company → contract → agency → backlinks → company', async ({ page }) => {
  await page.goto('/companies/palantir-technologies/');
  await page.locator('section[aria-labelledby="rel-contracts"]').getByRole('link', { name: 'ImmigrationOS' }).click();
  await expect(page).toHaveURL(/\/contracts\/immigrationos\/$/);
  await expect(page.locator('.type-badge')).toHaveText('Contract');
  const facts = page.locator('.facts');
  await expect(facts).toContainText('US$30 million');
  await expect(facts).toContainText('April 2025');
  await facts.getByRole('link', { name: 'U.S. Immigration and Customs Enforcement' }).click();
  await expect(page).toHaveURL(/\/agencies\/ice\/$/);
  // The agency's parent is a link; its contracts and backlinks are listed.
  await expect(page.locator('.facts').getByRole('link', { name: 'U.S. Department of Homeland Security' })).toBeVisible();
  // Entries already listed above (suppliers, contracts, timeline) are counted, not repeated, in "What links here".
  const backlinks = page.locator('section.backlinks');
  await expect(backlinks).toContainText(/\d+ entries that link here are listed above/);
  await expect(page.locator('section[aria-labelledby="rel-suppliers"]').getByRole('link', { name: 'Palantir Technologies' })).toBeVisible();
  await expect(backlinks.getByRole('link', { name: 'Palantir Technologies' })).toHaveCount(0);
  await backlinks.getByRole('link', { name: 'Oracle', exact: true }).click();
  await expect(page).toHaveURL(/\/companies\/oracle\/$/);
});

test('a parent agency lists its sub-agencies', async ({ page }) => {
  await page.goto('/agencies/dhs/');
  await expect(page.locator('section[aria-labelledby="rel-sub-agencies"]').getByRole('link', { name: 'U.S. Immigration and Customs Enforcement' })).toBeVisible();
});

test('a source page lists the entries that cite it, and shows no invented URL', async ({ page }) => {
  await page.goto('/sources/palantir-employees-question-ice-work/');
  await expect(page.locator('.type-badge')).toHaveText('Source');
  // An English page leads with the translated title; the original, in Arabic, is in the facts box.
  await expect(page.locator('h1')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.facts [lang="ar"]').first()).toBeVisible();
  const citedBy = page.locator('section[aria-labelledby="rel-cited-by"]');
  await expect(citedBy.getByRole('link', { name: 'Palantir Technologies' })).toBeVisible();
  await expect(citedBy.getByRole('link', { name: 'ImmigrationOS' })).toBeVisible();
  await expect(page.locator('.facts')).not.toContainText('Read the source');
});

test('every browse list shows its entries with a count', async ({ page }) => {
  for (const [path, entry] of [
    ['/companies/', 'Palantir Technologies'],
    ['/agencies/', 'U.S. Immigration and Customs Enforcement'],
    ['/contracts/', 'ImmigrationOS'],
    ['/sources/', 'دعوة العاملين'],
  ] as const) {
    await page.goto(path);
    await expect(page.locator('#list-count')).toHaveText(/^\d+ entries$/);
    await expect(page.locator('table.browse').getByRole('link', { name: new RegExp(entry) }).first()).toBeVisible();
  }
});

test('an event page links everything involved', async ({ page }) => {
  await page.goto('/events/');
  const first = page.locator('table.browse tbody tr th a').first();
  await first.click();
  await expect(page.locator('.type-badge')).toHaveText('Event');
  await expect(page.locator('.facts dt', { hasText: 'Involved' })).toBeVisible();
});

test('an unknown URL gets the helpful 404 page', async ({ page }) => {
  const response = await page.goto('/companies/no-such-company/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.locator('main').getByRole('search').first()).toBeVisible();
  await expect(page.locator('main').getByRole('link', { name: 'Companies', exact: true })).toBeVisible();
  // The same help in Arabic, for readers of /ar/ pages.
  const arabic = page.locator('section[lang="ar"][dir="rtl"]');
  await expect(arabic.getByRole('heading', { level: 2 })).toHaveText('الصفحة غير موجودة');
  await expect(arabic.getByRole('link', { name: 'الشركات' })).toHaveAttribute('href', '/ar/companies/');
  await expect(arabic.getByRole('search')).toHaveAttribute('action', '/ar/search/');
});

test("a subject's response shows its source's note, and the note leads back to it", async ({ page }) => {
  await page.goto('/companies/microsoft/');
  const response = page.locator('section[aria-labelledby="responses-title"] li').first();
  const marker = response.locator('sup.cite a');
  await expect(marker).toHaveText(/^\[\d+\]$/);
  const n = (await marker.textContent())!.replace(/\D/g, '');
  const id = await response.locator('sup.cite').getAttribute('id');
  await marker.click();
  await expect(page).toHaveURL(new RegExp(`#note-${n}$`));
  await expect(page.locator(`#note-${n} a[href="#${id}"]`)).toHaveCount(1);
});
