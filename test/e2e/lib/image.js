// Reads Playwright's PNG screenshots (8-bit RGB/RGBA, non-interlaced) with Node built-ins, to tell a rendered view
// from a blank one.
'use strict';
const zlib = require('zlib');

function decodePng(buf) {
  let pos = 8,
    width = 0,
    height = 0,
    channels = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos),
      type = buf.toString('ascii', pos + 4, pos + 8),
      data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs are supported');
      channels = { 2: 3, 6: 4 }[data[9]];
      if (!channels) throw new Error(`unsupported PNG colour type ${data[9]}`);
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat)),
    stride = width * channels,
    px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)],
      line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[y * stride + x - channels] : 0,
        b = y ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y ? px[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c,
          pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, channels, pixels: px };
}

/** Share of pixels that differ clearly from the most common colour (0 for a blank image). */
function inkRatio(png) {
  const { width, height, channels, pixels } = decodePng(png);
  const counts = new Map();
  for (let i = 0; i < pixels.length; i += channels) {
    const k = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  const bg = [...counts].sort((x, y) => y[1] - x[1])[0][0];
  const [br, bgc, bb] = [bg >> 16, (bg >> 8) & 0xff, bg & 0xff];
  let ink = 0;
  for (let i = 0; i < pixels.length; i += channels) {
    if (Math.abs(pixels[i] - br) + Math.abs(pixels[i + 1] - bgc) + Math.abs(pixels[i + 2] - bb) > 60) ink++;
  }
  return ink / (width * height);
}

module.exports = { decodePng, inkRatio };
