/**
 * Open Graph images (1200×630 PNG) for entry pages, drawn at build time with
 * Skia through @napi-rs/canvas: the entry's name, its type and the site name,
 * right-to-left on Arabic pages. Skia's text shaping joins Arabic letters and
 * orders bidirectional text, which satori cannot do.
 *
 * Fonts come from the installed @fontsource packages (see og-fonts.ts): Noto
 * Sans Arabic supplies the Arabic glyphs and Noto Sans covers Latin, Latin
 * Extended, Greek and Cyrillic.
 *
 * Speed matters: a wiki of 10,000 entries has over 13,000 cards. The fonts and
 * one canvas are set up once per process; each card's pixels are read
 * straight from the canvas and written as a 4-bit PNG in the card's own 16
 * colours (png-palette.ts), a quarter of the size of Skia's own PNG. Native Skia
 * draws a card in a third of the time CanvasKit (Skia in WebAssembly) took.
 * Finished cards are cached by a hash of everything drawn (text, fonts,
 * colours, code version), so a rebuild only draws entries whose name or type
 * changed. The cache sits next to Astro's own cache for the build (per output
 * directory).
 *
 * WIKI_OG_IMAGES=0 turns the images (and their meta tags) off, e.g. for quick
 * local builds of a very large wiki.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import type { Locale } from '../../../i18n';
import { cacheDir, ogImagesEnabled } from '../../settings';
import { ogFontSet } from './fonts';
import { encodePng, type Pixels } from './png-palette';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export { ogImagesEnabled };

export { ogCardLocale, ogImagePath, ogRouteParam } from '../../isomorphic/paths';

/** Where rendered images are cached between builds (next to this build's Astro cache). */
export function ogCacheDir(): string {
  return join(cacheDir(), 'og-images');
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

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [18, 24, 38];
const TITLE: Rgb = [255, 255, 255];
/** `steps` of `RAMP_STEPS` of the way from the background to white. */
const shade = (steps: number): Rgb => BACKGROUND.map((c, i) => Math.round(c + (steps / RAMP_STEPS) * (TITLE[i]! - c))) as unknown as Rgb;
const RAMP_STEPS = 14;
/**
 * The description is a shade on the background-to-white line, so every
 * anti-aliased text pixel lies on that one line: with the accent colour the
 * card needs 16 colours, a 4-bit palette PNG (see png-palette.ts).
 */
const DESCRIPTION = shade(11);
const BORDER: Rgb = [255, 176, 87];
/** The card's colours as 0xRRGGBBAA (opaque): the accent and the 15 shades from background to white. */
const CARD_PALETTE: readonly number[] = [BORDER, ...Array.from({ length: RAMP_STEPS + 1 }, (_, k) => shade(k))].map(
  ([r, g, b]) => ((r << 24) | (g << 16) | (b << 8) | 0xff) >>> 0,
);
const BORDER_WIDTH = 16;
const PADDING = 64;
const DESCRIPTION_SIZE = 36;

/** What one card looks like, fully: the cache key is a hash of this. */
export interface CardLayout {
  title: string;
  description: string;
  rtl: boolean;
  titleSize: number;
  families: string[];
}

export function cardLayout(card: OgCard): CardLayout {
  const rtl = card.locale === 'ar';
  return {
    title: card.name,
    description: `${card.type} · ${card.siteName}`,
    rtl,
    titleSize: titleSize(card.name),
    families: fonts().families(rtl),
  };
}

let fontSet: ReturnType<typeof ogFontSet> | undefined;
function fonts(): ReturnType<typeof ogFontSet> {
  return (fontSet ??= ogFontSet(join(ogCacheDir(), 'fonts')));
}

/**
 * Greedy line breaking at spaces (a word longer than a line is broken between
 * characters): both scripts of the cards break at spaces, and the shaper
 * orders each line's mixed-direction text itself. A line's width is the sum
 * of its words' and spaces' widths, so each word is measured once.
 */
export function wrapLines(text: string, width: number, measure: (s: string) => number): string[] {
  const space = measure(' ');
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = measure(word);
    if (line && used + space + w <= width) {
      line += ` ${word}`;
      used += space + w;
      continue;
    }
    if (line) lines.push(line);
    if (w <= width) {
      line = word;
      used = w;
      continue;
    }
    line = '';
    for (const char of word) {
      if (line && measure(line + char) > width) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
    used = measure(line);
  }
  if (line) lines.push(line);
  return lines;
}

/** Baseline of a line of Noto Sans within its line box (ascender 1,069 of 1,362 font units). */
const BASELINE = 1069 / 1362;

interface Painter {
  canvas: Canvas;
  ctx: SKRSContext2D;
}
let painter: Painter | undefined;

/** Skia (native, through @napi-rs/canvas), the fonts and one reusable canvas, set up once per process. */
function getPainter(): Painter {
  if (painter) return painter;
  // Node's own require, not import(): this also runs after a build when
  // Vite's module runner (which loaded this file) has already shut down.
  const require = createRequire(import.meta.url);
  const { createCanvas, GlobalFonts } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
  for (const { file, family } of fonts().faces) {
    if (!GlobalFonts.registerFromPath(file, family)) throw new Error(`the Open Graph card font ${file} could not be loaded`);
  }
  const canvas = createCanvas(OG_WIDTH, OG_HEIGHT);
  return (painter = { canvas, ctx: canvas.getContext('2d') });
}

/** Draw one card and return its pixels (RGBA). */
export async function drawCard(layout: CardLayout): Promise<Pixels> {
  // The pixels of the previous card are freed by a finalizer that only runs
  // once the event loop turns (Brooooooklyn/canvas#819): without this pause a
  // loop of cards keeps every 3 MB copy (20 GB for 6,000 cards).
  await new Promise((resolve) => setImmediate(resolve));
  const { canvas, ctx } = getPainter();
  const colour = (c: Rgb) => `rgb(${c.join(',')})`;
  ctx.fillStyle = colour(BACKGROUND);
  ctx.fillRect(0, 0, OG_WIDTH, OG_HEIGHT);
  // The accent bar on the inline-start edge: left in English, right in Arabic.
  ctx.fillStyle = colour(BORDER);
  ctx.fillRect(layout.rtl ? OG_WIDTH - BORDER_WIDTH : 0, 0, BORDER_WIDTH, OG_HEIGHT);

  const inlineStart = PADDING + BORDER_WIDTH;
  const width = OG_WIDTH - inlineStart - 2 * PADDING;
  const x = layout.rtl ? OG_WIDTH - inlineStart : inlineStart;
  ctx.direction = layout.rtl ? 'rtl' : 'ltr';
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
  const families = layout.families.map((f) => `"${f}"`).join(', ');
  let top = PADDING;
  const block = (text: string, font: string, c: Rgb, lineHeight: number) => {
    ctx.font = font;
    ctx.fillStyle = colour(c);
    for (const line of wrapLines(text, width, (s) => ctx.measureText(s).width)) {
      ctx.fillText(line, x, top + BASELINE * lineHeight);
      top += lineHeight;
    }
  };
  block(layout.title, `bold ${layout.titleSize}px ${families}`, TITLE, layout.titleSize * 1.15);
  top += (2 * PADDING) / 3; // a small gap between the name and the description line
  block(layout.description, `${DESCRIPTION_SIZE}px ${families}`, DESCRIPTION, DESCRIPTION_SIZE * 1.3);
  return { width: OG_WIDTH, height: OG_HEIGHT, rgba: canvas.data() };
}

/** Bump when the drawing or encoding changes in a way the layout does not show. */
const RENDER_VERSION = 4;
let fontsHash: string | undefined;
function fontFilesHash(): string {
  return (fontsHash ??= fonts()
    .faces.reduce((h, f) => h.update(readFileSync(f.file)), createHash('sha256'))
    .digest('hex'));
}

let cacheListing: { dir: string; names: Set<string> } | undefined;
/** The cached cards' file names, listed once: a failed open per new card costs more than the listing. */
function cachedCards(dir: string): Set<string> {
  if (cacheListing?.dir !== dir) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      // No cache yet.
    }
    cacheListing = { dir, names: new Set(names) };
  }
  return cacheListing.names;
}

/** The PNG of one card, from the cache when the same card was drawn before. */
export async function renderOgImage(card: OgCard): Promise<Buffer> {
  const layout = cardLayout(card);
  const key = createHash('sha256')
    .update(JSON.stringify({ RENDER_VERSION, layout, colours: [BACKGROUND, TITLE, DESCRIPTION, BORDER], fonts: fontFilesHash() }))
    .digest('hex')
    .slice(0, 24);
  const dir = join(ogCacheDir(), 'cards');
  const file = join(dir, `${key}.png`);
  if (cachedCards(dir).has(`${key}.png`)) {
    try {
      return readFileSync(file);
    } catch {
      // Removed since the listing: draw it again.
    }
  }
  const pixels = await drawCard(layout);
  const png = encodePng(pixels, CARD_PALETTE);
  mkdirSync(dir, { recursive: true });
  // Write then rename, so a parallel build never reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  cachedCards(dir).add(`${key}.png`);
  return png;
}
