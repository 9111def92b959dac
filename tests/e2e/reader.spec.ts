/**
 * Reader experience in a real browser, at a phone's and a desktop's width, in
 * both languages: table cells never break a word, tables fit their column,
 * counted phrases agree with their number, lists show a date's qualifier, and
 * a misspelt search offers the nearest names, and links into the repository
 * exist only when the build knows where it is.
 */
import { expect, test, type Page } from '@playwright/test';
import { repoWebUrl } from '../../src/lib/content/repo-url';

/** Words in table cells that the layout split over two lines, measured with ranges on the rendered text. */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('table th, table td')) {
      if (!cell.offsetParent) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        // A line may end after a hyphen or slash ("facial-/recognition"), never inside a run of letters.
        for (const m of text.matchAll(/[^\s\-/‐–—]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index!);
          range.setEnd(node, m.index! + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(`${m[0]} (in "${cell.textContent?.trim().slice(0, 40)}")`);
        }
      }
    }
    return broken;
  });
}

/** Tables (and their cards) wider than the main column. */
async function overflowingTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!.getBoundingClientRect();
    return [...document.querySelectorAll('table')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.width > 0 && (r.left < main.left - 1 || r.right > main.right + 1);
    }).map((t) => t.querySelector('caption')?.textContent ?? t.className);
  });
}

for (const width of [375, 1280]) {
  for (const path of ['/contracts/', '/companies/', '/people/', '/events/', '/ar/contracts/', '/ar/companies/', '/ar/people/', '/companies/microsoft/', '/ar/agencies/ice/']) {
    test(`${path} at ${width}px: no word broken in a table cell, no table wider than its column`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await expect(page.locator('table').first()).toBeVisible();
      expect(await brokenWords(page)).toEqual([]);
      expect(await overflowingTables(page)).toEqual([]);
    });
  }
}

test('contracts list names suppliers and buyer, and a company page lists its contracts with value, date and status', async ({ page }) => {
  await page.goto('/contracts/');
  const headers = await page.locator('table thead th').allTextContents();
  for (const h of ['Contract', 'Suppliers', 'Buyer', 'Value', 'Date', 'Status']) expect(headers.join('|')).toContain(h);
  const nimbus = page.locator('tbody tr', { has: page.getByRole('link', { name: 'Project Nimbus' }) });
  await expect(nimbus.getByRole('link', { name: 'Google' })).toBeVisible();
  await page.goto('/companies/microsoft/');
  const table = page.locator('#rel-contracts ~ .table-wrap table');
  await expect(table.locator('thead th')).toHaveText([/Contract/, /Buyer/, /Value/, /Status/]);
  await expect(table.locator('tbody tr')).toHaveCount(3);
});

test('Arabic counts agree with their number and unknown values agree with their noun', async ({ page }) => {
  for (const path of ['/ar/network/', '/ar/contracts/', '/ar/']) {
    await page.goto(path);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/(^|\s)1 (عقود|شركات|جهات|علاقة|مدخلًا)/);
    expect(text).not.toMatch(/(^|\s)2 (عقود|شركات|جهات)/);
    expect(text).not.toMatch(/القيمة: غير معروف(\s|$)/);
  }
  await page.goto('/ar/network/');
  await expect(page.locator('main')).toContainText(/عقد واحد|عقدان|\d+ عقود|\d+ عقدًا/);
});

test('lists and search metadata show a date qualifier, not a more precise-looking date', async ({ page }) => {
  await page.goto('/events/');
  const row = page.locator('tbody tr', { has: page.getByRole('link', { name: /Microsoft employees raise ethics concerns/ }) });
  await expect(row.locator('td[data-label="Date"]')).toHaveText(/^(about|before|after) /);
  await page.goto('/ar/events/');
  await expect(page.locator('td[data-label="التاريخ"]').filter({ hasText: /^(نحو|قبل|بعد) / }).first()).toBeVisible();
});

