/** /api/v1/contracts.csv: one row per contract × supplier × reported value (see /data/). */
import type { APIRoute } from 'astro';
import { exportFiles } from '../../../lib/output/exports/site';

export const GET: APIRoute = async ({ site }) =>
  new Response((await exportFiles(site)).contractsCsv.text, { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
