/**
 * /api/v1/schema/<collection>.json: JSON Schema of a collection's front matter
 * (and of translation files), the same text `npm run schemas` commits to schemas/.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allSchemaFiles, SCHEMA_NAMES } from '../../../../lib/output/exports/json-schema';

export const getStaticPaths: GetStaticPaths = () => SCHEMA_NAMES.map((collection) => ({ params: { collection } }));

export const GET: APIRoute = ({ params }) => {
  const file = allSchemaFiles().find((f) => f.name === params.collection);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(file.text, { headers: { 'content-type': 'application/schema+json; charset=utf-8' } });
};
