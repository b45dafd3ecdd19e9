import path = require('path');
import vscode = require('vscode');
import { CONFIG_FILE_NAME } from '../engine/config';
import { CoalescedEmitter } from './coalesced-emitter';

/**
 * Announces that a workspace folder's `.backendguide.yaml` was created, saved (in the editor or by another
 * program) or deleted, so diagnostics, the workspace index and the Routes view apply it at once. A save in
 * the editor reaches both the save event and the file watcher: the two are coalesced into one change.
 */
export class ConfigFileWatcher implements vscode.Disposable {
  private readonly changed = new CoalescedEmitter(50);
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const changedIfRoot = (uri: vscode.Uri) => { if (isFolderConfig(uri)) this.changed.fireSoon(); };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(changedIfRoot),
      watcher.onDidChange(changedIfRoot),
      watcher.onDidDelete(changedIfRoot),
      vscode.workspace.onDidSaveTextDocument((doc) => changedIfRoot(doc.uri)),
    );
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** The configuration file read for a folder is the one at its root (see `resolveConfig`). */
function isFolderConfig(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return !!folder && path.basename(uri.fsPath) === CONFIG_FILE_NAME && path.dirname(uri.fsPath) === folder.uri.fsPath;
}
