import fs = require('fs');
import path = require('path');
import vscode = require('vscode');
import { CONFIG_FILE_NAME } from '../engine/config';
import { CoalescedEmitter } from './coalesced-emitter';
import type { Logger } from './logger';

/**
 * Announces that a workspace folder's `.backendguide.yaml` was created, saved (in the editor or by another
 * program) or deleted, so diagnostics, the workspace index and the Routes view apply it at once. A save in
 * the editor reaches both the save event and the file watchers: they are coalesced into one change.
 *
 * Two watchers report the file. VS Code's covers every kind of folder, but it can drop events: in code-server 4.99
 * on Linux, a deletion soon after a write was never reported in two host-test runs of three (the deleted
 * configuration's ignore patterns then kept applying until the next change). On a folder on disk, a watch of the
 * folder root alone (not recursive: one watch per folder) sees every change of the one file that counts.
 */
export class ConfigFileWatcher implements vscode.Disposable {
  private readonly changed = new CoalescedEmitter(50);
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The watch of each folder root on disk, by its path. */
  private readonly rootWatches = new Map<string, fs.FSWatcher>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly logger: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const changedIfRoot = (uri: vscode.Uri) => { if (isFolderConfig(uri)) this.changed.fireSoon(); };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(changedIfRoot),
      watcher.onDidChange(changedIfRoot),
      watcher.onDidDelete(changedIfRoot),
      vscode.workspace.onDidSaveTextDocument((doc) => changedIfRoot(doc.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.watchRoots()),
    );
    this.watchRoots();
  }

  /** Watches the root of every folder on disk, and stops watching those no longer open. */
  private watchRoots(): void {
    const roots = new Set((vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath));
    for (const [root, watch] of this.rootWatches) {
      if (!roots.has(root)) this.unwatch(root, watch);
    }
    for (const root of roots) {
      if (this.rootWatches.has(root)) continue;
      try {
        // `null` as the name: the platform did not say which entry changed, so it may be ours
        const watch = fs.watch(root, { persistent: false }, (_event, name) => { if (name === null || String(name) === CONFIG_FILE_NAME) this.changed.fireSoon(); });
        watch.on('error', (error) => {
          this.editorWatcherOnly(root, error);
          this.unwatch(root, watch);
        });
        this.rootWatches.set(root, watch);
      } catch (error) {
        // out of watches, or the folder is gone
        this.editorWatcherOnly(root, error);
      }
    }
  }

  /** Says why the file at `root` is followed through VS Code's watcher alone, which still reports it. */
  private editorWatcherOnly(root: string, error: unknown): void {
    this.logger.warn(`${root}: ${CONFIG_FILE_NAME} is followed through the editor's watcher only (${String(error)})`);
  }

  private unwatch(root: string, watch: fs.FSWatcher): void {
    watch.close();
    if (this.rootWatches.get(root) === watch) this.rootWatches.delete(root);
  }

  dispose(): void {
    for (const [root, watch] of this.rootWatches) this.unwatch(root, watch);
    this.disposables.forEach((d) => d.dispose());
  }
}

/** The configuration file read for a folder is the one at its root (see `resolveConfig`). */
function isFolderConfig(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return !!folder && path.basename(uri.fsPath) === CONFIG_FILE_NAME && path.dirname(uri.fsPath) === folder.uri.fsPath;
}
