import * as assert from 'assert';
import * as vscode from 'vscode';
import { activatedApi as api } from './extension-api';
import { valueWhen, waitForDiagnostics } from './wait';

// A Python file gets the same SQL hint as JavaScript: the diagnostic, its guide link, and the quick fix
// in the driver's placeholder style (sqlite3's `?`), which removes the finding.
const UNSAFE_LINE = `    return db.execute("SELECT title FROM books WHERE author = '" + author + "'").fetchall()`;
const FIXED_LINE = '    return db.execute("SELECT title FROM books WHERE author = ?", (author,)).fetchall()';
const CONTENT = `import sqlite3\n\n\ndef books_by(author):\n    db = sqlite3.connect("library.db")\n${UNSAFE_LINE}\n`;
const FIX_TITLE = 'Use a parameterized query';

const isSqlFinding = (d: vscode.Diagnostic): boolean => typeof d.code === 'object' && d.code.value === 'sql-concatenation';

suite('Backend Guide: SQL built from strings in Python', () => {
  test('a Python file is flagged, links to the lesson, and the fix writes sqlite3 placeholders', async () => {
    const { diagnostics } = await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: CONTENT });
    await vscode.window.showTextDocument(doc);
    try {
      const [finding] = (await waitForDiagnostics(doc.uri, (ds) => ds.some(isSqlFinding))).filter(isSqlFinding);
      assert.strictEqual(doc.lineAt(finding.range.start.line).text, UNSAFE_LINE);
      assert.match(String(typeof finding.code === 'object' ? finding.code.target : ''), /sql-injection/);
      const read = () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, finding.range);
      const actions = await valueWhen(diagnostics.onDidAnalyze, read, (as) => as.some((a) => a.title === FIX_TITLE), `"${FIX_TITLE}" on the Python file`);
      const fix = actions.find((a) => a.title === FIX_TITLE)!;
      assert.ok(fix.edit, 'the fix carries its edit');
      assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true);
      assert.strictEqual(doc.getText(), CONTENT.replace(UNSAFE_LINE, FIXED_LINE));
      await waitForDiagnostics(doc.uri, (ds) => !ds.some(isSqlFinding));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