test('a misspelt search offers the nearest entry names, in both languages', async ({ page }) => {
  await page.goto('/search/?q=Palantr');
  const suggest = page.locator('[data-search-suggest]');
  await expect(suggest).toBeVisible();
  await expect(suggest.getByRole('link', { name: 'Palantir Technologies' })).toHaveAttribute('href', '/companies/palantir-technologies/');
  await page.goto('/ar/search/?q=' + encodeURIComponent('بالنتير'));
  await expect(page.locator('[data-search-suggest]').getByRole('link').first()).toHaveAttribute('href', '/ar/companies/palantir-technologies/');
});

test('switching language keeps the search query and the timeline filters', async ({ page }) => {
  await page.goto('/search/?q=Palantir');
  await expect(page.locator('[data-search-list] li').first()).toBeVisible();
  await expect(page.locator('a.lang-switch')).toHaveAttribute('href', '/ar/search/?q=Palantir');
  await page.locator('a.lang-switch').click();
  await expect(page.locator('#search-input')).toHaveValue('Palantir');
  await page.goto('/timeline/?kind=protest');
  await expect(page.locator('a.lang-switch')).toHaveAttribute('href', '/ar/timeline/?kind=protest');
});

test('an exact name ranks its entry first, in Arabic as in English', async ({ page }) => {
  for (const [path, q, href] of [
    ['/ar/search/', 'مايكروسوفت', '/ar/companies/microsoft/'],
    ['/search/', 'Microsoft', '/companies/microsoft/'],
    ['/ar/search/', 'بالانتير تكنولوجيز', '/ar/companies/palantir-technologies/'],
  ] as const) {
    await page.goto(`${path}?q=${encodeURIComponent(q)}`);
    // Pagefind's ranked list, not the names shown while it searches (aria-busy).
    await expect(page.locator('[data-search-list]:not([aria-busy]) [data-search-result]').first().locator('h2 a')).toHaveAttribute('href', href);
  }
});

test('"Change history" leads to the history on the site; each version\'s file to the repository the build knows (else to a copy on the site), and the contributing guide too (else left out)', async ({ page }) => {
  // The build's own answer (WIKI_REPO_URL, else the clone's origin on GitHub, GitLab or Codeberg).
  const repo = repoWebUrl();
  for (const path of ['/companies/palantir-technologies/', '/ar/companies/palantir-technologies/']) {
    await page.goto(path);
    await expect(page.locator('.last-changed a')).toHaveAttribute('href', `${path}history/`);
    await page.goto(`${path}history/`);
    const file = page.locator('.version-links a').nth(1);
    if (repo) await expect(file).toHaveAttribute('href', new RegExp(`^${repo.replace(/[.]/g, '\\.')}/.*[0-9a-f]{40}/.*content/companies/palantir-technologies(\\.ar)?\\.mdx$`));
    else await expect(file).toHaveAttribute('href', new RegExp(`^/companies/palantir-technologies/history/[0-9a-f]{12}(\\.ar)?\\.txt$`));
    // Never a placeholder repository.
    expect(await page.locator('a[href*="github.com/example/"]').count()).toBe(0);
  }
  // The footer's contribute link goes to the section that says where to go.
  await page.goto('/');
  await page.locator('.site-footer').getByRole('link', { name: 'Contribute or correct an entry' }).click();
  await expect(page).toHaveURL(/\/about\/#contribute$/);
  const where = page.locator('[data-repository]');
  if (repo) {
    await expect(where.getByRole('link').first()).toHaveAttribute('href', repo);
    await expect(where.getByRole('link', { name: 'CONTRIBUTING.md' })).toHaveAttribute('href', new RegExp(`^${repo.replace(/[.]/g, '\\.')}/.*CONTRIBUTING\\.md$`));
  } else {
    await expect(where).toHaveText(/does not say where its repository is/);
    await expect(where.getByRole('link')).toHaveCount(0);
  }
});
