/**
 * Fonts for the Open Graph images.
 *
 * @fontsource ships Noto Sans split by script (latin, latin-ext, greek,
 * cyrillic), every piece named "Noto Sans". CanvasKit keeps one face per
 * family name and style, so loading them all still leaves "Ł", "ş", "Ω" or "Ж"
 * as empty boxes. Each extra piece is therefore unpacked from WOFF to a plain
 * TrueType file whose family name is changed in its `name` table (same length,
 * so no other byte moves: "Noto Sans" -> "NotoSansE"), and the image text uses
 * the pieces as a fallback chain, as a browser does with unicode-range.
 * Arabic comes from Noto Sans Arabic (its own family name).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"

/** Replace every occurrence of `from` with `to` (same byte length) in a buffer. */
function replaceAll(buf: Buffer, from: Buffer, to: Buffer): number {
  if (from.length !== to.length) throw new Error('replacement must keep the length');
  let count = 0;
  for (let i = buf.indexOf(from); i !== -1; i = buf.indexOf(from, i + from.length)) {
    to.copy(buf, i);
    count++;
  }
  return count;
}

/**
 * Unpack a WOFF 1.0 font into an sfnt (TrueType/OpenType) file, optionally
 * renaming the family in the `name` table. Throws on anything that is not WOFF.
 */
export function woffToSfnt(woff: Buffer, rename?: { from: string; to: string }): Buffer {
  if (woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = woff.readUInt32BE(at);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = Buffer.from(compLength < origLength ? inflateSync(raw) : raw);
    if (data.length !== origLength) throw new Error('corrupt WOFF table');
    tables.push({ tag, checksum, data });
  }
  if (rename) {
    const name = tables.find((t) => t.tag === 0x6e616d65); // "name"
    if (!name) throw new Error('font has no name table');
    const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
    const n = replaceAll(name.data, utf16be(rename.from), utf16be(rename.to)) + replaceAll(name.data, Buffer.from(rename.from, 'latin1'), Buffer.from(rename.to, 'latin1'));
    if (n === 0) throw new Error(`family name "${rename.from}" not found`);
  }
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const headerSize = 12 + numTables * 16;
  const pad = (n: number) => (n + 3) & ~3;
  const total = tables.reduce((sum, t) => sum + pad(t.data.length), headerSize);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += pad(t.data.length);
  });
  return out;
}

const require = createRequire(import.meta.url);
function fontFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), 'files', file);
}

/** The pieces of Noto Sans, in fallback order, and the family name each is given. */
export const LATIN_PIECES = [
  { subset: 'latin', family: 'Noto Sans' },
  { subset: 'latin-ext', family: 'NotoSansE' },
  { subset: 'greek', family: 'NotoSansG' },
  { subset: 'cyrillic', family: 'NotoSansC' },
] as const;
export const ARABIC_FAMILY = 'Noto Sans Arabic';

/**
 * Font files for the card painter in og-image.ts (written once into `dir`, named by a hash of
 * their content) with the family each is registered as, and the family fallback chain for a text direction.
 */
export function ogFontSet(
  dir: string,
  weights: readonly number[] = [400, 700],
): { faces: { file: string; family: string }[]; families: (rtl: boolean) => string[] } {
  const faces: { file: string; family: string }[] = [];
  for (const weight of weights) {
    for (const piece of LATIN_PIECES) {
      const source = fontFile('@fontsource/noto-sans', `noto-sans-${piece.subset}-${weight}-normal.woff`);
      if (piece.family === 'Noto Sans') {
        faces.push({ file: source, family: piece.family });
        continue;
      }
      const woff = readFileSync(source);
      const hash = createHash('sha256').update(woff).update(piece.family).digest('hex').slice(0, 12);
      const target = join(dir, `noto-sans-${piece.subset}-${weight}-${hash}.ttf`);
      if (!existsSync(target)) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(target, woffToSfnt(woff, { from: 'Noto Sans', to: piece.family }));
      }
      faces.push({ file: target, family: piece.family });
    }
    const arabic = fontFile('@fontsource/noto-sans-arabic', `noto-sans-arabic-arabic-${weight}-normal.woff`);
    faces.push({ file: arabic, family: ARABIC_FAMILY });
  }
  const latin = LATIN_PIECES.map((p) => p.family);
  return { faces, families: (rtl) => (rtl ? [ARABIC_FAMILY, ...latin] : [...latin, ARABIC_FAMILY]) };
}
