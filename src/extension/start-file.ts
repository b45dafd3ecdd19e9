import vscode = require('vscode');
import type { DiagnosticsController } from './diagnostics';
import type { WorkspaceIndex } from './workspace-index';

/**
 * Set by `npm start` (scripts/start.mjs) for the development host only: a file of the opened folder,
 * relative to it, to show at its first finding with the Problems view open, so a newcomer lands on
 * the extension at work instead of an empty editor.
 */
export const START_FILE_ENV = 'BACKEND_GUIDE_START_FILE';

export interface StartFileDeps {
  diagnostics: DiagnosticsController;
  workspaceIndex: WorkspaceIndex;
}

/** Opens `uri` at its first finding once it is analysed with the project's facts, and shows the Problems view beside it. */
export async function showStartFile(uri: vscode.Uri, { diagnostics, workspaceIndex }: StartFileDeps): Promise<vscode.TextEditor> {
  await workspaceIndex.ready;
  const doc = await vscode.workspace.openTextDocument(uri);
  await diagnostics.open(doc);
  const first = [...diagnostics.findingsFor(uri)].sort((a, b) => a.range.start.line - b.range.start.line)[0];
  const at = first ? new vscode.Position(first.range.start.line, first.range.start.character) : new vscode.Position(0, 0);
  const editor = await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(at, at) });
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  // The Problems view takes the focus; give it back to the code so the cursor and hovers work at once.
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  return editor;
}

/** In the development host started by `npm start`, shows the file it names (see START_FILE_ENV). */
export function showStartFileFromEnvironment(context: vscode.ExtensionContext, deps: StartFileDeps): void {
  const relative = process.env[START_FILE_ENV];
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (context.extensionMode !== vscode.ExtensionMode.Development || !relative || !folder) return;
  void showStartFile(vscode.Uri.joinPath(folder.uri, ...relative.split('/')), deps);
}
