#!/usr/bin/env node
// npm run bench:editor — the editor's incremental analysis against a fresh one (what the CLI finds), after
// each of many random edits (fixed seeds) on every source file of the test corpora and the sample project.
// Usage: node bench/editor-vs-cli.mjs [--edits N] [--seed S] [--list]
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const compiled = path.join(root, 'out', 'src', 'testing', 'editor-vs-cli.js');
if (!fs.existsSync(compiled)) {
  console.error('out/ is missing: run `npm run compile-tests` first');
  process.exit(2);
}
const { editorVersusCli } = createRequire(import.meta.url)(compiled);
const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') walk(full);
    else if (/\.(m?[jt]sx?|cjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(full);
  }
};
walk(path.join(root, 'test', 'corpus'));
walk(path.join(root, 'sample'));
const edits = option('--edits', 400);
const seed = option('--seed', 1);
let compared = 0;
const differences = [];
for (const [i, file] of files.entries()) {
  const result = await editorVersusCli(file, fs.readFileSync(file, 'utf8'), { seed: seed + i, edits, resetEvery: 25 });
  compared += result.compared;
  differences.push(...result.differences);
}
const clean = differences.filter((d) => !d.syntaxError);
console.log(`Editor vs CLI: ${files.length} files, ${compared} edits compared (seed ${seed}), ${differences.length} differ, ${clean.length} of them on text without syntax errors`);
for (const d of argv.includes('--list') ? differences : clean.slice(0, 10)) {
  console.log(`  ${path.relative(root, d.file)} edit ${d.edit}${d.syntaxError ? ' (syntax error)' : ''} ${JSON.stringify(d.changes)}\n    editor only: ${d.incremental.join('\n                 ')}\n    fresh only:  ${d.fresh.join('\n                 ')}`);
}
