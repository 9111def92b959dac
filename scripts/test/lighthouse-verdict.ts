/**
 * What a Lighthouse report must show for a page to pass (issue #17): at least
 * 0.95 in performance, accessibility, best practices and SEO, and a
 * cumulative layout shift under 0.1. Pure, so the wording of failures is
 * unit-tested (tests/unit/lighthouse-verdict.test.ts); scripts/test/lighthouse.ts
 * runs Lighthouse and reports with it.
 */

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type CategoryId = (typeof CATEGORIES)[number];

/** Lowest passing score of every category (Lighthouse scores run from 0 to 1). */
export const MIN_SCORE = 0.95;
/** Highest passing cumulative layout shift (exclusive). */
export const MAX_LAYOUT_SHIFT = 0.1;

/** The part of a Lighthouse result (LH.Result) the verdict reads. */
export interface LighthouseReport {
  categories: Record<string, { title: string; score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { id: string; title: string; score: number | null; displayValue?: string; numericValue?: number; errorMessage?: string } | undefined>;
  runtimeError?: { code: string; message: string };
}

const CLS_AUDIT = 'cumulative-layout-shift';

/** "0.91" for a score; two decimals, the precision of the thresholds. */
const score = (n: number) => n.toFixed(2);

/** The audits that cost a category points, heaviest first: "meta-description (Document does not have a meta description)". */
export function failingAudits(report: LighthouseReport, category: CategoryId): string[] {
  const refs = report.categories[category]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: report.audits[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
    .sort((a, b) => b.ref.weight - a.ref.weight || a.audit!.score! - b.audit!.score!)
    .map(({ audit }) => `${audit!.id} (${audit!.title}${audit!.displayValue ? `: ${audit!.displayValue}` : ''}, score ${score(audit!.score!)})`);
}

/** Every reason the page fails, each naming the page, the category and what to fix; empty when it passes. */
export function lighthouseFailures(page: string, report: LighthouseReport): string[] {
  if (report.runtimeError) return [`${page}: Lighthouse could not test the page (${report.runtimeError.code}: ${report.runtimeError.message})`];
  const failures: string[] = [];
  for (const id of CATEGORIES) {
    const category = report.categories[id];
    if (!category || category.score === null) {
      failures.push(`${page}: ${id} has no score (the category did not run or one of its audits failed to run)`);
      continue;
    }
    if (category.score >= MIN_SCORE) continue;
    const audits = failingAudits(report, id);
    failures.push(`${page}: ${id} scored ${score(category.score)}, below ${MIN_SCORE}; failing audits: ${audits.join('; ') || 'none listed'}`);
  }
  const cls = report.audits[CLS_AUDIT];
  if (cls?.numericValue === undefined) failures.push(`${page}: no layout shift was measured (${cls?.errorMessage ?? 'the cumulative-layout-shift audit is missing'})`);
  else if (cls.numericValue >= MAX_LAYOUT_SHIFT) failures.push(`${page}: cumulative layout shift is ${cls.numericValue.toFixed(3)}, it must stay under ${MAX_LAYOUT_SHIFT} (something moves after the first paint: a late font, a box a script shows or hides, an image without a size)`);
  return failures;
}

/** One line of scores for the summary: "/companies/  performance 0.99  accessibility 1.00  best-practices 1.00  seo 1.00  CLS 0.000". */
export function scoreLine(page: string, report: LighthouseReport): string {
  const parts = CATEGORIES.map((id) => {
    const s = report.categories[id]?.score;
    return `${id} ${s === null || s === undefined ? '—' : score(s)}`;
  });
  const cls = report.audits[CLS_AUDIT]?.numericValue;
  return `${page.padEnd(40)} ${parts.join('  ')}  CLS ${cls === undefined ? '—' : cls.toFixed(3)}`;
}
