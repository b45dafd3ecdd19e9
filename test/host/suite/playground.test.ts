import * as assert from 'assert';
import * as vscode from 'vscode';
import { activatedApi as api } from './extension-api';
import { waitForDiagnostics } from './wait';

suite('Playground file', () => {
  suiteTeardown(async () => { await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'); });

  test('is titled by its name, not by its first comment line, and opening it again shows the same file', async () => {
    await api();
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('backendGuide.openPlayground');
    assert.strictEqual(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'backend-guide-playground.js');
    assert.strictEqual(editor.document.languageId, 'javascript');
    await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => typeof d.code === 'object' && d.code.value === 'sql-concatenation'));
    const text = editor.document.getText();
    const again = await vscode.commands.executeCommand<vscode.TextEditor>('backendGuide.openPlayground');
    assert.strictEqual(again.document.uri.toString(), editor.document.uri.toString());
    assert.strictEqual(again.document.getText(), text, 'the text is not inserted twice');
  });
});
