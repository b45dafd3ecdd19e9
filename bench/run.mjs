#!/usr/bin/env node
// `npm run bench [folder]`: speed and memory of the engine, as ratios measured in the same run.
// Without a folder it scans a generated corpus (bench/generate-corpus.mjs, ~1,000 files).
// Prints: CLI cold scan on all cores and on one core vs a bare tree-sitter parse of the same files (wall and
// CPU time, with their spread), and what the machine's cores give at most (a bare parse on each core alone and on all
// at once); a rescan from --cache vs the cold scan; peak memory and page faults (with what a page
// of fresh memory costs on this machine), at 16x the corpus beside the bare parse's own there; keystroke cost
// p50/p95 (engine in the worker, host thread) on the generated worst case and real files of up to 28,000 lines; activation time. Budgets are in the design notes; this never fails on them.
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

const { files } = collectSourceFiles([folder], folder, []);
const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
const listFile = path.join(os.tmpdir(), `backend-guide-bench-${process.pid}.json`);
fs.writeFileSync(listFile, JSON.stringify(files));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// NODE_EXTRA_CA_CERTS makes every Node process read and parse that certificate file as it starts, before any of
// its code runs: set to the system's bundle (as on machines whose registry goes through a proxy), it costs each
// process tens of milliseconds, more than a rescan from --cache spends on its own work. The processes measured
// here (bare parse, CLI, ESLint alike) run without it, as on a machine that does not set it; the bench says what
// it would cost them.
const { NODE_EXTRA_CA_CERTS: extraCaCerts, ...measuredEnv } = process.env;

function timeProcess(args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...measuredEnv, ...env } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr ?? '');
  const cpu = /BENCH_CPU_MS=([\d.]+)/.exec(result.stderr ?? '');
  const threads = /BENCH_THREAD_MEMORY=(.*)/.exec(result.stderr ?? '');
  const faults = /BENCH_PAGE_FAULTS=(\d+)/.exec(result.stderr ?? '');
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN, cpuMs: cpu ? Number(cpu[1]) : NaN, threads: threads?.[1], faults: faults ? Number(faults[1]) : NaN };
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
fs.rmSync(cacheFile, { force: true });
const heldAt1x = { all: timeProcess(lint(cores), THREAD_MEMORY), one: timeProcess(lint(1), THREAD_MEMORY) };

// Memory at scale: one cold scan of a generated corpus 16 times the size (the budget is for 15,000 files), and the
// bare parse of it on the same threads (bare-parse-threads.cjs): each thread's tree-sitter and heap, and Node's own
// memory, are there before the scan keeps anything.
let atScale;
if (!process.argv[2] && process.env.BENCH_SCALE !== '0') {
  const scaled = path.join(root, '.bench', 'corpus-16x');
  generateCorpus(scaled, 16 * files.length);
  atScale = { all: timeProcess(lint(cores, scaled)), one: timeProcess(lint(1, scaled)), held: timeProcess(lint(cores, scaled), THREAD_MEMORY) };
  // the floor under those peaks: the bare parse of the same files on as many threads, keeping nothing
  const scaledList = path.join(os.tmpdir(), `backend-guide-bench-${process.pid}-16x.json`);
  fs.writeFileSync(scaledList, JSON.stringify(collectSourceFiles([scaled], scaled, []).files));
  const bareAt = (threads) => timeProcess(['-r', './bench/max-rss.cjs', 'bench/bare-parse-threads.cjs', scaledList, String(threads)]);
  atScale.bare = { all: bareAt(cores), one: bareAt(1) };
  fs.rmSync(scaledList);
  fs.rmSync(scaled, { recursive: true, force: true });
}

// Keystrokes (bench/keystrokes.mjs): engine cost in the worker and host-thread cost, on the generated worst case and real files.
const { keystrokeReport } = await import('./keystrokes.mjs');
const typingLines = await keystrokeReport({ corpusSources: files.filter((f) => f.endsWith('.js')) });

