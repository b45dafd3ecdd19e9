import vscode = require('vscode');
import { engine } from './engine-loader';
import { suppressionEdit } from '../engine/suppressions';
import { LineIndex } from '../engine/text';
import type { Finding, LanguageId, TextEdit } from '../engine/types';
import { COMMANDS } from './commands/ids';
import type { DiagnosticsController } from './diagnostics';
import { findingLocation } from './replay/replay-command';
import { DIAGNOSTIC_SOURCE, toRange } from './to-diagnostic';

function sameFinding(diagnostic: vscode.Diagnostic, finding: Finding): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === finding.ruleId && diagnostic.message === finding.message && diagnostic.range.isEqual(toRange(finding.range));
}

function workspaceEdit(uri: vscode.Uri, edits: readonly Pick<TextEdit, 'range' | 'newText'>[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}

/**
 * The code-action menu per finding, as vscode-eslint has it: the rule's fixes, "learn why" (the guide
 * section), and silencing the finding for this line or the whole file with a reason comment.
 */
export class FindingCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const findings = this.diagnostics.currentFindings(doc);
    if (!findings) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findings.find((f) => sameFinding(diagnostic, f));
      if (finding) actions.push(...this.actionsFor(doc, diagnostic, finding));
    }
    return actions;
  }

  private actionsFor(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const fix of finding.fixes) {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = workspaceEdit(doc.uri, fix.edits);
      action.diagnostics = [diagnostic];
      action.isPreferred = fix.preferred;
      actions.push(action);
    }
    for (const command of finding.commands ?? []) {
      const action = new vscode.CodeAction(command.title, vscode.CodeActionKind.QuickFix);
      action.command = { command: COMMANDS[command.command], title: command.title, arguments: command.arguments };
      action.diagnostics = [diagnostic];
      actions.push(action);
    }
    if (finding.replay) {
      const title = vscode.l10n.t('Replay an SQL injection on this query (Backend Guide)');
      const replay = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      replay.command = { command: COMMANDS.replayInjection, title, arguments: [finding.replay, findingLocation(doc.uri, finding)] };
      replay.diagnostics = [diagnostic];
      actions.push(replay);
    }
    const ruleName = engine().ruleById(finding.ruleId)?.meta.id ?? finding.ruleId;
    const learn = new vscode.CodeAction(vscode.l10n.t('Learn why: {0} (Backend Guide)', ruleName), vscode.CodeActionKind.QuickFix);
    learn.command = { command: COMMANDS.openGuide, title: learn.title, arguments: [finding.guideAnchor] };
    learn.diagnostics = [diagnostic];
    actions.push(learn);
    const text = doc.getText();
    const lines = new LineIndex(text);
    // a comment above a line that starts inside a string, template literal or JSX text would be part of that text
    for (const scope of finding.lineCommentFits === false ? ['file' as const] : ['next-line', 'file'] as const) {
      const title = scope === 'file' ? vscode.l10n.t('Disable {0} for this file', ruleName) : vscode.l10n.t('Disable {0} for this line', ruleName);
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      const edit = suppressionEdit(text, lines, finding, doc.languageId as LanguageId, scope);
      action.edit = workspaceEdit(doc.uri, [{ range: lines.rangeOf(edit.startOffset, edit.endOffset), newText: edit.newText }]);
      action.diagnostics = [diagnostic];
      actions.push(action);
    }
    return actions;
  }
}
