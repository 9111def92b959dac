/**
 * The Content Security Policy (security.csp in astro.config.ts) is in every
 * page, never allows inline scripts without a hash, and breaks nothing: pages
 * with scripts (search with Pagefind's WebAssembly, entry pages, the timeline)
 * work with no CSP violation reported by the browser.
 */
import { expect, test, type Page } from '@playwright/test';

/** Record CSP violations (DOM events and console errors) from the first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const consoleViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|compile|evaluate|connect|frame)/i.test(message.text())) consoleViolations.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
  return async () => [...consoleViolations, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

async function policyOf(page: Page): Promise<string> {
  const meta = page.locator('meta[http-equiv="content-security-policy"]');
  await expect(meta).toHaveCount(1);
  return (await meta.getAttribute('content')) ?? '';
}

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d === name || d.startsWith(`${name} `));
}

for (const path of ['/', '/companies/palantir-technologies/', '/ar/contracts/immigrationos/', '/sources/palantir-employees-question-ice-work/', '/search/', '/ar/search/', '/companies/', '/timeline/', '/network/', '/data/', '/about/']) {
  test(`${path} has a strict CSP and no violation`, async ({ page }) => {
    const violations = await watchCsp(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const policy = await policyOf(page);
    const scriptSrc = directive(policy, 'script-src');
    expect(scriptSrc, policy).toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(directive(policy, 'default-src')).toBe("default-src 'self'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(directive(policy, 'base-uri')).toBe("base-uri 'self'");
    // Every inline script that runs is one Astro hashed.
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });
}

test('search works under the CSP (Pagefind and its WebAssembly load)', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('/search/');
  await page.getByRole('searchbox').last().fill('Palantir');
  await expect(page.locator('[data-search-status]')).toHaveText(/result/);
  await expect(page.locator('[data-search-result]').first()).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('an entry page with scripts still works under the CSP: footnote markers jump to their note', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('/companies/palantir-technologies/');
  await page.locator('.prose sup.cite a').first().click();
  await expect(page).toHaveURL(/#note-1$/);
  await page.waitForLoadState('networkidle');
  expect(await violations()).toEqual([]);
});

test('the CSP really blocks an injected inline script', async ({ page }) => {
  // Proves the watcher and the policy work: a script without a hash is refused and reported.
  const violations = await watchCsp(page);
  await page.goto('/companies/palantir-technologies/');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
  });
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  await expect.poll(violations).toEqual(expect.arrayContaining([expect.stringMatching(/script-src/)]));
});
