import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendGuideApi } from '../../../src/extension/extension';
import { screenshot } from './screenshot';
import { valueWhen, waitForDiagnostics } from './wait';
import { activatedApi as api, workspaceFile } from './extension-api';

// The runner copies the repository's sample/ into the workspace. Its routes import `pool` from ../db, and
// only sample/src/db.js imports the driver (pg): the fix's placeholders come from that other file.
const ORDERS_FILE = 'sample/src/routes/orders.js';
const FIX_TITLE = 'Use a parameterized query';
const UNSAFE_LINE = '    await pool.query(`DELETE FROM orders WHERE id = ${req.params.id}`);';
const FIXED_LINE = '    await pool.query(`DELETE FROM orders WHERE id = $1`, [req.params.id]);';

const isSqlFinding = (d: vscode.Diagnostic): boolean => typeof d.code === 'object' && d.code.value === 'sql-concatenation';

/** The code actions at `range` once `accept` holds for them: now, or after a later analysis of the document. */
function codeActionsWhen(controller: BackendGuideApi['diagnostics'], uri: vscode.Uri, range: vscode.Range, accept: (actions: vscode.CodeAction[]) => boolean, what: string): Promise<vscode.CodeAction[]> {
  const read = () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
  return valueWhen(controller.onDidAnalyze, read, accept, what);
}

suite('Backend Guide: parameterized-query fix with the driver from another file', () => {
  test("sample/src/routes/orders.js is offered the fix in pg's $1 style, taken from db.js; applying it removes the finding", async () => {
    const { diagnostics, workspaceIndex } = await api();
    await workspaceIndex.ready;
    const uri = workspaceFile(ORDERS_FILE);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    assert.ok(original.includes(UNSAFE_LINE), 'the sample builds its DELETE with a template literal');
    assert.doesNotMatch(original, /require\('pg'\)/, 'the routes file itself does not import the driver');

    try {
      const [finding] = (await waitForDiagnostics(uri, (ds) => ds.some(isSqlFinding))).filter(isSqlFinding);
      assert.strictEqual(doc.lineAt(finding.range.start.line).text, UNSAFE_LINE);
      const actions = await codeActionsWhen(diagnostics, uri, finding.range, (as) => as.some((a) => a.title === FIX_TITLE), `"${FIX_TITLE}" on orders.js`);
      const fix = actions.find((a) => a.title === FIX_TITLE)!;
      assert.strictEqual(fix.isPreferred, true);

      // The light bulb menu as a person sees it, for a look at the picture.
      editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
      editor.revealRange(finding.range, vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.quickFix');
      await screenshot('sql-quick-fix-menu');
      await vscode.commands.executeCommand('hideCodeActionWidget');

      assert.ok(fix.edit, 'the fix carries its edit');
      assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true);
      assert.strictEqual(doc.lineAt(finding.range.start.line).text, FIXED_LINE);
      assert.strictEqual(doc.getText(), original.replace(UNSAFE_LINE, FIXED_LINE), 'the fix changes that line and nothing else');
      await waitForDiagnostics(uri, (ds) => !ds.some(isSqlFinding));

      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), original, 'undo restores the file');
      await waitForDiagnostics(uri, (ds) => ds.some(isSqlFinding));
    } finally {
      // leave the sample as the other suites expect it, even when an assertion failed half-way
      if (doc.getText() !== original) {
        await editor.edit((edit) => edit.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original));
      }
      if (doc.isDirty) await doc.save();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
