import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintOutput as lint } from './run-cli';

const QUERY = 'const { Pool } = require("pg");\nconst pool = new Pool();\nmodule.exports = (name) => pool.query("DROP TABLE " + name);\n';

describe('CLI: files sql-concatenation leaves out by default', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-sql-exempt-'));
  fs.mkdirSync(path.join(root, 'migrations'));
  fs.mkdirSync(path.join(root, 'test'));
  fs.writeFileSync(path.join(root, 'migrations', '001-drop.js'), QUERY);
  fs.writeFileSync(path.join(root, 'test', 'reset-db.js'), QUERY);
  fs.writeFileSync(path.join(root, 'db.js'), QUERY);

  it('text: the summary says how many were left out and how to include them', async () => {
    const out = await lint(root);
    assert.match(out, /; 2 test, migration or script file\(s\) left out of sql-concatenation \(sql\.includeTests: true includes them\)\n$/);
    assert.match(out, /^db\.js$/m, 'the same code outside those folders is still checked');
    assert.doesNotMatch(out, /^migrations\//m);
  });

  it('JSON: sqlExempt counts them; with sql.includeTests they are checked and not counted', async () => {
    assert.strictEqual(JSON.parse(await lint(root, '--format', 'json')).summary.sqlExempt, 2);
    fs.writeFileSync(path.join(root, 'inc.yaml'), 'sql:\n  includeTests: true\n');
    const report = JSON.parse(await lint(root, '--format', 'json', '--config', 'inc.yaml'));
    assert.strictEqual(report.summary.sqlExempt, 0);
    assert.ok(report.files.some((f: { path: string; findings: unknown[] }) => f.path === 'migrations/001-drop.js' && f.findings.length > 0));
  });
});
