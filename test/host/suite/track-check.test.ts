import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { trackPassedKey } from '../../../src/extension/track/track-keys';
import { solutionFiles, writeFiles, type StepReport } from '../../../src/track';
import { activatedApi as api, EXTENSION_ID } from './extension-api';
import { screenshot } from './screenshot';
import { waitForEvent } from './wait';

const STEP = 'first-route';

/** A learner's project: the step's model solution, its node_modules linked to the extension's (nothing installed). */
async function learnerProject(stepId = STEP): Promise<string> {
  const { track } = await api();
  const step = track.steps.find((s) => s.id === stepId)!;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-track-host-'));
  writeFiles(root, solutionFiles(track.steps, step), true);
  fs.symlinkSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

suite('Project track: Check My Work runs the learner\'s app', () => {
  let root: string;
  suiteSetup(async () => {
    root = await learnerProject();
    // the panel the report goes to, then the walkthrough: laid out before the first check, so the step's media
    // is not being re-rendered for a resize when the screenshot is taken
    await vscode.commands.executeCommand('workbench.panel.output.focus');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', { category: `${EXTENSION_ID}#buildSecureApi`, step: 'firstRoute' }, false);
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a wrong solution fails with the request, what came back and the hint; the step stays unticked (screenshot)', async () => {
    const { guide } = await api();
    const app = path.join(root, 'src', 'app.js');
    fs.writeFileSync(app, fs.readFileSync(app, 'utf8').replace("res.json({ status: 'ok' })", "res.send('ok')"));
    await vscode.commands.executeCommand('notifications.clearAll');
    const report = await vscode.commands.executeCommand<StepReport>('backendGuide.track.checkStep', STEP, root);
    assert.strictEqual(report.passed, false);
    const health = report.checks.find((c) => c.id === 'health')!;
    assert.strictEqual(health.status, 'failed');
    assert.strictEqual(health.request, 'GET /health');
    assert.match(health.got ?? '', /^200 text\/html/);
    assert.strictEqual(guide.contextKeys.value(trackPassedKey(STEP)), false);
    assert.ok(!guide.progress.get().tasks.includes(`track:${STEP}`));
    await screenshot('track-step-failing');
  });

  test('the model solution refuses to open before the step passed', async () => {
    const before = vscode.workspace.textDocuments.length;
    await vscode.commands.executeCommand('backendGuide.track.showSolution', STEP);
    assert.ok(!vscode.workspace.textDocuments.slice(before).some((d) => d.getText().startsWith('# Model solution')));
  });

  test('the fixed solution passes every check and ticks the walkthrough step (screenshot)', async () => {
    const { guide, track } = await api();
    const app = path.join(root, 'src', 'app.js');
    fs.writeFileSync(app, fs.readFileSync(app, 'utf8').replace("res.send('ok')", "res.json({ status: 'ok' })"));
    await vscode.commands.executeCommand('notifications.clearAll');
    const checked = waitForEvent(track.onDidCheck, (r) => r.step === STEP, 60000, 'the step check');
    const report = await vscode.commands.executeCommand<StepReport>('backendGuide.track.checkStep', STEP, root);
    assert.strictEqual((await checked).passed, true);
    assert.ok(report.passed, JSON.stringify(report.checks));
    assert.strictEqual(guide.contextKeys.value(trackPassedKey(STEP)), true);
    assert.ok(guide.progress.get().tasks.includes(`track:${STEP}`));
    await screenshot('track-step-passing');
  });

  test('once passed, the model solution opens with the files the step changed', async () => {
    const opened = waitForEvent(vscode.workspace.onDidOpenTextDocument, (d) => d.getText().startsWith('# Model solution'), 20000, 'the model solution');
    await vscode.commands.executeCommand('backendGuide.track.showSolution', STEP);
    assert.match((await opened).getText(), /## src\/app\.js[\s\S]*app\.get\('\/health'/);
  });
});

/** Replaces `find` by `replace` in a file of the learner's project; fails when `find` is not there. */
function edit(root: string, file: string, find: string, replace: string): void {
  const full = path.join(root, file);
  const text = fs.readFileSync(full, 'utf8');
  assert.ok(text.includes(find), `${file} holds ${find}`);
  fs.writeFileSync(full, text.replace(find, replace));
}

suite('Project track: a silenced finding and a partial fix do not pass', () => {
  const roots: string[] = [];
  suiteTeardown(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  test('a suppression comment over a concatenated query fails the database step: the rule is graded and the injection leaks', async () => {
    const root = await learnerProject('database');
    roots.push(root);
    edit(root, 'src/routes/notes.js', 'res.json(db.all(`SELECT ${COLUMNS} FROM notes WHERE instr(lower(title), lower(?)) > 0 ORDER BY id`, [q]));',
      "// backend-guide-disable-next-line sql-concatenation -- later\n    res.json(db.all(\"SELECT id, title, body, created_at FROM notes WHERE title LIKE '%\" + q + \"%' ORDER BY id\"));");
    const report = await vscode.commands.executeCommand<StepReport>('backendGuide.track.checkStep', 'database', root);
    assert.strictEqual(report.passed, false);
    const rule = report.checks.find((c) => c.id === 'no-concatenated-sql')!;
    assert.strictEqual(rule.status, 'failed');
    assert.match(rule.got ?? '', /hidden finding is not a fixed one/);
    assert.strictEqual(report.checks.find((c) => c.id === 'search-injection')?.status, 'failed');
  });

  test('authentication without the ownership check fails the ownership step on another user\'s DELETE', async () => {
    const root = await learnerProject('ownership');
    roots.push(root);
    edit(root, 'src/routes/notes.js', "db.run('DELETE FROM notes WHERE id = ? AND owner_id = ?', [id, req.userId])", "db.run('DELETE FROM notes WHERE id = ?', [id])");
    const report = await vscode.commands.executeCommand<StepReport>('backendGuide.track.checkStep', 'ownership', root);
    assert.strictEqual(report.passed, false);
    const bola = report.checks.find((c) => c.id === 'own-notes-only')!;
    assert.strictEqual(bola.status, 'failed');
    assert.match(bola.request ?? '', /as Ben, who does not own the note/);
    assert.match(bola.got ?? '', /^204/);
  });
});
