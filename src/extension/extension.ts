import * as vscode from 'vscode';
import { Grammars } from '../engine/parser';
import { FindingCodeActions } from './code-actions';
import { analyzeActiveFile } from './commands/analyze-active-file';
import { COMMANDS } from './commands/ids';
import { openGuide } from './commands/open-guide';
import { showOutput } from './commands/show-output';
import { DiagnosticsController } from './diagnostics';
import { Logger } from './logger';

const ANALYSED_LANGUAGES = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'python'];

/** What `activate` returns: used by the extension-host tests. */
export interface BackendGuideApi {
  diagnostics: DiagnosticsController;
}

export function activate(context: vscode.ExtensionContext): BackendGuideApi {
  const started = Date.now();
  const logger = new Logger();
  // Grammars load on first use, not here, to keep activation fast.
  const grammars = new Grammars(vscode.Uri.joinPath(context.extensionUri, 'dist', 'wasm').fsPath);
  const diagnostics = new DiagnosticsController(grammars, logger);
  context.subscriptions.push(
    logger,
    diagnostics,
    vscode.languages.registerCodeActionsProvider(ANALYSED_LANGUAGES.map((language) => ({ language })), new FindingCodeActions(diagnostics), { providedCodeActionKinds: FindingCodeActions.kinds }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => showOutput(logger)),
    vscode.commands.registerCommand(COMMANDS.analyzeActiveFile, () => analyzeActiveFile(diagnostics)),
    vscode.commands.registerCommand(COMMANDS.openGuide, (anchor?: string) => openGuide(context.extensionUri, anchor)),
  );
  logger.info(`activated in ${Date.now() - started} ms`);
  return { diagnostics };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
