/** /sitemap.xml: every page in both languages with hreflang alternates. */
import type { APIRoute } from 'astro';
import { exportInputs } from '../lib/output/exports/site';
import { localeRouteFiles, pagesFromRoutes, sitemapXml } from '../lib/output/exports/sitemap';

export const GET: APIRoute = async ({ site }) => {
  const { wiki, ctx } = await exportInputs(site);
  const { pages } = pagesFromRoutes(ctx, localeRouteFiles(), wiki);
  return new Response(sitemapXml(ctx, pages), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
