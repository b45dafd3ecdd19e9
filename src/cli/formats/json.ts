import type { FileReport } from '../scan';
import { summarize } from './summary';

/** Machine-readable report: 1-based lines and columns, as editors and CI annotations show them. */
export function formatJson(reports: readonly FileReport[], toolVersion: string): string {
  const files = reports.map((r) => ({
    path: r.relative,
    skipped: r.skipped ?? null,
    notes: r.notes,
    syntaxError: r.syntaxError ? { line: r.syntaxError.line + 1, column: r.syntaxError.character + 1 } : null,
    timedOut: r.timedOut ?? [],
    failed: r.failed ?? [],
    limited: r.limited ?? [],
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      messageId: f.messageId,
      severity: f.severity,
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      guideAnchor: f.guideAnchor,
      fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ startOffset: e.startOffset, endOffset: e.endOffset, newText: e.newText })) })),
      related: f.related.map((rel) => ({ message: rel.message, file: rel.fileName ?? null, line: rel.range.start.line + 1, column: rel.range.start.character + 1 })),
    })),
  }));
  return `${JSON.stringify({ tool: 'backend-guide', version: toolVersion, summary: summarize(reports), files }, null, 2)}\n`;
}
