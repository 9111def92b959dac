/** Browse lists in a real browser: sorting by column. */
import { expect, test } from '@playwright/test';

test('browse lists sort by each column from the keyboard, keeping empty values last', async ({ page }) => {
  await page.goto('/contracts/');
  const dateHeader = page.getByRole('columnheader', { name: /Date/ });
  await page.getByRole('button', { name: 'Sort by Date' }).focus();
  await page.keyboard.press('Enter');
  await expect(dateHeader).toHaveAttribute('aria-sort', 'ascending');
  const values = async () => page.locator('tbody tr td[data-sort-value]').evaluateAll((tds) => {
    const col = [...tds[0]!.closest('table')!.querySelectorAll('thead th')].findIndex((th) => th.getAttribute('aria-sort'));
    return [...tds[0]!.closest('tbody')!.rows].map((r) => r.cells[col]!.getAttribute('data-sort-value') ?? '');
  });
  const asc = await values();
  const filled = asc.filter(Boolean);
  expect(filled).toEqual([...filled].sort());
  expect(asc.slice(filled.length).every((v) => v === '')).toBe(true);
  await page.keyboard.press('Enter');
  await expect(dateHeader).toHaveAttribute('aria-sort', 'descending');
  const desc = (await values()).filter(Boolean);
  expect(desc).toEqual([...filled].sort().reverse());
  await expect(page.locator('#list-count')).toHaveText(/\d+ entries/);
});
