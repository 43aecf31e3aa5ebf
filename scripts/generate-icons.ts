// Renders public/icons/icon.svg into the PNGs the web app manifest and iOS ask for, with the
// local Chromium (no network): `npx tsx scripts/generate-icons.ts` after changing the SVG.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../e2e/fixtures/chromium';

const dir = path.join(import.meta.dirname, '..', 'public', 'icons');

// `maskable`: the platform crops it to its own shape, so the artwork sits inside the central 80%
// safe zone on a full-bleed background; the plain icons keep their rounded corners (transparent).
const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

const svg = await readFile(path.join(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch(CHROMIUM_LAUNCH);
try {
  const page = await browser.newPage();
  for (const { file, size, maskable } of ICONS) {
    await page.setViewportSize({ width: size, height: size });
    const art = maskable ? size * 0.8 : size;
    await page.setContent(
      `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? '#4f46e5' : 'transparent'}">` +
        `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${art}" height="${art}"></body>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: path.join(dir, file), omitBackground: !maskable });
  }
} finally {
  await browser.close();
}
