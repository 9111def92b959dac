/** /api/v1/ftm.jsonl: the wiki as FollowTheMoney entities, one per line (see /data/). */
import type { APIRoute } from 'astro';
import { exportFiles } from '../../../lib/output/exports/site';

export const GET: APIRoute = async ({ site }) =>
  new Response((await exportFiles(site)).ftm.text, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8' } });
