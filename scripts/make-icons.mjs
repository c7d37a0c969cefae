// Draws the app icons from one SVG emblem (white star over an open book on the brand blue)
// and writes them to public/. Run by hand when the emblem changes:
//   node scripts/make-icons.mjs
// The PNGs are committed, so `npm run build` never needs Chromium.
//
// Outputs:
//   public/favicon.svg                 rounded square, for browser tabs
//   public/icons/icon-192.png          manifest "any" icons: rounded square, transparent corners
//   public/icons/icon-512.png
//   public/icons/maskable-512.png      full-bleed blue; the emblem sits inside the central
//                                      80 % circle (the maskable safe zone), so any mask shape keeps it
//   public/icons/apple-touch-icon-180.png  full-bleed, opaque (iOS rounds the corners itself)
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BRAND = '#0b5cad';
const root = fileURLToPath(new URL('..', import.meta.url));

/** A number as short as SVG takes it: 8.00 → 8, 0.84 → .84. */
const num = (n) => String(+n.toFixed(2)).replace(/^0\./, '.');

/**
 * The emblem in a 100×100 box: a five-pointed star above an open book. As few elements and
 * bytes as draw the same picture: the favicon is precached, and the precache is at its budget.
 */
function emblem() {
  const cx = 50;
  const cy = 33;
  const outer = 17;
  const inner = outer * 0.382;
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push([+(cx + r * Math.cos(a)).toFixed(2), +(cy + r * Math.sin(a)).toFixed(2)]);
  }
  // Relative moves and implicit repeats: the shortest path text.
  const star = `M${pts[0].join(' ')}l${pts.slice(1).map((p, i) => `${num(p[0] - pts[i][0])} ${num(p[1] - pts[i][1])}`).join(' ')}z`;
  // Two pages that curve up from the spine; a thin gap shows the spine.
  const page = (side) => `c${-7.5 * side} -4.5 ${-18.5 * side} -5.5 ${-30.5 * side} -3.5v24.5c${12 * side} -2 ${23 * side} -1 ${30.5 * side} 4z`;
  const book = `M48.5 58${page(1)}m3 0${page(-1)}`;
  // Faint lines of writing on each page (the "sổ").
  const lines = [62, 68, 74].map((y) => `M24 ${y}c7 -1.4 14 -1 20 1.5m32 -1.5c-7 -1.4 -14 -1 -20 1.5`).join('');
  return `<path d="${star}${book}"/><path d="${lines}" stroke="${BRAND}" stroke-width="1.6" fill="none" stroke-linecap="round" opacity=".55"/>`;
}

/**
 * @param {object} o
 * @param {'rounded'|'full'} o.background rounded square with transparent corners, or full bleed
 * @param {number} o.scale emblem size relative to the canvas (1 = fills it)
 */
function svg({ background, scale }) {
  const bg =
    background === 'rounded'
      ? `<rect width="100" height="100" rx="22" fill="${BRAND}"/>`
      : `<rect width="100" height="100" fill="${BRAND}"/>`;
  const offset = num((100 - 100 * scale) / 2);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">${bg}` +
    `<g transform="translate(${offset} ${offset})scale(${num(scale)})" fill="#fff">${emblem()}</g></svg>`
  );
}

const targets = [
  { file: 'icons/icon-192.png', size: 192, background: 'rounded', scale: 0.84 },
  { file: 'icons/icon-512.png', size: 512, background: 'rounded', scale: 0.84 },
  // Safe zone = circle of radius 40 around the centre. The farthest points of the emblem are
  // the book's outer bottom corners, (±32, +29) from the centre ≈ 43.2 away, so any scale
  // ≤ 40 / 43.2 ≈ 0.93 keeps everything inside; 0.78 leaves a margin (≈ 33.7).
  { file: 'icons/maskable-512.png', size: 512, background: 'full', scale: 0.78 },
  { file: 'icons/apple-touch-icon-180.png', size: 180, background: 'full', scale: 0.8 },
];

async function main() {
  await mkdir(`${root}public/icons`, { recursive: true });
  await writeFile(`${root}public/favicon.svg`, svg({ background: 'rounded', scale: 0.84 }) + '\n');

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const t of targets) {
      await page.setViewportSize({ width: t.size, height: t.size });
      const body = svg(t).replace('<svg ', `<svg width="${t.size}" height="${t.size}" `);
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${body}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: t.size, height: t.size } });
      await writeFile(`${root}public/${t.file}`, png);
      console.log(`${t.file}  ${t.size}×${t.size}  ${png.length} bytes`);
    }
  } finally {
    await browser.close();
  }
}

await main();
