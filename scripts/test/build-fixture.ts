/**
 * Builds the fixture wiki (tests/fixtures/wiki/content) for a deployment at
 * https://wiki.example.org/wiki/ into .cache/fixture-dist (or $FIXTURE_OUT),
 * for the "fixture" Playwright project, with its search index split into shards.
 */
import { spawnSync } from 'node:child_process';
import { FIXTURE_BASE, FIXTURE_SITE } from '../../playwright.config';

const result = spawnSync('npx', ['astro', 'build'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    WIKI_CONTENT_DIR: 'tests/fixtures/wiki/content',
    WIKI_OUT_DIR: process.env.FIXTURE_OUT ?? '.cache/fixture-dist',
    BASE_PATH: FIXTURE_BASE,
    SITE_URL: FIXTURE_SITE,
    // Split the fixture's tiny search index in three, so the tests cover merging shards.
    WIKI_SEARCH_SHARD_PAGES: '3',
  },
});
process.exit(result.status ?? 1);
