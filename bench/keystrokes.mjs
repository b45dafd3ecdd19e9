#!/usr/bin/env node
// Keystroke latency of the editor's analysis: a person types statements into a file and deletes them again,
// one character per change. Measured per keystroke, on the generated 3,000-line worst case (685 top-level
// statements), on real files of 2,500-4,000 lines and on real files of tens of thousands of lines:
// - engine: what the analysis costs where it runs (the worker): apply the edit, parse incrementally, run the
//   file rules with the keystroke budget (a pass that overruns is deferred to the pause pass);
// - host thread: what the editor's thread pays per keystroke with the worker (hand the edit over and, later,
//   take in the findings); without the worker the host thread pays the engine cost itself.
// Used by `npm run bench` (typing section) and alone: node bench/keystrokes.mjs [--quick]  (needs `npm run compile-tests`).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (file) => path.join(root, 'out', 'src', file);

/** The editor's default keystroke budget (setting `backendGuide.keystrokeBudgetMs`). */
export const KEYSTROKE_BUDGET_MS = 5;
// Typing as a person does with auto-closing brackets off: at the end of a random line, type a statement
// one character at a time, then delete it with backspace; the code is briefly broken around the cursor.
const TYPED = ['const total = items.reduce((sum, x) => sum + x.price, 0);', "logger.info('order ' + id);", 'if (!user) return res.status(401).end();'];
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

// Real JavaScript files from the dev dependencies (pinned by package-lock.json).
const REAL_FILES = [
  'commander/lib/command.js', 'argparse/argparse.js', 'js-yaml/dist/js-yaml.js', 'esbuild/lib/main.js', 'lodash/core.js',
  'azure-devops-node-api/BuildApi.js', 'parse5/dist/cjs/parser/index.js', 'qs/test/parse.js',
];
const LARGE_FILES = ['mocha/mocha.js', '@secretlint/secretlint-rule-preset-recommend/module/index-CqZLgRhm.js'];
const existing = (files) => files.map((f) => path.join(root, 'node_modules', f)).filter((f) => fs.existsSync(f));

/** A 3,000-line file of real-looking modules (the generated bench corpus): many small top-level statements. */
export function threeThousandLines(sources) {
  const lines = [];
  for (let i = 0; lines.length < 3000; i++) lines.push(...fs.readFileSync(sources[i % sources.length], 'utf8').split('\n'));
  return lines.slice(0, 3000).join('\n');
}

/** The keystrokes of `sessions` typing sessions into `text` (seeded): each a change and the text after it. */
function keystrokes(initial, sessions) {
  let text = initial;
  let seed = 99;
  const rand = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 4294967296; };
  const all = [];
  for (let session = 0; session < sessions; session++) {
    const lineEnds = [...text.matchAll(/\n/g)].map((m) => m.index);
    const at = lineEnds[Math.floor(rand() * lineEnds.length)];
    const typed = `\n  ${TYPED[session % TYPED.length]}`;
    const strokes = [...typed].map((ch, i) => ({ rangeOffset: at + i, rangeLength: 0, text: ch }));
    for (let i = typed.length - 1; i >= 0; i--) strokes.push({ rangeOffset: at + i, rangeLength: 1, text: '' });
    for (const change of strokes) {
      text = text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
      all.push({ change, text, endOfSession: change === strokes[strokes.length - 1] });
    }
  }
  return all;
}

/**
 * The engine side, as the worker runs it: per keystroke `update` + `analyze` of the file rules with the
 * keystroke budget; also the incremental parse alone and the complete pass without a budget, on a second copy.
 */
async function engineCost(initial, sessions, fileRules, projectRules) {
  const { IncrementalDocument } = require(out('engine/incremental.js'));
  const options = { languageId: 'javascript', fileName: 'big.js' };
  const editor = await IncrementalDocument.open(initial, options);
  const complete = await IncrementalDocument.open(initial, options);
  editor.analyze({ rules: fileRules });
  complete.analyze({ rules: fileRules });
  const r = { pass: [], update: [], parse: [], full: [], deferred: 0, pauses: [] };
  let lastDeferred = false;
  for (const { change, text, endOfSession } of keystrokes(initial, sessions)) {
    let started = nowMs();
    editor.update([change], text);
    r.update.push(nowMs() - started);
    lastDeferred = editor.analyze({ rules: fileRules }, KEYSTROKE_BUDGET_MS).deferred !== undefined;
    r.pass.push(nowMs() - started);
    if (lastDeferred) r.deferred++;
    started = nowMs();
    complete.update([change], text);
    complete.analyze({ rules: [] });
    r.parse.push(nowMs() - started);
    complete.analyze({ rules: fileRules });
    r.full.push(nowMs() - started);
    if (endOfSession && projectRules) {
      started = nowMs();
      if (lastDeferred) editor.analyze({ rules: fileRules });
      editor.analyze({ rules: projectRules });
      r.pauses.push(nowMs() - started);
    }
  }
  editor.dispose();
  complete.dispose();
  return r;
}

/**
 * The host side with the worker: per keystroke, what the extension's thread runs synchronously to hand the
 * edit to the worker (`AnalysisClient.edit`), and to take in each result the worker sends back.
 */
