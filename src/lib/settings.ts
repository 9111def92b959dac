/**
 * Every setting the wiki reads from the environment, with its default: the
 * one place `process.env` is read (README "Configuration" lists them). Each
 * is a function, read when asked, so tests and the benchmark can set a
 * variable for one build.
 *
 * Node only.
 */
import { isAbsolute, join, resolve } from 'node:path';

const env = (name: string): string | undefined => {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
};

/** SITE_URL: the origin the site is published at (permanent links, feeds, sitemap). */
export const siteUrl = (): string => env('SITE_URL') ?? 'http://localhost:4321';

/** BASE_PATH: the sub-path the site is published under, e.g. "/wiki/". */
export const basePath = (): string => env('BASE_PATH') ?? '/';

/** WIKI_OUT_DIR: where the site is built. */
export const outDir = (): string => env('WIKI_OUT_DIR') ?? './dist';

/** WIKI_CACHE_DIR: Astro's cache; a build into another outDir gets its own, so parallel builds never share one. */
export const cacheDir = (): string => env('WIKI_CACHE_DIR') ?? (env('WIKI_OUT_DIR') ? `${outDir()}.astro-cache` : './node_modules/.astro');

/** WIKI_CONTENT_DIR: where entries are read from (content/ by default; the benchmark and the test fixtures use others). */
export function contentDir(root: string): string {
  const override = env('WIKI_CONTENT_DIR');
  if (!override) return join(root, 'content');
  return isAbsolute(override) ? override : resolve(root, override);
}

/** WIKI_REPO_URL and WIKI_REPO_BRANCH: the public repository, for "change history" links. */
export const repoUrl = (): string | undefined => env('WIKI_REPO_URL');
export const repoBranch = (): string | undefined => env('WIKI_REPO_BRANCH');

/** WIKI_OG_IMAGES=0 turns the Open Graph cards off. */
export const ogImagesEnabled = (): boolean => process.env.WIKI_OG_IMAGES !== '0';

/** WIKI_SEARCH_SHARD_PAGES: pages per language before the search index is split into shards. */
export function searchShardPages(fallback: number): number {
  const raw = env('WIKI_SEARCH_SHARD_PAGES');
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WIKI_SEARCH_SHARD_PAGES must be a whole number of pages, 1 or more (it is "${raw}"); unset it for the default, ${fallback}.`);
  return n;
}

/**
 * The build's time: SOURCE_DATE_EPOCH (seconds) when set, so two builds of one
 * commit are byte-identical (reproducible-builds.org), otherwise now.
 */
export function buildTime(now: Date = new Date()): Date {
  const raw = env('SOURCE_DATE_EPOCH');
  const epoch = Number(raw);
  return raw !== undefined && Number.isFinite(epoch) ? new Date(epoch * 1000) : now;
}
