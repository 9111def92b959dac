/**
 * The one place endpoints and the /data/ page get what the export builders
 * need: the wiki (from getWiki, loaded once per build), the git history (one
 * git log per build) and the site URL and base path from the Astro config.
 */
import { getHistory } from '../../content/git-history';
import { getWiki } from '../../model/wiki';
import type { Wiki } from '../../model/entry';
import { makeContext, type ExportContext } from './context';
import { buildTime } from '../../settings';

/** One generation time for every file of a build. */
const BUILD_TIME = buildTime().toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function exportInputs(site: URL | string | undefined): Promise<{ wiki: Wiki; ctx: ExportContext }> {
  const [wiki, history] = await Promise.all([getWiki(), getHistory()]);
  return { wiki, ctx: makeContext({ site, base: import.meta.env.BASE_URL, history, generatedAt: BUILD_TIME }) };
}

export function jsonResponse(value: unknown): Response {
  return new Response(`${JSON.stringify(value, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
