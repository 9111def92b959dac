/**
 * English and Arabic pages of every type: language and direction, the
 * language switch and hreflang pairs, and layout that neither overflows nor
 * overlaps at phone and desktop widths, in both directions.
 */
import { expect, test, type Page } from '@playwright/test';

const PAGES = [
  '/',
  '/companies/',
  '/companies/microsoft/',
  '/agencies/ice/',
  '/contracts/project-nimbus/',
  '/events/tech-workers-open-letter/',
  '/sources/palantir-employees-question-ice-work/',
  '/timeline/',
  '/network/',
  '/search/',
  '/about/',
  '/data/',
];

const localised = (path: string, locale: 'en' | 'ar') => (locale === 'en' ? path : `/ar${path}`);

async function overlaps(page: Page, selectors: string[]) {
  return page.evaluate((sels) => {
    const boxes = sels.flatMap((s) => [...document.querySelectorAll(s)].map((el) => ({ s, r: el.getBoundingClientRect() })));
    const hits: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        if (a.width && b.width && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) hits.push(`${boxes[i]!.s} × ${boxes[j]!.s}`);
      }
    return hits;
  }, selectors);
}

for (const locale of ['en', 'ar'] as const) {
  for (const path of PAGES) {
    const url = localised(path, locale);
    test(`${url}: language, direction, switch and alternates`, async ({ page }) => {
      await page.goto(url);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
      const other = locale === 'en' ? 'ar' : 'en';
      await expect(page.locator(`link[rel="alternate"][hreflang="${other}"]`)).toHaveAttribute('href', new RegExp(`${localised(path, other).replace(/[/.]/g, '\\$&')}$`));
      const switchLink = page.locator('a.lang-switch');
      await expect(switchLink).toHaveAttribute('hreflang', other);
      await switchLink.click();
      await expect(page).toHaveURL(new RegExp(`${localised(path, other).replace(/[/.?]/g, '\\$&')}$`));
      await expect(page.locator('html')).toHaveAttribute('dir', other === 'ar' ? 'rtl' : 'ltr');
    });

    for (const width of [375, 1280]) {
      test(`${url} at ${width}px: nothing overflows or overlaps`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(url);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
        expect(await overlaps(page, ['.site-title', '.header-inner .search-form', '.lang-switch'])).toEqual([]);
        expect(await overlaps(page, ['.site-header nav li'])).toEqual([]);
        if (path.split('/').length === 4) expect(await overlaps(page, ['.facts', '.prose', '.relations'])).toEqual([]);
        if (width === 1280 && path.split('/').length === 4) {
          // The infobox sits on the inline-end side: right in English, left in Arabic.
          const facts = (await page.locator('.facts').boundingBox())!;
          const prose = (await page.locator('.prose').boundingBox())!;
          if (locale === 'en') expect(facts.x).toBeGreaterThan(prose.x);
          else expect(facts.x).toBeLessThan(prose.x);
        }
      });
    }
  }
}

test('mixed-direction text: Latin names inside Arabic pages are isolated and marked as English', async ({ page }) => {
  await page.goto('/ar/contracts/immigrationos/');
  await expect(page.locator('h1')).toHaveAttribute('dir', 'auto');
  const permalink = page.locator('.entry-meta a[dir="ltr"]').first();
  await expect(permalink).toContainText('/ar/contracts/immigrationos/');
  // A source's original title keeps its language: it leads the Arabic page, and the English page gives it in the facts box.
  await page.goto('/ar/sources/palantir-employees-question-ice-work/');
  await expect(page.locator('h1')).toHaveText(/^أثار مقتل/);
  await expect(page.locator('h1')).not.toHaveAttribute('lang', 'en');
  await page.goto('/sources/palantir-employees-question-ice-work/');
  await expect(page.locator('h1')).toHaveAttribute('lang', 'en');
});

test('screenshots of an entry in both directions', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  for (const url of ['/companies/palantir-technologies/', '/ar/companies/palantir-technologies/']) {
    await page.goto(url);
    const shot = await page.screenshot({ fullPage: false });
    await info.attach(url, { body: shot, contentType: 'image/png' });
    expect(shot.byteLength).toBeGreaterThan(10_000);
  }
});
