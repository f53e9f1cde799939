// Draws the extension icon (128×128) and the risk-file icon (32×32) as PNGs with Node built-ins only.
// Usage: node client/scripts/make-icon.mjs   → images/icon.png, images/risk-file.png
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import * as zlib from 'zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6; // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1); each returns true when the point is inside.
const roundedSquare = (x, y, r = 0.18) => {
  const dx = Math.max(r - x, 0, x - (1 - r)),
    dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
};
/** A shield: straight top with a slight arch, sides curving to a point at the bottom. */
const shield = (x, y, inset = 0) => {
  const top = 0.16 + inset,
    bottom = 0.88 - inset * 1.4,
    half = 0.33 - inset;
  if (y < top + (0.04 * Math.abs(x - 0.5)) / 0.33 || y > bottom) return false;
  const t = (y - top) / (bottom - top);
  const width = t < 0.45 ? half : half * Math.cos((((t - 0.45) / 0.55) * Math.PI) / 2);
  return Math.abs(x - 0.5) <= width;
};
const cross = (x, y) =>
  (Math.abs(x - 0.5) < 0.065 && Math.abs(y - 0.48) < 0.19) || (Math.abs(y - 0.48) < 0.065 && Math.abs(x - 0.5) < 0.19);

const TEAL = [15, 118, 110],
  WHITE = [255, 255, 255],
  RED = [220, 38, 38];

function draw(size, withBackground) {
  const ss = 4,
    out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size,
            y = (py + (sy + 0.5) / ss) / size;
          let c;
          if (cross(x, y)) c = RED;
          else if (shield(x, y, 0.05)) c = WHITE;
          else if (shield(x, y)) c = withBackground ? WHITE : TEAL;
          else if (withBackground && roundedSquare(x, y)) c = TEAL;
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      const n = ss * ss,
        i = (py * size + px) * 4;
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / n) * 255);
    }
  return png(size, out);
}

fs.mkdirSync(path.join(root, 'images'), { recursive: true });
fs.writeFileSync(path.join(root, 'images/icon.png'), draw(128, true));
fs.writeFileSync(path.join(root, 'images/risk-file.png'), draw(32, false));
console.log('wrote images/icon.png (128×128) and images/risk-file.png (32×32)');
