import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activatedApi as api, workspaceFile } from './extension-api';
import { valueWhen, waitForDiagnostics, watcherReady } from './wait';

const CONFIG = '.backendguide.yaml';
const SAMPLE_APP = 'app (sample/src/app.js)';
const sqlFindings = (ds: vscode.Diagnostic[]) => ds.filter((d) => typeof d.code === 'object' && d.code.value === 'sql-concatenation');

suite('Backend Guide: .backendguide.yaml applies as soon as it is saved', () => {
  suiteSetup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    try { await vscode.workspace.fs.delete(workspaceFile(CONFIG)); } catch { /* already gone */ }
  });

  test('diagnostics follow the file written on disk by another program, then edited and saved in the editor, then deleted', async function () {
    // the first test of the host run: its first diagnostics wait for the extension host, the analysis worker and the
    // grammars to start, which once took over 20 s in CI (the guard below only bounds a failure; a pass waits for the event)
    this.timeout(120_000);
    await api();
    const source = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('src/orders.js')));
    const uri = source.document.uri;
    await waitForDiagnostics(uri, (ds) => sqlFindings(ds).length === 1, 60_000);

    await watcherReady(vscode.workspace.workspaceFolders![0].uri);
    fs.writeFileSync(workspaceFile(CONFIG).fsPath, 'rules:\n  sql-concatenation: "off"\n');
    await waitForDiagnostics(uri, (ds) => sqlFindings(ds).length === 0);

    const configDoc = await vscode.workspace.openTextDocument(workspaceFile(CONFIG));
    const editor = await vscode.window.showTextDocument(configDoc, { preview: false });
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, configDoc.lineCount, 0), 'rules:\n  sql-concatenation: error\n'));
    await configDoc.save();
    const [error] = sqlFindings(await waitForDiagnostics(uri, (ds) => sqlFindings(ds)[0]?.severity === vscode.DiagnosticSeverity.Error));
    assert.strictEqual(error.range.start.line, 5);

    await vscode.workspace.fs.delete(workspaceFile(CONFIG));
    await waitForDiagnostics(uri, (ds) => sqlFindings(ds)[0]?.severity === vscode.DiagnosticSeverity.Warning);
  });

  test('the workspace index follows its ignore patterns: with app.js ignored, no app is seen mounting the orders router', async () => {
    const { routes } = await api();
    // The group a route is listed under, and its full path, come from the index: app.js mounts the router of orders.js at /orders.
    const deleteRoute = () => routes.provider.roots().then((groups) => {
      for (const g of groups) {
        const leaf = g.children.find((l) => l.row.method === 'DELETE' && l.row.file.endsWith('orders.js'));
        if (leaf) return `${g.group.label}: ${leaf.row.path}`;
      }
      return undefined;
    });
    const mounted = `${SAMPLE_APP}: /orders/:id`;
    await valueWhen(routes.provider.onDidChangeTreeData, deleteRoute, (r) => r === mounted, 'DELETE /orders/:id under the sample app');

    fs.writeFileSync(workspaceFile(CONFIG).fsPath, 'ignore:\n  - "sample/src/app.js"\n');
    await valueWhen(routes.provider.onDidChangeTreeData, deleteRoute, (r) => r === 'router (sample/src/routes/orders.js): /:id', 'the orders router unmounted once app.js is ignored');

    await vscode.workspace.fs.delete(workspaceFile(CONFIG));
    await valueWhen(routes.provider.onDidChangeTreeData, deleteRoute, (r) => r === mounted, 'the orders routes back under the app');
  });

  test('files under node_modules get no diagnostics, as on the command line; the same text elsewhere does', async () => {
    const { diagnostics } = await api();
    const text = fs.readFileSync(workspaceFile('src/orders.js').fsPath);
    const vendored = workspaceFile('node_modules/some-driver/index.js');
    const copy = workspaceFile('src/orders-copy.js');
    fs.mkdirSync(vscode.Uri.joinPath(vendored, '..').fsPath, { recursive: true });
    fs.writeFileSync(vendored.fsPath, text);
    fs.writeFileSync(copy.fsPath, text);
    try {
      for (const uri of [vendored, copy]) await diagnostics.open(await vscode.workspace.openTextDocument(uri));
      assert.strictEqual(sqlFindings(vscode.languages.getDiagnostics(copy)).length, 1);
      assert.deepStrictEqual(vscode.languages.getDiagnostics(vendored), []);
    } finally {
      fs.rmSync(copy.fsPath);
      fs.rmSync(workspaceFile('node_modules').fsPath, { recursive: true, force: true });
    }
  });
});
