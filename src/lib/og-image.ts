/**
 * Open Graph images (1200×630 PNG) for entry pages, drawn at build time with
 * astro-og-canvas (CanvasKit): the entry's name, its type and the site name,
 * right-to-left on Arabic pages.
 *
 * Fonts come from the installed @fontsource packages (see og-fonts.ts):
 * CanvasKit reads .woff (the bundled build reads .woff2 too), Noto Sans Arabic
 * supplies the Arabic glyphs (shaped and ordered by CanvasKit's paragraph
 * layout) and Noto Sans covers Latin, Latin Extended, Greek and Cyrillic.
 *
 * Rendered images are cached by a hash of everything drawn (text, fonts,
 * colours), so a rebuild only draws entries whose name or type changed. The
 * cache sits next to Astro's own cache for the build (per output directory).
 *
 * WIKI_OG_IMAGES=0 turns the images (and their meta tags) off, e.g. for quick
 * local builds of a very large wiki.
 */
import { join } from 'node:path';
import type { OGImageOptions } from 'astro-og-canvas';
import type { Locale } from '../i18n';
import { splitKey, type EntryKey } from './entry-keys';
import { ogFontSet } from './og-fonts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export function ogImagesEnabled(): boolean {
  return process.env.WIKI_OG_IMAGES !== '0';
}

/** Site path of an entry's image (without base): "/og/companies/x.png", "/og/ar/companies/x.png". */
export function ogImagePath(key: EntryKey, locale: Locale): string {
  const { collection, id } = splitKey(key);
  return `/og/${locale === 'en' ? '' : `${locale}/`}${collection}/${id}.png`;
}

/** The route parameter for ogImagePath (the part between "/og/" and ".png"). */
export function ogRouteParam(key: EntryKey, locale: Locale): string {
  return ogImagePath(key, locale).slice('/og/'.length, -'.png'.length);
}

/** Where rendered images are cached between builds (next to this build's Astro cache). */
export function ogCacheDir(): string {
  const outDir = process.env.WIKI_OUT_DIR;
  const astroCache = process.env.WIKI_CACHE_DIR ?? (outDir ? `${outDir}.astro-cache` : './node_modules/.astro');
  return join(astroCache, 'og-images');
}

/** Smaller type for long names so that even a 200-character event title fits. */
export function titleSize(title: string): number {
  const n = [...title].length;
  return n <= 40 ? 72 : n <= 80 ? 60 : n <= 140 ? 48 : 38;
}

export interface OgCard {
  name: string;
  /** The entry type in the page's language ("Company", "شركة"). */
  type: string;
  siteName: string;
  locale: Locale;
}

/** Drawing options for one card. */
export function ogImageOptions(card: OgCard): OGImageOptions {
  const rtl = card.locale === 'ar';
  const fonts = ogFontSet(join(ogCacheDir(), 'fonts'));
  const families = fonts.families(rtl);
  return {
    title: card.name,
    description: `${card.type} · ${card.siteName}`,
    dir: rtl ? 'rtl' : 'ltr',
    // A flat background compresses far better than a gradient.
    bgGradient: [[18, 24, 38]],
    border: { color: [255, 176, 87], width: 16, side: 'inline-start' },
    padding: 64,
    font: {
      title: { families, weight: 'Bold', size: titleSize(card.name), lineHeight: 1.15, color: [255, 255, 255] },
      description: { families, weight: 'Normal', size: 36, lineHeight: 1.3, color: [200, 210, 225] },
    },
    fonts: fonts.files,
    cacheDir: ogCacheDir(),
  };
}
