/** /feed.xml and /ar/feed.xml: Atom feeds of new and changed entries, newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { perLocalePaths, translator, type Locale, type UiKey } from '../../i18n';
import { atomFeed } from '../../lib/output/exports/feed';
import { exportInputs } from '../../lib/output/exports/site';

export const getStaticPaths: GetStaticPaths = perLocalePaths;

export const GET: APIRoute = async ({ site, props }) => {
  const locale = (props as { locale: Locale }).locale;
  const t = translator(locale);
  const { wiki, ctx } = await exportInputs(site);
  const xml = atomFeed(ctx, wiki, locale, {
    title: t('feed.title'),
    subtitle: t('feed.subtitle'),
    author: t('feed.author'),
    newLabel: t('feed.new'),
    changedLabel: t('feed.changed'),
    typeLabel: (c) => t(`type.${c}` as UiKey),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
