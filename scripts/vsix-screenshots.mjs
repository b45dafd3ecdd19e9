#!/usr/bin/env node
// Pictures of the packaged extension as a user meets it: backend-guide.vsix installed (not loaded from this
// folder) in code-server, its page in the Extensions view and its walkthroughs on the Welcome page.
// Usage: npm run package && node scripts/vsix-screenshots.mjs [--out DIR (default test-results/screenshots)]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { codeServerEntry, extRoot, launchBrowser, startCodeServer } from '../test/host/code-server.mjs';

const argv = process.argv.slice(2);
const outDir = path.resolve(extRoot, argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : 'test-results/screenshots');
const vsix = path.join(extRoot, 'backend-guide.vsix');
if (!fs.existsSync(vsix)) { console.error('backend-guide.vsix is missing: run `npm run package` first'); process.exit(2); }
fs.mkdirSync(outDir, { recursive: true });

const server = await startCodeServer({ settings: { 'workbench.startupEditor': 'none' } });
const install = spawnSync(process.execPath, [codeServerEntry(), '--extensions-dir', server.dirs.extensions, '--user-data-dir', server.dirs.userData, '--install-extension', vsix], { encoding: 'utf8', env: { ...process.env, HOME: server.dirs.home } });
if (install.status !== 0) { console.error(install.stdout, install.stderr); await server.stop(); process.exit(1); }
const folder = fs.mkdtempSync(path.join(server.stateDir, 'project-'));
const browser = await launchBrowser(path.join(server.stateDir, 'chromium-profile'), server.dirs.home);
try {
  const page = browser.pages()[0] || await browser.newPage();
  await page.goto(`http://${server.host}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.keyboard.press('Control+Shift+X');
  const item = page.locator('.extension-list-item', { hasText: 'Backend Guide' }).first();
  await item.waitFor({ timeout: 60000 });
  await item.click();
  await page.locator('.extension-editor .header .name', { hasText: 'Backend Guide' }).waitFor({ timeout: 30000 });
  await page.waitForTimeout(2000); // the README is a webview that reports nothing when it has painted
  await page.screenshot({ path: path.join(outDir, 'vsix-extension-page.png') });
  await page.keyboard.press('F1');
  await page.keyboard.type('Help: Welcome');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Help: Welcome' }).first().click();
  await page.locator('.gettingStartedContainer').first().waitFor({ timeout: 30000 });
  // It may open VS Code's own first walkthrough: its back link leads to the list of walkthroughs.
  const back = page.locator('.gettingStartedContainer .prev-button').first();
  if (await back.isVisible()) await back.click();
  await page.locator('.gettingStartedContainer .getting-started-category', { hasText: 'Backend Guide' }).first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(outDir, 'vsix-walkthrough-cards.png') });
  console.log(`screenshots written to ${path.relative(extRoot, outDir)}: vsix-extension-page.png, vsix-walkthrough-cards.png`);
} finally {
  await browser.close();
  await server.stop();
}
