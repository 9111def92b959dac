/**
 * The wiki as a whole, over the production build: every entry cites at least
 * one source, every source is cited by some entry, and every entry can be
 * reached from the home page within two clicks.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { URL_LIST } from '../../scripts/content/published-urls';

const ENTRY = /^\/(companies|agencies|contracts|events|sources)\/[a-z0-9-]+\/$/;
const entries = readFileSync(URL_LIST, 'utf8')
  .split('\n')
  .filter((u) => ENTRY.test(u));

const linksOf = (html: string) => [...html.matchAll(/<a [^>]*href="(\/[^"#?]*)"/g)].map((m) => m[1]!);
const isRedirect = (html: string) => html.includes('http-equiv="refresh"');

async function page(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.text();
}

test('every entry cites at least one source, and every source is cited', async ({ request }) => {
  const uncited: string[] = [];
  const unsourced: string[] = [];
  for (const url of entries) {
    const html = await page(request, url);
    if (isRedirect(html)) continue;
    if (url.startsWith('/sources/')) {
      const citedBy = /aria-labelledby="rel-cited-by"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      if (!linksOf(citedBy).some((href) => ENTRY.test(href))) uncited.push(url);
    } else {
      const notes = /class="footnotes"[\s\S]*?<\/ol>/.exec(html)?.[0] ?? '';
      if (!linksOf(notes).some((href) => href.startsWith('/sources/'))) unsourced.push(url);
    }
  }
  expect(unsourced, 'entries without a cited source').toEqual([]);
  expect(uncited, 'sources no entry cites').toEqual([]);
});

test('every entry is reachable from the home page within two clicks', async ({ request }) => {
  const reached = new Set<string>();
  const first = linksOf(await page(request, '/'));
  first.forEach((u) => reached.add(u));
  for (const url of new Set(first)) {
    if (url.startsWith('/pagefind') || url.startsWith('/api/') || /\.\w+$/.test(url)) continue;
    linksOf(await page(request, url)).forEach((u) => reached.add(u));
  }
  const live: string[] = [];
  for (const url of entries) if (!isRedirect(await page(request, url))) live.push(url);
  expect(live.filter((u) => !reached.has(u))).toEqual([]);
  expect(live.length).toBeGreaterThan(50);
});
