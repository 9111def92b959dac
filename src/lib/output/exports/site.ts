/**
 * The one place endpoints and the /data/ page get what the export builders
 * need: the wiki (from getWiki, loaded once per build), the git history (one
 * git log per build) and the site URL and base path from the Astro config;
 * and the whole-wiki export files, made once.
 */
import { getHistory } from '../../content/git-history';
import { getWiki } from '../../model/wiki';
import type { Wiki } from '../../model/entry';
import { makeContext, type ExportContext } from './context';
import { contractRows, contractsCsv, roleRows, rolesCsv } from './csv';
import { ftmEntities, ftmJsonl } from './ftm';
import { entriesDocument } from './records';
import { buildTime } from '../../settings';

/** One generation time for every file of a build. */
const BUILD_TIME = buildTime().toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function exportInputs(site: URL | string | undefined): Promise<{ wiki: Wiki; ctx: ExportContext }> {
  const [wiki, history] = await Promise.all([getWiki(), getHistory()]);
  return { wiki, ctx: makeContext({ site, base: import.meta.env.BASE_URL, history, generatedAt: BUILD_TIME }) };
}

/**
 * The JSON text every export writes: compact, as APIs serve it (indentation
 * was a third of a per-entry file's bytes; any JSON viewer indents it).
 */
export const jsonText = (value: unknown): string => `${JSON.stringify(value)}\n`;

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

export function jsonResponse(value: unknown): Response {
  return new Response(jsonText(value), { headers: JSON_HEADERS });
}

/** The whole-wiki exports, each made once per build: the endpoints write them and /data/ states their sizes and counts. */
export interface ExportFiles {
  entries: { text: string; count: number };
  contractsCsv: { text: string; rows: number };
  rolesCsv: { text: string; rows: number };
  ftm: { text: string; entities: number };
}

let files: Promise<ExportFiles> | undefined;

export function exportFiles(site: URL | string | undefined): Promise<ExportFiles> {
  files ??= exportInputs(site).then(({ wiki, ctx }) => {
    const entries = entriesDocument(ctx, wiki);
    const rows = contractRows(ctx, wiki);
    const roles = roleRows(ctx, wiki);
    const entities = ftmEntities(ctx, wiki);
    return {
      entries: { text: jsonText(entries), count: entries.total },
      contractsCsv: { text: contractsCsv(ctx, wiki, rows), rows: rows.length },
      rolesCsv: { text: rolesCsv(roles), rows: roles.length },
      ftm: { text: ftmJsonl(ctx, wiki, entities), entities: entities.length },
    };
  });
  return files;
}
