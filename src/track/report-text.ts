import type { CheckResult, StepReport } from './types';

/** How a lesson is pointed at: a command link in the editor, a guide file and anchor in a terminal. */
export type LessonLink = (anchor: string) => string;

/** The guide file and section of an anchor, for a terminal: walkthroughs/guide/security.md#sql-injection. */
export const guideFileLink: LessonLink = (anchor) => {
  const [chapter, section] = anchor.split('#');
  return `walkthroughs/guide/${chapter}.md${section ? `#${section}` : ''}`;
};

const indent = (text: string, by: string) => text.split('\n').map((line) => by + line).join('\n');

function failureText(check: CheckResult, lesson: LessonLink): string {
  return [
    `✗ ${check.title}`,
    indent(`request:  ${check.request}`, '    '),
    indent(`got:      ${check.got}`, '    '),
    indent(`expected: ${check.expected}`, '    '),
    indent(`hint:     ${check.hint}`, '    '),
    indent(`lesson:   ${lesson(check.lesson)}`, '    '),
  ].join('\n');
}

/** A step's report as plain text: one line per passed check, the details of each failed one, then the verdict. */
export function stepReportText(report: StepReport, lesson: LessonLink = guideFileLink): string {
  const lines = report.checks.map((check) => (check.status === 'passed' ? `✓ ${check.title}` : failureText(check, lesson)));
  const failedCount = report.checks.filter((c) => c.status === 'failed').length;
  const verdict = report.passed
    ? `Step "${report.title}" passed: all ${report.checks.length} checks.`
    : `Step "${report.title}" not passed yet: ${failedCount} of ${report.checks.length} checks failed.`;
  return `${lines.join('\n')}\n\n${verdict}\n`;
}

/** The first failed check in one line, for a notification. */
export function firstFailureSummary(report: StepReport): string | undefined {
  const check = report.checks.find((c) => c.status === 'failed');
  if (!check) return undefined;
  const got = (check.got ?? '').split('\n')[0];
  return `${check.title}: ${check.request} got ${got}; expected ${check.expected}.`;
}
