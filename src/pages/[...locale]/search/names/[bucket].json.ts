/**
 * /search/names/<first letter>.json (and /ar/...): the names whose folded form
 * starts with that letter (its hex code point), for "did you mean" and for
 * ranking an entry named exactly first. The search page fetches one file per
 * first letter typed.
 */
import type { APIRoute } from 'astro';
import { LOCALES, localeParam, translator, type Locale } from '../../../../i18n';
import { getWiki } from '../../../../lib/model/wiki';
import type { NameRecord } from '../../../../lib/isomorphic/did-you-mean';
import { nameBuckets, searchNames } from '../../../../lib/views/search-names';

export async function getStaticPaths() {
  const wiki = await getWiki();
  return LOCALES.flatMap((locale) =>
    [...nameBuckets(searchNames(wiki, locale, translator(locale)))].map(([bucket, names]) => ({ params: { locale: localeParam(locale), bucket }, props: { names, locale } })),
  );
}

export const GET: APIRoute = ({ props }) => {
  const { names } = props as { names: NameRecord[]; locale: Locale };
  return new Response(JSON.stringify({ names }), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
