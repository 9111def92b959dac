/** /api/v1/roles.csv: one row per role a person holds or held, with its source (see /data/). */
import type { APIRoute } from 'astro';
import { exportFiles } from '../../../lib/output/exports/site';

export const GET: APIRoute = async ({ site }) =>
  new Response((await exportFiles(site)).rolesCsv.text, { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
