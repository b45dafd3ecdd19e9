import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from '../cli/run-cli';
import { projectOf } from './track-project';

describe('backend-guide check: a step graded from the command line', function () {
  this.timeout(60_000);

  it('lists the steps without a step, and --help documents the command', async () => {
    const list = await cli(process.cwd(), 'check');
    assert.strictEqual(list.code, 0);
    assert.match(list.stdout, /^ 1 {2}init {13}Start a project on PORT$/m);
    assert.match(list.stdout, /^11 {2}docker/m);
    assert.match((await cli(process.cwd(), '--help')).stdout, /backend-guide check \[STEP\] \[DIR\] \[--json\][\s\S]*suppression comment ignored/);
  });

  it('exits 0 with every check ticked on a correct project', async () => {
    const dir = projectOf('first-route');
    try {
      const run = await cli(dir, 'check', 'first-route', '.');
      assert.strictEqual(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /✓ GET \/health answers 200/);
      assert.match(run.stdout, /Step "First routes in JSON" passed: all 2 checks\./);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 and says which request failed, what came back, the hint and the lesson; --json gives the same as data', async () => {
    const dir = projectOf('first-route', [{ file: 'src/app.js', find: "res.json({ status: 'ok' })", replace: "res.send('ok')" }]);
    try {
      const text = await cli(process.cwd(), 'check', '2', dir);
      assert.strictEqual(text.code, 1);
      assert.match(text.stdout, /✗ GET \/health answers 200[^\n]*\n {4}request: {2}GET \/health\n {4}got: {6}200 text\/html; charset=utf-8: ok\n {4}expected: a JSON response \(content-type application\/json\)\n {4}hint: {5}Add app\.get[^\n]*\n {4}lesson: {3}walkthroughs\/guide\/apis\.md#health-checks/);
      const json = await cli(process.cwd(), 'check', 'first-route', dir, '--json');
      assert.strictEqual(json.code, 1);
      const report = JSON.parse(json.stdout);
      assert.strictEqual(report.passed, false);
      assert.deepStrictEqual(report.checks.map((c: { id: string; status: string }) => `${c.id}:${c.status}`), ['health:failed', 'list-notes:passed']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 for an unknown step or a folder without a project', async () => {
    const unknown = await cli(process.cwd(), 'check', 'nope');
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.stderr, /no step 'nope'; the steps are init, first-route/);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-empty-'));
    assert.strictEqual((await cli(process.cwd(), 'check', 'database', empty)).code, 2);
    assert.strictEqual((await cli(process.cwd(), 'check', 'database', '--verbose')).code, 2);
  });
});
