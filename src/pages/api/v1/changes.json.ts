/** /api/v1/changes.json: what the latest version of the wiki changed, and every version's address (see /data/). */
import type { APIRoute } from 'astro';
import { changesDocument, commitDeltas } from '../../../lib/output/exports/changes';
import { exportInputs, jsonResponse } from '../../../lib/output/exports/site';

export const GET: APIRoute = async ({ site }) => {
  const { ctx } = await exportInputs(site);
  return jsonResponse(changesDocument(ctx, commitDeltas(ctx)));
};
