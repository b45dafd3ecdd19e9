import vscode = require('vscode');
import type { DiagnosticsController } from '../diagnostics';

/** Re-reads the configuration and re-analyses the open documents, then reports the active file's count. */
export async function analyzeActiveFile(diagnostics: DiagnosticsController): Promise<number | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  await diagnostics.refreshAll();
  if (!doc) return undefined;
  const count = diagnostics.findingsFor(doc.uri).length;
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Backend Guide: {0} finding(s) in {1}', count, vscode.workspace.asRelativePath(doc.uri)), 5000);
  return count;
}
