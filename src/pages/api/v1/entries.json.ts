/** /api/v1/entries.json: every entry as a JSON record (see /data/). */
import type { APIRoute } from 'astro';
import { entriesDocument } from '../../../lib/output/exports/records';
import { exportInputs, jsonResponse } from '../../../lib/output/exports/site';

export const GET: APIRoute = async ({ site }) => {
  const { wiki, ctx } = await exportInputs(site);
  return jsonResponse(entriesDocument(ctx, wiki));
};
