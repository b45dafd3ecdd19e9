#!/usr/bin/env node
// `npm run bench [folder]`: speed and memory of the engine, as ratios measured in the same run.
// Without a folder it scans a generated corpus (bench/generate-corpus.mjs, ~1,000 files).
// Prints: CLI cold scan on all cores and on one core vs a bare tree-sitter parse of the same files (wall and
// CPU time, with their spread); a rescan from --cache vs the cold scan; peak memory; keystroke re-analysis
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

function timeProcess(args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr ?? '');
  const cpu = /BENCH_CPU_MS=([\d.]+)/.exec(result.stderr ?? '');
  const threads = /BENCH_THREAD_MEMORY=(.*)/.exec(result.stderr ?? '');
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN, cpuMs: cpu ? Number(cpu[1]) : NaN, threads: threads?.[1] };
}
// What each thread of a scan holds after its facts pass and its analysis (the CLI measures it after a forced
// collection, so these runs are not the timed ones; see src/cli/thread-memory.ts).
const THREAD_MEMORY = { BACKEND_GUIDE_THREAD_MEMORY: '1' };

// Alternate the three so that machine noise falls on all alike; each CLI run is paired with the bare parse
// before it, and the spread of the paired ratios is shown beside their median.
const cores = os.availableParallelism?.() ?? os.cpus().length;
const lint = (jobs, target = folder) => ['-r', './bench/max-rss.cjs', 'dist/cli.js', 'lint', target, '--format', 'json', '-o', os.devNull, '--jobs', String(jobs)];
// ESLint with four security plugins, when installed beside the bench (see bench/eslint-run.cjs for how);
// it takes about 30 s of CPU per run, so it runs in the first runs only, each paired with the CLI run before it.
const eslintInstalled = fs.existsSync(path.join(root, '.bench', 'eslint', 'node_modules', 'eslint'));
const ESLINT_RUNS = Math.min(RUNS, Number(process.env.BENCH_ESLINT_RUNS) || 3);
const eslint = [];
const cacheFile = path.join(os.tmpdir(), `backend-guide-bench-${process.pid}.cache`);
const bare = [];
const cliAll = [];
const cliOne = [];
const cached = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(timeProcess(['-r', './bench/max-rss.cjs', 'bench/bare-parse.cjs', listFile]));
  cliAll.push(timeProcess(lint(cores)));
  if (eslintInstalled && i < ESLINT_RUNS) eslint.push(timeProcess(['-r', './bench/max-rss.cjs', 'bench/eslint-run.cjs', folder]));
  cliOne.push(timeProcess(lint(1)));
  // a cold run fills the cache, the next one rescans the unchanged corpus from it
  fs.rmSync(cacheFile, { force: true });
  timeProcess([...lint(cores), '--cache-location', cacheFile]);
  cached.push(timeProcess([...lint(cores), '--cache-location', cacheFile]));
}
fs.rmSync(listFile);
fs.rmSync(cacheFile, { force: true });
const heldAt1x = { all: timeProcess(lint(cores), THREAD_MEMORY), one: timeProcess(lint(1), THREAD_MEMORY) };

// Memory at scale: one cold scan of a generated corpus 16 times the size (the budget is for 15,000 files).
let atScale;
if (!process.argv[2] && process.env.BENCH_SCALE !== '0') {
  const scaled = path.join(root, '.bench', 'corpus-16x');
  generateCorpus(scaled, 16 * files.length);
  atScale = { all: timeProcess(lint(cores, scaled)), one: timeProcess(lint(1, scaled)), held: timeProcess(lint(cores, scaled), THREAD_MEMORY) };
  fs.rmSync(scaled, { recursive: true, force: true });
}

// Keystrokes: a 3,000-line file made of real-looking modules, typed into at seeded random places.
function threeThousandLines() {
  const sources = files.filter((f) => /\.(js|ts)$/.test(f) && f.endsWith('.js'));
  const lines = [];
  for (let i = 0; lines.length < 3000; i++) lines.push(...fs.readFileSync(sources[i % sources.length], 'utf8').split('\n'));
  return lines.slice(0, 3000).join('\n');
}
// Real JavaScript files of 2,500 to 4,000 lines from the dev dependencies (pinned by package-lock.json).
const REAL_FILES = [
  'commander/lib/command.js', 'argparse/argparse.js', 'js-yaml/dist/js-yaml.js', 'esbuild/lib/main.js', 'lodash/core.js',
  'azure-devops-node-api/BuildApi.js', 'parse5/dist/cjs/parser/index.js', 'qs/test/parse.js',
].map((f) => path.join(root, 'node_modules', f)).filter((f) => fs.existsSync(f));
// The editor's passes: file rules after each (debounced) keystroke, with the keystroke budget the
// extension uses by default; project rules when typing pauses.
const KEYSTROKE_BUDGET_MS = 5;
const fileRules = rulesOfScope('file');
const projectRules = rulesOfScope('project');
// Typing as a person does with auto-closing brackets off: at the end of a random line, type a statement
// one character at a time, then delete it with backspace; the code is briefly broken around the cursor.
const TYPED = ['const total = items.reduce((sum, x) => sum + x.price, 0);', "logger.info('order ' + id);", 'if (!user) return res.status(401).end();'];
const ms = (started) => Number(process.hrtime.bigint() - started) / 1e6;

