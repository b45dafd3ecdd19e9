#!/usr/bin/env node
// Runs the extension-host mocha suite inside a real VS Code (code-server 4.99 = VS Code 1.99, Node extension
// host) driven by headless Debian chromium: offline, no download from outside the npm registry and Debian.
//
// Usage: node test/host/run-code-server-tests.mjs [--tests out/test/host/suite/index.js] [--workspace DIR]
//          [--env KEY=VAL ...] [--screenshot-dir DIR (default test-results/screenshots)] [--timeout SECONDS]
// `npm run screenshots` refreshes the README pictures: the same suite with --screenshot-dir media/screenshots.
// Screenshots: a test calls `screenshot(name)` (test/host/suite/screenshot.ts), which prints SCREENSHOT:<name>;
// the runner then saves <screenshot-dir>/<name>.png, and the test resumes when that file exists.
// Exit code: the suite's (0 = all passed), 1 on an infrastructure failure or timeout.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { extRoot, launchBrowser, startCodeServer } from './code-server.mjs';

const argv = process.argv.slice(2);
const opt = { tests: 'out/test/host/suite/index.js', workspace: 'test/host/workspace', env: {}, timeout: 300, screenshotDir: 'test-results/screenshots' };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--tests') opt.tests = argv[++i];
  else if (a === '--workspace') opt.workspace = argv[++i];
  else if (a === '--env') { const [k, ...v] = argv[++i].split('='); opt.env[k] = v.join('='); }
  else if (a === '--timeout') opt.timeout = Number(argv[++i]);
  else if (a === '--screenshot-dir') opt.screenshotDir = argv[++i];
  else { console.error(`unknown argument ${a}`); process.exit(2); }
}

const t0 = Date.now();
const log = (m) => console.log(`[host +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const screenshotDir = path.resolve(extRoot, opt.screenshotDir);
fs.mkdirSync(screenshotDir, { recursive: true });

// A copy of the workspace, so tests can edit files freely and every run starts from the same state. The
// bundled sample project goes in as sample/ (one copy of it in the repository): the Routes view tests read its routes.
const server = await startCodeServer({ env: { ...opt.env, BACKEND_GUIDE_SCREENSHOT_DIR: screenshotDir, BACKEND_GUIDE_TEST: '1' }, log });
const workspace = path.join(server.stateDir, 'workspace');
fs.cpSync(path.resolve(extRoot, opt.workspace), workspace, { recursive: true });
fs.cpSync(path.join(extRoot, 'sample'), path.join(workspace, 'sample'), { recursive: true });
log(`code-server on ${server.host}, state ${server.stateDir}`);

let browser;
let done = false;
async function finish(code) {
  if (done) return; done = true;
  try { if (browser) await browser.close(); } catch { /* closing anyway */ }
  if (code !== 0) console.log(`---- code-server log tail (${server.logFile}) ----\n${server.tail()}`);
  await server.stop({ keepState: code !== 0 || !!process.env.KEEP_STATE });
  log(`exit ${code}`);
  process.exit(code);
}
process.on('SIGINT', () => finish(130));
process.on('SIGTERM', () => finish(143));
const watchdog = setTimeout(() => { log(`TIMEOUT after ${opt.timeout}s`); void finish(1); }, opt.timeout * 1000);

try {
  browser = await launchBrowser(path.join(server.stateDir, 'chromium-profile'), server.dirs.home);
  const page = browser.pages()[0] || await browser.newPage();
  let exitCode = null;
  let shots = Promise.resolve();
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(args || []));
    if (type === 'error' && !process.env.VERBOSE && /ENOTFOUND open-vsx\.org/.test(line)) return; // offline gallery noise
    console.log(type === 'info' ? line : `[${type}] ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => { log(`extension host reported exit code ${code}`); exitCode = code; });
  page.on('console', (msg) => {
    const text = msg.text();
    if (process.env.VERBOSE) console.log(text.replace(/%c/g, ''));
    const match = /SCREENSHOT:([\w.-]+)/.exec(text);
    if (!match) return;
    const file = path.join(screenshotDir, `${match[1]}.png`);
    const tmp = `${file}.tmp.png`;
    // Let the workbench finish painting (fonts, decorations) before the picture, then publish it atomically.
    shots = shots.then(async () => {
      await page.waitForTimeout(1500);
      await page.screenshot({ path: tmp });
      fs.renameSync(tmp, file);
      log(`screenshot ${path.relative(extRoot, file)}`);
    }).catch((err) => log(`screenshot ${match[1]} failed: ${err.message}`));
  });
  const url = server.workbenchUrl(workspace, { testsPath: opt.tests });
  log(`opening ${url}`);
  await page.goto(url);
  while (exitCode === null) {
    if (server.exited) throw new Error('code-server died');
    await new Promise((r) => setTimeout(r, 250));
  }
  await shots;
  clearTimeout(watchdog);
  await finish(exitCode === 0 ? 0 : 1);
} catch (err) {
  console.error('[host] error:', err?.stack || err);
  await finish(1);
}
