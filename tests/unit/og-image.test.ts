/** Open Graph cards: font renaming, palette PNG shrinking, and a real card in each direction. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cardLayout, drawCard, ogImagePath, ogRouteParam, renderOgImage, titleSize, wrapLines } from '../../src/lib/output/og/image';
import { ogFontSet, woffToSfnt } from '../../src/lib/output/og/fonts';
import { encodePalettePng, encodePng, type Pixels } from '../../src/lib/output/og/png-palette';
import { decodePng } from './png-decode';
import type { EntryKey } from '../../src/lib/isomorphic/entry-keys';
import { ogJobsFromFiles, writeOgCards } from '../../src/lib/output/og/cards';
import { file } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'og-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pixels(width: number, height: number, colourAt: (x: number, y: number) => [number, number, number, number]): Pixels {
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) Buffer.from(colourAt(x, y)).copy(rgba, (y * width + x) * 4);
  return { width, height, rgba };
}

describe('palette PNG', () => {
  test('up to 256 colours round-trip exactly, transparency included', () => {
    const img = pixels(40, 30, (x, y) => [(x % 16) * 16, (y % 16) * 16, 7, x % 2 ? 255 : 128]); // 256 colours
    const png = encodePalettePng(img)!;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png[25]).toBe(3); // colour type: palette
    expect(decodePng(png)).toEqual(img);
  });

  test('rare extra colours move to the nearest kept colour; far-off ones refuse the palette', () => {
    // 256 frequent greys, then one rare near-grey and (separately) one rare bright red.
    const base = (x: number, y: number): [number, number, number, number] => [(x + 16 * y) % 256, (x + 16 * y) % 256, (x + 16 * y) % 256, 255];
    const near = pixels(64, 64, (x, y) => (x === 0 && y === 63 ? [101, 100, 100, 255] : base(x, y)));
    const decoded = decodePng(encodePalettePng(near)!)!;
    expect([...decoded.rgba.subarray((63 * 64) * 4, (63 * 64) * 4 + 4)]).toEqual([100, 100, 100, 255]);
    const far = pixels(64, 64, (x, y) => (x === 0 && y === 63 ? [255, 0, 0, 255] : base(x, y)));
    expect(encodePalettePng(far)).toBeUndefined();
  });

  test('too many far-apart colours fall back to a true-colour PNG, exactly', () => {
    const img = pixels(64, 64, (x, y) => [x * 4, y * 4, (x * y) % 256, 255]); // 4,096 colours
    const png = encodePng(img);
    expect(png[25]).toBe(6); // colour type: RGBA
    expect(decodePng(png)).toEqual(img);
  });

  test("a drawing's own palette of up to 16 colours makes a 4-bit PNG: exact for its colours, nearest for shades, refused past the bound", () => {
    const palette = [0x000000ff, 0x808080ff, 0xffffffff];
    // Odd width: the last byte of each row holds one pixel.
    const img = pixels(7, 3, (x, y) => (x === 6 && y === 2 ? [130, 126, 128, 255] : (x + y) % 3 === 0 ? [0, 0, 0, 255] : (x + y) % 3 === 1 ? [128, 128, 128, 255] : [255, 255, 255, 255]));
    const png = encodePalettePng(img, { palette })!;
    expect([png[24], png[25]]).toEqual([4, 3]); // 4-bit palette
    const back = decodePng(png)!;
    const expected = Buffer.from(img.rgba);
    expected.set([128, 128, 128, 255], (2 * 7 + 6) * 4); // the shade moved to the nearest palette colour
    expect(back.rgba).toEqual(expected);
    const red = pixels(7, 3, (x) => (x === 3 ? [255, 0, 0, 255] : [0, 0, 0, 255]));
    expect(encodePalettePng(red, { palette })).toBeUndefined();
    // encodePng falls back to the image's own colours when the drawing's do not fit.
    expect(decodePng(encodePng(red, palette))).toEqual(red);
  });

  test('pixels that do not start on a 4-byte boundary encode the same', () => {
    const img = pixels(20, 10, (x, y) => [x * 10, y * 20, 5, 255]);
    const shifted = Buffer.alloc(img.rgba.length + 1).subarray(1);
    img.rgba.copy(shifted);
    expect(encodePalettePng({ ...img, rgba: shifted })).toEqual(encodePalettePng(img));
  });
});

/** The largest squared RGBA distance between a pixel of `a` and the same pixel of `b`. */
function worstError(a: Pixels, b: Pixels): number {
  let worst = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    let d = 0;
    for (let c = 0; c < 4; c++) d += (a.rgba[i + c]! - b.rgba[i + c]!) ** 2;
    worst = Math.max(worst, d);
  }
  return worst;
}

