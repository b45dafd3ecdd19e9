import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintOutput as lint } from './run-cli';

const BROKEN = 'const mysql = require("mysql2");\nconst db = mysql.createConnection({});\nconst broken = {;\ndb.query("SELECT * FROM users WHERE id = " + id);\n';

describe('CLI: files analysed only partly (syntax errors)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-partly-'));
  fs.writeFileSync(path.join(root, 'broken.js'), BROKEN);
  fs.writeFileSync(path.join(root, 'flow.js'), '// @flow\nexport function id(x: ?number): number { return x ?? 0; }\n');
  fs.writeFileSync(path.join(root, 'clean.ts'), 'export type * from "./types";\n');

  it('text: names each such file with its first syntax error and counts them in the summary', async () => {
    const out = await lint(root);
    assert.match(out, /^analysed partly broken\.js: syntax error near line 3, column 17; the rules ran on the rest of the file$/m);
    assert.match(out, /sql-concatenation/, 'the statement after the error is still checked');
    assert.match(out, /in 1 of 3 file\(s\); 0 skipped; 1 analysed partly \(syntax errors\)\n$/);
  });

  it('text: says nothing of partial analysis when every file parses', async () => {
    const clean = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-partly-clean-'));
    fs.writeFileSync(path.join(clean, 'a.js'), 'export const a = 1;\n');
    assert.doesNotMatch(await lint(clean), /partly/);
  });

  it('JSON: a partly count in the summary and the error’s place per file', async () => {
    const report = JSON.parse(await lint(root, '--format', 'json'));
    assert.strictEqual(report.summary.partly, 1);
    const byPath = Object.fromEntries(report.files.map((f: { path: string; syntaxError: unknown }) => [f.path, f.syntaxError]));
    assert.deepStrictEqual(byPath, { 'broken.js': { line: 3, column: 17 }, 'clean.ts': null, 'flow.js': null });
  });

  it('SARIF: a warning notification per such file, at its first syntax error', async () => {
    const notes = JSON.parse(await lint(root, '--format', 'sarif')).runs[0].invocations[0].toolExecutionNotifications;
    assert.deepStrictEqual(notes.map((n: any) => [n.level, n.locations[0].physicalLocation.artifactLocation.uri, n.locations[0].physicalLocation.region]), [
      ['warning', 'broken.js', { startLine: 3, startColumn: 17 }],
    ]);
    assert.match(notes[0].message.text, /^analysed partly: syntax error near line 3/);
  });
});
