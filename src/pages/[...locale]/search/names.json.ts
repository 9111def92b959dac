/** /search/names.json and /ar/search/names.json: the names "did you mean" suggests from (fetched only when a search finds nothing). */
import type { APIRoute } from 'astro';
import { perLocalePaths, translator, type Locale } from '../../../i18n';
import { getWiki } from '../../../lib/model/wiki';
import { searchNames } from '../../../lib/views/search-names';

export const getStaticPaths = perLocalePaths;

export const GET: APIRoute = async ({ props }) => {
  const locale = (props as { locale: Locale }).locale;
  const names = searchNames(await getWiki(), locale, translator(locale));
  return new Response(JSON.stringify({ names }), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