async function hostCost(initial, sessions) {
  if (!fs.existsSync(out('analysis-worker/client.js'))) return { send: [], receive: [], engine: [], inWorker: false };
  const { AnalysisClient } = require(out('analysis-worker/client.js'));
  const client = AnalysisClient.start({ workerFile: path.join(root, 'out', 'src', 'analysis-worker', 'worker-main.js'), log: () => undefined });
  const r = { send: [], receive: [], engine: [], inWorker: false };
  client.onResult((result) => { r.receive.push(result.receiveMs); r.engine.push(result.engineMs); });
  const { defaultConfig } = require(out('engine/config.js'));
  client.open('big', () => ({ text: initial, version: 1, languageId: 'javascript', fileName: 'big.js', config: defaultConfig() }));
  client.analyze('big', 'file');
  await client.settled('big');
  r.receive.length = 0;
  r.engine.length = 0;
  r.inWorker = client.inWorker;
  let version = 1;
  for (const { change } of keystrokes(initial, sessions)) {
    const started = nowMs();
    client.edit('big', ++version, [change]);
    client.analyze('big', 'file', { budgetMs: KEYSTROKE_BUDGET_MS });
    r.send.push(nowMs() - started);
    // a person types about 8 characters a second; waiting for the result keeps the worker from lagging behind
    await client.settled('big');
  }
  await client.dispose();
  return r;
}

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (n) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const p5095 = (xs) => `p50 ${fmt(percentile(xs, 50))} ms, p95 ${fmt(percentile(xs, 95))} ms`;

/** Runs the typing benchmark and returns its report lines. `corpusSources`: .js files of the generated corpus. */
export async function keystrokeReport({ corpusSources, quick = false }) {
  const { allRules } = require(out('engine/registry.js'));
  const fileRules = allRules().filter((rule) => rule.meta.scope === 'file');
  const projectRules = allRules().filter((rule) => rule.meta.scope === 'project');
  const lines = [];
  const cases = [
    { label: 'generated 3,000-line file (685 top-level statements: the worst case for re-parsing)', texts: [threeThousandLines(corpusSources)], sessions: quick ? 6 : 20, pauses: true },
    { label: `${existing(REAL_FILES).length} real files of 2,500-4,000 lines`, texts: existing(REAL_FILES).map((f) => fs.readFileSync(f, 'utf8')), sessions: quick ? 2 : 8 },
    { label: `real files of tens of thousands of lines (${existing(LARGE_FILES).map((f) => `${path.relative(path.join(root, 'node_modules'), f)}, ${fs.readFileSync(f, 'utf8').split('\n').length} lines`).join('; ')})`, texts: existing(LARGE_FILES).map((f) => fs.readFileSync(f, 'utf8')), sessions: quick ? 2 : 6 },
  ];
  for (const c of cases) {
    const engine = { pass: [], update: [], parse: [], full: [], deferred: 0, pauses: [] };
    const host = { send: [], receive: [], engine: [], inWorker: true };
    for (const text of c.texts) {
      const e = await engineCost(text, c.sessions, fileRules, c.pauses ? projectRules : undefined);
      for (const key of ['pass', 'update', 'parse', 'full', 'pauses']) engine[key].push(...e[key]);
      engine.deferred += e.deferred;
      const h = await hostCost(text, c.sessions);
      host.send.push(...h.send);
      host.receive.push(...h.receive);
      host.engine.push(...h.engine);
      host.inWorker &&= h.inWorker;
    }
    lines.push(`  typing into ${c.label}: ${engine.pass.length} keystrokes`);
    lines.push(`    engine, keystroke pass (${KEYSTROKE_BUDGET_MS} ms budget):  ${p5095(engine.pass)}, max ${fmt(Math.max(...engine.pass))} ms; ${engine.deferred} deferred to the pause (${(100 * engine.deferred / engine.pass.length).toFixed(1)}%)`);
    lines.push(`      of which applying the edit (update): ${p5095(engine.update)}`);
    lines.push(`    engine, complete pass (no budget):    ${p5095(engine.full)}; of which incremental parse ${p5095(engine.parse)}`);
    if (engine.pauses.length) lines.push(`    engine, pause pass (deferred file rules + project rules): ${p5095(engine.pauses)} over ${engine.pauses.length} pauses`);
    if (host.inWorker) lines.push(`    engine in the worker, keystroke pass (no budget, as the worker runs it): ${p5095(host.engine)}`);
    lines.push(`    host thread per keystroke ${host.inWorker ? 'with the worker' : 'WITHOUT the worker (it did not start)'}: send the edit ${p5095(host.send)}; take in a result ${p5095(host.receive)}   (budget: p95 under 5 ms)`);
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const corpus = path.join(root, '.bench', 'corpus');
  if (!fs.existsSync(corpus)) (await import('./generate-corpus.mjs')).generateCorpus(corpus);
  const { collectSourceFiles } = require(out('cli/walk.js'));
  const { files } = collectSourceFiles([corpus], corpus, []);
  for (const line of await keystrokeReport({ corpusSources: files.filter((f) => f.endsWith('.js')), quick: process.argv.includes('--quick') })) console.log(line);
}
