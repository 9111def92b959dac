/**
 * A small PNG decoder for the tests: reads back what lib/png-palette.ts
 * writes (8-bit RGB, RGBA or palette, 4-bit palette, not interlaced), so the tests can
 * compare pixels. The site itself never decodes PNGs.
 */
import { inflateSync } from 'node:zlib';
import type { Pixels } from '../../src/lib/output/og/png-palette';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decode an 8-bit RGB, RGBA or palette or a 4-bit palette, non-interlaced PNG; undefined for anything else. */
export function decodePng(png: Buffer): Pixels | undefined {
  if (!png.subarray(0, 8).equals(SIGNATURE)) return undefined;
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  let depth = 8;
  const idat: Buffer[] = [];
  let palette: Buffer | undefined;
  let alpha: Buffer | undefined;
  while (pos + 8 <= png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [bits, colour, , , interlace] = [data[8]!, data[9], data[10], data[11], data[12]];
      if (interlace !== 0 || (colour !== 6 && colour !== 2 && colour !== 3) || (bits !== 8 && !(bits === 4 && colour === 3))) return undefined;
      depth = bits;
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 1;
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') alpha = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  if (!channels) return undefined;
  const raw = inflateSync(Buffer.concat(idat));
  // Bytes per row; filters work on whole bytes (one byte per pixel step for palettes).
  const stride = depth === 4 ? Math.ceil(width / 2) : width * channels;
  // Unfilter in place into `line` (one row), reading the previous row from `prev`.
  const rgba = Buffer.alloc(width * height * 4);
  let prev = new Uint8Array(stride);
  let line = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1);
    const filter = raw[start];
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels]! : 0;
      const b = prev[x]!;
      let p = 0;
      if (filter === 1) p = a;
      else if (filter === 2) p = b;
      else if (filter === 3) p = (a + b) >> 1;
      else if (filter === 4) {
        const c = x >= channels ? prev[x - channels]! : 0;
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[x] = (raw[start + 1 + x]! + p) & 0xff;
    }
    let o = y * width * 4;
    if (channels === 1) {
      if (!palette) return undefined;
      for (let x = 0; x < width; x++, o += 4) {
        const i = depth === 4 ? (line[x >> 1]! >> (x & 1 ? 0 : 4)) & 0xf : line[x]!;
        palette.copy(rgba, o, i * 3, i * 3 + 3);
        rgba[o + 3] = alpha?.[i] ?? 255;
      }
      [prev, line] = [line, prev];
      continue;
    }
    for (let x = 0; x < stride; x += channels, o += 4) {
      rgba[o] = line[x]!;
      rgba[o + 1] = line[x + 1]!;
      rgba[o + 2] = line[x + 2]!;
      rgba[o + 3] = channels === 4 ? line[x + 3]! : 255;
    }
    [prev, line] = [line, prev];
  }
  return { width, height, rgba };
}

