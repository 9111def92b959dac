/**
 * Open Graph images (1200×630 PNG) for entry pages, drawn at build time with
 * CanvasKit (Skia compiled to WebAssembly): the entry's name, its type and the
 * site name, right-to-left on Arabic pages. CanvasKit's paragraph layout
 * shapes Arabic and orders bidirectional text, which satori cannot do.
 *
 * Fonts come from the installed @fontsource packages (see og-fonts.ts): Noto
 * Sans Arabic supplies the Arabic glyphs and Noto Sans covers Latin, Latin
 * Extended, Greek and Cyrillic.
 *
 * Speed matters: there are two cards per entry. CanvasKit, its font manager
 * and one drawing surface are set up once per build; each card's pixels are
 * read straight from the surface and written as an 8-bit palette PNG
 * (png-palette.ts) with Node's native zlib, never through CanvasKit's own PNG
 * encoder (WebAssembly zlib, several times slower, and a third bigger).
 * Finished cards are cached by a hash of everything drawn (text, fonts,
 * colours, code version), so a rebuild only draws entries whose name or type
 * changed. The cache sits next to Astro's own cache for the build (per output
 * directory).
 *
 * WIKI_OG_IMAGES=0 turns the images (and their meta tags) off, e.g. for quick
 * local builds of a very large wiki.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CanvasKit, FontMgr, Surface } from 'canvaskit-wasm';
import type { Locale } from '../i18n';
import { splitKey, type EntryKey } from './entry-keys';
import { ogFontSet } from './og-fonts';
import { encodePng, type Pixels } from './png-palette';

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

/**
 * Which language's card an entry's page shows: its own when the entry is
 * written in that language, else the English card, since the page then shows
 * the English name and text (a third fewer cards to draw at the benchmark's mix).
 */
export function ogCardLocale(locale: Locale, translated: boolean): Locale {
  return translated ? locale : 'en';
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

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [18, 24, 38];
const TITLE: Rgb = [255, 255, 255];
/**
 * The description is 78% of the way from the background to white, so all
 * anti-aliased text pixels lie on one background-to-white line: fewer than
 * 256 colours, and the card fits a palette PNG (see png-palette.ts).
 */
const DESCRIPTION = BACKGROUND.map((c) => Math.round(c + 0.78 * (255 - c))) as unknown as Rgb;
const BORDER: Rgb = [255, 176, 87];
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

interface Painter {
  ck: CanvasKit;
  fontMgr: FontMgr;
  surface: Surface;
}
let painter: Promise<Painter> | undefined;

/** CanvasKit, the fonts and one reusable surface, set up once per process. */
function getPainter(): Promise<Painter> {
  return (painter ??= (async () => {
    // Node's own require, not import(): this also runs after a build when
    // Vite's module runner (which loaded this file) has already shut down.
    const require = createRequire(import.meta.url);
    const init = require('canvaskit-wasm/full') as (opts: { locateFile: (f: string) => string }) => Promise<CanvasKit>;
    const ck = await init({ locateFile: (file) => require.resolve(`canvaskit-wasm/bin/full/${file}`) });
    const data = fonts().files.map((f) => {
      const b = readFileSync(f);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    });
    const fontMgr = ck.FontMgr.FromData(...data);
    const surface = ck.MakeSurface(OG_WIDTH, OG_HEIGHT);
    if (!fontMgr || !surface) throw new Error('CanvasKit could not load the Open Graph fonts or make a surface');
    return { ck, fontMgr, surface };
  })());
}

/** Draw one card and return its pixels (RGBA). */
export async function drawCard(layout: CardLayout): Promise<Pixels> {
  const { ck, fontMgr, surface } = await getPainter();
  const canvas = surface.getCanvas();
  const colour = (c: Rgb) => ck.Color(c[0], c[1], c[2]);
  canvas.clear(colour(BACKGROUND));
  // The accent bar on the inline-start edge: left in English, right in Arabic.
  const bar = new ck.Paint();
  bar.setColor(colour(BORDER));
  canvas.drawRect(ck.XYWHRect(layout.rtl ? OG_WIDTH - BORDER_WIDTH : 0, 0, BORDER_WIDTH, OG_HEIGHT), bar);
  bar.delete();

  const textStyle = (size: number, c: Rgb, weight: 'Bold' | 'Normal', lineHeight: number) => ({
    color: colour(c),
    fontFamilies: layout.families,
    fontSize: size,
    fontStyle: { weight: ck.FontWeight[weight] },
    heightMultiplier: lineHeight,
  });
  const builder = ck.ParagraphBuilder.Make(
    new ck.ParagraphStyle({
      textAlign: layout.rtl ? ck.TextAlign.Right : ck.TextAlign.Left,
      textDirection: layout.rtl ? ck.TextDirection.RTL : ck.TextDirection.LTR,
      textStyle: textStyle(layout.titleSize, TITLE, 'Bold', 1.15),
    }),
    fontMgr,
  );
  builder.addText(layout.title);
  // A small gap between the name and the description line.
  builder.pushStyle(new ck.TextStyle({ fontSize: PADDING / 3, heightMultiplier: 1 }));
  builder.addText('\n\n');
  builder.pushStyle(new ck.TextStyle(textStyle(DESCRIPTION_SIZE, DESCRIPTION, 'Normal', 1.3)));
  builder.addText(layout.description);
  const paragraph = builder.build();
  const inlineStart = PADDING + BORDER_WIDTH;
  const width = OG_WIDTH - inlineStart - 2 * PADDING;
  paragraph.layout(width);
  canvas.drawParagraph(paragraph, layout.rtl ? OG_WIDTH - inlineStart - width : inlineStart, PADDING);
  paragraph.delete();
  builder.delete();

  const rgba = canvas.readPixels(0, 0, {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    colorType: ck.ColorType.RGBA_8888,
    alphaType: ck.AlphaType.Unpremul,
    colorSpace: ck.ColorSpace.SRGB,
  });
  if (!(rgba instanceof Uint8Array)) throw new Error('CanvasKit could not read the card back');
  return { width: OG_WIDTH, height: OG_HEIGHT, rgba: Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength) };
}

/** Bump when the drawing or encoding changes in a way the layout does not show. */
const RENDER_VERSION = 2;
let fontsHash: string | undefined;
function fontFilesHash(): string {
  return (fontsHash ??= fonts()
    .files.reduce((h, f) => h.update(readFileSync(f)), createHash('sha256'))
    .digest('hex'));
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
  try {
    return readFileSync(file);
  } catch {
    // Not drawn yet.
  }
  const pixels = await drawCard(layout);
  const png = encodePng(pixels);
  mkdirSync(dir, { recursive: true });
  // Write then rename, so a parallel build never reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  return png;
}
