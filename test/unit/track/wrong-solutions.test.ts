import * as assert from 'assert';
import * as fs from 'fs';
import { runStep, solutionFiles, stepReportText, writeFiles, type StepReport } from '../../../src/track';
import { projectOf, step, STEPS, type SolutionEdit } from './track-project';
import * as os from 'os';
import * as path from 'path';

async function check(stepId: string, edits: readonly SolutionEdit[]): Promise<StepReport> {
  const dir = projectOf(stepId, edits);
  try {
    return await runStep(step(stepId), dir, { node: process.execPath });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function failure(report: StepReport, checkId: string) {
  const found = report.checks.find((c) => c.id === checkId);
  assert.ok(found, `no check ${checkId} in ${report.step}`);
  assert.strictEqual(found.status, 'failed', `${checkId} should fail:\n${stepReportText(report)}`);
  assert.strictEqual(report.passed, false);
  assert.ok(found.hint && found.lesson, 'a failure carries a hint and a lesson');
  return found;
}

const CONCATENATED_SEARCH: SolutionEdit = {
  file: 'src/routes/notes.js',
  find: "res.json(db.all(`SELECT ${COLUMNS} FROM notes WHERE instr(lower(title), lower(?)) > 0 ORDER BY id`, [q]));",
  replace: "res.json(db.all(\"SELECT id, title, body, created_at FROM notes WHERE title LIKE '%\" + q + \"%' ORDER BY id\"));",
};

describe('project track: typical wrong solutions fail with the right message', function () {
  this.timeout(60_000);

  it('a concatenated search leaks every row to an injection payload, and the rule reports it', async () => {
    const report = await check('database', [CONCATENATED_SEARCH]);
    const leak = failure(report, 'search-injection');
    // `x' OR '1'='1` inside LIKE '%…%' compares '1' with '1%' and leaks nothing; the comment form does
    assert.match(leak.request ?? '', /^GET \/notes\?q=x%25'%20OR%201%3D1%20--$/);
    assert.match(leak.got ?? '', /^200 application\/json.*"title":/);
    assert.strictEqual(leak.expected, 'exactly 0 items');
    assert.match(failure(report, 'no-concatenated-sql').got ?? '', /src\/routes\/notes\.js:\d+ sql-concatenation/);
  });

  it('a suppression comment over the concatenation hides the finding in the editor but still fails the step', async () => {
    const suppressed = { ...CONCATENATED_SEARCH, replace: `// backend-guide-disable-next-line sql-concatenation -- later\n    ${CONCATENATED_SEARCH.replace}` };
    const report = await check('database', [suppressed]);
    const rule = failure(report, 'no-concatenated-sql');
    assert.match(rule.got ?? '', /sql-concatenation: .*hides it in the editor, but a hidden finding is not a fixed one/);
    failure(report, 'search-injection');
  });

  it('a missing route answers 404 where the step expects 204, and the message says what came back', async () => {
    const report = await check('json-crud', [{ file: 'src/routes/notes.js', find: /\n  router\.delete\([\s\S]*?\n  \}\);\n/, replace: '\n' }]);
    const missing = failure(report, 'delete');
    assert.match(missing.request ?? '', /^DELETE \/notes\/\d+$/);
    assert.match(missing.got ?? '', /^404 text\/html/);
    assert.strictEqual(missing.expected, 'status 204');
    assert.strictEqual(report.checks.find((c) => c.id === 'create')?.status, 'passed', 'the other routes still pass');
  });

  it('an unauthenticated DELETE that succeeds fails the step (request, 204 and the hint)', async () => {
    const report = await check('authentication', [{ file: 'src/routes/notes.js', find: "router.delete('/:id', requireAuth, (req, res) => {", replace: "router.delete('/:id', (req, res) => {" }]);
    const open = failure(report, 'writes-need-auth');
    assert.match(open.request ?? '', /^DELETE \/notes\/\d+ \(as nobody: no token\)$/);
    assert.match(open.got ?? '', /^204/);
    assert.strictEqual(open.expected, 'status 401 or 403');
    assert.match(failure(report, 'no-missing-auth').got ?? '', /DELETE \/notes\/:id changes data/);
  });

  it('marking the open DELETE public does not pass: the request still succeeds, and the marker is ignored for grading', async () => {
    const report = await check('authentication', [{ file: 'src/routes/notes.js', find: "  router.delete('/:id', requireAuth, (req, res) => {", replace: "  // backend-guide-public: later\n  router.delete('/:id', (req, res) => {" }]);
    failure(report, 'writes-need-auth');
    assert.match(failure(report, 'no-missing-auth').got ?? '', /hides it in the editor/);
  });

  it('a partial fix (authentication without the ownership check) lets another user delete the note: 404 expected', async () => {
    const report = await check('ownership', [{ file: 'src/routes/notes.js', find: "db.run('DELETE FROM notes WHERE id = ? AND owner_id = ?', [id, req.userId])", replace: "db.run('DELETE FROM notes WHERE id = ?', [id])" }]);
    const bola = failure(report, 'own-notes-only');
    assert.match(bola.request ?? '', /^DELETE \/notes\/\d+ \(as Ben, who does not own the note\)$/);
    assert.match(bola.got ?? '', /^204/);
    assert.strictEqual(bola.expected, 'status 403 or 404');
    assert.strictEqual(report.checks.find((c) => c.id === 'static')?.status, 'passed', 'the rules alone cannot see this flaw: only the request does');
  });

  it('a middleware that decodes the token without verifying its signature lets a forged alg:none token through', async () => {
    const report = await check('authentication', [{ file: 'src/auth.js', find: "const claims = jwt.verify(match[1], secret, { algorithms: ['HS256'] });", replace: 'const claims = jwt.decode(match[1]);\n      if (!claims) throw new Error(\'no token\');' }]);
    const forged = failure(report, 'writes-need-auth');
    assert.match(forged.request ?? '', /^DELETE \/notes\/\d+ \(as a forged, unsigned alg:none token\)$/);
    assert.match(forged.got ?? '', /^(204|404)/);
  });

  it('a plain-text password in the database fails, whatever the response says', async () => {
    const report = await check('authentication', [{ file: 'src/routes/users.js', find: 'await hashPassword(credentials.password)', replace: 'credentials.password' }]);
    const stored = failure(report, 'hashed');
    assert.strictEqual(stored.got, 'the password as it was sent');
  });

  it("an ES module import pasted into the CommonJS app stops it from starting, and the app's error is quoted", async () => {
    const report = await check('headers', [{ file: 'src/app.js', find: "const helmet = require('helmet');", replace: "import helmet from 'helmet';" }]);
    const start = failure(report, 'security-headers');
    assert.match(start.request ?? '', /^starting the app \(node src\/server\.js\)$/);
    assert.match(start.got ?? '', /exited \(code 1\) before it listened[\s\S]*Cannot use import statement outside a module/);
  });

  it('an app that ignores PORT is told which port it chose', async () => {
    const report = await check('init', [{ file: 'src/server.js', find: "Number.parseInt(process.env.PORT ?? '3000', 10)", replace: '0' }]);
    assert.match(failure(report, 'listens-on-port').got ?? '', /the app listens on \d+, not on the port in the PORT environment variable/);
  });

  it('each step asks for new work: the previous step\'s model solution does not pass it', async () => {
    for (const current of STEPS.slice(1)) {
      const previous = STEPS[current.number - 2];
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bg-track-prev-${current.id}-`));
      try {
        writeFiles(dir, solutionFiles(STEPS, previous), true);
        fs.symlinkSync(path.resolve(__dirname, '..', '..', '..', '..', 'node_modules'), path.join(dir, 'node_modules'), 'dir');
        const report = await runStep(current, dir, { node: process.execPath });
        assert.strictEqual(report.passed, false, `step ${current.id} passes on the solution of ${previous.id}`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
