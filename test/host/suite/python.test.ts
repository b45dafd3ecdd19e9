import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { workspaceFile } from './extension-api';
import { waitForDiagnostics } from './wait';

const HEADERS_RULE = 'python-security-headers';
const isHeadersFinding = (d: vscode.Diagnostic) => typeof d.code === 'object' && d.code.value === HEADERS_RULE;

suite('Python files', () => {
  suiteTeardown(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

  test('a Flask app without security headers is flagged, with a link to the Python section of the guide', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('py/web/app.py'));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'python');
    const [finding] = (await waitForDiagnostics(doc.uri, (ds) => ds.some(isHeadersFinding))).filter(isHeadersFinding);
    assert.strictEqual(finding.range.start.line, 2);
    const target = (finding.code as { target: vscode.Uri }).target;
    assert.strictEqual(target.path, 'backendGuide.openGuide');
    assert.strictEqual(JSON.parse(decodeURIComponent(target.query))[0], 'security-headers#python');
  });

  test('Talisman applied to the app in another module clears the finding; taking it away brings it back', async () => {
    const app = workspaceFile('py/web/app.py');
    await waitForDiagnostics(app, (ds) => ds.some(isHeadersFinding));
    const security = workspaceFile('py/web/security.py');
    const original = await vscode.workspace.fs.readFile(security);
    try {
      await vscode.workspace.fs.writeFile(security, new TextEncoder().encode('from flask_talisman import Talisman\n\nfrom web.app import app\n\nTalisman(app)\n'));
      await waitForDiagnostics(app, (ds) => !ds.some(isHeadersFinding));
    } finally {
      await vscode.workspace.fs.writeFile(security, original);
    }
    await waitForDiagnostics(app, (ds) => ds.some(isHeadersFinding));
  });

  test('Create Flask Sample Project writes the sample, whose app.py is flagged', async () => {
    const parent = vscode.Uri.file(path.join(os.tmpdir(), `bg-flask-sample-${process.pid}`));
    await vscode.workspace.fs.createDirectory(parent);
    try {
      const root = await vscode.commands.executeCommand<vscode.Uri>('backendGuide.createFlaskSampleProject', parent, { open: false });
      assert.ok(root);
      assert.strictEqual(path.basename(root.fsPath), 'backend-guide-flask-sample');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'app.py'));
      await vscode.window.showTextDocument(doc);
      const findings = (await waitForDiagnostics(doc.uri, (ds) => ds.some(isHeadersFinding))).filter(isHeadersFinding);
      assert.strictEqual(doc.lineAt(findings[0].range.start.line).text, 'app = Flask(__name__)');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(parent, { recursive: true });
    }
  });
});
