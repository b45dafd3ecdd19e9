#!/usr/bin/env node
// How many files (and characters) a CLI scan parses once, twice or not at all, with the real `FileScanner`
// in one thread: `--threads N` gives N scanners that claim the batches in turn (as N threads would, in a fixed
// order), each with its own kept-tree budget. Also: how many of the twice-parsed files end with no finding,
// and the WebAssembly memory the kept trees take. Uses the compiled tests (`npm run compile-tests` first).
// Usage: node bench/parse-counts.mjs DIR [--threads N] [--cap CHARS | --kept CHARS]
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const dir = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
if (!dir) {
  console.error('usage: node bench/parse-counts.mjs DIR [--threads N] [--cap CHARS]');
  process.exit(2);
}
const threads = option('--threads', 1);
const cap = option('--cap', 512_000);
const out = path.join(root, 'out', 'src');
const require = createRequire(import.meta.url);
const parseSourceModule = require(path.join(out, 'engine', 'parse-source.js'));
const indexModule = require(path.join(out, 'engine', 'project', 'project-index.js'));
const scanModule = require(path.join(out, 'cli', 'scan.js'));
const { FileScanner, keptTreeBudget } = require(path.join(out, 'cli', 'file-scanner.js'));
const { fileBatches } = require(path.join(out, 'cli', 'file-batches.js'));
const { projectOfFacts } = require(path.join(out, 'cli', 'project.js'));
const { readPackageJsons } = require(path.join(out, 'cli', 'project-manifests.js'));
const { projectRoot } = require(path.join(out, 'cli', 'project-root.js'));
const { collectSourceFiles } = require(path.join(out, 'cli', 'walk.js'));
const { defaultConfig } = require(path.join(out, 'engine', 'config.js'));
const { sharedGrammars } = require(path.join(out, 'engine', 'parser.js'));

// every parse is counted for the file being read: the facts pass and the analysis name it first
const parses = new Map();
let current;
const count = (name, wrap) => {
  const original = name.module[name.key];
  name.module[name.key] = async (...args) => wrap(original, args);
};
count({ module: parseSourceModule, key: 'parseSource' }, (original, args) => {
  parses.set(current, (parses.get(current) ?? 0) + 1);
  return original(...args);
});
for (const [module, key] of [[indexModule, 'parsedFactsOfText'], [scanModule, 'analyzeFile']]) {
  count({ module, key }, (original, args) => {
    current = args[0];
    return original(...args);
  });
}

const config = defaultConfig();
const scanRoot = projectRoot([dir], process.cwd());
const { files } = collectSourceFiles([dir], process.cwd(), config.ignore);
const work = fileBatches(files, threads);
// `--kept CHARS`: that many characters of trees per thread, whatever the share of the project they cover
const settings = { root: scanRoot, displayRoot: process.cwd(), config, keptTreeChars: option('--kept', keptTreeBudget(cap, threads, work.bytes)) };
const grammars = sharedGrammars();
const scanners = Array.from({ length: threads }, () => new FileScanner(settings, grammars));
const externalMb = () => process.memoryUsage().external / 1e6;
const beforeFacts = externalMb();
const facts = new Map();
const kept = new Set();
for (const [i, batch] of work.batches.entries()) {
  const pass = await scanners[i % threads].facts(batch);
  for (const [file, fileFacts] of pass.facts) facts.set(file, fileFacts);
  for (const file of pass.kept) kept.add(file);
}
const afterFacts = externalMb();
// files whose reports the facts pass settled (no rule can report in them) are among those a thread analyses itself
const settled = new Set(scanners.flatMap((scanner) => [...(scanner.settled?.keys() ?? [])]));
const keptTrees = [...kept].filter((file) => !settled.has(file));
const project = projectOfFacts(scanRoot, files.flatMap((file) => (facts.has(file) ? [[file, facts.get(file)]] : [])), readPackageJsons(files, scanRoot));
const others = threads > 1 ? fileBatches(files.filter((file) => !kept.has(file)), threads) : undefined;
const reports = [];
for (const [i, scanner] of scanners.entries()) {
  const mine = others && { ...others, batches: others.batches.filter((_, b) => b % threads === i), claims: new SharedArrayBuffer(4) };
  reports.push(...await scanner.analyze(project, undefined, mine));
}
const findings = new Map(reports.map((r) => [r.file, r.findings.length]));

const size = (file) => fs.statSync(file).size;
const rows = new Map();
for (const file of files) {
  const times = Math.min(parses.get(file) ?? 0, 2);
  const row = rows.get(times) ?? { files: 0, chars: 0, noFinding: 0, noFindingChars: 0 };
  row.files++;
  row.chars += size(file);
  if (!findings.get(file)) {
    row.noFinding++;
    row.noFindingChars += size(file);
  }
  rows.set(times, row);
}
const keptChars = keptTrees.reduce((sum, file) => sum + size(file), 0);
console.log(`${files.length} files, ${work.bytes} bytes, ${threads} thread(s), cap ${settings.keptTreeChars} per thread`);
for (const times of [0, 1, 2]) {
  const row = rows.get(times) ?? { files: 0, chars: 0, noFinding: 0, noFindingChars: 0 };
  console.log(`parsed ${times === 2 ? '2+' : times}x: ${row.files} files, ${row.chars} bytes; with no finding ${row.noFinding} files, ${row.noFindingChars} bytes`);
}
console.log(`settled in the facts pass: ${settled.size} files, ${[...settled].reduce((sum, file) => sum + size(file), 0)} bytes`);
console.log(`kept trees: ${keptTrees.length} files, ${keptChars} bytes; external memory +${(afterFacts - beforeFacts).toFixed(1)} MB over the facts pass (${keptChars ? (((afterFacts - beforeFacts) * 1e6) / keptChars).toFixed(1) : '-'} bytes per kept byte)`);
