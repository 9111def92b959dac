/** /api/v1/contracts.csv: one row per contract × supplier × reported value (see /data/). */
import type { APIRoute } from 'astro';
import { contractsCsv } from '../../../lib/output/exports/csv';
import { exportInputs } from '../../../lib/output/exports/site';

export const GET: APIRoute = async ({ site }) => {
  const { wiki, ctx } = await exportInputs(site);
  return new Response(contractsCsv(ctx, wiki), { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
};
