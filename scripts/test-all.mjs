#!/usr/bin/env node
// `npm test`: builds, runs the unit suite (plain Node) and the extension-host suite (real VS Code through
// code-server), streams their output, and closes with one plain line: `N passed, N failed`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureCodeServer } from './ensure-code-server.mjs';
import { ensureNodeVersions } from './ensure-node-versions.mjs';

function run(command, args) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    child.stdout.on('data', (d) => { output += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { output += d; process.stderr.write(d); });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const count = (output, pattern) => [...output.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStages = 0;

const build = await run('npm', ['run', '--silent', 'build']);
const compile = await run('npm', ['run', '--silent', 'compile-tests']);
if (build.code !== 0 || compile.code !== 0) {
  console.log('build or type-check of the tests failed');
  failedStages++;
}

// the unit test of the CLI on the other Node versions users run finds them here
process.env.BACKEND_GUIDE_OTHER_NODES = ensureNodeVersions().join(path.delimiter);
const unit = await run('npx', ['mocha', '--config', '.mocharc.json']);
totals.passed += count(unit.output, /^\s*(\d+) passing/gm);
totals.failed += count(unit.output, /^\s*(\d+) failing/gm);
totals.skipped += count(unit.output, /^\s*(\d+) pending/gm);
if (unit.code !== 0 && count(unit.output, /^\s*(\d+) failing/gm) === 0) failedStages++;

try { ensureCodeServer(); } catch (error) { console.error(String(error)); }
const host = await run('node', ['test/host/run-code-server-tests.mjs']);
const hostLine = /host suite: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(host.output);
if (hostLine) {
  totals.passed += Number(hostLine[1]);
  totals.failed += Number(hostLine[2]);
  totals.skipped += Number(hostLine[3]);
}
if (host.code !== 0 && (!hostLine || Number(hostLine[2]) === 0)) failedStages++;

// A stage that broke before counting (build error, host that never started) counts as one failure.
totals.failed += failedStages;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
