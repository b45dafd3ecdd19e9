#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (the extension icon must be a PNG, 128x128 or larger), offline,
// with the Debian chromium the extension-host tests already use. Run after editing the SVG; commit both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extRoot, launchBrowser } from '../test/host/code-server.mjs';

const SIZE = 256; // twice the 128 px the Marketplace shows, so it stays sharp on high-density screens
const svg = fs.readFileSync(path.join(extRoot, 'media', 'icon.svg'), 'utf8');
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-guide-icon-'));
const browser = await launchBrowser(profile, profile);
try {
  const page = browser.pages()[0] || await browser.newPage();
  await page.setViewportSize({ width: SIZE, height: SIZE });
  const sized = svg.replace(/width="\d+" height="\d+"/, `width="${SIZE}" height="${SIZE}"`);
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(extRoot, 'media', 'icon.png'), omitBackground: true });
  console.log(`media/icon.png written (${SIZE}x${SIZE})`);
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
