import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BackendGuideApi } from '../../../src/extension/extension';
import { EXTENSION_ID, workspaceFile } from './extension-api';
import { screenshot } from './screenshot';
import { waitForDiagnostics, waitForEvent } from './wait';


function codeOf(d: vscode.Diagnostic): { value: string | number; target: vscode.Uri } {
  assert.ok(d.code && typeof d.code === 'object', 'diagnostic code must carry a link');
  return d.code as { value: string | number; target: vscode.Uri };
}

suite('Backend Guide extension', () => {
  test('is present and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not found');
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
    assert.ok(ext.exports?.diagnostics, 'activate() returns the API used by tests');
  });

  test('loads its engine bundle on first use and writes that bundle\'s code cache once the first indexing is done', async () => {
    const ext = vscode.extensions.getExtension<BackendGuideApi>(EXTENSION_ID);
    assert.ok(ext, 'extension not found');
    const api = await ext.activate();
    // (the extension's own reaction to `ready` was registered at activation, so it has run when this await returns)
    await api.workspaceIndex.ready;
    assert.ok(api.workspaceIndex.factsFor(workspaceFile('src/orders.js')), 'the workspace folder was indexed');
    // the cache is named by the SHA-1 of the bundle (src/cli/code-cache.ts), in this user's folder under the temporary one
    const bundle = path.join(ext.extensionPath, 'dist', 'extension-engine.js');
    const name = `extension-engine.js-${crypto.createHash('sha1').update(fs.readFileSync(bundle)).digest('hex').slice(0, 20)}-`;
    const uid = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
    const folder = path.join(os.tmpdir(), `backend-guide-compile-cache${uid}`);
    const caches = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
    assert.ok(caches.some((file) => file.startsWith(name)), `no ${name}* among ${caches.join(', ')} in ${folder}`);
  });

  test('publishes a diagnostic with its rule id and a guide link, then clears it when the code is fixed', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('src/orders.js'));
    const editor = await vscode.window.showTextDocument(doc);
    const [diagnostic] = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0);
    const code = codeOf(diagnostic);
    assert.strictEqual(code.value, 'sql-concatenation');
    assert.strictEqual(diagnostic.source, 'Backend Guide');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(diagnostic.range.start.line, 5);
    assert.strictEqual(code.target.scheme, 'command');
    assert.strictEqual(code.target.path, 'backendGuide.openGuide');
    assert.match(JSON.parse(decodeURIComponent(code.target.query))[0], /^sql-injection#/);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('diagnostic-in-editor');

    const line = doc.lineAt(5);
    await editor.edit((edit) => edit.replace(line.range, '  db.query("SELECT * FROM orders WHERE id = ?", [orderId], callback);'));
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 1);
  });

  test('offers "learn why" and "disable" code actions for a finding', async () => {
    const uri = workspaceFile('src/orders.js');
    const [diagnostic] = await waitForDiagnostics(uri, (ds) => ds.length > 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Learn why: sql-concatenation')), JSON.stringify(titles));
    assert.ok(titles.includes('Disable sql-concatenation for this line'), JSON.stringify(titles));
    assert.ok(titles.includes('Disable sql-concatenation for this file'), JSON.stringify(titles));
  });

  test('a rule turned off in settings stops reporting; its default severity comes back when reset', async () => {
    const uri = workspaceFile('src/orders.js');
    await waitForDiagnostics(uri, (ds) => ds.length === 1);
    const config = vscode.workspace.getConfiguration('backendGuide');
    await config.update('rules', { 'sql-concatenation': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => ds.length === 0);
    await config.update('rules', { 'sql-concatenation': 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => ds.length === 1 && ds[0].severity === vscode.DiagnosticSeverity.Error);
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => ds.length === 1 && ds[0].severity === vscode.DiagnosticSeverity.Warning);
  });

  test('analyses in its worker thread: a finding appears while typing an injection and goes when it is deleted', async () => {
    const controller = vscode.extensions.getExtension(EXTENSION_ID)!.exports.diagnostics as { analysesInWorker: boolean };
    const uri = workspaceFile('src/orders.js');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(uri, (ds) => ds.length === 1);
    assert.strictEqual(controller.analysesInWorker, true, 'the analysis runs in the worker thread');
    const typed = '\ndb.query("DELETE FROM orders WHERE id = " + process.argv[2]);';
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    // one edit per character, as a person types
    for (let i = 0; i < typed.length; i++) {
      const at = doc.positionAt(doc.offsetAt(end) + i);
      await editor.edit((edit) => edit.insert(at, typed[i]), { undoStopBefore: false, undoStopAfter: false });
    }
    await waitForDiagnostics(uri, (ds) => ds.length === 2);
    for (let i = 0; i < typed.length; i++) {
      const tail = doc.positionAt(doc.getText().length);
      await editor.edit((edit) => edit.delete(new vscode.Range(doc.positionAt(doc.offsetAt(tail) - 1), tail)), { undoStopBefore: false, undoStopAfter: false });
    }
    await waitForDiagnostics(uri, (ds) => ds.length === 1);
    assert.strictEqual(controller.analysesInWorker, true, 'still in the worker after typing');
    // the text is as it was; leave the document clean for the next tests
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('contributes walkthroughs that open', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const walkthroughs: { id: string; steps: unknown[] }[] = ext.packageJSON.contributes.walkthroughs;
    assert.ok(walkthroughs.length >= 1, 'at least one walkthrough');
    for (const w of walkthroughs) assert.ok(w.steps.length > 0, `${w.id} has steps`);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthroughs[0].id}`, false);
    await screenshot('walkthrough');
  });
});
