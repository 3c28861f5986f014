/**
 * node scripts/make-icon.mjs — draws the app icon (resources/icon.png, 1024×1024) from code, so it can be
 * changed and rebuilt without an image editor. electron-builder makes the .icns (macOS) and .ico (Windows)
 * from this PNG. A blue rounded square, a white globe with two meridians and the equator, and a gold
 * shipping arrow: an exporter's desk.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 1024;
const px = new Uint8ClampedArray(N * N * 4);

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Coverage of a shape at a pixel, 4×4 supersampled, blended over what is there. */
function paint(inside, [r, g, b, a = 255]) {
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) {
      let hit = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hit++;
      if (!hit) continue;
      const alpha = (hit / 16) * (a / 255);
      const i = (y * N + x) * 4;
      const da = px[i + 3] / 255;
      const oa = alpha + da * (1 - alpha);
      for (const [k, v] of [
        [0, r],
        [1, g],
        [2, b],
      ])
        px[i + k] = (v * alpha + px[i + k] * da * (1 - alpha)) / (oa || 1);
      px[i + 3] = oa * 255;
    }
  }
}

const roundedSquare = (m, r) => (x, y) => {
  const cx = Math.min(Math.max(x, m + r), N - m - r);
  const cy = Math.min(Math.max(y, m + r), N - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= N - m && y >= m && y <= N - m;
};
const C = N / 2;
const R = 300;
const ring = (fx, fy, r, w) => (x, y) => {
  const d = Math.hypot((x - C) / fx, (y - C) / fy);
  return Math.abs(d - r) <= w / 2;
};

// Background: macOS-style margin, deep blue.
paint(roundedSquare(80, 180), [22, 78, 160]);
// The globe: a white disc outline, the equator, two meridians (ellipses).
paint(ring(1, 1, R, 44), [255, 255, 255]);
paint((x, y) => Math.abs(y - C) <= 20 && Math.abs(x - C) <= R, [255, 255, 255]);
paint((x, y) => Math.abs(Math.hypot((x - C) / 0.45, y - C) - R) <= 44 && Math.abs(y - C) <= R, [255, 255, 255]);
paint((x, y) => Math.abs(x - C) <= 20 && Math.abs(y - C) <= R, [255, 255, 255]);
// The shipping arrow, gold, leaving the globe towards the upper right: a shaft and a head.
const ax = 600;
const ay = 560;
paint(
  (x, y) => {
    const u = (x - ax - (y - ay)) / Math.SQRT2; // along the arrow (up and to the right on screen)
    const v = (x - ax + (y - ay)) / Math.SQRT2; // across
    const shaft = u >= -230 && u <= 60 && Math.abs(v) <= 42;
    const head = u >= 60 && u <= 230 && Math.abs(v) <= (230 - u) * 0.75;
    return shaft || head;
  },
  [246, 184, 40],
);

const raw = Buffer.alloc((N * 4 + 1) * N);
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * N * 4, N * 4).copy(raw, y * (N * 4 + 1) + 1);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../resources/icon.png', import.meta.url), png);
console.log(`resources/icon.png: ${N}×${N}, ${png.length} bytes`);
