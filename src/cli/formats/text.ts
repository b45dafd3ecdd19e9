import { describeSyntaxError } from '../../engine/syntax-errors';
import type { FileReport } from '../scan';
import { ruleGaps, summarize } from './summary';
import { terminalLine } from './terminal-text';

/** A human-readable report in the style of ESLint's "stylish": one block per file, then a summary line. */
export function formatText(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out.push(report.relative);
    for (const f of report.findings) {
      const at = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      out.push(`  ${at.padEnd(8)} ${f.severity.padEnd(7)} ${f.message}  ${f.ruleId}`);
      out.push(`  ${''.padEnd(8)} ${''.padEnd(7)} learn why: backend-guide explain ${f.ruleId}`);
    }
    out.push('');
  }
  const skipped = reports.filter((r) => r.skipped);
  for (const r of skipped) out.push(`skipped ${r.relative}: ${r.skipped}`);
  const partly = reports.flatMap((r) => [
    ...(r.syntaxError ? [`analysed partly ${r.relative}: ${describeSyntaxError(r.syntaxError)}`] : []),
    ...ruleGaps(r).map((gap) => `analysed partly ${r.relative}: ${gap.text}`),
  ]);
  out.push(...partly);
  if (skipped.length || partly.length) out.push('');
  const s = summarize(reports);
  const partlyCount = `${s.partly ? `; ${s.partly} analysed partly (syntax errors)` : ''}${s.timedOut ? `; ${s.timedOut} analysed partly (time budget)` : ''}${s.failed ? `; ${s.failed} analysed partly (a rule failed)` : ''}${s.limited ? `; ${s.limited} analysed partly (a rule's work or nesting limit)` : ''}${s.sqlExempt ? `; ${s.sqlExempt} test, migration or script file(s) left out of sql-concatenation (sql.includeTests: true includes them)` : ''}`;
  out.push(`${s.total} finding(s) (${s.errors} error, ${s.warnings} warning, ${s.infos} info) in ${s.filesWithFindings} of ${s.files} file(s); ${s.skipped} skipped${partlyCount}`);
  return `${out.map(terminalLine).join('\n')}\n`;
}
