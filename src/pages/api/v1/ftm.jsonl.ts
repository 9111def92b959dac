/** /api/v1/ftm.jsonl: the wiki as FollowTheMoney entities, one per line (see /data/). */
import type { APIRoute } from 'astro';
import { ftmJsonl } from '../../../lib/output/exports/ftm';
import { exportInputs } from '../../../lib/output/exports/site';

export const GET: APIRoute = async ({ site }) => {
  const { wiki, ctx } = await exportInputs(site);
  return new Response(ftmJsonl(ctx, wiki), { headers: { 'content-type': 'application/x-ndjson; charset=utf-8' } });
};
