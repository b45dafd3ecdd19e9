import type { FileReport } from '../scan';

export interface Summary {
  files: number;
  filesWithFindings: number;
  skipped: number;
  /** Files with a syntax error the parser could not get past: the rules ran on the rest of each. */
  partly: number;
  /** Files the time budget ran out in: the rules named in each report may have missed findings. */
  timedOut: number;
  /** Files a rule failed on: its findings there are missing. */
  failed: number;
  /** Files where a rule left part of the code unchecked on a work or nesting limit. */
  limited: number;
  /** Test, migration, script and asset files sql-concatenation left out (`sql.includeTests: true` takes them in). */
  sqlExempt: number;
  total: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Rules whose findings a file may be missing, and why, in the words every output uses. */
export interface RuleGap {
  /** `error` when a rule failed (its findings are gone), `warning` when its time ran out (some are kept). */
  readonly level: 'warning' | 'error';
  readonly text: string;
}

export function ruleGaps(r: FileReport): RuleGap[] {
  const gaps: RuleGap[] = [];
  if (r.timedOut?.length) gaps.push({ level: 'warning', text: `the time budget ran out in ${r.timedOut.join(', ')}; findings up to that point are reported, later ones may be missing` });
  if (r.limited?.length) gaps.push({ level: 'warning', text: `${r.limited.join(', ')} left part of the file unchecked (see the note); findings there may be missing` });
  if (r.failed?.length) gaps.push({ level: 'error', text: `${r.failed.join(', ')} failed on this file (see the note); their findings are missing` });
  return gaps;
}

/** A file analysed only partly: a syntax error the parser could not get past, or a rule gap. */
export function isIncomplete(r: FileReport): boolean {
  return !!r.syntaxError || ruleGaps(r).length > 0;
}

export function summarize(reports: readonly FileReport[]): Summary {
  const all = reports.flatMap((r) => r.findings);
  return {
    files: reports.length,
    filesWithFindings: reports.filter((r) => r.findings.length > 0).length,
    skipped: reports.filter((r) => r.skipped).length,
    partly: reports.filter((r) => r.syntaxError).length,
    timedOut: reports.filter((r) => r.timedOut?.length).length,
    failed: reports.filter((r) => r.failed?.length).length,
    limited: reports.filter((r) => r.limited?.length).length,
    sqlExempt: reports.filter((r) => r.sqlExempt).length,
    total: all.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    infos: all.filter((f) => f.severity === 'info' || f.severity === 'hint').length,
  };
}
