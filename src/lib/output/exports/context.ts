/**
 * What every export needs besides the wiki itself: how to make an absolute
 * URL (site URL + base path from the Astro config), the git history, and when
 * the export was generated. Kept free of Astro imports so the export builders
 * are plain functions that unit tests can call.
 */
import type { WikiHistory } from '../../model/history';
import { absoluteUrl } from '../../isomorphic/paths';
import { buildTime } from '../../settings';

/** Licence of all entries and data. */
export const LICENSE = 'CC BY 4.0';
export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
/** Version of the export formats; bumped when a field changes meaning or is removed. */
export const EXPORT_VERSION = 1;
/** Where the API lives, under the base path. */
export const API_PREFIX = '/api/v1';

export interface ExportContext {
  /** Absolute URL of a site path (a path without the base, e.g. "/companies/x/"). */
  url: (path: string) => string;
  /** Git history of every entry, keyed "collection/id". */
  history: WikiHistory;
  /** ISO 8601 time the export was generated. */
  generatedAt: string;
}

/** A context from the Astro config values (`Astro.site`/`context.site` and `import.meta.env.BASE_URL`). */
export function makeContext(options: {
  site: string | URL | undefined;
  base: string;
  history: WikiHistory;
  generatedAt?: string;
}): ExportContext {
  return {
    url: (path) => absoluteUrl(path, options.site, options.base),
    history: options.history,
    generatedAt: options.generatedAt ?? buildTime().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/** The metadata block every JSON export starts with. */
export function generationMetadata(ctx: ExportContext) {
  return {
    license: LICENSE,
    licenseUrl: LICENSE_URL,
    attribution: `Surveillance Tech Accountability Wiki, ${ctx.url('/')}`,
    generatedAt: ctx.generatedAt,
    generator: 'surveillance-accountability-wiki',
    exportVersion: EXPORT_VERSION,
    site: ctx.url('/'),
    documentation: ctx.url('/data/'),
  };
}
