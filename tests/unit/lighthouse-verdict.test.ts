/**
 * The Lighthouse verdict (scripts/test/lighthouse-verdict.ts): which reports
 * pass, and failures that name the page, the category and the audits to fix.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORIES, lighthouseFailures, scoreLine, type LighthouseReport } from '../../scripts/test/lighthouse-verdict';

type Audit = NonNullable<LighthouseReport['audits'][string]>;

/** A report in which every category scores `scores[id]` (1 by default), with the given audits. */
function report(scores: Partial<Record<(typeof CATEGORIES)[number], number | null>> = {}, audits: Audit[] = [], cls = 0): LighthouseReport {
  const all: Audit[] = [{ id: 'cumulative-layout-shift', title: 'Cumulative Layout Shift', score: 1, numericValue: cls, displayValue: String(cls) }, ...audits];
  return {
    categories: Object.fromEntries(
      CATEGORIES.map((id) => [id, { title: id, score: scores[id] === undefined ? 1 : scores[id]!, auditRefs: all.filter((a) => a.id.startsWith(`${id}:`) || (id === 'performance' && a.id === 'cumulative-layout-shift')).map((a) => ({ id: a.id, weight: a.id.endsWith(':unweighted') ? 0 : 1 })) }]),
    ),
    audits: Object.fromEntries(all.map((a) => [a.id, a])),
  };
}

describe('lighthouseFailures', () => {
  it('passes a page at or above 0.95 everywhere with a layout shift under 0.1', () => {
    expect(lighthouseFailures('/', report({ performance: 0.95, seo: 0.99 }, [], 0.099))).toEqual([]);
  });

  it.each<[string, LighthouseReport, RegExp[]]>([
    [
      'a category below 0.95 names it and its failing audits, heaviest first, never an unweighted one',
      report({ seo: 0.91 }, [
        { id: 'seo:meta-description', title: 'Document does not have a meta description', score: 0 },
        { id: 'seo:unweighted', title: 'Not counted', score: 0 },
      ]),
      [/^\/companies\/: seo scored 0\.91, below 0\.95; failing audits: seo:meta-description \(Document does not have a meta description, score 0\.00\)$/],
    ],
    [
      'a slow page lists the metrics that cost it points, with their values',
      report({ performance: 0.82 }, [{ id: 'performance:total-blocking-time', title: 'Total Blocking Time', score: 0.4, displayValue: '740 ms' }]),
      [/^\/companies\/: performance scored 0\.82, below 0\.95; failing audits: performance:total-blocking-time \(Total Blocking Time: 740 ms, score 0\.40\)$/],
    ],
    ['a layout shift of 0.1 or more fails, saying what usually causes one', report({}, [], 0.139), [/^\/companies\/: cumulative layout shift is 0\.139, it must stay under 0\.1 \(something moves after the first paint: a late font/]],
    ['a category without a score fails rather than passing silently', report({ accessibility: null }), [/^\/companies\/: accessibility has no score/]],
    ['a page Lighthouse could not load fails with its error', { ...report(), runtimeError: { code: 'ERRORED_DOCUMENT_REQUEST', message: 'status code 404' } }, [/^\/companies\/: Lighthouse could not test the page \(ERRORED_DOCUMENT_REQUEST: status code 404\)$/]],
    ['several problems are all reported', report({ accessibility: 0.9, 'best-practices': 0.5 }, [], 0.2), [/accessibility scored 0\.90/, /best-practices scored 0\.50/, /cumulative layout shift is 0\.200/]],
  ])('%s', (_, r, expected) => {
    const failures = lighthouseFailures('/companies/', r);
    expect(failures).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(failures[i]).toMatch(re));
  });

  it('fails when the layout shift was not measured', () => {
    const r = report();
    delete r.audits['cumulative-layout-shift'];
    expect(lighthouseFailures('/ar/', r)).toEqual(['/ar/: no layout shift was measured (the cumulative-layout-shift audit is missing)']);
  });
});

describe('scoreLine', () => {
  it('shows every category and the layout shift of a page', () => {
    expect(scoreLine('/ar/timeline/', report({ performance: 0.96 }, [], 0.0123))).toMatch(/^\/ar\/timeline\/\s+performance 0\.96 {2}accessibility 1\.00 {2}best-practices 1\.00 {2}seo 1\.00 {2}CLS 0\.012$/);
  });
});
