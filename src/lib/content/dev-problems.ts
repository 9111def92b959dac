/**
 * The content problems `astro dev` knows of, shared between the content
 * loaders and the content check, which find them (in Astro's own process),
 * and the dev middleware (src/middleware.ts), which shows them on every page
 * (in Vite's module runner, where this module is a second instance: hence
 * globalThis). Each problem is held as `npm run validate` prints it.
 *
 * Imports only the isomorphic text rules, so the middleware brings no content
 * reading into pages.
 */
import { escapeHtml } from '../isomorphic/text';

const KEY = Symbol.for('wiki:dev-content-problems');
type Registry = { lines: readonly string[] };
const registry = (): Registry => ((globalThis as { [KEY]?: Registry })[KEY] ??= { lines: [] });

/** Replace the known problems with those of the latest check (`file:line field message` lines). */
export function setDevProblems(lines: readonly string[]): void {
  registry().lines = [...lines];
}

export function devProblems(): readonly string[] {
  return registry().lines;
}

/** The problems as a block of HTML (contributor text escaped), with an id the tests look for. */
function problemsHtml(lines: readonly string[], intro: string): string {
  const items = lines.map((l) => `<li><code>${escapeHtml(l)}</code></li>`).join('');
  return `<aside id="content-problems" role="alert" lang="en" dir="ltr"><h2>Content problems (${lines.length})</h2><p>${escapeHtml(intro)}</p><ul>${items}</ul><p>Fix them and save; <code>npm run validate</code> lists them too.</p></aside>`;
}

/** A page with the problem list put first in its body. */
export function withProblemList(html: string, lines: readonly string[]): string {
  const block = problemsHtml(lines, 'An entry with a problem is shown as it was before the change (its last good version), until the problem is fixed.');
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return `${block}${html}`;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}${block}${html.slice(at)}`;
}

/** The page shown instead of one that could not be made from the content as it is. */
export function problemsPage(lines: readonly string[], error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Content problems</title></head><body>${problemsHtml(
    lines,
    `This page could not be made from the content as it is now (${reason}). The problems below are the likely cause.`,
  )}</body></html>`;
}
