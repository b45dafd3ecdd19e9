#!/usr/bin/env node
// npm run bench:stress — the hostile shapes of issue 19, generated from fixed rules, at the sizes that
// were reported slow (1x) and ten times them (10x), each scanned alone by the CLI (one thread). Prints the
// wall time next to the per-file time budget, peak memory, and what the report says (findings, analysed
// partly, skipped). It never fails: budgets are read, not asserted (tests check behaviour, not time).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}
const BUDGET_MS = 2000; // the default per-file budget (timeBudgetMs)
const { SHAPES } = createRequire(import.meta.url)('./stress-shapes.cjs');

function scan(dir, file) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', path.join(root, 'bench', 'max-rss.cjs'), cli, 'lint', file, '--jobs', '1', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr ?? '');
  const cpu = /BENCH_CPU_MS=([\d.]+)/.exec(result.stderr ?? '');
  let said = `exit ${result.status}`;
  try {
    const report = JSON.parse(result.stdout);
    const f = report.files[0] ?? {};
    said = f.skipped ? `skipped: ${f.skipped}` : `${f.findings.length} finding(s)${f.timedOut?.length ? `, analysed partly (time budget: ${f.timedOut.join(', ')})` : ''}${f.limited?.length ? `, analysed partly (nesting too deep: ${f.limited.join(', ')})` : ''}`;
  } catch {
    // the report is not JSON: the exit code says what happened
  }
  return { ms, cpuMs: cpu ? Number(cpu[1]) : NaN, mb: rss ? Number(rss[1]) / 1024 : NaN, said };
}

console.log(`Hostile shapes, one file each, CLI on one thread, size limit raised to 16 MB (per-file budget ${BUDGET_MS} ms for the rules; parsing and reading are extra; wall time includes ~0.4 s of start-up; CPU time counts all threads and is less sensitive to a loaded machine)`);
for (const shape of SHAPES) {
  for (const [i, n] of shape.sizes.entries()) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-stress-'));
    fs.writeFileSync(path.join(dir, shape.file), shape.text(n));
    // the size limit is raised so that the 10x files are analysed, not skipped for their size
    fs.writeFileSync(path.join(dir, '.backendguide.yaml'), `maxFileSizeKb: 16384\n${shape.config ? shape.config(n) : ''}`);
    const { ms, cpuMs, mb, said } = scan(dir, shape.file);
    const kb = Math.round(fs.statSync(path.join(dir, shape.file)).size / 1024);
    console.log(`  ${shape.name.padEnd(34)} ${i === 0 ? ' 1x' : '10x'} ${String(n).padStart(7)} ${shape.unit.padEnd(9)} ${String(kb).padStart(6)} KB  ${(ms / 1000).toFixed(2).padStart(6)} s wall ${(cpuMs / 1000).toFixed(2).padStart(6)} s CPU ${mb.toFixed(0).padStart(5)} MB peak  ${said}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