/** Columns (x) where a pixel differs from the top-left background pixel, away from the accent bar. */
function inkColumns({ width, height, rgba }: Pixels): { min: number; max: number; colours: number } {
  let min = width;
  let max = -1;
  const colours = new Set<number>();
  for (let y = 0; y < height; y++)
    for (let x = 40; x < width - 40; x++) {
      const o = (y * width + x) * 4;
      colours.add(rgba.readUInt32BE(o));
      if (rgba.readUInt32BE(o) !== rgba.readUInt32BE(width * 4 * (height - 1) + 80)) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
  return { min, max, colours: colours.size };
}

describe('cards', () => {
  test('a real card in each direction: text on the inline-start side, accent bar on that edge, palette PNG within the error bound', async () => {
    process.env.WIKI_CACHE_DIR = dir;
    const cards = [
      { name: 'Palantir Technologies', type: 'Company', siteName: 'Surveillance Accountability Wiki', locale: 'en' as const },
      { name: 'بالانتير تكنولوجيز', type: 'شركة', siteName: 'ويكي مساءلة المراقبة', locale: 'ar' as const },
    ];
    const [en, ar] = await Promise.all(cards.map((c) => drawCard(cardLayout(c))));
    for (const [px, rtl] of [[en!, false], [ar!, true]] as const) {
      expect([px.width, px.height]).toEqual([1200, 630]);
      const ink = inkColumns(px);
      // Text was drawn (anti-aliased: many shades), starting near the inline-start edge.
      expect(ink.colours).toBeGreaterThan(50);
      if (rtl) expect(ink.max).toBeGreaterThan(1050);
      else expect(ink.min).toBeLessThan(150);
      // The accent bar: orange at the inline-start edge, background at the other.
      const at = (x: number) => [...px.rgba.subarray((300 * 1200 + x) * 4, (300 * 1200 + x) * 4 + 3)];
      expect(at(rtl ? 1195 : 4)).toEqual([255, 176, 87]);
      expect(at(rtl ? 4 : 1195)).toEqual([18, 24, 38]);
      expect(worstError(px, decodePng(encodePng(px))!)).toBeLessThanOrEqual(3 * 12 ** 2);
    }
    // The English text is left-aligned and the Arabic right-aligned: their ink is on opposite sides.
    expect(inkColumns(en!).min).toBeLessThan(inkColumns(ar!).min);
  });

  test('a rendered card is a 4-bit palette PNG of the drawing within the error bound, cached: drawing it again gives the same bytes', async () => {
    process.env.WIKI_CACHE_DIR = dir;
    const card = { name: 'Project Nimbus', type: 'Contract', siteName: 'Wiki', locale: 'en' as const };
    const first = await renderOgImage(card);
    expect([first[24], first[25]]).toEqual([4, 3]);
    expect(first.length).toBeLessThan(15_000);
    const drawn = await drawCard(cardLayout(card));
    expect(worstError(drawn, decodePng(first)!)).toBeLessThanOrEqual(3 * 12 ** 2);
    expect(await renderOgImage(card)).toEqual(first);
    expect(await renderOgImage({ ...card, name: 'Project Nimbus 2' })).not.toEqual(first);
    // The second render came from the cache, not a new drawing: a marked cache file is what it returns.
    const cards = join(dir, 'og-images', 'cards');
    const [cached] = readdirSync(cards).filter((f) => readFileSync(join(cards, f)).equals(first));
    writeFileSync(join(cards, cached!), Buffer.concat([first, Buffer.from('marked')]));
    expect((await renderOgImage(card)).subarray(-6).toString()).toBe('marked');
  });
});

test('drawing many cards does not keep their pixels: memory stays flat', async () => {
  process.env.WIKI_CACHE_DIR = dir;
  const layout = (i: number) => cardLayout({ name: `Card number ${i}`, type: 'Event', siteName: 'Wiki', locale: i % 2 ? 'ar' : 'en' });
  for (let i = 0; i < 20; i++) await drawCard(layout(i));
  const before = process.memoryUsage().rss;
  // Each card's pixels are 3 MB: 300 kept would be 900 MB.
  for (let i = 0; i < 300; i++) await drawCard(layout(i));
  expect((process.memoryUsage().rss - before) / 1e6).toBeLessThan(300);
});

describe('fonts', () => {
  test('a WOFF piece becomes a TrueType file with its family renamed in place', () => {
    const { faces, families } = ogFontSet(join(dir, 'fonts'));
    expect(families(false)).toEqual(['Noto Sans', 'NotoSansE', 'NotoSansG', 'NotoSansC', 'Noto Sans Arabic']);
    expect(families(true)[0]).toBe('Noto Sans Arabic');
    const ttf = readFileSync(faces.find((f) => f.file.includes('latin-ext-400'))!.file);
    expect(ttf.readUInt32BE(0)).toBe(0x00010000); // TrueType outlines
    const utf16 = (s: string) => Buffer.from(s, 'utf16le').swap16();
    expect(ttf.includes(utf16('NotoSansE'))).toBe(true);
    expect(ttf.includes(utf16('Noto Sans'))).toBe(false);
    expect(() => woffToSfnt(Buffer.from('not a font at all, no'))).toThrow(/WOFF/);
  });
});

describe('paths and sizes', () => {
  test('image paths per language', () => {
    const key = 'companies/palantir-technologies' as EntryKey;
    expect(ogImagePath(key, 'en')).toBe('/og/companies/palantir-technologies.png');
    expect(ogImagePath(key, 'ar')).toBe('/og/ar/companies/palantir-technologies.png');
    expect(ogRouteParam(key, 'ar')).toBe('ar/companies/palantir-technologies');
  });
  test('long names get smaller type', () => {
    expect(titleSize('ICE')).toBeGreaterThan(titleSize('x'.repeat(100)));
    expect(titleSize('x'.repeat(100))).toBeGreaterThan(titleSize('x'.repeat(200)));
  });
});

describe('which cards a build draws', () => {
  test.each([
    {
      what: 'an entry with an Arabic translation: the Arabic card uses its Arabic name',
      files: [file('companies', 'palantir.mdx', '---\nname: Palantir\n---\n'), file('companies', 'palantir.ar.mdx', '---\nname: بالانتير\n---\n')],
      expected: [
        ['/og/companies/palantir.png', 'Palantir', 'Company', 'en'],
        ['/og/ar/companies/palantir.png', 'بالانتير', 'شركة', 'ar'],
      ],
    },
    {
      what: 'a translated event: the Arabic card has the translated title (translations name it `name`)',
      files: [file('events', 'letter.mdx', '---\ntitle: Open letter\n---\n'), file('events', 'letter.ar.mdx', '---\nname: رسالة مفتوحة\n---\n')],
      expected: [
        ['/og/events/letter.png', 'Open letter', 'Event', 'en'],
        ['/og/ar/events/letter.png', 'رسالة مفتوحة', 'حدث', 'ar'],
      ],
    },
    {
      what: 'an untranslated event: only the English card, which its Arabic page shows too',
      files: [file('events', 'letter.mdx', '---\ntitle: Open letter\n---\n')],
      expected: [['/og/events/letter.png', 'Open letter', 'Event', 'en']],
    },
    {
      what: 'a translation without its original, or an entry without a name: no card',
      files: [file('agencies', 'ghost.ar.mdx', '---\nname: شبح\n---\n'), file('contracts', 'untitled.mdx', '---\nsummary: x\n---\n')],
      expected: [],
    },
  ])('$what', ({ files, expected }) => {
    const jobs = ogJobsFromFiles(files);
    expect(jobs.map((j) => [j.path, j.card.name, j.card.type, j.card.locale])).toEqual(expected);
    for (const j of jobs) expect(j.card.siteName).toBe(j.card.locale === 'ar' ? 'ويكي مساءلة المراقبة' : 'Surveillance Accountability Wiki');
  });
});

test('cards are written at their site paths; kept ones are left alone only when asked', async () => {
  process.env.WIKI_CACHE_DIR = dir;
  const jobs = ogJobsFromFiles([file('companies', 'acme.mdx', '---\nname: Acme\n---\n'), file('companies', 'acme.ar.mdx', '---\nname: أكمي\n---\n')]);
  const out = join(dir, 'cards-out');
  mkdirSync(join(out, 'og', 'ar', 'companies'), { recursive: true });
  writeFileSync(join(out, 'og', 'ar', 'companies', 'acme.png'), 'kept');
  expect(await writeOgCards(jobs, out, true)).toBe(1);
  expect(readFileSync(join(out, 'og', 'ar', 'companies', 'acme.png'), 'utf8')).toBe('kept');
  expect(readFileSync(join(out, 'og', 'companies', 'acme.png'))[25]).toBe(3); // a palette PNG
  expect(await writeOgCards(jobs, out)).toBe(2);
  expect(readFileSync(join(out, 'og', 'ar', 'companies', 'acme.png')).subarray(1, 4).toString()).toBe('PNG');
});

describe('line breaking on cards', () => {
  // One unit per character, spaces included: a line of width 10 holds ten characters.
  const measure = (s: string) => [...s].length;
  test.each([
    ['short', ['short']],
    ['one two three four', ['one two', 'three four']],
    ['  spaced   out  ', ['spaced out']],
    ['abcdefghijklmnopqrstuvwxyz', ['abcdefghij', 'klmnopqrst', 'uvwxyz']],
    ['to abcdefghijklmno x', ['to', 'abcdefghij', 'klmno x']],
    ['شركة بالانتير تكنولوجيز', ['شركة', 'بالانتير', 'تكنولوجيز']],
    ['', []],
  ])('%j', (text, lines) => {
    expect(wrapLines(text, 10, measure)).toEqual(lines);
  });
});
