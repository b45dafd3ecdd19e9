import path = require('path');
import vscode = require('vscode');
import { ignoreMatcher } from '../engine/glob';
import type { Grammars } from '../engine/parser';
import type { ProjectFacts, ProjectIndex } from '../engine/project';
import { engine, engineIndexedFiles } from './engine-loader';
import { SKIPPED_FOLDERS, isInSkippedFolder } from '../engine/skipped-folders';
import { CoalescedEmitter } from './coalesced-emitter';
import type { Logger } from './logger';
import { resolveConfig } from './settings';

const SOURCE_GLOB = '**/*.{js,jsx,cjs,mjs,ts,tsx,cts,mts,py,rb}';
/** package.json and the Python requirement files (what a quick fix may import depends on them). */
const MANIFEST_GLOB = '**/{package.json,requirements*.txt,requirements*.in,pyproject.toml,Pipfile,setup.py,setup.cfg}';
/** The folders the command line skips, so the editor and CI see the same project. */
const EXCLUDE_GLOB = `{${[...SKIPPED_FOLDERS].map((folder) => `**/${folder}/**`).join(',')}}`;
/** Beyond this many source files per folder, the rest is not indexed (logged); rules then see less context. */
const MAX_INDEXED_FILES = 5000;
/** Longest stretch of indexing work before yielding to the event loop. */
const INDEX_SLICE_MS = 15;

