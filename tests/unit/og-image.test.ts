/** Open Graph cards: font renaming, palette PNG shrinking, and a real card in each direction. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateOpenGraphImage } from 'astro-og-canvas';
import { ogImageOptions, ogImagePath, ogRouteParam, titleSize } from '../../src/lib/og-image';
import { ogFontSet, woffToSfnt } from '../../src/lib/og-fonts';
import { decodePng, encodePalettePng, shrinkPng, type Pixels } from '../../src/lib/png-palette';
import type { EntryKey } from '../../src/lib/entry-keys';

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

  test('a real card shrinks to a palette PNG that looks the same, left-to-right and right-to-left', async () => {
    process.env.WIKI_CACHE_DIR = dir;
    for (const card of [
      { name: 'Palantir Technologies', type: 'Company', siteName: 'Surveillance Accountability Wiki', locale: 'en' as const },
      { name: 'بالانتير تكنولوجيز', type: 'شركة', siteName: 'ويكي مساءلة المراقبة', locale: 'ar' as const },
    ]) {
      const options = ogImageOptions(card);
      expect(options.dir).toBe(card.locale === 'ar' ? 'rtl' : 'ltr');
      const png = await generateOpenGraphImage(options);
      const small = shrinkPng(png);
      expect(small.length).toBeLessThan(png.length * 0.6);
      const [a, b] = [decodePng(png)!, decodePng(small)!];
      expect([b.width, b.height]).toEqual([1200, 630]);
      let worst = 0;
      for (let i = 0; i < a.rgba.length; i += 4) {
        let d = 0;
        for (let c = 0; c < 4; c++) d += (a.rgba[i + c]! - b.rgba[i + c]!) ** 2;
        worst = Math.max(worst, d);
      }
      expect(worst).toBeLessThanOrEqual(3 * 12 ** 2);
      // Text was drawn: the card is not just background.
      expect(new Set(b.rgba.toString('hex').match(/.{8}/g)).size).toBeGreaterThan(50);
    }
  });
});

describe('fonts', () => {
  test('a WOFF piece becomes a TrueType file with its family renamed in place', () => {
    const { files, families } = ogFontSet(join(dir, 'fonts'));
    expect(families(false)).toEqual(['Noto Sans', 'NotoSansE', 'NotoSansG', 'NotoSansC', 'Noto Sans Arabic']);
    expect(families(true)[0]).toBe('Noto Sans Arabic');
    const ttf = readFileSync(files.find((f) => f.includes('latin-ext-400'))!);
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
