/** The timeline in a real browser: order, partial dates, filters, entity timelines. */
import { expect, test } from '@playwright/test';

/** The same ordering rule as src/lib/isomorphic/dates.ts: string order on partial ISO dates. */
const inOrder = (dates: string[]) => dates.every((d, i) => i === 0 || dates[i - 1]! <= d);

test('the timeline lists events and contract awards by year, in date order, at the precision known', async ({ page }) => {
  await page.goto('/timeline/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timeline');
  const years = await page.locator('.timeline-year h2').allTextContents();
  expect(years.length).toBeGreaterThan(1);
  expect([...years].sort()).toEqual(years);
  const dates = await page.locator('[data-timeline-item] time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  expect(inOrder(dates)).toBe(true);
  // A month-precision date is shown as a month, never with an invented day.
  const monthOnly = page.locator('[data-timeline-item] time[datetime="2025-04"]').first();
  await expect(monthOnly).toHaveText('April 2025');
  // Contract awards are on it too.
  await expect(page.locator('[data-timeline-item][data-kind="contract-award"]').getByRole('link', { name: 'ImmigrationOS' })).toBeVisible();
});

test('filters by entity and kind, keeps them in the URL, and items lead to their entries', async ({ page }) => {
  await page.goto('/timeline/');
  const total = await page.locator('[data-timeline-item]').count();
  await page.getByLabel('Involving').selectOption({ label: 'Microsoft' });
  const visible = page.locator('[data-timeline-item]:visible');
  const n = await visible.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(total);
  for (const entities of await visible.evaluateAll((els) => els.map((e) => e.getAttribute('data-entities')!))) {
    expect(entities.split(' ')).toContain('companies/microsoft');
  }
  await expect(page.locator('[data-timeline-status]')).toHaveText(`${n} items shown`);
  expect(new URL(page.url()).searchParams.get('entity')).toBe('companies/microsoft');

  await page.getByLabel('Kind').selectOption({ label: 'protest' });
  for (const kind of await visible.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))) expect(kind).toBe('protest');

  await page.goto('/timeline/?kind=contract-award');
  await expect(page.getByLabel('Kind')).toHaveValue('contract-award');
  const first = page.locator('[data-timeline-item]:visible a').first();
  const name = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('a company page shows its own timeline; an agency page too', async ({ page }) => {
  for (const path of ['/companies/palantir-technologies/', '/agencies/ice/']) {
    await page.goto(path);
    const section = page.locator('section[aria-labelledby="rel-timeline"]');
    await expect(section.getByRole('heading', { name: /Timeline/ })).toBeVisible();
    const dates = await section.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(dates.length).toBeGreaterThan(1);
    expect(inOrder(dates)).toBe(true);
  }
  await expect(page.locator('section[aria-labelledby="rel-timeline"]').getByRole('link', { name: 'ImmigrationOS' })).toBeVisible();
});

test('the Arabic timeline is right to left with Arabic dates', async ({ page }) => {
  await page.goto('/ar/timeline/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('[data-timeline-item] time[datetime="2025-04"]').first()).toHaveText(/أبريل|نيسان/);
});

/** Each item of /timeline/ or /ar/timeline/: its entry, the contracts it is the award of, and its date and how it is qualified. */
async function timelineOf(page: import('@playwright/test').Page, path: string) {
  await page.goto(path);
  return page.locator('[data-timeline-item]').evaluateAll((items) =>
    items.map((li) => {
      const [own, ...contracts] = [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')!.replace(/^\/ar\//, '/'));
      const time = li.querySelector('time')!;
      return { own: own!, contracts, date: time.getAttribute('datetime')!, label: time.textContent!.trim() };
    }),
  );
}

test('both languages list the same happenings in the same order, not in the order of their titles', async ({ page }) => {
  const en = await timelineOf(page, '/timeline/');
  const ar = await timelineOf(page, '/ar/timeline/');
  expect(en.length).toBeGreaterThan(10);
  expect(ar.map((i) => [i.own, i.date])).toEqual(en.map((i) => [i.own, i.date]));
});

for (const [path, before, after] of [
  ['/timeline/', /^before /, /^after /],
  ['/ar/timeline/', /^قبل /, /^بعد /],
] as const) {
  test(`${path}: one item per happening, and within one date "before" first and "after" last`, async ({ page }) => {
    const items = await timelineOf(page, path);
    // An entry, or a contract an award event stands for, appears once.
    const shown = items.flatMap((i) => [i.own, ...i.contracts]);
    expect(shown.filter((href, n) => shown.indexOf(href) !== n), 'entries shown twice').toEqual([]);
    const rank = (label: string) => (before.test(label) ? 0 : after.test(label) ? 2 : 1);
    for (let n = 1; n < items.length; n++) {
      const [a, b] = [items[n - 1]!, items[n]!];
      if (a.date === b.date) expect(rank(a.label), `${a.own} (${a.label}) then ${b.own} (${b.label})`).toBeLessThanOrEqual(rank(b.label));
    }
    // The sources date the operation in Minneapolis "before January 2026": it heads the January 2026 items.
    const january = items.filter((i) => i.date === '2026-01');
    expect(january.length).toBeGreaterThan(1);
    expect(january[0]!.own).toBe('/events/minneapolis-federal-immigration-operation/');
  });
}
