/**
 * Builds the fixture wiki (tests/fixtures/wiki/content) under the sub-path
 * /wiki/ into .cache/fixture-dist (or $FIXTURE_OUT), for the "fixture"
 * Playwright project, with its search index split into shards.
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['astro', 'build'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    WIKI_CONTENT_DIR: 'tests/fixtures/wiki/content',
    WIKI_OUT_DIR: process.env.FIXTURE_OUT ?? '.cache/fixture-dist',
    BASE_PATH: '/wiki/',
    SITE_URL: 'https://example.org',
    // Split the fixture's tiny search index in three, so the tests cover merging shards.
    WIKI_SEARCH_SHARD_PAGES: '3',
  },
});
process.exit(result.status ?? 1);
