import * as assert from 'assert';
import * as vscode from 'vscode';
import { workspaceFile } from './extension-api';
import { waitForDiagnostics } from './wait';

// PHP, Java and Ruby files are read by their own front ends; each sample builds SQL from a value on one line.
const SAMPLES: readonly { file: string; languageId: string; line: number }[] = [
  { file: 'polyglot/orders.php', languageId: 'php', line: 4 },
  { file: 'polyglot/OrderRepository.java', languageId: 'java', line: 5 },
  { file: 'polyglot/orders_controller.rb', languageId: 'ruby', line: 2 },
];

suite('PHP, Java and Ruby files', () => {
  for (const sample of SAMPLES) {
    test(`${sample.file} opens as ${sample.languageId} and shows its sql-concatenation finding`, async () => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile(sample.file));
      assert.strictEqual(doc.languageId, sample.languageId);
      await vscode.window.showTextDocument(doc);
      const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0);
      assert.deepStrictEqual(diagnostics.map((d) => [(d.code as { value: string }).value, d.range.start.line]), [['sql-concatenation', sample.line]]);
    });
  }
});
