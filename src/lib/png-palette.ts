/**
 * PNG shrinking for the Open Graph cards: CanvasKit writes 32-bit RGBA PNGs,
 * but a card with a flat background and text in two colours has only a few
 * hundred distinct colours, nearly all of them anti-aliasing shades; as an
 * 8-bit palette PNG (rare shades moved to the nearest of the 256 kept, a
 * change no one can see) the same card takes a fraction of the bytes.
 */
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  rgba: Buffer;
}

/** Decode an 8-bit RGB, RGBA or palette, non-interlaced PNG; undefined for anything else. */
export function decodePng(png: Buffer): Pixels | undefined {
  if (!png.subarray(0, 8).equals(SIGNATURE)) return undefined;
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
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
      const [depth, colour, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 6 && colour !== 2 && colour !== 3)) return undefined;
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 1;
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') alpha = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  if (!channels) return undefined;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
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
        const i = line[x]!;
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

/** Squared distance between two RGBA colours packed as 0xRRGGBBAA. */
function distance(a: number, b: number): number {
  const r = (a >>> 24) - (b >>> 24);
  const g = ((a >>> 16) & 0xff) - ((b >>> 16) & 0xff);
  const bl = ((a >>> 8) & 0xff) - ((b >>> 8) & 0xff);
  const al = (a & 0xff) - (b & 0xff);
  return r * r + g * g + bl * bl + al * al;
}

/**
 * Encode pixels as an 8-bit palette PNG. With more than 256 colours, the 256
 * most frequent are kept and every other colour (a rare anti-aliasing shade)
 * becomes the nearest kept one; `maxError` (squared RGBA distance) bounds how
 * far that may move a colour, else undefined is returned.
 */
export function encodePalettePng({ width, height, rgba }: Pixels, maxError = 3 * 12 ** 2): Buffer | undefined {
  const pixels = new Uint32Array(width * height);
  const counts = new Map<number, number>();
  let last = -1;
  let run = 0;
  for (let i = 0, o = 0; i < pixels.length; i++, o += 4) {
    const c = ((rgba[o]! << 24) | (rgba[o + 1]! << 16) | (rgba[o + 2]! << 8) | rgba[o + 3]!) >>> 0;
    pixels[i] = c;
    // Count runs of one colour at once (most of a card is background).
    if (c === last) run++;
    else {
      if (run) counts.set(last, (counts.get(last) ?? 0) + run);
      last = c;
      run = 1;
    }
  }
  if (run) counts.set(last, (counts.get(last) ?? 0) + run);
  const colours = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a - b).slice(0, 256);
  const index = new Map<number, number>(colours.map((c, i) => [c, i]));
  for (const c of counts.keys()) {
    if (index.has(c)) continue;
    let best = 0;
    let bestD = Infinity;
    for (let i = 0; i < colours.length; i++) {
      const d = distance(c, colours[i]!);
      if (d < bestD) {
        best = i;
        bestD = d;
      }
    }
    if (bestD > maxError) return undefined;
    index.set(c, best);
  }
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0; // filter: none (best for palette images)
    let lastColour = -1;
    let lastIndex = 0;
    for (let x = 0; x < width; x++) {
      const c = pixels[y * width + x]!;
      if (c !== lastColour) {
        lastColour = c;
        lastIndex = index.get(c)!;
      }
      rows[y * (width + 1) + 1 + x] = lastIndex;
    }
  }
  const plte = Buffer.alloc(colours.length * 3);
  colours.forEach((c, i) => plte.writeUIntBE(c >>> 8, i * 3, 3));
  const alphas = colours.map((c) => c & 0xff);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // colour type: palette
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    ...(alphas.some((a) => a !== 255) ? [chunk('tRNS', Buffer.from(alphas))] : []),
    chunk('IDAT', deflateSync(rows, { level: 6 })), // level 9 is ten times slower for 7% less
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The PNG as a palette PNG when that is possible and smaller, else unchanged. */
export function shrinkPng(png: Buffer): Buffer {
  const pixels = decodePng(png);
  const palette = pixels && encodePalettePng(pixels);
  return palette && palette.length < png.length ? palette : png;
}
