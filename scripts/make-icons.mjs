#!/usr/bin/env node
// Writes the add-in's icons, assets/icon-<size>.png, at every size manifest.xml names:
// three rising bars, Red, Amber and Green, on white. No image library: the PNG is assembled by
// hand (signature, IHDR, IDAT deflated with zlib, IEND, each chunk with its CRC-32), and the
// output is byte-for-byte reproducible. Run with `node scripts/make-icons.mjs`.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

export const SIZES = [16, 32, 64, 80, 128];

const WHITE = [0xff, 0xff, 0xff];
/** Bars in the unit square, left to right: x0, x1, top (y grows downwards), bottom, colour. */
const BARS = [
  { x0: 0.125, x1: 0.3125, y0: 0.525, y1: 0.875, rgb: [0xd1, 0x34, 0x38] }, // red
  { x0: 0.40625, x1: 0.59375, y0: 0.325, y1: 0.875, rgb: [0xf2, 0xa9, 0x00] }, // amber
  { x0: 0.6875, x1: 0.875, y0: 0.125, y1: 0.875, rgb: [0x10, 0x7c, 0x41] }, // green
];
const SUBSAMPLES = 4; // per axis: 16 samples a pixel for smooth edges at small sizes

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG uses it) of the given bytes. */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(4 + typeAndData.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 4 + typeAndData.length);
  return out;
}

/** An 8-bit RGB PNG of the given size. `pixel(x, y)` returns [r, g, b]. */
export function encodePng(width, height, pixel) {
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter type: None
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      const i = y * stride + 1 + x * 3;
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The icon's colour at pixel (x, y) of a size × size image, averaged over subsamples. */
function iconPixel(size, x, y) {
  const sum = [0, 0, 0];
  for (let sy = 0; sy < SUBSAMPLES; sy++) {
    for (let sx = 0; sx < SUBSAMPLES; sx++) {
      const u = (x + (sx + 0.5) / SUBSAMPLES) / size;
      const v = (y + (sy + 0.5) / SUBSAMPLES) / size;
      const bar = BARS.find((b) => u >= b.x0 && u < b.x1 && v >= b.y0 && v < b.y1);
      const rgb = bar ? bar.rgb : WHITE;
      for (let i = 0; i < 3; i++) sum[i] += rgb[i];
    }
  }
  return sum.map((s) => Math.round(s / (SUBSAMPLES * SUBSAMPLES)));
}

export function makeIcon(size) {
  return encodePng(size, size, (x, y) => iconPixel(size, x, y));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
  mkdirSync(assets, { recursive: true });
  for (const size of SIZES) {
    const file = join(assets, `icon-${size}.png`);
    writeFileSync(file, makeIcon(size));
    console.log(`wrote ${file}`);
  }
}
