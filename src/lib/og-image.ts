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
 * Each card is drawn as RGBA by CanvasKit and stored as a palette PNG (about
 * a third of the bytes; png-palette.ts). Finished cards are cached by a hash
 * of everything drawn (text, fonts, colours, code version), so a rebuild only
 * draws entries whose name or type changed. The cache sits next to Astro's own
 * cache for the build (per output directory).
 *
 * WIKI_OG_IMAGES=0 turns the images (and their meta tags) off, e.g. for quick
 * local builds of a very large wiki.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenGraphImage, type OGImageOptions } from 'astro-og-canvas';
import type { Locale } from '../i18n';
import { splitKey, type EntryKey } from './entry-keys';
import { ogFontSet } from './og-fonts';
import { shrinkPng } from './png-palette';

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

const BACKGROUND: [number, number, number] = [18, 24, 38];
/**
 * The description is 78% of the way from the background to white, so all
 * anti-aliased text pixels lie on one background-to-white line: fewer than
 * 256 colours, and the card fits a palette PNG (see png-palette.ts).
 */
const DESCRIPTION = BACKGROUND.map((c) => Math.round(c + 0.78 * (255 - c))) as [number, number, number];

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
    bgGradient: [BACKGROUND],
    border: { color: [255, 176, 87], width: 16, side: 'inline-start' },
    padding: 64,
    font: {
      title: { families, weight: 'Bold', size: titleSize(card.name), lineHeight: 1.15, color: [255, 255, 255] },
      description: { families, weight: 'Normal', size: 36, lineHeight: 1.3, color: DESCRIPTION },
    },
    fonts: fonts.files,
    // Finished (shrunk) cards are cached by renderOgImage instead.
    cacheDir: false,
  };
}

/** Bump when the drawing or encoding changes in a way the options do not show. */
const RENDER_VERSION = 1;
const fileHashes = new Map<string, string>();
function fileHash(path: string): string {
  let h = fileHashes.get(path);
  if (!h) fileHashes.set(path, (h = createHash('sha256').update(readFileSync(path)).digest('hex')));
  return h;
}

/** The PNG of one card, from the cache when the same card was drawn before. */
export async function renderOgImage(card: OgCard): Promise<Buffer> {
  const options = ogImageOptions(card);
  const key = createHash('sha256')
    .update(JSON.stringify({ RENDER_VERSION, options, fonts: (options.fonts ?? []).map(fileHash) }))
    .digest('hex')
    .slice(0, 24);
  const dir = join(ogCacheDir(), 'cards');
  const file = join(dir, `${key}.png`);
  try {
    return readFileSync(file);
  } catch {
    // Not drawn yet.
  }
  const png = shrinkPng(await generateOpenGraphImage(options));
  mkdirSync(dir, { recursive: true });
  // Write then rename, so a parallel build never reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  return png;
}