/**
 * Types `sessions` statements into `text` and back out. Per keystroke: the complete re-analysis (parse
 * and file rules, no budget) and, on a second copy of the document, the editor's keystroke pass with its
 * budget (which gives up, deferring to the pause pass, when it cannot finish in time).
 */
async function typeInto(initial, sessions, withPauses) {
  let text = initial;
  const complete = await IncrementalDocument.open(text, { languageId: 'javascript', fileName: 'big.js' });
  const editor = await IncrementalDocument.open(text, { languageId: 'javascript', fileName: 'big.js' });
  complete.analyze({ rules: fileRules });
  editor.analyze({ rules: fileRules });
  let seed = 99;
  const rand = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 4294967296; };
  const out = { full: [], parses: [], pass: [], deferred: 0, pauses: [] };
  let lastDeferred = false;
  for (let session = 0; session < sessions; session++) {
    const lineEnds = [...text.matchAll(/\n/g)].map((m) => m.index);
    const at = lineEnds[Math.floor(rand() * lineEnds.length)];
    const typed = `\n  ${TYPED[session % TYPED.length]}`;
    const strokes = [...typed].map((ch, i) => ({ rangeOffset: at + i, rangeLength: 0, text: ch }));
    for (let i = typed.length - 1; i >= 0; i--) strokes.push({ rangeOffset: at + i, rangeLength: 1, text: '' });
    for (const change of strokes) {
      const next = text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
      let started = process.hrtime.bigint();
      complete.update([change], next);
      complete.analyze({ rules: [] });
      out.parses.push(ms(started));
      complete.analyze({ rules: fileRules });
      out.full.push(ms(started));
      started = process.hrtime.bigint();
      editor.update([change], next);
      lastDeferred = editor.analyze({ rules: fileRules }, KEYSTROKE_BUDGET_MS).deferred !== undefined;
      if (lastDeferred) out.deferred++;
      out.pass.push(ms(started));
      text = next;
    }
    if (!withPauses) continue;
    const started = process.hrtime.bigint();
    if (lastDeferred) editor.analyze({ rules: fileRules });
    editor.analyze({ rules: projectRules });
    out.pauses.push(ms(started));
  }
  complete.dispose();
  editor.dispose();
  return out;
}

const synthetic = await typeInto(threeThousandLines(), 20, true);
const real = { full: [], parses: [], pass: [], deferred: 0 };
for (const file of REAL_FILES) {
  const r = await typeInto(fs.readFileSync(file, 'utf8'), 8, false);
  for (const key of ['full', 'parses', 'pass']) real[key].push(...r[key]);
  real.deferred += r.deferred;
}

