import * as assert from 'assert';
import * as vscode from 'vscode';

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

/**
 * Types `prefix` at the end of the editor's document, asks VS Code for completions there (every provider, ours
 * included), and inserts our item for that prefix the way accepting it does. Returns the item used.
 */
export async function acceptSnippetCompletion(editor: vscode.TextEditor, prefix: string): Promise<vscode.CompletionItem> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  await editor.edit((edit) => edit.insert(end, prefix));
  const position = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
  const item = list.items.find((candidate) => labelOf(candidate) === prefix && candidate.kind === vscode.CompletionItemKind.Snippet);
  assert.ok(item, `no ${prefix} completion at the end of ${editor.document.uri.toString()}`);
  assert.ok(item.insertText instanceof vscode.SnippetString, `${prefix}: the completion inserts no snippet`);
  const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
  assert.ok(range && editor.document.getText(range) === prefix, `${prefix}: the completion does not replace the typed prefix`);
  assert.ok(await editor.insertSnippet(item.insertText, range), `${prefix}: insertSnippet refused the body`);
  await vscode.commands.executeCommand('leaveSnippet');
  return item;
}
