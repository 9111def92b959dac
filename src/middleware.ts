/**
 * In `astro dev` only: every page lists the content problems the check has
 * found (lib/content/dev-problems.ts), and a page that cannot be made from
 * content with problems shows the list instead of a stack trace. Builds never
 * get here: a build with any problem fails first (integrations/content-check.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { devProblems, problemsPage, withProblemList } from './lib/content/dev-problems';

export const onRequest = defineMiddleware(async (_context, next) => {
  if (!import.meta.env.DEV) return next();
  const lines = devProblems();
  if (!lines.length) return next();
  const failed = (error: unknown) => new Response(problemsPage(lines, error), { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
  let response: Response;
  let html: string;
  try {
    response = await next();
    if (!response.headers.get('content-type')?.includes('text/html')) return response;
    html = await response.text();
  } catch (error) {
    return failed(error);
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(withProblemList(html, lines), { status: response.status, headers });
});
