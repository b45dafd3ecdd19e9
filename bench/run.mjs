#!/usr/bin/env node
// `npm run bench [folder]`: speed and memory of the engine, as ratios measured in the same run.
// Without a folder it scans a generated corpus (bench/generate-corpus.mjs, ~1,000 files).
// Prints: CLI cold scan vs a bare tree-sitter parse of the same files; peak memory; keystroke re-analysis
// p50/p95 on a 3,000-line file; activation time. Budgets are in the design notes; this never fails on them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS) || 5;

const folder = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, '.bench', 'corpus');
if (!process.argv[2]) generateCorpus(folder);

const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { cwd: root, encoding: 'utf8' });
if (tsc.status !== 0) console.warn('note: tsc reported errors; the keystroke benchmark uses what it emitted');
const { collectSourceFiles } = require(path.join(root, 'out/src/cli/walk.js'));
const { IncrementalDocument } = require(path.join(root, 'out/src/engine/incremental.js'));
const { allRules } = require(path.join(root, 'out/src/engine/registry.js'));
const rulesOfScope = (scope) => allRules().filter((rule) => rule.meta.scope === scope);

const { files } = collectSourceFiles([folder], folder, []);
const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
const listFile = path.join(os.tmpdir(), `backend-guide-bench-${process.pid}.json`);
fs.writeFileSync(listFile, JSON.stringify(files));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

function timeProcess(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr ?? '');
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

// Alternate the two so that machine noise falls on both alike.
const bare = [];
const cli = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(timeProcess(['-r', './bench/max-rss.cjs', 'bench/bare-parse.cjs', listFile]));
  cli.push(timeProcess(['-r', './bench/max-rss.cjs', 'dist/cli.js', 'lint', folder, '--format', 'json', '-o', os.devNull]));
}
fs.rmSync(listFile);

// Keystrokes: a 3,000-line file made of real-looking modules, typed into at seeded random places.
function threeThousandLines() {
  const sources = files.filter((f) => /\.(js|ts)$/.test(f) && f.endsWith('.js'));
  const lines = [];
  for (let i = 0; lines.length < 3000; i++) lines.push(...fs.readFileSync(sources[i % sources.length], 'utf8').split('\n'));
  return lines.slice(0, 3000).join('\n');
}
let text = threeThousandLines();
const doc = await IncrementalDocument.open(text, { languageId: 'javascript', fileName: 'big.js' });
let seed = 99;
const rand = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 4294967296; };
// The editor's two passes: file rules after each (debounced) keystroke, project rules when typing pauses.
const fileRules = rulesOfScope('file');
const projectRules = rulesOfScope('project');
const keystrokes = [];
const parses = [];
const pauses = [];
// Typing as a person does: at the end of a random line, type a statement one character at a time, then
// delete it with backspace; the code is briefly broken around the cursor, as it is while typing.
const TYPED = ['const total = items.reduce((sum, x) => sum + x.price, 0);', "logger.info('order ' + id);", 'if (!user) return res.status(401).end();'];
for (let session = 0; session < 20; session++) {
  const lineEnds = [...text.matchAll(/\n/g)].map((m) => m.index);
  const at = lineEnds[Math.floor(rand() * lineEnds.length)];
  const typed = `\n  ${TYPED[session % TYPED.length]}`;
  const strokes = [...typed].map((ch, i) => ({ rangeOffset: at + i, rangeLength: 0, text: ch }));
  for (let i = typed.length - 1; i >= 0; i--) strokes.push({ rangeOffset: at + i, rangeLength: 1, text: '' });
  for (const change of strokes) {
    const next = text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
    const started = process.hrtime.bigint();
    doc.update([change], next);
    parses.push(Number(process.hrtime.bigint() - started) / 1e6);
    doc.analyze({ rules: fileRules });
    keystrokes.push(Number(process.hrtime.bigint() - started) / 1e6);
    text = next;
  }
  const pauseStarted = process.hrtime.bigint();
  doc.analyze({ rules: projectRules });
  pauses.push(Number(process.hrtime.bigint() - pauseStarted) / 1e6);
}
doc.dispose();

const activation = [];
for (let i = 0; i < RUNS; i++) {
  const r = spawnSync(process.execPath, ['bench/activation.cjs'], { cwd: root, encoding: 'utf8' });
  if (r.status === 0) activation.push(Number(r.stdout.trim()));
  else { console.warn(`activation run failed: ${r.stderr.split('\n').slice(0, 5).join(' | ')}`); break; }
}

const bareMs = median(bare.map((r) => r.ms));
const cliMs = median(cli.map((r) => r.ms));
const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
console.log(`\nBackend Guide benchmark — ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB in ${path.relative(process.cwd(), folder) || '.'} (median of ${RUNS} runs)`);
console.log(`  bare tree-sitter parse (one process): ${fmt(bareMs, 0)} ms, peak ${fmt(median(bare.map((r) => r.rssMb)), 0)} MB`);
console.log(`  CLI cold scan (whole process):        ${fmt(cliMs, 0)} ms, peak ${fmt(median(cli.map((r) => r.rssMb)), 0)} MB`);
console.log(`  CLI / bare parse:                     ${fmt(cliMs / bareMs, 2)}x   (budget: at most 2x, under 150 MB)`);
console.log(`  keystroke re-analysis, 3,000 lines:   p50 ${fmt(percentile(keystrokes, 50), 2)} ms, p95 ${fmt(percentile(keystrokes, 95), 2)} ms over ${keystrokes.length} edits: incremental parse + file rules (${fileRules.map((r) => r.meta.id).join(', ')})   (budget: p95 under 5 ms)`);
console.log(`    of which incremental parse:          p50 ${fmt(percentile(parses, 50), 2)} ms, p95 ${fmt(percentile(parses, 95), 2)} ms`);
console.log(`  pause pass, same file:                p50 ${fmt(percentile(pauses, 50), 2)} ms, p95 ${fmt(percentile(pauses, 95), 2)} ms over ${pauses.length} pauses: project rules (${projectRules.map((r) => r.meta.id).join(', ')}), run 600 ms after typing stops`);
console.log(`  activation (require + activate):      ${activation.length ? `${fmt(median(activation), 1)} ms` : 'n/a'}   (budget: under 50 ms)`);
