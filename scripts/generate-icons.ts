/**
 * Writes the home-screen icons (public/icons/*.png): the wordmark's tile from
 * app/layout.tsx's favicon, rasterised here with zlib (no image library needed).
 * Run: npx tsx scripts/generate-icons.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

type Rect = { x: number; y: number; w: number; h: number; r: number; alpha: number };
const INDIGO = [0x4f, 0x46, 0xe5];
// The favicon's 32-unit grid.
const BARS: Rect[] = [
  { x: 8, y: 9, w: 16, h: 3, r: 1.5, alpha: 1 },
  { x: 8, y: 14.5, w: 11, h: 3, r: 1.5, alpha: 0.8 },
  { x: 8, y: 20, w: 6, h: 3, r: 1.5, alpha: 0.6 },
];

function inRounded(px: number, py: number, r: Rect): boolean {
  if (px < r.x || px > r.x + r.w || py < r.y || py > r.y + r.h) return false;
  const cx = Math.min(Math.max(px, r.x + r.r), r.x + r.w - r.r);
  const cy = Math.min(Math.max(py, r.y + r.r), r.y + r.h - r.r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r.r ** 2;
}

/** 4×4 supersampled coverage of a 32-unit shape at pixel (x, y). */
function coverage(x: number, y: number, scale: number, offset: number, shape: Rect): number {
  let hit = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) hit += inRounded((x + (i + 0.5) / 4 - offset) / scale, (y + (j + 0.5) / 4 - offset) / scale, shape) ? 1 : 0;
  return hit / 16;
}

function render(size: number, maskable: boolean): Buffer {
  // Maskable: full-bleed tile, the bars inside the 80% safe zone.
  const contentScale = maskable ? 0.75 : 1;
  const scale = (size / 32) * contentScale;
  const offset = (size - 32 * scale) / 2;
  const tile: Rect = maskable ? { x: -100, y: -100, w: 300, h: 300, r: 0, alpha: 1 } : { x: 0, y: 0, w: 32, h: 32, r: 8, alpha: 1 };
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, scale, offset, tile);
      let [r, g, b] = INDIGO;
      for (const bar of BARS) {
        const c = coverage(x, y, scale, offset, bar) * bar.alpha;
        r = r + (255 - r) * c;
        g = g + (255 - g) * c;
        b = b + (255 - b) * c;
      }
      row.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(w: number, h: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

mkdirSync("public/icons", { recursive: true });
writeFileSync("public/icons/icon-192.png", render(192, false));
writeFileSync("public/icons/icon-512.png", render(512, false));
writeFileSync("public/icons/icon-maskable-512.png", render(512, true));
writeFileSync("public/icons/apple-touch-icon.png", render(180, true));
console.log("wrote public/icons/*.png");
