import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatJson } from '../../../src/cli/formats/json';
import { formatSarif } from '../../../src/cli/formats/sarif';
import { formatText } from '../../../src/cli/formats/text';
import type { FileReport } from '../../../src/cli/scan';
import { cli } from './run-cli';

// A file whose time budget ran out in a rule keeps the findings made until then, and every output says the
// file was analysed only partly, naming the rule, so a clean-looking report cannot hide what was not checked.

const root = path.join(os.tmpdir(), 'bg-timed-out');
const finding = {
  ruleId: 'sql-concatenation', messageId: 'concatenated', message: 'SQL text built with string concatenation', severity: 'warning' as const,
  range: { start: { line: 3, character: 2 }, end: { line: 3, character: 20 } }, guideAnchor: 'sql-injection#sql-injection', fixes: [], related: [],
};
const reports: FileReport[] = [
  { file: path.join(root, 'huge.js'), relative: 'huge.js', findings: [finding], notes: [], timedOut: ['sql-concatenation'] },
  { file: path.join(root, 'fine.js'), relative: 'fine.js', findings: [], notes: [] },
];

describe('CLI: files the time budget ran out in', () => {
  it('text: names the file and the rule, and counts it in the summary', () => {
    const out = formatText(reports);
    assert.match(out, /^analysed partly huge\.js: the time budget ran out in sql-concatenation; findings up to that point are reported, later ones may be missing$/m);
    assert.match(out, /1 finding\(s\) .* in 1 of 2 file\(s\); 0 skipped; 1 analysed partly \(time budget\)\n$/);
  });

  it('JSON: the rules per file and a count in the summary', () => {
    const report = JSON.parse(formatJson(reports, '0.0.0'));
    assert.strictEqual(report.summary.timedOut, 1);
    assert.deepStrictEqual(report.files.map((f: { path: string; timedOut: string[] }) => [f.path, f.timedOut]), [['huge.js', ['sql-concatenation']], ['fine.js', []]]);
    assert.strictEqual(report.files[0].findings.length, 1, 'the finding made in time is there');
  });

  it('SARIF: a warning notification on the file', () => {
    const notes = JSON.parse(formatSarif(reports, [], root, '0.0.0')).runs[0].invocations[0].toolExecutionNotifications;
    assert.deepStrictEqual(notes.map((n: any) => [n.level, n.locations[0].physicalLocation.artifactLocation.uri]), [['warning', 'huge.js']]);
    assert.match(notes[0].message.text, /^analysed partly: the time budget ran out in sql-concatenation/);
  });

  it('a rule that failed on a file: named in text, JSON and SARIF, and the SARIF run is not successful', () => {
    const failedReports: FileReport[] = [{ file: path.join(root, 'big.js'), relative: 'big.js', findings: [], notes: ['rule sql-concatenation failed: out of memory'], failed: ['sql-concatenation'] }];
    assert.match(formatText(failedReports), /^analysed partly big\.js: sql-concatenation failed on this file \(see the note\); their findings are missing$/m);
    assert.match(formatText(failedReports), /; 1 analysed partly \(a rule failed\)\n$/);
    const json = JSON.parse(formatJson(failedReports, '0.0.0'));
    assert.deepStrictEqual([json.summary.failed, json.files[0].failed], [1, ['sql-concatenation']]);
    const run = JSON.parse(formatSarif(failedReports, [], root, '0.0.0')).runs[0].invocations[0];
    assert.strictEqual(run.executionSuccessful, false);
    assert.deepStrictEqual(run.toolExecutionNotifications.map((n: any) => n.level), ['error']);
    assert.strictEqual(JSON.parse(formatSarif(reports, [], root, '0.0.0')).runs[0].invocations[0].executionSuccessful, true, 'a time-out is not a failure');
  });

  it('--fail-on-incomplete: exits 1 when a file was analysed only partly, 0 without the flag', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-incomplete-'));
    const query = 'const mysql = require("mysql2");\nconst db = mysql.createConnection({});\ndb.query("SELECT 1");\n';
    fs.writeFileSync(path.join(dir, 'broken.js'), `${query}const broken = {;\n`);
    const run = async (...argv: string[]) => (await cli(dir, 'lint', ...argv)).code;
    assert.strictEqual(await run(), 0);
    assert.strictEqual(await run('--fail-on-incomplete'), 1);
    fs.writeFileSync(path.join(dir, 'broken.js'), query);
    assert.strictEqual(await run('--fail-on-incomplete'), 0, 'a file analysed whole passes');
  });
});
