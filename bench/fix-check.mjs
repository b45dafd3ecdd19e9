#!/usr/bin/env node
// npm run bench:fixes — applies every fix (and the suppression comments an editor offers) of every finding on
// the real-code benchmark repositories and on the test corpora, each alone, and checks that it keeps behaviour
// (src/testing/fix-check/): parses with no new syntax error, the finding is gone and no other came or went,
// nothing outside the edits changed, the semantic preconditions hold. Prints the counts and the failures.
// Usage: node bench/fix-check.mjs [--repo SUBSTRING] [--no-suppressions] [--corpora-only] [--list]
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT, extract, hasCommit, loadManifest } from './real/repos.mjs';

const argv = process.argv.slice(2);
const only = argv.includes('--repo') ? argv[argv.indexOf('--repo') + 1] : undefined;
const suppressions = !argv.includes('--no-suppressions');
const compiled = path.join(PROJECT_ROOT, 'out', 'src', 'testing', 'fix-check', 'project-fixes.js');
if (!fs.existsSync(compiled)) {
  console.error('out/ is missing: run `npm run compile-tests` first');
  process.exit(2);
}
const { checkProjectFixes, describeTally, emptyTally } = createRequire(import.meta.url)(compiled);

const corpus = path.join(PROJECT_ROOT, 'test', 'corpus');
const roots = [path.join(corpus, 'sql'), ...['auth', 'helmet'].flatMap((k) => fs.readdirSync(path.join(corpus, k), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(corpus, k, d.name)))];
const corpora = emptyTally();
for (const root of roots) await checkProjectFixes(root, corpora, { suppressions });
console.log(`Test corpora (${roots.length} projects):`);
for (const line of describeTally(corpora)) console.log(line);
const report = (tally) => { if (argv.includes('--list')) for (const f of tally.failures) console.log(`    ${f.kind} ${f.file}:${f.line}: ${f.problems.join('; ')}`); };
report(corpora);

if (!argv.includes('--corpora-only')) {
  const real = emptyTally();
  const repos = loadManifest().filter((r) => r.language !== 'python' && (!only || r.name.toLowerCase().includes(only.toLowerCase())) && hasCommit(r));
  for (const repo of repos) {
    const started = Date.now();
    const before = real.failures.length;
    await checkProjectFixes(extract(repo).dir, real, { suppressions });
    console.error(`  ${repo.name}: ${real.failures.length - before} failure(s), ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(`\nReal-code benchmark (${repos.length} repositories):`);
  for (const line of describeTally(real)) console.log(line);
  report(real);
}
