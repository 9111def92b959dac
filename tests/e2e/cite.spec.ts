/**
 * "Cite this entry", JSON-LD and Open Graph images on the real build: copy
 * buttons reached and pressed with the keyboard put the citation on the
 * clipboard (with the reader's today as access date), in both languages; the
 * JSON-LD parses; the og:image is a 1200×630 PNG.
 */
import { expect, test, type Page } from '@playwright/test';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const usLong = (d: Date) => `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

/** The version date the page states (from git), e.g. "2026-11-23", or undefined when unknown. */
async function versionDate(page: Page): Promise<string | undefined> {
  // The "Last changed" <time>, when git knows the date (the access date is the other <time>).
  const time = page.locator('.cite-facts time:not([data-cite-accessed])');
  return (await time.count()) ? (await time.getAttribute('datetime'))!.slice(0, 10) : undefined;
}

async function canonical(page: Page): Promise<string> {
  return (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
}

test('a copy button reached with the keyboard copies the APA citation and announces it', async ({ page }) => {
  // A reader coming back long after the build: the access date must be their today, not the build date.
  const readerToday = new Date(2030, 0, 15, 12, 0, 0);
  await page.clock.setFixedTime(readerToday);
  await page.goto('/companies/palantir-technologies/');
  const panel = page.locator('section.cite-panel');
  await expect(panel.getByRole('heading', { level: 2, name: 'Cite this entry' })).toBeVisible();
  const url = await canonical(page);
  await expect(panel.locator('.cite-facts a:not([data-cite-version])')).toHaveAttribute('href', url);
  await expect(panel.locator('[data-cite-accessed]')).toHaveText('15 January 2030');
  // The script gave each of the six citations its copy button.
  await expect(panel.locator('button.cite-copy')).toHaveCount(6);

  // Keyboard only: from the permanent link, Tab reaches the cited version's link, the first format (open) and then its copy button.
  await panel.locator('.cite-facts a:not([data-cite-version])').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('data-cite-version', /^[0-9a-f]{40}$/);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('APA (7th edition)');
  await page.keyboard.press('Tab');
  const button = page.locator(':focus');
  await expect(button).toHaveAttribute('data-cite-copy', 'cite-apa');
  await expect(button).toHaveAccessibleName('Copy APA (7th edition)');
  // A visible focus indicator.
  expect(await button.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Enter');

  await expect(panel.locator('[role="status"]')).toHaveText('Copied');
  const version = await versionDate(page);
  const issued = version ? (() => { const [y, m, d] = version.split('-').map(Number); return `${y}, ${MONTHS[m! - 1]} ${d}`; })() : 'n.d.';
  const expected = `Palantir Technologies. (${issued}). In Surveillance Tech Accountability Wiki. Retrieved ${usLong(readerToday)}, from ${url}`;
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await expect(panel.locator('#cite-apa')).toHaveText(expected);
});

test('the BibTeX text area copies its exact text with the Space key', async ({ page }) => {
  await page.goto('/agencies/ice/');
  const area = page.locator('#cite-bibtex');
  await expect(area).toBeHidden();
  await page.locator('summary', { hasText: 'BibTeX' }).click();
  // One format open at a time: opening BibTeX closes APA.
  await expect(page.locator('#cite-apa')).toBeHidden();
  await area.focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('data-cite-copy', 'cite-bibtex');
  await page.keyboard.press('Space');
  const text = await area.inputValue();
  expect(text).toMatch(/^@misc\{agencies_ice,\n/);
  expect(text).toContain(`url = {${await canonical(page)}}`);
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);
});

test('the Arabic page has a translated panel whose citations keep the Arabic title and URL', async ({ page }) => {
  await page.goto('/ar/companies/palantir-technologies/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const panel = page.locator('section.cite-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('استشهد بهذا المدخل');
  const url = await canonical(page);
  expect(url).toMatch(/\/ar\/companies\/palantir-technologies\/$/);
  // Citations and codes read left to right inside the right-to-left page.
  await expect(panel.locator('#cite-mla')).toHaveAttribute('dir', 'ltr');
  await expect(panel.locator('#cite-ris')).toHaveAttribute('dir', 'ltr');
  await expect(panel.locator('.cite-facts a:not([data-cite-version])')).toHaveAttribute('dir', 'ltr');
  // "نسخة <date>": the ISO date keeps its left-to-right order inside the Arabic phrase.
  const version = await versionDate(page);
  const versionCell = panel.locator('.cite-facts dd').nth(1);
  if (version) {
    await expect(versionCell).toContainText('نسخة');
    await expect(versionCell.locator('span[dir="ltr"]')).toHaveText(version);
  } else await expect(versionCell).toHaveText('غير معروف');

  const mla = panel.locator('summary', { hasText: 'MLA' });
  await mla.click();
  await mla.focus();
  await page.keyboard.press('Tab');
  const button = page.locator(':focus');
  await expect(button).toHaveAttribute('data-cite-copy', 'cite-mla');
  await expect(button).toHaveAccessibleName('نسخ MLA (الإصدار التاسع)');
  await page.keyboard.press('Enter');
  await expect(panel.locator('[role="status"]')).toHaveText('تم النسخ');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith('“بالانتير تكنولوجيز.” ويكي مساءلة تقنيات المراقبة, ')).toBe(true);
  expect(copied).toContain(`${url}. Accessed `);
  expect(copied).toBe(await panel.locator('#cite-mla').textContent());
});

test('without JavaScript the citations are shown and there are no copy buttons', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/companies/palantir-technologies/');
  await expect(page.locator('#cite-apa')).toBeVisible();
  await page.locator('summary', { hasText: 'CSL-JSON' }).click();
  await expect(page.locator('#cite-csl-json')).toBeVisible();
  // A button that could do nothing is not there: the script makes them.
  await expect(page.locator('button.cite-copy')).toHaveCount(0);
  // No inline script: the copy behaviour is an external module.
  const inline = await page.locator('script:not([src])').evaluateAll((els) => els.filter((el) => /data-cite|cite-panel/.test(el.textContent ?? '')).length);
  expect(inline).toBe(0);
  expect(await page.locator('script[type="module"][src*="CitePanel"]').count()).toBe(1);
  await context.close();
});

test('entry pages say when they last changed, and link to the history when the build knows the repository', async ({ page }) => {
  await page.goto('/events/tech-workers-open-letter/');
  const line = page.locator('.last-changed');
  await expect(line).toContainText('Last changed:');
  await expect(line.getByRole('link', { name: 'Change history' })).toHaveAttribute('href', '/events/tech-workers-open-letter/history/');
});

test('JSON-LD parses and describes the entry with the right schema.org type', async ({ page }) => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['/companies/palantir-technologies/', 'Organization', { name: 'Palantir Technologies' }],
    ['/agencies/ice/', 'GovernmentOrganization', { parentOrganization: expect.objectContaining({ name: 'U.S. Department of Homeland Security' }) }],
    ['/contracts/immigrationos/', 'Thing', { name: 'ImmigrationOS' }],
    ['/events/tech-workers-open-letter/', 'Event', {}],
    ['/ar/companies/palantir-technologies/', 'Organization', { name: 'بالانتير تكنولوجيز' }],
  ];
  for (const [path, type, props] of cases) {
    await page.goto(path);
    const blocks = page.locator('script[type="application/ld+json"]');
    await expect(blocks).toHaveCount(1);
    const doc = JSON.parse((await blocks.textContent())!) as { '@context': string; '@graph': Record<string, unknown>[] };
    expect(doc['@context']).toBe('https://schema.org');
    const [webPage, entity] = doc['@graph'];
    expect(webPage).toMatchObject({ '@type': 'WebPage', url: await canonical(page) });
    expect(entity).toMatchObject({ '@type': type, ...props });
    expect((webPage!.mainEntity as { '@id': string })['@id']).toBe(entity!['@id']);
  }
});

test('og:image points at a 1200×630 PNG for both languages', async ({ page, request }) => {
  for (const path of ['/companies/palantir-technologies/', '/ar/companies/palantir-technologies/', '/events/tech-workers-open-letter/']) {
    await page.goto(path);
    const content = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(content).toMatch(/^https?:\/\/.+\/og\/.+\.png$/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', /.+: .+/);
    const response = await request.get(new URL(content!).pathname);
    expect(response.status()).toBe(200);
    const body = await response.body();
    expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, right after the chunk header.
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
  }
});

test('an entry prints with its sources and permanent link, without navigation, search or cite buttons', async ({ page }) => {
  await page.goto('/companies/palantir-technologies/');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.site-header', '.site-footer', '.search-form', '.cite-formats', 'button.cite-copy', '.last-changed a', '.backref']) {
    for (const el of await page.locator(hidden).all()) await expect(el, hidden).toBeHidden();
  }
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.footnotes li').first()).toBeVisible();
  const permalink = page.locator('.cite-facts a:not([data-cite-version])');
  await expect(permalink).toBeVisible();
  await expect(permalink).toHaveText(await canonical(page));
  await expect(page.locator('.last-changed')).toBeVisible();
  // External links in the text print their address.
  const external = page.locator('.prose a[href^="http"], .footnotes a[href^="http"]').first();
  if (await external.count()) expect(await external.evaluate((el) => getComputedStyle(el, '::after').content)).toContain('http');
});

for (const locale of ['en', 'ar'] as const) {
  test(`${locale}: a citation copied from the cite panel leads to the version it names`, async ({ page }) => {
    const prefix = locale === 'en' ? '' : '/ar';
    await page.goto(`${prefix}/companies/palantir-technologies/`);
    // The panel cites this version by its commit, in the copied CSL-JSON too.
    const link = page.locator('.cite-facts a[data-cite-version]');
    const commit = (await link.getAttribute('data-cite-version'))!;
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    const short = commit.slice(0, 12);
    await page.locator('summary', { hasText: 'CSL-JSON' }).click();
    await page.locator('button[data-cite-copy="cite-csl-json"]').click();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied[0].version).toBe(short);
    const day = (await versionDate(page))!;
    // Following the version link lands on that version, marked current, on the history page.
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${prefix}/companies/palantir-technologies/history/#v-${short}$`));
    const target = page.locator(`li#v-${short}`);
    await expect(target).toBeVisible();
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(`v-${short}`);
    await expect(target.locator('.version-title code')).toHaveText(short);
    await expect(target.locator('.badge')).toBeVisible();
    await expect(target.locator('time')).toHaveAttribute('datetime', new RegExp(`^${day}`));
    // A citation that names only the date (APA, MLA, Chicago) finds the version of that day.
    await page.goto(`${prefix}/companies/palantir-technologies/history/#d-${day}`);
    await expect(page.locator(`li:has(> span#d-${day})`)).toHaveAttribute('id', `v-${short}`);
  });
}

test('a history page lists versions newest first, each with what it changed', async ({ page }) => {
  await page.goto('/companies/palantir-technologies/history/');
  const times = await page.locator('.version time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')!));
  expect(times.length).toBeGreaterThan(2);
  expect([...times].sort().reverse()).toEqual(times);
  // The first version added the entry; later ones say which fields changed.
  await expect(page.locator('.version').last().locator('h3')).toContainText('Entry: added');
  await expect(page.locator('.field-changes th[scope="row"] code').first()).toBeVisible();
  await expect(page.locator('a[href$="/companies/palantir-technologies/feed.xml"]')).toBeVisible();
});
