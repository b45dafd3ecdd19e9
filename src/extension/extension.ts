import vscode = require('vscode');
import type { Grammars } from '../engine/parser';
import { FindingCodeActions } from './code-actions';
import { analyzeActiveFile } from './commands/analyze-active-file';
import { COMMANDS } from './commands/ids';
import { ConfigFileWatcher } from './config-file';
import { installPackage } from './commands/install-package';
import { showOutput } from './commands/show-output';
import { DiagnosticsController } from './diagnostics';
import { engine, saveEngineCache } from './engine-loader';
import { registerGuide, type GuideApi } from './guide';
import { Logger } from './logger';
import { registerRoutesView, type RoutesViewApi } from './routes';
import { replayCommand } from './replay/replay-command';
import { ReplayPanel } from './replay/replay-panel';
import { showStartFileFromEnvironment } from './start-file';
import { NodeSnippetCompletions } from './snippets/snippet-completions';
import { registerTrack, type TrackApi } from './track/track-commands';
import { WorkspaceIndex } from './workspace-index';

const ANALYSED_LANGUAGES = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'python', 'php', 'java', 'ruby'];

/** What `activate` returns: used by the extension-host tests. */
export interface BackendGuideApi {
  diagnostics: DiagnosticsController;
  /** Cross-file facts per workspace folder; `ready` resolves after the first indexing. */
  workspaceIndex: WorkspaceIndex;
  /** The guide viewer, progress and walkthrough context keys. */
  guide: GuideApi;
  /** The Routes view: every route of the workspace with its verdict. */
  routes: RoutesViewApi;
  /** The attack replay panel. */
  replay: ReplayPanel;
  /** The project track's checks. */
  track: TrackApi;
}

export function activate(context: vscode.ExtensionContext): BackendGuideApi {
  const started = Date.now();
  const logger = new Logger();
  // The engine and its grammars load on first use, not here, to keep activation fast (see `engine-loader.ts`).
  const wasmDir = vscode.Uri.joinPath(context.extensionUri, 'dist', 'wasm').fsPath;
  let loadedGrammars: Grammars | undefined;
  const grammars = (): Grammars => (loadedGrammars ??= new (engine().Grammars)(wasmDir));
  const workspaceIndex = new WorkspaceIndex(grammars, logger);
  // the engine's code cache, once the first indexing has run its code (and at the end, for an engine loaded later)
  void workspaceIndex.ready.then(saveEngineCache);
  // the analysis worker is its own bundle beside this one; it starts with the first analysed document
  const analysisPlace = { workerFile: vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysis-worker.js').fsPath, wasmDir };
  const diagnostics = new DiagnosticsController(analysisPlace, logger, (uri) => workspaceIndex.factsFor(uri));
  const configFile = new ConfigFileWatcher(logger);
  context.subscriptions.push(
    logger,
    workspaceIndex,
    diagnostics,
    configFile,
    workspaceIndex.onDidChange(() => diagnostics.reanalyseOpenDocuments()),
    // Rule options and ignores apply at once: open files re-read it, the index drops or takes in files.
    configFile.onDidChange(() => { void diagnostics.refreshAll(); void workspaceIndex.reindex(); }),
    vscode.languages.registerCodeActionsProvider(ANALYSED_LANGUAGES.map((language) => ({ language })), new FindingCodeActions(diagnostics), { providedCodeActionKinds: FindingCodeActions.kinds }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => showOutput(logger)),
    vscode.commands.registerCommand(COMMANDS.analyzeActiveFile, () => analyzeActiveFile(diagnostics)),
    vscode.commands.registerCommand(COMMANDS.installPackage, (packageName?: unknown, packageDir?: unknown) => installPackage(packageName, packageDir)),
    NodeSnippetCompletions.register(context, logger),
  );
  const guide = registerGuide(context, { diagnostics, logger });
  const routes = registerRoutesView(context, { workspaceIndex, logger });
  const track = registerTrack(context, { progress: guide.progress, setKey: (key, value) => guide.contextKeys.set(key, value), logger, grammars });
  const replay = new ReplayPanel(context.extensionUri, (anchor) => vscode.commands.executeCommand(COMMANDS.openGuide, anchor));
  context.subscriptions.push(replay, vscode.commands.registerCommand(COMMANDS.replayInjection, (query?: unknown, where?: unknown) => replayCommand(replay, diagnostics, wasmDir, query, where)));
  showStartFileFromEnvironment(context, { diagnostics, workspaceIndex });
  logger.info(`activated in ${Date.now() - started} ms`);
  return { diagnostics, workspaceIndex, guide, routes, replay, track };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
  saveEngineCache();
}
