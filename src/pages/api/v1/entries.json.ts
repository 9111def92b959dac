/** /api/v1/entries.json: every entry as a JSON record (see /data/). */
import type { APIRoute } from 'astro';
import { exportFiles, JSON_HEADERS } from '../../../lib/output/exports/site';

export const GET: APIRoute = async ({ site }) =>
  new Response((await exportFiles(site)).entries.text, { headers: JSON_HEADERS });
