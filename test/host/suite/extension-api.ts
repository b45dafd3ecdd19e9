import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendGuideApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'backendguide.backend-guide';

/** The extension's API, activating it if needed. */
export async function activatedApi(): Promise<BackendGuideApi> {
  const ext = vscode.extensions.getExtension<BackendGuideApi>(EXTENSION_ID);
  assert.ok(ext, 'extension not found');
  return ext.activate();
}

/** A file of the test workspace, by its path relative to the workspace folder. */
export function workspaceFile(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, relative);
}
