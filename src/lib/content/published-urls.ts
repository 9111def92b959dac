/**
 * The committed list of every address the wiki has published
 * (`published-urls.txt`, beside the content folder: the repository root for
 * content/, tests/fixtures/wiki/ for the fixture wiki). Journalists cite these
 * addresses: the browser tests check that each still serves a page, and the
 * content check lets a redirect keep only a listed address alive.
 *
 * Node only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { contentDir } from '../settings';
import type { PublishedAddresses } from './identity-rules';

export const PUBLISHED_URLS_FILE = 'published-urls.txt';

/** Where the list of the content folder being read sits: beside that folder. */
export function publishedUrlsPath(root: string): string {
  return join(dirname(contentDir(root)), PUBLISHED_URLS_FILE);
}

/** The addresses in the list's text: one site path a line, comments (#) ignored. */
export function parsePublishedUrls(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('/'));
}

/** The list for the content folder under `root` (empty when there is none yet). */
export function readPublishedAddresses(root: string): PublishedAddresses {
  const path = publishedUrlsPath(root);
  const file = relative(root, path).split(sep).join('/');
  return { file: file.startsWith('..') ? path : file, paths: new Set(existsSync(path) ? parsePublishedUrls(readFileSync(path, 'utf8')) : []) };
}
