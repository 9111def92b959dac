/** /api/v1/changes/<commit>.json: the entries one version of the wiki added, changed and removed (see /data/). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getHistory } from '../../../../lib/content/git-history';
import { commitDelta, commitDocument } from '../../../../lib/output/exports/changes';
import { exportInputs, jsonResponse } from '../../../../lib/output/exports/site';

export const getStaticPaths: GetStaticPaths = async () => (await getHistory()).commits.map((c) => ({ params: { commit: c.hash } }));

export const GET: APIRoute = async ({ site, params }) => {
  const { ctx } = await exportInputs(site);
  const delta = commitDelta(ctx, params.commit!)!;
  return jsonResponse(commitDocument(ctx, delta));
};
