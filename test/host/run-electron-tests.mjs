#!/usr/bin/env node
// Runs the same extension-host suite in a desktop VS Code downloaded by @vscode/test-electron.
// For machines that can reach Microsoft's update server; offline machines use run-code-server-tests.mjs.
// Usage: node test/host/run-electron-tests.mjs [--vscode-version 1.90.0|stable]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { extRoot } from './code-server.mjs';

const versionArg = process.argv.indexOf('--vscode-version');
const version = versionArg > 0 ? process.argv[versionArg + 1] : process.env.VSCODE_VERSION || 'stable';
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-guide-electron-'));
fs.cpSync(path.join(extRoot, 'test', 'host', 'workspace'), workspace, { recursive: true });
fs.cpSync(path.join(extRoot, 'sample'), path.join(workspace, 'sample'), { recursive: true }); // the Routes view tests read its routes

try {
  await runTests({
    version,
    extensionDevelopmentPath: extRoot,
    extensionTestsPath: path.join(extRoot, 'out', 'test', 'host', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { BACKEND_GUIDE_TEST: '1' },
  });
  process.exit(0);
} catch (error) {
  console.error(`extension tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
