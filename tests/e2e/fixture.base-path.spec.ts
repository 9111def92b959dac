/**
 * The fixture wiki, built under the sub-path /wiki/: every internal link keeps
 * the base path, old ids redirect, and translations display in Arabic.
 */
import { expect, test } from '@playwright/test';

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

test('an event page shows its qualified date and links everything involved', async ({ page }) => {
  await page.goto('events/fixture-open-letter/');
  await expect(page.locator('.facts')).toContainText('before January 2026');
  for (const name of ['U.S. Immigration and Customs Enforcement', 'Palantir Technologies', 'ImmigrationOS']) {
    await expect(page.locator('.facts').getByRole('link', { name })).toBeVisible();
  }
  await page.locator('.facts').getByRole('link', { name: 'ImmigrationOS' }).click();
  await expect(page.locator('section[aria-labelledby="rel-events"]').getByRole('link', { name: 'Fixture open letter' })).toBeVisible();
});
