// Draws images/icon.png (128x128): a rounded Python-blue tile with a white two-column table (the
// ELI5 concepts table) and a yellow check mark. Plain Node: anti-aliased shapes, zlib, PNG chunks.
// usage: node images/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis, for anti-aliasing
const BLUE = [55, 118, 171];
const WHITE = [255, 255, 255];
const YELLOW = [255, 212, 59];

const roundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const segment = (x, y, [ax, ay], [bx, by], width) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (width / 2) ** 2;
};
const box = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** Colour and coverage of one sample point, top layer first. */
function sample(x, y) {
  if (segment(x, y, [62, 86], [78, 102], 12) || segment(x, y, [78, 102], [110, 62], 12)) return YELLOW;
  const table = [20, 24, 96, 84];
  const line = 4;
  const [x0, y0, x1, y1] = table;
  const onFrame = box(x, y, x0, y0, x1, y1) && !box(x, y, x0 + line, y0 + line, x1 - line, y1 - line);
  const onColumn = box(x, y, 44, y0, 44 + line, y1);
  const onRows = [44, 64].some((ry) => box(x, y, x0, ry, x1, ry + line));
  if (onFrame || onColumn || onRows) return WHITE;
  if (roundedRect(x, y, 4, 4, 124, 124, 24)) return BLUE;
  return null;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        acc[0] += c[0];
        acc[1] += c[1];
        acc[2] += c[2];
        acc[3] += 1;
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    const n = acc[3];
    raw[o] = n ? Math.round(acc[0] / n) : 0;
    raw[o + 1] = n ? Math.round(acc[1] / n) : 0;
    raw[o + 2] = n ? Math.round(acc[2] / n) : 0;
    raw[o + 3] = Math.round((255 * n) / (SAMPLES * SAMPLES));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
