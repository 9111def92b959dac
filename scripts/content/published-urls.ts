/**
 * The committed list of every published page URL (published-urls.txt, beside
 * the content folder: see src/lib/content/published-urls.ts). Journalists
 * cite these addresses, so a test fails when one disappears without a
 * redirect, and when a new page is published without being listed; and a
 * redirect may only keep a listed address alive.
 *
 *   npm run build && npm run urls:update   # after adding or renaming entries
 *   WIKI_CONTENT_DIR=tests/fixtures/wiki/content WIKI_OUT_DIR=.cache/fixture-dist npm run urls:update   # the fixture's list
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { publishedUrlsPath } from '../../src/lib/content/published-urls';

/** The list of the content folder in use (the repository's own, published-urls.txt, unless WIKI_CONTENT_DIR says otherwise). */
export const URL_LIST = relative(process.cwd(), publishedUrlsPath(process.cwd())).split(sep).join('/');

/** Every page URL in a build directory (a folder with index.html), sorted; the 404 page and Pagefind's files excluded. */
export function publishedUrls(dist: string): string[] {
  const urls: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['pagefind', '_astro', 'api', 'og'].includes(entry.name) || dir !== dist) walk(path);
      } else if (entry.name === 'index.html') {
        const rel = relative(dist, dir).split(sep).join('/');
        urls.push(rel ? `/${rel}/` : '/');
      }
    }
  };
  walk(dist);
  return urls.sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.env.WIKI_OUT_DIR ?? 'dist';
  const urls = publishedUrls(dist);
  writeFileSync(
    URL_LIST,
    `# Every published page (see scripts/content/published-urls.ts). Never delete a line: rename entries with redirectFrom.\n${urls.join('\n')}\n`,
  );
  console.log(`Wrote ${urls.length} URLs to ${URL_LIST}.`);
}
