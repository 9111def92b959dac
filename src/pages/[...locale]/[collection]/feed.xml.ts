/** /companies/feed.xml and /ar/...: an Atom feed of the latest versions of every entry in one collection. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES, localeParam, translator, type Locale, type UiKey } from '../../../i18n';
import { COLLECTIONS, type CollectionName } from '../../../schemas/shared';
import { collectionFeed } from '../../../lib/output/exports/feed';
import { exportInputs } from '../../../lib/output/exports/site';

export const getStaticPaths: GetStaticPaths = () =>
  LOCALES.flatMap((locale) => COLLECTIONS.map((collection) => ({ params: { locale: localeParam(locale), collection }, props: { collection, locale } })));

export const GET: APIRoute = async ({ site, props }) => {
  const { collection, locale } = props as { collection: CollectionName; locale: Locale };
  const t = translator(locale);
  const { wiki, ctx } = await exportInputs(site);
  const type = t(`collection.${collection}` as UiKey);
  const xml = collectionFeed(ctx, wiki, collection, locale, { title: t('history.collectionFeedTitle', { type }), subtitle: t('feed.subtitle'), author: t('feed.author') });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
