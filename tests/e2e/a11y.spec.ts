/**
 * Accessibility gate on the real production build: axe-core (WCAG 2.0/2.1/2.2
 * A and AA rules) finds nothing on every page template, in English and
 * Arabic, in the light and the dark colour scheme; and every interactive
 * control on those templates is reached with Tab and shows a visible focus
 * indicator.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Template {
  name: string;
  /** English site path; the Arabic one gets the /ar prefix. */
  path: string;
  /** Brings the page into the state to check (results shown, a filter checked). */
  prepare?: (page: Page, locale: Locale) => Promise<void>;
}
type Locale = 'en' | 'ar';

/** Search with the names a query starts on screen while the full text is held back. */
async function namesWhileSearching(page: Page, locale: Locale) {
  await expect(page.locator('[data-search-status]')).not.toHaveText(/loading|تحميل/i);
  await page.route('**/*.pf_index', () => {}); // never answered: the page stays in this state
  await page.locator('#search-input').fill(locale === 'en' ? 'pala' : 'بالا');
  await expect(page.locator('[data-search-list][aria-busy="true"] [data-search-result]').first()).toBeVisible();
  await page.locator('#search-input').blur(); // the keyboard check measures each control's look unfocused
}

/** Search with a query typed, results shown and a filter checked. */
async function searchWithFilter(page: Page) {
  await page.locator('#search-input').fill('Microsoft');
  // The full results, not the names shown while the full text is searched (aria-busy).
  const results = page.locator('[data-search-list]:not([aria-busy]) [data-search-result]');
  await expect(results.first()).toBeVisible();
  // A filter value that some but not all results have, e.g. "Company (3)" of 12,
  // so that the filtered list can be told from the unfiltered one.
  const total = Number(/\d+/.exec((await page.locator('[data-search-status]').textContent()) ?? '')![0]);
  const labels = await page.locator('fieldset.filter-group li:visible').allTextContents();
  const at = labels.findIndex((text) => {
    const n = Number(/\((\d+)\)/.exec(text)?.[1] ?? 0);
    return n > 0 && n < total;
  });
  expect(at, 'a filter value that narrows the results').toBeGreaterThanOrEqual(0);
  const count = Number(/\((\d+)\)/.exec(labels[at]!)![1]);
  const box = page.locator('fieldset.filter-group li:visible').nth(at).locator('input');
  await box.check();
  await expect(box).toBeChecked();
  // Wait for the filtered list itself (the unfiltered one is still on screen
  // until the new search returns): its count in the status, then its items.
  await expect(page.locator('[data-search-status]')).toContainText(String(count));
  await expect(results).toHaveCount(Math.min(count, 10));
  await expect(results.first()).toBeVisible();
}

/** Opens every "in words" disclosure so its content is checked too. */
async function openDetails(page: Page) {
  await page.locator('details').evaluateAll((els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

const TEMPLATES: Template[] = [
  { name: 'home', path: '/' },
  { name: 'companies list', path: '/companies/' },
  { name: 'agencies list', path: '/agencies/' },
  { name: 'contracts list', path: '/contracts/' },
  { name: 'events list', path: '/events/' },
  { name: 'sources list', path: '/sources/' },
  // The biggest entry of each type: graphs, charts, timelines, cite panel.
  { name: 'company page', path: '/companies/microsoft/', prepare: openDetails },
  { name: 'agency page', path: '/agencies/ice/', prepare: openDetails },
  { name: 'contract page', path: '/contracts/immigrationos/', prepare: openDetails },
  { name: 'event page', path: '/events/aws-summit-keynote-disruption-2022/' },
  { name: 'source page', path: '/sources/palantir-employees-question-ice-work/' },
  { name: 'search page', path: '/search/', prepare: searchWithFilter },
  { name: 'search page, names while the full text is searched', path: '/search/', prepare: namesWhileSearching },
  { name: 'timeline', path: '/timeline/' },
  { name: 'network', path: '/network/', prepare: openDetails },
  { name: 'data', path: '/data/' },
  { name: 'history page', path: '/companies/palantir-technologies/history/' },
  { name: 'about', path: '/about/' },
  // Served for any unknown URL (one page for both languages).
  { name: '404', path: '/no-such-page/' },
];

const localized = (path: string, locale: Locale) => (locale === 'en' ? path : `/ar${path}`);

for (const locale of ['en', 'ar'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${locale}, ${colorScheme}`, () => {
      for (const tpl of TEMPLATES) {
        test(`axe: ${tpl.name}`, async ({ page }) => {
          await page.emulateMedia({ colorScheme });
          await page.goto(localized(tpl.path, locale));
          await tpl.prepare?.(page, locale);
          const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          const report = violations.flatMap((v) =>
            v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help}\n    ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`),
          );
          expect(report, `${violations.length} axe rule(s) violated on ${page.url()}`).toEqual([]);
        });
      }
    });
  }
}

/** Everything a keyboard user can operate. */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * In the page: lists the controls a reader can see (not hidden, not inside a
 * closed <details>) as window.__controls, and returns their descriptions and
 * their look without focus.
 */
function collectControls(selector: string) {
  const w = window as unknown as { __controls: Element[]; __look: (el: Element) => string };
  /** Focus indicators: outline, box-shadow, or (SVG links) the stroke of their shapes. */
  w.__look = (el: Element) =>
    [el, ...el.querySelectorAll('rect')]
      .map((n) => {
        const s = getComputedStyle(n);
        const outline = s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? '' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
        return [outline, s.boxShadow === 'none' ? '' : s.boxShadow, n instanceof SVGElement ? `${s.stroke} ${s.strokeWidth}` : ''].join('|');
      })
      .join(';');
  w.__controls = [...document.querySelectorAll(selector)].filter(
    (el) => el.getAttribute('tabindex') !== '-1' && el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]'),
  );
  return w.__controls.map((el) => ({
    name: `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`,
    look: w.__look(el),
  }));
}

for (const locale of ['en', 'ar'] as const) {
  for (const tpl of TEMPLATES) {
    test(`keyboard (${locale}): ${tpl.name}: every control is reached with Tab and shows focus`, async ({ page }) => {
      await page.goto(localized(tpl.path, locale));
      await tpl.prepare?.(page, locale);
      const controls = await page.evaluate(collectControls, FOCUSABLE);
      expect(controls.length).toBeGreaterThan(0);

      // Start from the top of the document, as after loading the page.
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        document.body.tabIndex = -1;
        document.body.focus();
        document.body.removeAttribute('tabindex');
      });
      const reached = new Set<number>();
      const noIndicator: string[] = [];
      let previous = -1;
      for (let presses = 0; presses < controls.length + 20; presses++) {
        await page.keyboard.press('Tab');
        const { index, look, inPage } = await page.evaluate(() => {
          const w = window as unknown as { __controls: Element[]; __look: (el: Element) => string };
          const el = document.activeElement!;
          return { index: w.__controls.indexOf(el), look: w.__look(el), inPage: el !== document.body };
        });
        // Past the last control focus leaves the page (or wraps round to the first).
        if (!inPage && reached.size > 0) break;
        // Other stops (a scrollable box) are fine.
        if (index < 0) continue;
        if (reached.has(index) || index <= previous) break;
        reached.add(index);
        previous = index;
        if (look === controls[index]!.look) noIndicator.push(controls[index]!.name);
      }
      const missed = controls.filter((_, i) => !reached.has(i)).map((c) => c.name);
      expect(missed, 'controls not reached with Tab, in document order').toEqual([]);
      expect(noIndicator, 'controls without a visible focus indicator').toEqual([]);
    });
  }
}
