/**
 * /sitemap.xml: every page of the site in both languages, each with
 * xhtml:link hreflang alternates (en, ar, x-default) and, for entries, the
 * last-changed date from git where known.
 *
 * Pages are found from the page files under src/pages/[...locale]/ (the pages
 * that exist in both languages), so a page added there is listed without
 * touching this module. Route files with dynamic segments other than the
 * known [collection] and [collection]/[id] cannot be enumerated here; they are
 * returned as `skipped` (the build test fails if a built page is missing).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, LOCALE_INFO, type Locale } from '../../../i18n';
import { COLLECTIONS } from '../../../schemas/shared';
import { historyOf, lastChanged } from '../../content/git-history';
import { entryPath, localePath } from '../../isomorphic/paths';
import type { ExportContext } from './context';
import { xmlEscape } from './feed';
import type { ExportWiki } from './records';

export interface SitemapPage {
  /** English site path without base, e.g. "/data/". */
  path: string;
  /** Last change per locale, ISO 8601, when known. */
  lastmod?: Partial<Record<Locale, string>>;
}

/** Route files (relative to the locale directory, "/"-separated) under src/pages/[...locale]/. */
export function localeRouteFiles(root: string = process.cwd()): string[] {
  const dir = join(root, 'src', 'pages', '[...locale]');
  try {
    return (readdirSync(dir, { recursive: true }) as string[])
      .map((f) => f.split('\\').join('/'))
      .filter((f) => /\.(astro|md|mdx|html)$/.test(f))
      .sort();
  } catch {
    return [];
  }
}

/** The pages those route files produce. */
export function pagesFromRoutes(ctx: ExportContext, routeFiles: readonly string[], wiki: ExportWiki): { pages: SitemapPage[]; skipped: string[] } {
  const pages: SitemapPage[] = [];
  const skipped: string[] = [];
  for (const file of routeFiles) {
    const route = file.replace(/\.(astro|md|mdx|html)$/, '');
    const segments = route.split('/').filter((s) => !s.startsWith('_'));
    if (segments.length !== route.split('/').length) continue; // "_partials" are not pages
    if (segments.at(-1) === 'index') segments.pop();
    if (segments.join('/') === '[collection]') {
      for (const c of COLLECTIONS) pages.push({ path: `/${c}/` });
      continue;
    }
    if (segments.join('/') === '[collection]/[id]') {
      for (const e of wiki.entries.values()) {
        const h = historyOf(ctx.history, e.key);
        const lastmod: Partial<Record<Locale, string>> = {};
        for (const l of LOCALES) {
          const d = lastChanged(h, l);
          if (d) lastmod[l] = d;
        }
        pages.push({ path: entryPath(e.key), lastmod });
      }
      continue;
    }
    if (segments.some((s) => s.includes('['))) {
      skipped.push(file);
      continue;
    }
    pages.push({ path: segments.length ? `/${segments.join('/')}/` : '/' });
  }
  const seen = new Set<string>();
  const unique = pages.filter((p) => (seen.has(p.path) ? false : (seen.add(p.path), true)));
  unique.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { pages: unique, skipped };
}

/** The sitemap document. */
export function sitemapXml(ctx: ExportContext, pages: readonly SitemapPage[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const page of pages) {
    const alternates = [
      ...LOCALES.map((l) => `    <xhtml:link rel="alternate" hreflang="${LOCALE_INFO[l].lang}" href="${xmlEscape(ctx.url(localePath(l, page.path)))}"/>`),
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${xmlEscape(ctx.url(page.path))}"/>`,
    ];
    for (const locale of LOCALES) {
      const lastmod = page.lastmod?.[locale];
      lines.push(
        '  <url>',
        `    <loc>${xmlEscape(ctx.url(localePath(locale, page.path)))}</loc>`,
        ...(lastmod ? [`    <lastmod>${xmlEscape(lastmod)}</lastmod>`] : []),
        ...alternates,
        '  </url>',
      );
    }
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}
