#!/usr/bin/env node
// Precision and recall of `sql-concatenation` on the labelled corpus in test/corpus/sql, and the cost of
// re-analysis after a keystroke in a 3,000-line file made of that corpus (SQL on almost every line, so
// a harder case than ordinary code). Run `npm run compile-tests` first.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { scoreCorpus, corpusFiles } = require(path.join(root, 'out/test/corpus/sql/evaluate-corpus.js'));
const { isSqlExemptFile } = require(path.join(root, 'out/src/engine/rules/sql/exempt-files.js'));
const { IncrementalDocument } = require(path.join(root, 'out/src/engine/incremental.js'));
const { sqlConcatenation } = require(path.join(root, 'out/src/engine/rules/sql-concatenation.js'));

const score = await scoreCorpus();
console.log(`sql-concatenation: ${score.files.length} files, ${score.labelledPositives} labelled findings, ${score.cleanSites} sink calls labelled clean`);
for (const file of score.files) {
  const problems = [...file.falsePositives.map((l) => `FP line ${l}`), ...file.falseNegatives.map((l) => `FN line ${l}`)];
  console.log(`  ${file.file.padEnd(34)} TP ${String(file.truePositives).padStart(2)}  FP ${file.falsePositives.length}  FN ${file.falseNegatives.length}${problems.length ? `   (${problems.join(', ')})` : ''}`);
}
console.log(`TP ${score.truePositives}  FP ${score.falsePositives}  FN ${score.falseNegatives}  precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}   (targets: precision >= 0.9, recall >= 0.85)`);

function threeThousandLines() {
  // Only files the rule checks: a migration's `exports.up` would make the whole joined file a migration.
  const sources = corpusFiles().filter((f) => f.endsWith('.js') && !isSqlExemptFile(f, undefined, fs.readFileSync(f, 'utf8')));
  const lines = [];
  for (let i = 0; lines.length < 3000; i++) lines.push(...fs.readFileSync(sources[i % sources.length], 'utf8').split('\n'));
  return lines.slice(0, 3000).join('\n');
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

async function keystrokes(rules, label) {
  let text = threeThousandLines();
  const doc = await IncrementalDocument.open(text, { languageId: 'javascript', fileName: 'big.js', ...(rules ? { rules } : {}) });
  const findings = doc.analyze().findings.length;
  let seed = 7;
  const rand = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 4294967296; };
  const engine = [];
  const analysis = [];
  for (let i = 0; i < 400; i++) {
    const offset = Math.floor(rand() * text.length);
    const change = rand() < 0.8 ? { rangeOffset: offset, rangeLength: 0, text: 'x' } : { rangeOffset: offset, rangeLength: 1, text: '' };
    const next = text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
    const started = process.hrtime.bigint();
    doc.update([change], next);
    doc.analyze({ rules: [] }); // the incremental parse happens on the first analysis after an update
    const parsed = process.hrtime.bigint();
    doc.analyze();
    const done = process.hrtime.bigint();
    engine.push(Number(done - started) / 1e6);
    analysis.push(Number(done - parsed) / 1e6);
    text = next;
  }
  doc.dispose();
  const warm = (xs) => xs.slice(50);
  console.log(`  ${label.padEnd(28)} re-parse + analysis p50 ${percentile(warm(engine), 50).toFixed(2)} ms, p95 ${percentile(warm(engine), 95).toFixed(2)} ms;  analysis alone p50 ${percentile(warm(analysis), 50).toFixed(2)} ms, p95 ${percentile(warm(analysis), 95).toFixed(2)} ms  (${findings} findings)`);
}

console.log('\nkeystroke re-analysis, 3,000 lines of the corpus (350 edits after 50 warm-up; budget: engine p95 under 5 ms)');
await keystrokes([sqlConcatenation], 'sql-concatenation only');
await keystrokes(undefined, 'all registered rules');
