/**
 * Lighthouse on the production build (issue #17): the home page, a list, an
 * entry, the search page and the timeline, in English and in Arabic, with
 * Lighthouse's mobile settings (a phone's screen, simulated slow network and
 * CPU). Each page must score at least 0.95 in performance, accessibility,
 * best practices and SEO, with a layout shift under 0.1
 * (scripts/test/lighthouse-verdict.ts).
 *
 * Run by `npm run test:e2e` after the Playwright suites, so it has the
 * machine's cores to itself: the pages one after another in one Chromium.
 * A page that fails is measured once more before it counts (a busy machine
 * can slow one run); the thresholds never move.
 *
 * Settings: WIKI_OUT_DIR (the build, dist/ by default); E2E_PORT (the
 * Playwright port; this serves the site at E2E_PORT + 2, or LIGHTHOUSE_PORT);
 * CHROME_PATH or CHROMIUM_PATH (the browser, /usr/bin/chromium by default).
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { systemChromium } from '../../tests/e2e/chromium-path';
import { CATEGORIES, lighthouseFailures, scoreLine, type LighthouseReport } from './lighthouse-verdict';
import { serveSite } from './serve';

/** A page of each kind, in both languages. */
const PAGES = ['/', '/companies/', '/companies/palantir-technologies/', '/search/', '/timeline/'].flatMap((path) => [path, `/ar${path}`]);

const out = process.env.WIKI_OUT_DIR ?? 'dist';
const port = Number(process.env.LIGHTHOUSE_PORT ?? Number(process.env.E2E_PORT ?? 4329) + 2);
const chromePath = process.env.CHROME_PATH ?? systemChromium();
if (!chromePath) {
  console.error('No Chromium found for Lighthouse: install one (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH=/path/to/chromium.');
  process.exit(1);
}

const server = await serveSite(out, port);
const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

/** One Lighthouse run of a page, with the default (mobile, simulated throttling) settings. */
async function audit(path: string): Promise<LighthouseReport> {
  const result = await lighthouse(`http://127.0.0.1:${port}${path}`, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned no result for ${path}`);
  return result.lhr;
}

const failures: string[] = [];
try {
  for (const path of PAGES) {
    let report = await audit(path);
    let problems = lighthouseFailures(path, report);
    if (problems.length) {
      console.log(`${path}: measuring once more after a first run with ${problems.length} problem(s):\n${problems.map((p) => `    ${p}`).join('\n')}`);
      report = await audit(path);
      problems = lighthouseFailures(path, report);
    }
    console.log(`${problems.length ? '✘' : '✔'} ${scoreLine(path, report)}`);
    failures.push(...problems);
  }
} finally {
  chrome.kill();
  server.close();
}

if (failures.length) {
  console.error(`\nLighthouse: ${failures.length} problem(s) on ${PAGES.length} pages:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nLighthouse: all ${PAGES.length} pages pass (every category at least 0.95, layout shift under 0.1).`);
