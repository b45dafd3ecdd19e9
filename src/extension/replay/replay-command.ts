import path = require('path');
import vscode = require('vscode');
import type { ReplayableQuery } from '../../engine/replay/query';
import { LESSON_EXAMPLE } from '../../engine/replay/lesson-example';
import { replayInjection } from '../../engine/replay/replay';
import type { Finding } from '../../engine/types';
import type { DiagnosticsController } from '../diagnostics';
import { toRange } from '../to-diagnostic';
import type { ReplayPanel } from './replay-panel';

export interface ReplayTarget {
  query: ReplayableQuery;
  /** Where the query is, for the panel's heading. */
  where: string;
}

function isReplayableQuery(value: unknown): value is ReplayableQuery {
  const q = value as Partial<ReplayableQuery> | undefined;
  return !!q && Array.isArray(q.built) && Array.isArray(q.values) && typeof q.dialect === 'string';
}

export function findingLocation(uri: vscode.Uri, finding: Pick<Finding, 'range'>): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const file = folder ? path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/') : path.basename(uri.fsPath);
  return `${file}, line ${finding.range.start.line + 1}`;
}

/** The flagged query under the cursor in the active editor, else the first one in a visible editor. */
function flaggedQueryInEditors(diagnostics: DiagnosticsController): ReplayTarget | undefined {
  const active = vscode.window.activeTextEditor;
  const editors = [...(active ? [active] : []), ...vscode.window.visibleTextEditors.filter((e) => e !== active)];
  for (const editor of editors) {
    const findings = (diagnostics.currentFindings(editor.document) ?? []).filter((f) => f.replay);
    const atCursor = findings.find((f) => toRange(f.range).contains(editor.selection.active)) ?? findings[0];
    if (atCursor?.replay) return { query: atCursor.replay, where: findingLocation(editor.document.uri, atCursor) };
  }
  return undefined;
}

/**
 * "Replay an SQL injection on this query": from a finding's code action (the query and where it is), from the
 * lesson (the flagged query in the open editors, else the lesson's own example).
 */
export async function replayCommand(panel: ReplayPanel, diagnostics: DiagnosticsController, wasmDir: string, query?: unknown, where?: unknown): Promise<void> {
  const target: ReplayTarget = isReplayableQuery(query)
    ? { query, where: typeof where === 'string' ? where : '' }
    : flaggedQueryInEditors(diagnostics) ?? { query: LESSON_EXAMPLE, where: vscode.l10n.t("The lesson's example: no file with a flagged query is open") };
  const report = await replayInjection(target.query, { wasmDir });
  await panel.show(report, target.where);
}
