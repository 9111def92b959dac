/**
 * Open Graph image of every entry in every language, drawn at build time:
 * /og/companies/<id>.png and /og/ar/companies/<id>.png (see lib/og-image.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES, translator } from '../../i18n';
import type { UiKey } from '../../i18n/en';
import { ogImagesEnabled, ogRouteParam, renderOgImage, type OgCard } from '../../lib/og-image';
import { getWiki, localName } from '../../lib/wiki';

export const getStaticPaths = (async () => {
  if (!ogImagesEnabled()) return [];
  const wiki = await getWiki();
  const paths = [];
  for (const locale of LOCALES) {
    const t = translator(locale);
    for (const e of wiki.entries.values()) {
      const card: OgCard = { name: localName(e, locale), type: t(`type.${e.collection}` as UiKey), siteName: t('site.shortTitle'), locale };
      paths.push({ params: { path: ogRouteParam(e.key, locale) }, props: { card } });
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderOgImage((props as { card: OgCard }).card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
