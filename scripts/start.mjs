#!/usr/bin/env node
// `npm start`: builds the extension, then serves VS Code (code-server) on 127.0.0.1 with the extension loaded
// on a fresh copy of the bundled sample project (made outside the repository at every start, deleted at the
// end), opened at its routes file with the Problems view, and prints the URL to open. Ctrl+C stops it.
// Options: --port N (default 8080, or a free port), --folder DIR (open DIR itself instead of a sample copy),
//          --screenshot FILE (open the URL headless, wait for the findings in the Problems view, save a PNG, exit).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { extRoot, launchBrowser, startCodeServer } from '../test/host/code-server.mjs';
import { ensureCodeServer } from './ensure-code-server.mjs';
import { freshSampleCopy } from './sample-copy.mjs';

const argv = process.argv.slice(2);
const option = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const ownFolder = option('--folder') && path.resolve(process.cwd(), option('--folder'));
const screenshotFile = option('--screenshot');
/** The sample's file with findings, shown at its first one beside the Problems view. */
const START_FILE = 'src/routes/orders.js';

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: extRoot, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
ensureCodeServer();

const port = Number(option('--port')) || Number(process.env.PORT) || 8080;
const settings = { 'workbench.startupEditor': 'none', 'problems.autoReveal': true };
// The extension opens this file of the folder (development host only): see src/extension/start-file.ts.
const env = ownFolder ? {} : { BACKEND_GUIDE_START_FILE: START_FILE };
let server;
try {
  server = await startCodeServer({ port, settings, env });
} catch {
  server = await startCodeServer({ settings, env }); // 8080 taken: any free port
}
// In the server's own state folder, which stop() deletes: every start begins from the sample as committed.
const folder = ownFolder ?? freshSampleCopy(extRoot, server.stateDir);
const url = server.workbenchUrl(folder, { openFile: ownFolder ? undefined : path.join(folder, START_FILE) });
console.log(ownFolder
  ? `\nBackend Guide is running in VS Code on ${folder}.`
  : `\nBackend Guide is running in VS Code on a fresh copy of the sample project:\n  ${folder}\n(edits there are yours to try; the copy is deleted when you stop, and the next start copies sample/ again)`);
console.log(`Open: ${url}\n(short form without the extension loaded: http://${server.host}/)\nPress Ctrl+C to stop.\n`);

const stop = async (code) => { await server.stop(); process.exit(code); };
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (screenshotFile) {
  const browser = await launchBrowser(path.join(server.stateDir, 'chromium-profile'), server.dirs.home);
  try {
    const page = browser.pages()[0] || await browser.newPage();
    await page.goto(url);
    // Nothing is clicked: the picture shows what a newcomer sees on arrival.
    await page.locator('.squiggly-warning, .squiggly-error').first().waitFor({ timeout: 60000 });
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.resolve(screenshotFile) });
    console.log(`screenshot saved to ${screenshotFile}`);
  } finally {
    await browser.close();
    await stop(0);
  }
}
