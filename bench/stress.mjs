#!/usr/bin/env node
// npm run bench:stress — the hostile shapes of issue 19, generated from fixed rules, at the sizes that
// were reported slow (1x) and ten times them (10x), each scanned alone by the CLI (one thread). Prints the
// wall time next to the per-file time budget, peak memory, and what the report says (findings, analysed
// partly, skipped). It never fails: budgets are read, not asserted (tests check behaviour, not time).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}
const BUDGET_MS = 2000; // the default per-file budget (timeBudgetMs)

/** Each shape: a file name and its text for `n` repetitions, plus an optional config. */
const SHAPES = [
  {
    name: 'chained route calls', unit: 'calls', sizes: [4000, 40000], file: 'routes.js',
    text: (n) => `const express = require('express');\nconst router = express.Router();\nrouter${Array.from({ length: n }, (_, i) => `\n  .get('/r${i}', (req, res) => res.send('x'))`).join('')};\nmodule.exports = router;\n`,
  },
  {
    name: 'q += lines feeding a query', unit: 'lines', sizes: [20000, 200000], file: 'plus.js',
    text: (n) => `const { Pool } = require('pg');\nconst db = new Pool();\nfunction f(req) {\n  let q = 'SELECT * FROM t WHERE 1 = 1';\n${Array.from({ length: n }, (_, i) => `  q += ' AND c${i} = ' + req.query.v${i % 10};\n`).join('')}  return db.query(q);\n}\nmodule.exports = f;\n`,
  },
  {
    name: 'nested db.query( calls', unit: 'levels', sizes: [10000, 100000], file: 'nested.js',
    text: (n) => `const { Pool } = require('pg');\nconst db = new Pool();\nfunction g(req) { return ${"db.query('SELECT * FROM t WHERE id = ' + req.query.x +\n".repeat(n)}1${')'.repeat(n)}; }\nmodule.exports = g;\n`,
  },
  {
    name: 'backtracking ignore glob', unit: 'stars', sizes: [5, 50], file: `${'a'.repeat(100)}.js`,
    text: () => `const { Pool } = require('pg');\nconst db = new Pool();\nmodule.exports = (req) => db.query('SELECT * FROM t WHERE id = ' + req.query.id);\n`,
    config: (n) => `ignore:\n  - '${'*a'.repeat(n)}*!'\n`,
  },
  {
    name: 'backtracking public-route pattern', unit: 'globstars', sizes: [12, 120], file: 'app.js',
    text: () => `const express = require('express');\nconst app = express();\n${Array.from({ length: 50 }, (_, i) => `app.delete('/${'a/'.repeat(20)}x${i}', (req, res) => db.query('DELETE FROM t'));\n`).join('')}app.listen(3000);\n`,
    config: (n) => `auth:\n  publicRoutes:\n    - '${'/**'.repeat(n)}/y'\n`,
  },
];

function scan(dir, file) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', path.join(root, 'bench', 'max-rss.cjs'), cli, 'lint', file, '--jobs', '1', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr ?? '');
  let said = `exit ${result.status}`;
  try {
    const report = JSON.parse(result.stdout);
    const f = report.files[0] ?? {};
    said = f.skipped ? `skipped: ${f.skipped}` : `${f.findings.length} finding(s)${f.timedOut?.length ? `, analysed partly (time budget: ${f.timedOut.join(', ')})` : ''}`;
  } catch {
    // the report is not JSON: the exit code says what happened
  }
  return { ms, mb: rss ? Number(rss[1]) / 1024 : NaN, said };
}

console.log(`Hostile shapes, one file each, CLI on one thread, size limit raised to 16 MB (per-file budget ${BUDGET_MS} ms for the rules; parsing and reading are extra; wall time includes ~0.4 s of start-up)`);
for (const shape of SHAPES) {
  for (const [i, n] of shape.sizes.entries()) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-stress-'));
    fs.writeFileSync(path.join(dir, shape.file), shape.text(n));
    // the size limit is raised so that the 10x files are analysed, not skipped for their size
    fs.writeFileSync(path.join(dir, '.backendguide.yaml'), `maxFileSizeKb: 16384\n${shape.config ? shape.config(n) : ''}`);
    const { ms, mb, said } = scan(dir, shape.file);
    const kb = Math.round(fs.statSync(path.join(dir, shape.file)).size / 1024);
    console.log(`  ${shape.name.padEnd(34)} ${i === 0 ? ' 1x' : '10x'} ${String(n).padStart(7)} ${shape.unit.padEnd(9)} ${String(kb).padStart(6)} KB  ${(ms / 1000).toFixed(2).padStart(6)} s  ${mb.toFixed(0).padStart(5)} MB  ${said}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
