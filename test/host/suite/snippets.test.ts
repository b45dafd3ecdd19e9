import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { expandSnippet, snippetBodyText } from '../../../src/engine/snippet-expand';
import { activatedApi, EXTENSION_ID } from './extension-api';
import { acceptSnippetCompletion } from './snippet-completions';

interface ShippedSnippet {
  name: string;
  body: string;
}

/** One form of a JavaScript/TypeScript snippet the extension ships, found by its prefix. */
function shippedSnippet(prefix: string, form: 'typescript' | 'esm' | 'commonjs'): ShippedSnippet {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const file = path.join(extension.extensionPath, 'snippets', 'node', 'variants.json');
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string | string[]; forms: Record<string, string[] | undefined> }>;
  const found = Object.entries(snippets).find(([, snippet]) => [snippet.prefix].flat().includes(prefix));
  const body = found?.[1].forms[form];
  assert.ok(found && body, `no ${form} form of ${prefix} in ${file}`);
  return { name: found[0], body: snippetBodyText(body) };
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
    const snippet = shippedSnippet('bg-route-post', 'esm');
    const editor = await emptyJavaScriptEditor();
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(snippet.body)), 'insertSnippet refused the body');
    const text = textOf(editor);
    assert.strictEqual(text, expectedText(snippet.body));
    assert.match(text, /^router\.post\('\/items', requireAuth, async \(req, res\) => \{$/m);
    assert.match(text, /const name = typeof req\.body\?\.name === 'string'/);
    assert.ok(text.includes('.location(`${req.baseUrl}/items/${created.id}`)'), text);
    assert.ok(!/\$\{?\d/.test(text), `a tab stop was left in the text:\n${text}`);
  });

  test('the bg-pg-query completion in an untitled JavaScript file inserts the CommonJS form and keeps its $1 SQL parameter', async () => {
    await activatedApi();
    const snippet = shippedSnippet('bg-pg-query', 'commonjs');
    const editor = await emptyJavaScriptEditor();
    await acceptSnippetCompletion(editor, 'bg-pg-query');
    const text = textOf(editor);
    assert.strictEqual(text, expectedText(snippet.body));
    assert.ok(text.includes("'SELECT id, email, created_at FROM users WHERE email = $1'"), text);
    assert.match(text, /^exports\.findUserByEmail = findUserByEmail;$/m);
  });

  test('a completion documents its snippet with a link to its guide section', async () => {
    await activatedApi();
    const document = await vscode.workspace.openTextDocument({ language: 'javascript', content: 'bg-helmet' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 9), undefined, 200);
    const item = list.items.find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === 'bg-helmet');
    assert.ok(item, 'no bg-helmet completion');
    const documentation = item.documentation instanceof vscode.MarkdownString ? item.documentation.value : String(item.documentation);
    assert.ok(documentation.includes(`command:backendGuide.openGuide?${encodeURIComponent(JSON.stringify(['security-headers#helmet']))}`), documentation);
  });

  test('a TypeScript file gets the typed form, and bg-express-types, which JavaScript files do not get', async () => {
    await activatedApi();
    const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await acceptSnippetCompletion(editor, 'bg-express-types');
    assert.match(textOf(editor), /interface SessionData/);
    const javascript = await vscode.workspace.openTextDocument({ language: 'javascript', content: 'bg-express-types' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', javascript.uri, new vscode.Position(0, 16));
    assert.ok(!list.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'bg-express-types'), 'bg-express-types offered in JavaScript');
  });
});
