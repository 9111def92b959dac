/**
 * Permanent links: every URL ever published (published-urls.txt) still
 * serves its page or a redirect to a live page, and every page the build
 * publishes is on the list, so removals are always deliberate.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { publishedUrls, URL_LIST } from '../../scripts/content/published-urls';
import { SITE_OUT } from '../../playwright.config';

const listed = readFileSync(URL_LIST, 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('/'));

test('every published URL still serves a page or a redirect to a live page', async ({ request }) => {
  const broken: string[] = [];
  for (const url of listed) {
    const response = await request.get(url);
    if (response.status() !== 200) {
      broken.push(`${url} answers ${response.status()}`);
      continue;
    }
    const html = await response.text();
    const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html);
    if (refresh) {
      const target = await request.get(refresh[1]!);
      const targetHtml = await target.text();
      if (target.status() !== 200 || targetHtml.includes('http-equiv="refresh"')) broken.push(`${url} redirects to ${refresh[1]} which does not serve a page`);
    }
  }
  expect(broken, 'A published URL disappeared. Keep old ids alive with redirectFrom in the renamed entry.').toEqual([]);
});

test('every page the build publishes is on the committed list', () => {
  const built = publishedUrls(SITE_OUT);
  const missing = built.filter((url) => !listed.includes(url));
  expect(missing, `New pages are not in ${URL_LIST}: run "npm run build && npm run urls:update" and commit the list.`).toEqual([]);
  expect(listed.length).toBeGreaterThan(100);
});
