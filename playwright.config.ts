import { defineConfig } from '@playwright/test';
import { systemChromium } from './tests/e2e/chromium-path';

/**
 * Two sites are served: the real production build (dist/, from content/) and a
 * small fixture wiki built under a sub-path (/wiki/) with a redirect and a
 * translation, so base-path handling and redirects are tested too.
 * `npm run test:e2e` builds the fixture first (see scripts/test/build-fixture.ts).
 */
const sitePort = Number(process.env.E2E_PORT ?? 4329);
const fixturePort = sitePort + 1;
/** The production build under test (dist/ unless WIKI_OUT_DIR says otherwise). */
export const SITE_OUT = process.env.WIKI_OUT_DIR ?? 'dist';
export const FIXTURE_OUT = process.env.FIXTURE_OUT ?? '.cache/fixture-dist';
export const FIXTURE_BASE = '/wiki/';
/** The origin the fixture is built for: a real-looking deployment, so every absolute address can be checked (scripts/test/build-fixture.ts). */
export const FIXTURE_SITE = 'https://wiki.example.org';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      // A system Chromium when there is one (Playwright cannot download browsers everywhere).
      executablePath: systemChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
  projects: [
    { name: 'site', testIgnore: /fixture\..*spec\.ts/, use: { baseURL: `http://127.0.0.1:${sitePort}` } },
    { name: 'fixture', testMatch: /fixture\..*spec\.ts/, use: { baseURL: `http://127.0.0.1:${fixturePort}${FIXTURE_BASE}` } },
  ],
  webServer: [
    {
      command: `npx tsx scripts/test/serve.ts ${SITE_OUT} ${sitePort} /`,
      url: `http://127.0.0.1:${sitePort}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx scripts/test/serve.ts ${FIXTURE_OUT} ${fixturePort} ${FIXTURE_BASE}`,
      url: `http://127.0.0.1:${fixturePort}${FIXTURE_BASE}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
