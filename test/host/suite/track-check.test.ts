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
async function learnerProject(): Promise<string> {
  const { track } = await api();
  const step = track.steps.find((s) => s.id === STEP)!;
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
