/** /companies/<id>/feed.xml, and /ar/... for entries translated into Arabic: an Atom feed of every version of one entry, with what each changed. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES, localeParam, translator, type Locale } from '../../../../i18n';
import type { EntryKey } from '../../../../lib/isomorphic/entry-keys';
import { localName, mustGet } from '../../../../lib/model/entry';
import { getWiki } from '../../../../lib/model/wiki';
import { entryFeed } from '../../../../lib/output/exports/feed';
import { exportInputs } from '../../../../lib/output/exports/site';

export const getStaticPaths: GetStaticPaths = async () => {
  const wiki = await getWiki();
  return LOCALES.flatMap((locale) =>
    [...wiki.entries.values()]
      .filter((e) => locale === 'en' || e.translations[locale])
      .map((e) => ({ params: { locale: localeParam(locale), collection: e.collection, id: e.id }, props: { key: e.key, locale } })),
  );
};

export const GET: APIRoute = async ({ site, props }) => {
  const { key, locale } = props as { key: EntryKey; locale: Locale };
  const t = translator(locale);
  const { wiki, ctx } = await exportInputs(site);
  const name = localName(mustGet(wiki, key), locale);
  const xml = entryFeed(ctx, mustGet(wiki, key), locale, { title: t('history.feedTitle', { name }), subtitle: t('history.intro'), author: t('feed.author') });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
