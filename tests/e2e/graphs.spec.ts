/** Relationship pictures and value charts: visible without JavaScript, every node a link, in both directions. */
import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

for (const path of ['/companies/palantir-technologies/', '/agencies/ice/', '/contracts/project-nimbus/']) {
  test(`${path} shows its neighbourhood as an accessible SVG whose nodes are links`, async ({ page }) => {
    await page.goto(path);
    const figure = page.locator('section[aria-labelledby="rel-graph"] figure');
    const svg = figure.locator('svg');
    await expect(svg).toBeVisible();
    await expect(svg.locator('title').first()).not.toBeEmpty();
    await expect(svg.locator('desc')).toContainText('connections');
    const nodes = svg.locator('a.graph-node');
    expect(await nodes.count()).toBeGreaterThan(1);
    await expect(svg.locator('a.graph-node.current')).toHaveCount(1);
    for (const href of await nodes.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      // An entry, or (when a column is capped) the full list further down the page.
      expect(href).toMatch(/^(\/(companies|agencies|contracts|events)\/[a-z0-9-]+\/|#rel-[a-z-]+)$/);
      if (href!.startsWith('#')) await expect(page.locator(href!)).toHaveCount(1);
    }
    // The text alternative lists the same relationships.
    // The text alternative: every entry in the picture is also linked in the page's facts, lists or timeline.
    const listed = page.locator('.graph-words a');
    expect(await listed.count()).toBeGreaterThan(0);
    for (const anchor of await listed.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) await expect(page.locator(anchor)).toHaveCount(1);
    const outside = new Set(await page.locator('.facts a, .relations section:not([aria-labelledby="rel-graph"]) a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
    for (const href of await nodes.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      if (!href.startsWith('#') && href !== path) expect(outside.has(href), href).toBe(true);
    }
  });
}

test('following graph links goes from a company to a contract to its buyer', async ({ page }) => {
  await page.goto('/companies/palantir-technologies/');
  await page.locator('svg a.graph-node[href="/contracts/immigrationos/"]').click();
  await expect(page).toHaveURL(/\/contracts\/immigrationos\/$/);
  await page.locator('svg a.graph-node[href="/agencies/ice/"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('U.S. Immigration and Customs Enforcement');
});

test('the Arabic graph is mirrored: the current entry and its contracts swap sides', async ({ page }) => {
  const x = async (href: string) => Number(await page.locator(`svg a.graph-node[href="${href}"] rect`).first().getAttribute('x'));
  await page.goto('/companies/palantir-technologies/');
  const enBuyer = await x('/agencies/ice/');
  const enSelf = await x('/companies/palantir-technologies/');
  await page.goto('/ar/companies/palantir-technologies/');
  const arBuyer = await x('/ar/agencies/ice/');
  const arSelf = await x('/ar/companies/palantir-technologies/');
  expect(enBuyer).toBeLessThan(enSelf);
  expect(arBuyer).toBeGreaterThan(arSelf);
});

test('/network/ shows every contract once, clustered by buying body, each node a link', async ({ page }) => {
  await page.goto('/network/');
  const contractsListed = await page.locator('a.graph-node.type-contracts').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  await page.goto('/contracts/');
  const rows = await page.locator('table.browse tbody tr').count();
  expect(new Set(contractsListed).size).toBe(rows);
  expect(contractsListed.length).toBe(rows);
  await page.goto('/network/');
  await expect(page.getByRole('heading', { level: 2, name: /U\.S\. Department of Homeland Security/ })).toBeVisible();
});

test('value charts never add different reports: ImmigrationOS shows a range', async ({ page }) => {
  // WIRED reports US$30 million, Business Insider US$29.8 million: one award, two reports.
  await page.goto('/agencies/ice/');
  const bar = page.locator('section[aria-labelledby="rel-value"] a.value-bar', { hasText: /Palantir/ }).first();
  await expect(bar).toHaveAttribute('aria-label', /US\$29\.8 million to US\$30 million \(sources differ\)/);
  await page.goto('/companies/palantir-technologies/');
  const labels = await page.locator('a.value-bar').evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
  expect(labels.join('\n')).toContain('U.S. Immigration and Customs Enforcement: US$');
});

for (const path of ['/companies/google/', '/ar/companies/google/']) {
  test(`${path}: the page's value charts share one description and one hatch pattern, and every chart is named and described by them`, async ({ page }) => {
    await page.goto(path);
    const charts = page.locator('figure.value-chart svg');
    expect(await charts.count()).toBeGreaterThan(1);
    await expect(page.locator('figure.value-chart desc')).toHaveCount(1);
    await expect(page.locator('figure.value-chart pattern')).toHaveCount(1);
    const description = (await page.locator('figure.value-chart desc').textContent())!.trim();
    expect(description.length).toBeGreaterThan(20);
    for (const chart of await charts.all()) {
      const caption = (await chart.locator('xpath=ancestor::figure/figcaption').textContent())!.trim();
      // "Currency, kind of value", with the page's own comma.
      if (path.startsWith('/ar/')) expect(caption).toMatch(/^[^,]+، [^,]+$/);
      else expect(caption).toMatch(/^[^،]+, [^،]+$/);
      await expect(chart).toHaveAccessibleName(`${caption} ${description}`);
    }
    // Every hatch fill points at a pattern the page has.
    const missing = await page.locator('[fill^="url(#"]').evaluateAll((els) =>
      els.map((el) => el.getAttribute('fill')!.slice(5, -1)).filter((id) => !document.getElementById(id)),
    );
    expect(missing).toEqual([]);
  });
}
