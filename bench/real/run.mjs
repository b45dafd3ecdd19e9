// npm run bench:real — runs the CLI on every pinned repository whose mirror is here and scores it against our labels.
// Usage: node bench/real/run.mjs [--repo SUBSTRING] [--language python] [--rule ID] [--untriaged] [--findings] [--routes] [--json FILE]
// --findings lists every current finding that is not a true positive, with its label's reason (what to fix next).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { loadLabels, score } from './labels.mjs';
import { PROJECT_ROOT, extract, hasCommit, loadManifest, mirrorsRoot, slug, workRoot } from './repos.mjs';

const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const only = option('--repo');
const showUntriaged = argv.includes('--untriaged');
const jsonOut = option('--json');
const countRoutes = argv.includes('--routes');
const listFindings = argv.includes('--findings');
const onlyRule = option('--rule');
const onlyLanguage = option('--language');
const cli = path.join(PROJECT_ROOT, 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}

// each run writes its CLI reports in a folder of its own: runs sharing the extracted repositories never read each other's
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-guide-real-report-'));
process.on('exit', () => fs.rmSync(reportDir, { recursive: true, force: true }));

function runCli(dir) {
  const out = path.join(reportDir, `${path.basename(dir)}.json`);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cli, 'lint', '.', '--format', 'json', '-o', out], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`CLI exited ${run.status} in ${dir}: ${run.stderr.slice(0, 500)}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  const rel = (file) => path.relative(dir, file).split(path.sep).join('/');
  const findings = report.files.flatMap((f) => f.findings.map((x) => ({
    rule: x.ruleId, path: f.path, line: x.line, message: x.message,
    related: (x.related ?? []).map((r) => ({ path: r.file ? rel(r.file) : f.path, line: r.line })),
  })));
  const partly = report.files.filter((f) => f.syntaxError).map((f) => f.path);
  // a rule that throws becomes a note and reports nothing on that file: a silent loss of findings, so it is listed
  const failures = report.files.flatMap((f) => (f.notes ?? []).filter((n) => /^rule \S+ failed/.test(n)).map((n) => `${f.path}: ${n}`));
  return { findings, files: report.summary.files, skipped: report.summary.skipped, partly, failures, ms };
}

/** `backend-guide routes --format json`: how many routes the app has, by verdict. */
function routeVerdicts(dir) {
  const run = spawnSync(process.execPath, [cli, 'routes', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const counts = {};
  for (const row of JSON.parse(run.stdout || '[]')) counts[row.verdict] = (counts[row.verdict] ?? 0) + 1;
  return counts;
}

const repos = loadManifest().filter((r) => (!only || r.name.toLowerCase().includes(only.toLowerCase())) && (!onlyLanguage || r.language === onlyLanguage));
const missing = repos.filter((r) => !hasCommit(r));
if (missing.length) {
  console.log(`Mirrors missing under ${mirrorsRoot()} (set BENCH_REAL_MIRRORS to another folder):`);
  for (const r of missing) console.log(`  ${r.name} @ ${r.commit.slice(0, 12)}: fetch github:${r.name} with the search tool, or git clone --mirror <its URL> ${path.join(mirrorsRoot(), slug(r.name), 'repo')}`);
  console.log('');
}

const results = [];
for (const repo of repos.filter((r) => !missing.includes(r))) {
  const { dir, missing: absentBlobs } = extract(repo);
  const run = runCli(dir);
  const labels = loadLabels(repo);
  const routes = countRoutes ? routeVerdicts(dir) : undefined;
  results.push({ repo, absentBlobs, routes, ...run, ...score(labels, run.findings) });
}

// the first three rules always, then every other rule the findings or labels name (python-security-headers, ...)
const RULES = [...new Set(['sql-concatenation', 'missing-auth', 'missing-helmet', ...results.flatMap((r) => [...r.labelled, ...r.known].map((f) => f.rule))])];
function tally(rows, rule) {
  const t = { findings: 0, tp: 0, fp: 0, debatable: 0, untriaged: 0, known: 0, knownFound: 0 };
  for (const r of rows) {
    for (const f of r.labelled.filter((x) => x.rule === rule)) {
      t.findings++;
      if (f.label) t[f.label.verdict]++;
      else t.untriaged++;
    }
    for (const k of r.known.filter((x) => x.rule === rule)) {
      t.known++;
      if (k.found) t.knownFound++;
    }
  }
  t.precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : null;
  t.recall = t.known ? t.knownFound / t.known : null;
  return t;
}
const fmt = (x) => (x === null ? '  -  ' : x.toFixed(2));
const groups = [...new Set(results.map((r) => r.repo.group))];
const table = [];
console.log(`Real-code benchmark: ${results.length} repositories (${results.reduce((n, r) => n + r.files, 0)} files analysed), work folder ${workRoot()}\n`);
console.log('rule               group        findings   TP   FP  deb  untriaged  precision  known  found  recall');
for (const rule of RULES) {
  for (const group of [...groups, 'all']) {
    const t = tally(results.filter((r) => group === 'all' || r.repo.group === group), rule);
    table.push({ rule, group, ...t });
    console.log(`${rule.padEnd(18)} ${group.padEnd(13)}${String(t.findings).padStart(8)}${String(t.tp).padStart(5)}${String(t.fp).padStart(5)}${String(t.debatable).padStart(5)}${String(t.untriaged).padStart(11)}${fmt(t.precision).padStart(11)}${String(t.known).padStart(7)}${String(t.knownFound).padStart(7)}${fmt(t.recall).padStart(8)}`);
  }
}
console.log('\nPrecision = TP / (TP + FP); debatable findings are counted apart. Recall = known real problems found / known (our triaged true positives plus problems found by reading).');

console.log('\nper repository: files, files parsed with errors, findings, untriaged, CLI time');
for (const r of results) {
  const untriaged = r.labelled.filter((f) => !f.label).length;
  console.log(`  ${r.repo.name.padEnd(48)} ${String(r.files).padStart(5)} ${String(r.partly.length).padStart(4)} ${String(r.findings.length).padStart(5)} ${String(untriaged).padStart(5)} ${(r.ms / 1000).toFixed(1).padStart(6)} s${r.absentBlobs ? `  (${r.absentBlobs} files absent from the mirror)` : ''}`);
}
if (countRoutes) {
  console.log('\nroutes per group (backend-guide routes), by verdict');
  for (const group of [...groups, 'all']) {
    const sum = {};
    for (const r of results.filter((x) => group === 'all' || x.repo.group === group)) for (const [k, v] of Object.entries(r.routes)) sum[k] = (sum[k] ?? 0) + v;
    const total = Object.values(sum).reduce((a, b) => a + b, 0);
    console.log(`  ${group.padEnd(11)} ${String(total).padStart(5)} routes: ${Object.entries(sum).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  }
}
const failures = results.flatMap((r) => r.failures.map((f) => `${r.repo.name} ${f}`));
if (failures.length) {
  console.log(`\n${failures.length} file(s) where a rule failed (their findings are missing):`);
  for (const f of failures.slice(0, 20)) console.log(`  ${f}`);
}
const untriaged = results.flatMap((r) => r.labelled.filter((f) => !f.label).map((f) => ({ repo: r.repo.name, ...f })));
const missedKnown = results.flatMap((r) => r.known.filter((k) => !k.found).map((k) => ({ repo: r.repo.name, ...k })));
if (untriaged.length) console.log(`\n${untriaged.length} finding(s) not yet triaged: label them in bench/real/labels/ before quoting a figure${showUntriaged ? ':' : ' (--untriaged lists them)'}`);
if (showUntriaged) for (const f of untriaged) console.log(`  ${f.repo} ${f.path}:${f.line} ${f.rule} — ${f.message}`);
if (showUntriaged && missedKnown.length) {
  console.log(`\nknown problems not found (${missedKnown.length}):`);
  for (const k of missedKnown) console.log(`  ${k.repo} ${k.path}:${k.line} ${k.rule} — ${k.reason}`);
}
if (listFindings) {
  console.log('\ncurrent findings that are not true positives:');
  for (const r of results) {
    for (const f of r.labelled) {
      if (!f.label || f.label.verdict === 'tp' || (onlyRule && f.rule !== onlyRule)) continue;
      console.log(`  [${f.label.verdict}] ${r.repo.name} ${f.path}:${f.line} ${f.rule} — ${f.message}\n      label: ${f.label.reason}`);
    }
  }
}
if (jsonOut) {
  fs.writeFileSync(jsonOut, JSON.stringify({ table, repos: results.map((r) => ({ name: r.repo.name, group: r.repo.group, files: r.files, partly: r.partly, ms: r.ms, untriaged: r.labelled.filter((f) => !f.label), findings: r.labelled, missedKnown: r.known.filter((k) => !k.found) })) }, null, 2));
}
