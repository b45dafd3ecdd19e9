import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../src/cli/main';
import { threadsFor } from '../../../src/cli/parallel-scan';
import { allRules } from '../../../src/engine/registry';

/** Runs the CLI in `cwd` and returns its exit code and standard output. */
async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

/**
 * A project whose findings span every rule and cross files: apps created in one file, routers mounted from
 * others, an auth middleware applied in some routers and missing in others, SQL built from request data.
 */
export function generatedProject(routers: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-parallel-'));
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  };
  write('package.json', JSON.stringify({ name: 'generated', dependencies: { express: '^4.0.0', mysql2: '^3.0.0' } }));
  write('src/db.js', "const mysql = require('mysql2');\nmodule.exports.pool = mysql.createPool({});\n");
  write('src/auth.js', "module.exports.requireAuth = (req, res, next) => {\n  if (!req.user) return res.status(401).end();\n  next();\n};\n");
  const mounts: string[] = [];
  for (let i = 0; i < routers; i++) {
    const guarded = i % 3 !== 0;
    write(`src/routes/thing${i}.js`, [
      "const express = require('express');",
      "const { pool } = require('../db');",
      "const { requireAuth } = require('../auth');",
      'const router = express.Router();',
      `router.get('/thing${i}/:id', ${guarded ? 'requireAuth, ' : ''}(req, res) => {`,
      `  pool.query("SELECT * FROM thing${i} WHERE id = " + req.params.id, (err, rows) => res.json(rows));`,
      '});',
      `router.post('/thing${i}', ${guarded ? 'requireAuth, ' : ''}(req, res) => {`,
      `  pool.query('INSERT INTO thing${i} (name) VALUES (?)', [req.body.name]).then(() => res.status(201).end());`,
      '});',
      `router.delete('/thing${i}/:id', (req, res) => pool.query('DELETE FROM thing${i} WHERE id = ?', [req.params.id]).then(() => res.end()));`,
      'module.exports = router;',
      '',
    ].join('\n'));
    mounts.push(`app.use('/api', require('./routes/thing${i}'));`);
  }
  write('src/app.js', ["const express = require('express');", 'const app = express();', 'app.use(express.json());', ...mounts, 'app.listen(3000);', ''].join('\n'));
  write('src/admin.js', "const express = require('express');\nconst admin = express();\nadmin.post('/reset', (req, res) => res.end());\nadmin.listen(3001);\n");
  write('test/routes.test.js', "const { pool } = require('../src/db');\npool.query('SELECT 1 FROM x WHERE id = ' + process.argv[2]);\n");
  return root;
}

describe('CLI on several threads', () => {
  it('finds exactly what one thread finds, in the same order, for every rule', async () => {
    const root = generatedProject(24);
    const serial = await run(root, 'lint', '--format', 'json', '--jobs', '1');
    const parallel = await run(root, 'lint', '--format', 'json', '--jobs', '3');
    assert.strictEqual(serial.stderr, '');
    assert.strictEqual(parallel.stderr, '');
    assert.strictEqual(parallel.code, serial.code);
    assert.strictEqual(parallel.stdout, serial.stdout);
    const ruleIds = new Set<string>();
    for (const file of JSON.parse(serial.stdout).files as Array<{ findings: Array<{ ruleId: string }> }>) for (const f of file.findings) ruleIds.add(f.ruleId);
    assert.deepStrictEqual([...ruleIds].sort(), allRules().map((r) => r.meta.id).sort(), 'the project has findings of every rule');
    assert.strictEqual((await run(root, 'lint', '--format', 'sarif', '--jobs', '2')).stdout, (await run(root, 'lint', '--format', 'sarif', '--jobs', '1')).stdout);
    assert.strictEqual((await run(root, 'routes', '--format', 'json', '--jobs', '2')).stdout, (await run(root, 'routes', '--format', 'json', '--jobs', '1')).stdout);
  });

  it('takes --jobs N as the number of threads, at most one per file; by default one per core for a large enough project', () => {
    assert.strictEqual(threadsFor(100, 3), 3);
    assert.strictEqual(threadsFor(2, 8), 2);
    assert.strictEqual(threadsFor(1, undefined), 1);
    assert.ok(threadsFor(100_000, undefined) >= 1 && threadsFor(100_000, undefined) <= os.cpus().length);
  });

  it('refuses a --jobs that is not a whole number of threads', async () => {
    for (const jobs of ['0', 'two', '1.5']) {
      const bad = await run(os.tmpdir(), 'lint', '--jobs', jobs);
      assert.strictEqual(bad.code, 2, jobs);
      assert.match(bad.stderr, /--jobs takes a whole number/);
    }
  });
});
