/**
 * Builds the fixture wiki (tests/fixtures/wiki/content) under the sub-path
 * /wiki/ into .cache/fixture-dist (or $FIXTURE_OUT), for the "fixture"
 * Playwright project.
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
  },
});
process.exit(result.status ?? 1);
