import * as assert from 'assert';
import * as vscode from 'vscode';
import { showStartFile } from '../../../src/extension/start-file';
import { activatedApi as api, workspaceFile } from './extension-api';
import { screenshot } from './screenshot';

suite('npm start: the sample opens at its first finding, with the Problems view', () => {
  suiteSetup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  test('the routes file is shown at DELETE /orders/:id, the first finding, with its findings in the Problems view', async () => {
    const { diagnostics, workspaceIndex } = await api();
    const uri = workspaceFile('sample/src/routes/orders.js');
    const editor = await showStartFile(uri, { diagnostics, workspaceIndex });
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.strictEqual(editor.selection.active.line, 27);
    assert.match(editor.document.lineAt(27).text, /^router\.delete\('\/:id'/);
    const codes = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Backend Guide').map((d) => (typeof d.code === 'object' ? d.code.value : d.code)).sort();
    assert.deepStrictEqual(codes, ['missing-auth', 'sql-concatenation']);
    await screenshot('start-file');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