// Activation loads the extension's bundle through the V8 code cache (src/extension/loader.ts): measured as it is
// once a first activation has written the cache, and as that first activation (no cache) is.
const activate = (env) => {
  const r = spawnSync(process.execPath, ['bench/activation.cjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) console.warn(`activation run failed: ${r.stderr.split('\n').slice(0, 5).join(' | ')}`);
  return r.status === 0 ? Number(r.stdout.trim()) : NaN;
};
activate({});
const activation = Array.from({ length: RUNS }, () => activate({})).filter(Number.isFinite);
const firstActivation = Array.from({ length: RUNS }, () => activate({ BACKEND_GUIDE_COMPILE_CACHE: '0' })).filter(Number.isFinite);

// what the certificate file the measured processes ran without costs a Node process's start (see `measuredEnv`)
const startCost = extraCaCerts === undefined ? [] : Array.from({ length: 2 * RUNS + 1 }, () => {
  const bareStart = timeProcess(['-e', '0']).ms;
  return timeProcess(['-e', '0'], { NODE_EXTRA_CA_CERTS: extraCaCerts }).ms - bareStart;
});

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const spread = (xs, d) => `${fmt(median(xs), d)} (${fmt(Math.min(...xs), d)}-${fmt(Math.max(...xs), d)})`;
const ratios = (runs, key) => runs.map((r, i) => r[key] / bare[i][key]);
console.log(`\nBackend Guide benchmark — ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB in ${path.relative(process.cwd(), folder) || '.'} (median of ${RUNS} runs, min-max in brackets; ${cores} cores)`);
const line = (label, runs) => console.log(`  ${label.padEnd(38)} wall ${spread(runs.map((r) => r.ms), 0)} ms, CPU ${spread(runs.map((r) => r.cpuMs), 0)} ms, peak ${spread(runs.map((r) => r.rssMb), 0)} MB, ${fmt(median(runs.map((r) => r.faults)) / 1000, 1)}k page faults`);
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
  console.log(`  bare parse at 16x, keeping nothing (the floor under those peaks): all cores (${cores} threads) peak ${fmt(atScale.bare.all.rssMb, 0)} MB, one core peak ${fmt(atScale.bare.one.rssMb, 0)} MB (wall ${fmt(atScale.bare.all.ms, 0)} / ${fmt(atScale.bare.one.ms, 0)} ms)`);
}
if (eslint.length) {
  line('ESLint 9 + 4 security plugins:', eslint);
  console.log(`  ESLint + plugins / CLI all cores:       wall ${spread(eslint.map((r, i) => r.ms / cliAll[i].ms), 1)}x, CPU ${spread(eslint.map((r, i) => r.cpuMs / cliAll[i].cpuMs), 1)}x faster   (budget: at least 25x)`);
} else {
  console.log('  ESLint comparison: not installed (npm install --prefix .bench/eslint eslint@9 typescript-eslint eslint-plugin-security eslint-plugin-no-unsanitized @microsoft/eslint-plugin-sdl eslint-plugin-sonarjs)');
}
console.log(`  cached rescan / cold scan (all cores): wall ${spread(cached.map((r, i) => r.ms / cliAll[i].ms), 2)}x   (budget: at most 0.10x)`);
// What a page of fresh memory costs here: each page a process touches for the first time is a page fault, which on
// some virtual machines takes microseconds, so that a process's peak memory is also part of its time.
const TOUCH_MB = 64;
const touchScript = `const n = ${TOUCH_MB} << 20, t = process.hrtime.bigint(), b = Buffer.allocUnsafeSlow(n); for (let i = 0; i < n; i += 4096) b[i] = 1; console.log(Number(process.hrtime.bigint() - t) / 1e6)`;
const touchMs = Array.from({ length: 3 }, () => Number(spawnSync(process.execPath, ['-e', touchScript], { encoding: 'utf8', env: measuredEnv }).stdout));
console.log(`  touching fresh memory: ${spread(touchMs.map((ms) => ms / TOUCH_MB), 2)} ms per MB (${spread(touchMs.map((ms) => (ms * 1000) / (TOUCH_MB * 256)), 1)} us per page fault)`);
// How fast each core is alone: the same bare parse pinned to one core at a time (Linux, with `taskset`). On a virtual
// machine the cores can differ, and not always alike: on the bench machine, for stretches of minutes, one core ran
// it in 1.5 times the CPU time of the other (a loop of arithmetic ran alike on both), and then a second thread of a
// scan does less than half its work, whatever the CLI does. This says how the cores were during this run.
/** `taskset`'s arguments for a bare parse pinned to `core`. */
const pinnedParse = (core) => ['-c', String(core), process.execPath, '-r', './bench/max-rss.cjs', 'bench/bare-parse.cjs', listFile];
const pinned = process.platform === 'linux' && spawnSync('taskset', ['-c', '0', 'true']).status === 0
  ? Array.from({ length: cores }, (_, core) => Array.from({ length: 3 }, () => {
    const r = spawnSync('taskset', pinnedParse(core), { cwd: root, encoding: 'utf8', env: measuredEnv });
    return Number(/BENCH_CPU_MS=([\d.]+)/.exec(r.stderr ?? '')?.[1]);
  }))
  : [];
if (pinned.length) console.log(`  bare parse on each core alone, CPU: ${pinned.map((runs, core) => `core ${core} ${spread(runs, 0)} ms`).join(', ')}`);
/** One bare parse per core, all at once, each pinned to its core: their CPU times, by core. */
function parallelBareParses() {
  const runs = Array.from({ length: cores }, (_, core) => pinnedParse(core));
  const script = `const { spawn } = require('child_process'); Promise.all(${JSON.stringify(runs)}.map((args) => new Promise((done) => {
    const child = spawn('taskset', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = ''; child.stderr.on('data', (d) => { err += d; }); child.on('close', () => done(Number(/BENCH_CPU_MS=([\\d.]+)/.exec(err)?.[1])));
  }))).then((cpu) => console.log(JSON.stringify(cpu)));`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', env: measuredEnv });
  return JSON.parse(r.stdout.trim() || '[]');
}
// The same bare parse on every core at once, one process pinned to each: what the machine gives work done on all
// cores. On the bench machine a parse took up to 5% more CPU with another running beside it (parsing is
// memory-heavy; a loop of arithmetic was not slowed), and a core that is slower for a while (see above) stays
// slower. This says how fast all cores parsed together in this run, against the bare parse: a scan on all cores
// meets the bare parse's wall time (the budget) only if its threads together do at most that many times a bare
// parse's work.
if (pinned.length > 1) {
  const together = Array.from({ length: 3 }, () => parallelBareParses());
  const ceiling = together.map((cpu) => (cores * median(bare.map((r) => r.cpuMs))) / Math.max(...cpu));
  console.log(`  bare parse on every core at once, CPU: ${pinned.map((_, core) => `core ${core} ${spread(together.map((r) => r[core]), 0)} ms`).join(', ')}; so all cores parsed at most ${spread(ceiling, 2)}x as fast as the bare parse above`);
}
fs.rmSync(listFile);
if (startCost.length) console.log(`  (measured without NODE_EXTRA_CA_CERTS, set here to ${extraCaCerts}: with it each Node process, the CLI's included, starts ${spread(startCost, 0)} ms later)`);
for (const typingLine of typingLines) console.log(typingLine);
console.log(`  activation (require + activate):      ${activation.length ? `${spread(activation, 1)} ms` : 'n/a'}   (budget: under 50 ms); the first after an install, before the code cache is written: ${firstActivation.length ? `${spread(firstActivation, 1)} ms` : 'n/a'}`);