/**
 * Keeps one `ProjectIndex` per workspace folder in step with the files on disk, so rules see where Helmet
 * or auth middleware registered in one file applies to routes in another. Indexing starts after
 * activation and never blocks it; `onDidChange` fires when the facts changed and open files need a re-check.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly indexes = new Map<string, ProjectIndex>();
  /** Each folder's `ignore` patterns (`.backendguide.yaml` and settings), compiled, as of its last indexing. */
  private readonly ignores = new Map<string, (relativePath: string) => boolean>();
  private indexing: Promise<void>;
  /** Coalesces bursts (a branch switch, a formatter run on save-all) into one re-check. */
  private readonly changed = new CoalescedEmitter(300);
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;
  /** Resolves when the first full indexing of every folder is done (used by tests). */
  readonly ready: Promise<void>;

  /** @param grammars The grammars, made on first use (with the engine: see `engine-loader.ts`). */
  constructor(private readonly grammars: () => Grammars, private readonly logger: Logger) {
    const sources = vscode.workspace.createFileSystemWatcher(SOURCE_GLOB);
    const packages = vscode.workspace.createFileSystemWatcher(MANIFEST_GLOB);
    this.disposables.push(
      sources, packages,
      sources.onDidCreate((uri) => void this.updateSource(uri)),
      sources.onDidChange((uri) => void this.updateSource(uri)),
      sources.onDidDelete((uri) => this.remove(uri)),
      packages.onDidCreate((uri) => void this.updatePackage(uri)),
      packages.onDidChange((uri) => void this.updatePackage(uri)),
      packages.onDidDelete((uri) => { this.indexFor(uri)?.setManifest(uri.fsPath, undefined); this.changed.fireSoon(); }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('backendGuide.ignore')) void this.reindex(); }),
    );
    this.indexing = new Promise((resolve) => setTimeout(() => void this.indexAll().finally(resolve), 0));
    this.ready = this.indexing;
  }

  /**
   * Indexes every folder again, after the work already under way (so an older pass never lands last): the
   * ignore patterns changed, or folders came or went. `onDidChange` fires when it is done.
   */
  reindex(): Promise<void> {
    this.indexing = this.indexing.then(() => this.indexAll()).catch((error) => this.logger.error('the workspace could not be indexed', error));
    return this.indexing;
  }

  /** Facts of the folder holding `uri`, or `undefined` outside any folder or before indexing. */
  factsFor(uri: vscode.Uri): ProjectFacts | undefined {
    return this.indexFor(uri)?.facts();
  }

  private indexFor(uri: vscode.Uri): ProjectIndex | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.indexes.get(folder.uri.toString()) : undefined;
  }

  /**
   * Whether a file belongs in its folder's index: inside a folder, outside the folders always skipped
   * (a watcher reports every file `npm install` writes under node_modules) and the ignore patterns.
   */
  private isIndexed(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const relative = path.relative(folder.uri.fsPath, uri.fsPath);
    const ignored = this.ignores.get(folder.uri.toString());
    return !isInSkippedFolder(relative) && !ignored?.(relative);
  }

  private async isFile(uri: vscode.Uri): Promise<boolean> {
    try {
      return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0; // a link to a file counts
    } catch {
      return false; // gone again already
    }
  }

  private async read(uri: vscode.Uri): Promise<string | undefined> {
    // a FIFO would block the read and a link to a device never end it
    if (!(await this.isFile(uri))) {
      this.logger.warn(`${uri.fsPath}: not indexed, not a regular file`);
      return undefined;
    }
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      this.logger.warn(`${uri.fsPath}: not indexed, cannot be read (${String(error)})`);
      return undefined;
    }
  }

  private async indexAll(): Promise<void> {
    const started = Date.now();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const index = new (engine().ProjectIndex)(folder.uri.fsPath, this.grammars());
      const pattern = (glob: string) => new vscode.RelativePattern(folder, glob);
      const { config } = await resolveConfig(folder.uri);
      this.ignores.set(folder.uri.toString(), ignoreMatcher(config.ignore));
      const found = await vscode.workspace.findFiles(pattern(SOURCE_GLOB), pattern(EXCLUDE_GLOB), MAX_INDEXED_FILES + 1);
      const files = found.filter((uri) => this.isIndexed(uri));
      if (files.length > MAX_INDEXED_FILES) index.markPartial();
      if (files.length > MAX_INDEXED_FILES) this.logger.warn(`${folder.name}: more than ${MAX_INDEXED_FILES} source files; only the first ${MAX_INDEXED_FILES} are indexed for cross-file checks`);
      let sliceStarted = Date.now();
      for (const uri of files.slice(0, MAX_INDEXED_FILES)) {
        const text = await this.read(uri);
        if (text !== undefined) {
          await index.setFile(uri.fsPath, text);
          engineIndexedFiles();
        }
        // Parsing is synchronous: give the extension host's event loop a turn every few milliseconds,
        // so indexing a large workspace never holds up completions, code actions or other extensions.
        if (Date.now() - sliceStarted > INDEX_SLICE_MS) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          sliceStarted = Date.now();
        }
      }
      for (const uri of await vscode.workspace.findFiles(pattern(MANIFEST_GLOB), pattern('{**/node_modules/**,**/.venv/**,**/venv/**}'))) {
        index.setManifest(uri.fsPath, await this.read(uri));
      }
      this.indexes.set(folder.uri.toString(), index);
      this.logger.info(`${folder.name}: indexed ${Math.min(files.length, MAX_INDEXED_FILES)} source files in ${Date.now() - started} ms`);
    }
    this.changed.fireNow();
  }

  private async updateSource(uri: vscode.Uri): Promise<void> {
    // The watcher's glob also matches folders named like source files (the package `ipaddr.js`).
    if (!this.isIndexed(uri) || !(await this.isFile(uri))) return;
    const index = this.indexFor(uri);
    const text = index && await this.read(uri);
    if (index && text !== undefined) {
      await index.setFile(uri.fsPath, text);
      engineIndexedFiles();
      this.changed.fireSoon();
    }
  }

  private async updatePackage(uri: vscode.Uri): Promise<void> {
    if (isInSkippedFolder(vscode.workspace.asRelativePath(uri, false))) return;
    const index = this.indexFor(uri);
    if (!index) return;
    index.setManifest(uri.fsPath, await this.read(uri));
    this.changed.fireSoon();
  }

  private remove(uri: vscode.Uri): void {
    this.indexFor(uri)?.removeFile(uri.fsPath);
    this.changed.fireSoon();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
