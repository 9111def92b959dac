/** /api/v1/<collection>/<id>.json: one entry with its backlinks and citations (see /data/). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { EntryKey } from '../../../../lib/isomorphic/entry-keys';
import { entryDetail } from '../../../../lib/output/exports/records';
import { exportInputs, jsonResponse } from '../../../../lib/output/exports/site';
import { getWiki } from '../../../../lib/model/wiki';
import { mustGet } from '../../../../lib/model/entry';

export const getStaticPaths: GetStaticPaths = async () => {
  const wiki = await getWiki();
  return [...wiki.entries.values()].map((e) => ({ params: { collection: e.collection, id: e.id }, props: { key: e.key } }));
};

export const GET: APIRoute = async ({ site, props }) => {
  const { wiki, ctx } = await exportInputs(site);
  return jsonResponse(entryDetail(ctx, wiki, mustGet(wiki, (props as { key: EntryKey }).key)));
};
