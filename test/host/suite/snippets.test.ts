import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { expandSnippet, snippetBodyText } from '../../../src/engine/snippet-expand';
import { EXTENSION_ID } from './extension-api';


interface ShippedSnippet {
  name: string;
  body: string;
}

/** A snippet of the extension's own JavaScript snippet file, found by its prefix. */
function shippedJavaScriptSnippet(prefix: string): ShippedSnippet {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const file = path.join(extension.extensionPath, 'snippets', 'javascript.json');
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string | string[]; body: string | string[] }>;
  const found = Object.entries(snippets).find(([, snippet]) => [snippet.prefix].flat().includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix} in ${file}`);
  return { name: found[0], body: snippetBodyText(found[1].body) };
}

async function emptyJavaScriptEditor(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'javascript', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  editor.options = { insertSpaces: true, tabSize: 2 };
  return editor;
}

/** What VS Code inserts: every default, first choices, mirrors, and each leading tab as the editor's indentation. */
function expectedText(body: string): string {
  return expandSnippet(body, { applyTransforms: false }).replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length));
}

function textOf(editor: vscode.TextEditor): string {
  return editor.document.getText().replace(/\r\n/g, '\n');
}

suite('Snippets', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('leaveSnippet');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('bg-route-post inserted through SnippetString gives defaults, the first choice, mirrors and literal dollars', async () => {
    const snippet = shippedJavaScriptSnippet('bg-route-post');
    const editor = await emptyJavaScriptEditor();
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(snippet.body)), 'insertSnippet refused the body');
    const text = textOf(editor);
    assert.strictEqual(text, expectedText(snippet.body));
    assert.match(text, /^router\.post\('\/items', requireAuth, async \(req, res\) => \{$/m);
    assert.match(text, /const name = typeof req\.body\?\.name === 'string'/);
    assert.ok(text.includes('.location(`${req.baseUrl}/items/${created.id}`)'), text);
    assert.ok(!/\$\{?\d/.test(text), `a tab stop was left in the text:\n${text}`);
  });

  test('the contributed bg-pg-query snippet is offered in JavaScript and keeps its $1 SQL parameter', async () => {
    const snippet = shippedJavaScriptSnippet('bg-pg-query');
    const editor = await emptyJavaScriptEditor();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'javascript', name: snippet.name });
    const text = textOf(editor);
    assert.strictEqual(text, expectedText(snippet.body));
    assert.ok(text.includes("'SELECT id, email, created_at FROM users WHERE email = $1'"), text);
    assert.match(text, /\[email\],/);
  });
});