const activation = [];
for (let i = 0; i < RUNS; i++) {
  const r = spawnSync(process.execPath, ['bench/activation.cjs'], { cwd: root, encoding: 'utf8' });
  if (r.status === 0) activation.push(Number(r.stdout.trim()));
  else { console.warn(`activation run failed: ${r.stderr.split('\n').slice(0, 5).join(' | ')}`); break; }
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const spread = (xs, d) => `${fmt(median(xs), d)} (${fmt(Math.min(...xs), d)}-${fmt(Math.max(...xs), d)})`;
const ratios = (runs, key) => runs.map((r, i) => r[key] / bare[i][key]);
console.log(`\nBackend Guide benchmark — ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB in ${path.relative(process.cwd(), folder) || '.'} (median of ${RUNS} runs, min-max in brackets; ${cores} cores)`);
const line = (label, runs) => console.log(`  ${label.padEnd(38)} wall ${spread(runs.map((r) => r.ms), 0)} ms, CPU ${spread(runs.map((r) => r.cpuMs), 0)} ms, peak ${spread(runs.map((r) => r.rssMb), 0)} MB`);
line('bare tree-sitter parse (one thread):', bare);
line(`CLI cold scan, all cores (--jobs ${cores}):`, cliAll);
line('CLI cold scan, one core (--jobs 1):', cliOne);
console.log(`  CLI all cores / bare parse:            wall ${spread(ratios(cliAll, 'ms'), 2)}x, CPU ${spread(ratios(cliAll, 'cpuMs'), 2)}x   (budget: wall at most 1x, under 150 MB at 15,000 files)`);
console.log(`  CLI one core / bare parse:             wall ${spread(ratios(cliOne, 'ms'), 2)}x, CPU ${spread(ratios(cliOne, 'cpuMs'), 2)}x`);
line('CLI cached rescan, unchanged corpus:', cached);
const held = (label, run) => console.log(`    ${label.padEnd(36)} ${run.threads ?? 'n/a'}`);
console.log(`  what each thread holds (V8 heap after a collection + memory outside it, mostly the parser's WebAssembly memory):`);
held(`1x, --jobs ${cores} (peak ${fmt(heldAt1x.all.rssMb, 0)} MB):`, heldAt1x.all);
held(`1x, --jobs 1 (peak ${fmt(heldAt1x.one.rssMb, 0)} MB):`, heldAt1x.one);
if (atScale) {
  console.log(`  CLI cold scan at 16x (${16 * files.length} files):    all cores peak ${fmt(atScale.all.rssMb, 0)} MB, one core peak ${fmt(atScale.one.rssMb, 0)} MB (wall ${fmt(atScale.all.ms, 0)} / ${fmt(atScale.one.ms, 0)} ms, CPU ${fmt(atScale.all.cpuMs, 0)} / ${fmt(atScale.one.cpuMs, 0)} ms)   (budget: under 150 MB)`);
  held(`16x, --jobs ${cores} (peak ${fmt(atScale.held.rssMb, 0)} MB):`, atScale.held);
}
if (eslint.length) {
  line('ESLint 9 + 4 security plugins:', eslint);
  console.log(`  ESLint + plugins / CLI all cores:       wall ${spread(eslint.map((r, i) => r.ms / cliAll[i].ms), 1)}x, CPU ${spread(eslint.map((r, i) => r.cpuMs / cliAll[i].cpuMs), 1)}x faster   (budget: at least 25x)`);
} else {
  console.log('  ESLint comparison: not installed (npm install --prefix .bench/eslint eslint@9 typescript-eslint eslint-plugin-security eslint-plugin-no-unsanitized @microsoft/eslint-plugin-sdl eslint-plugin-sonarjs)');
}
console.log(`  cached rescan / cold scan (all cores): wall ${spread(cached.map((r, i) => r.ms / cliAll[i].ms), 2)}x   (budget: at most 0.10x)`);
const p = (xs, q) => fmt(percentile(xs, q), 2);
const typing = (label, r) => {
  console.log(`  ${label}: ${r.full.length} keystrokes`);
  console.log(`    complete re-analysis (parse + ${fileRules.map((x) => x.meta.id).join(', ')}): p50 ${p(r.full, 50)} ms, p95 ${p(r.full, 95)} ms   (budget: p95 under 5 ms)`);
  console.log(`      of which incremental parse:        p50 ${p(r.parses, 50)} ms, p95 ${p(r.parses, 95)} ms`);
  console.log(`    editor keystroke pass (${KEYSTROKE_BUDGET_MS} ms budget):   p50 ${p(r.pass, 50)} ms, p95 ${p(r.pass, 95)} ms, max ${fmt(Math.max(...r.pass), 2)} ms; ${r.deferred} deferred to the pause (${fmt((100 * r.deferred) / r.pass.length, 1)}%)`);
};
typing('typing into a generated 3,000-line file (685 top-level statements: the worst case for re-parsing)', synthetic);
typing(`typing into ${REAL_FILES.length} real files of 2,500-4,000 lines (${REAL_FILES.map((f) => path.relative(path.join(root, 'node_modules'), f)).join(', ')})`, real);
console.log(`  pause pass, generated file:            p50 ${p(synthetic.pauses, 50)} ms, p95 ${p(synthetic.pauses, 95)} ms over ${synthetic.pauses.length} pauses: deferred file rules + project rules (${projectRules.map((r) => r.meta.id).join(', ')}), 600 ms after typing stops`);
console.log(`  activation (require + activate):      ${activation.length ? `${fmt(median(activation), 1)} ms` : 'n/a'}   (budget: under 50 ms)`);
