#!/usr/bin/env node
// `npm start`: builds the extension, then serves VS Code (code-server) on 127.0.0.1 with the extension loaded
// on the bundled sample project, and prints the URL to open. Ctrl+C stops it.
// Options: --port N (default 8080, or a free port), --folder DIR (default sample/),
//          --screenshot FILE (open the URL headless, wait for the extension's findings, save a PNG, and exit).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { extRoot, launchBrowser, startCodeServer } from '../test/host/code-server.mjs';
import { ensureCodeServer } from './ensure-code-server.mjs';

const argv = process.argv.slice(2);
const option = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const folder = path.resolve(extRoot, option('--folder') ?? 'sample');
const screenshotFile = option('--screenshot');

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: extRoot, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
ensureCodeServer();

const port = Number(option('--port')) || Number(process.env.PORT) || 8080;
let server;
try {
  server = await startCodeServer({ port, settings: { 'workbench.startupEditor': 'none', 'problems.autoReveal': true } });
} catch {
  server = await startCodeServer({ settings: { 'problems.autoReveal': true } }); // 8080 taken: any free port
}
const url = server.workbenchUrl(folder);
console.log(`\nBackend Guide is running in VS Code on the sample project.\nOpen: ${url}\n(short form without the extension loaded: http://${server.host}/)\nPress Ctrl+C to stop.\n`);

const stop = async (code) => { await server.stop(); process.exit(code); };
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (screenshotFile) {
  const browser = await launchBrowser(path.join(server.stateDir, 'chromium-profile'), server.dirs.home);
  try {
    const page = browser.pages()[0] || await browser.newPage();
    await page.goto(url);
    await page.getByText('src', { exact: true }).first().waitFor({ timeout: 60000 });
    await page.getByText('src', { exact: true }).first().click();
    await page.getByText('routes', { exact: true }).first().click();
    await page.getByText('orders.js').first().click();
    await page.locator('.squiggly-warning, .squiggly-error').first().waitFor({ timeout: 60000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.resolve(screenshotFile) });
    console.log(`screenshot saved to ${screenshotFile}`);
  } finally {
    await browser.close();
    await stop(0);
  }
}
