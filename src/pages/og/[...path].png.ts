/**
 * Open Graph images while previewing with `astro dev`: /og/companies/<id>.png
 * and /og/ar/companies/<id>.png, drawn on request (see lib/og-image.ts).
 * A production build does not use this route: integrations/og-images.ts draws
 * every card in a separate process while Astro renders the pages, and writes
 * the same paths.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES } from '../../i18n';
import { ogCard } from '../../lib/output/og/cards';
import { ogImagesEnabled, ogRouteParam, renderOgImage, type OgCard } from '../../lib/output/og/image';
import { getWiki } from '../../lib/model/wiki';
import { isTranslated, localName } from '../../lib/model/entry';

export const getStaticPaths = (async () => {
  if (!ogImagesEnabled() || !import.meta.env.DEV) return [];
  const wiki = await getWiki();
  return LOCALES.flatMap((locale) =>
    [...wiki.entries.values()].filter((e) => isTranslated(e, locale)).map((e) => ({
      params: { path: ogRouteParam(e.key, locale) },
      props: { card: ogCard(e.collection, localName(e, locale), locale) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderOgImage((props as { card: OgCard }).card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
