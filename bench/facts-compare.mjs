#!/usr/bin/env node
// Facts extraction before and after a change: the facts of every source file with project facts under the given
// folders, read as the CLI reads them (call facts deferred) and in full (call sites read in the facts pass),
// saved from one build and compared file by file with another. A CPU change to the facts pass must leave
// them identical. Uses the compiled tests (`npm run compile-tests` first).
// Usage: node bench/facts-compare.mjs --save before.json DIR...   (on the build before the change)
//        node bench/facts-compare.mjs --against before.json DIR... (after it; exits 1 when any file differs)
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const mode = argv[0];
const file = argv[1];
const dirs = argv.slice(2);
if ((mode !== '--save' && mode !== '--against') || !file || !dirs.length) {
  console.error('usage: node bench/facts-compare.mjs --save|--against FILE.json DIR...');
  process.exit(2);
}
const out = path.join(root, 'out', 'src', 'engine');
if (!fs.existsSync(out)) {
  console.error('out/ is missing: run `npm run compile-tests` first');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { parsedFactsOfText } = require(path.join(out, 'project', 'project-index.js'));
const { sharedGrammars } = require(path.join(out, 'parser.js'));
const { languageOfFileName, hasProjectFacts } = require(path.join(out, 'languages.js'));

/** Source files under `dir`, in a stable order, without dependencies and git data. */
function sourceFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') found.push(...sourceFiles(full));
    } else if (entry.isFile()) found.push(full);
  }
  return found.sort();
}

const grammars = sharedGrammars();
const facts = {};
for (const dir of dirs) {
  for (const name of sourceFiles(path.resolve(dir))) {
    const languageId = languageOfFileName(name);
    if (!languageId || !hasProjectFacts(languageId) || fs.statSync(name).size > 2_000_000) continue;
    const text = fs.readFileSync(name, 'utf8');
    const deferred = (await parsedFactsOfText(name, text, languageId, grammars, path.resolve(dir), false, true)).facts;
    const full = (await parsedFactsOfText(name, text, languageId, grammars, path.resolve(dir), false, false)).facts;
    facts[name] = JSON.stringify([deferred, full]);
  }
}

if (mode === '--save') {
  fs.writeFileSync(file, JSON.stringify(facts));
  console.log(`Saved the facts of ${Object.keys(facts).length} files to ${file}`);
} else {
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  const names = [...new Set([...Object.keys(saved), ...Object.keys(facts)])].sort();
  const differing = names.filter((name) => saved[name] !== facts[name]);
  for (const name of differing.slice(0, 5)) {
    const before = saved[name] ?? '';
    const after = facts[name] ?? '';
    let at = 0;
    while (at < before.length && before[at] === after[at]) at++;
    console.log(`${name}\n  before: ${before.slice(Math.max(0, at - 120), at + 120)}\n  after:  ${after.slice(Math.max(0, at - 120), at + 120)}`);
  }
  console.log(`Facts compared on ${names.length} files: ${differing.length} differ`);
  process.exitCode = differing.length ? 1 : 0;
}
