import { scanProject } from '../../cli/parallel-scan';
import { projectOfFacts, readingFromDisk } from '../../cli/project';
import { readPackageJsons } from '../../cli/project-manifests';
import { analyzeFile, readSource } from '../../cli/scan';
import { collectSourceFiles } from '../../cli/walk';
import { defaultConfig, type EngineConfig } from '../../engine/config';
import { languageOfFileName } from '../../engine/languages';
import { sharedGrammars } from '../../engine/parser';
import type { FileFacts, ProjectFacts } from '../../engine/project';
import { factsOfText } from '../../engine/project/project-index';
import type { OffsetEdit } from '../../engine/rule';
import { suppressionEdit } from '../../engine/suppressions';
import { LineIndex } from '../../engine/text';
import type { Finding } from '../../engine/types';
import { checkFix, fixKind, type FixKind } from './check-fix';

/** What applying every fix of a project showed, by kind of fix. */
export interface FixCheckTally {
  applied: Record<string, number>;
  passed: Record<string, number>;
  unchecked: Record<string, number>;
  failures: Array<{ kind: FixKind; file: string; line: number; problems: string[] }>;
}

export function emptyTally(): FixCheckTally {
  return { applied: {}, passed: {}, unchecked: {}, failures: [] };
}

const bump = (counts: Record<string, number>, kind: string): void => {
  counts[kind] = (counts[kind] ?? 0) + 1;
};

/** The fixes of a finding to check: its own, and the comments an editor offers to silence it. */
function fixesOf(text: string, finding: Finding, languageId: string, suppressions: boolean): Array<{ kind: FixKind; edits: OffsetEdit[] }> {
  const own = finding.fixes.map((f) => ({ kind: fixKind(f.title), edits: f.edits.map(({ startOffset, endOffset, newText }) => ({ startOffset, endOffset, newText })) }));
  if (!suppressions || languageId === 'python') return own;
  const lines = new LineIndex(text);
  const comments: Array<{ kind: FixKind; edits: OffsetEdit[] }> = [{ kind: 'suppress-file', edits: [suppressionEdit(text, lines, finding, 'javascript', 'file')] }];
  if (finding.lineCommentFits !== false) comments.push({ kind: 'suppress-line', edits: [suppressionEdit(text, lines, finding, 'javascript', 'next-line')] });
  return [...own, ...comments];
}

/**
 * Scans `root` as the CLI does (one thread), then applies every fix of every finding, each alone, re-analyses
 * the file against the project with the file's new facts, and checks the result (see check-fix.ts).
 * `suppressions` also checks the suppression comments an editor offers for each finding.
 */
export async function checkProjectFixes(root: string, tally: FixCheckTally, options: { suppressions: boolean; config?: EngineConfig }): Promise<void> {
  const config = options.config ?? defaultConfig();
  const grammars = sharedGrammars();
  const { files } = collectSourceFiles([root], root, config.ignore);
  const settings = { root, displayRoot: root, config, keptTreeChars: 0 };
  const scan = await scanProject(files, settings, { threads: 1, analyze: true });
  const packages = readPackageJsons(files, root);
  for (const report of scan.reports ?? []) {
    if (!report.findings.some((f) => f.fixes.length) && !options.suppressions) continue;
    const read = readSource(report.file);
    const languageId = languageOfFileName(report.file);
    if ('error' in read || !languageId) continue;
    const { text } = read;
    for (const finding of report.findings) {
      for (const { kind, edits } of fixesOf(text, finding, languageId, options.suppressions)) {
        bump(tally.applied, kind);
        const verdict = await checkFix({
          kind, text, languageId, finding, findings: report.findings, edits, grammars,
          reanalyse: async (newText) => {
            const project = await projectWith(scan.project, report.file, newText, root, packages);
            const again = await analyzeFile(report.file, newText, { ...settings, grammars, project });
            return { findings: again?.findings ?? [], incomplete: !again || !!again.skipped || !!again.timedOut?.length || !!again.failed?.length || !!again.limited?.length };
          },
        });
        if (verdict.unchecked) bump(tally.unchecked, kind);
        else if (verdict.problems.length) tally.failures.push({ kind, file: report.file, line: finding.range.start.line + 1, problems: verdict.problems });
        else bump(tally.passed, kind);
      }
    }
  }
}

/** The project as it is once `file` holds `text`. */
async function projectWith(project: ProjectFacts, file: string, text: string, root: string, packages: ReturnType<typeof readPackageJsons>): Promise<ProjectFacts> {
  const languageId = languageOfFileName(file);
  if (!languageId || !project.files.has(file)) return project;
  const facts: FileFacts = await factsOfText(file, text, languageId, sharedGrammars(), root);
  // the other files are as on disk: their deferred facts are read from there
  return readingFromDisk(projectOfFacts(root, [...project.files].map(([name, f]) => [name, name === file ? facts : f]), packages), sharedGrammars());
}

/** The tally in words: per kind of fix, how many were applied, kept behaviour, could not be checked, failed; then the failures by reason. */
export function describeTally(tally: FixCheckTally): string[] {
  const kinds = Object.keys(tally.applied).sort();
  const lines = kinds.map((k) => `  ${k.padEnd(16)} applied ${String(tally.applied[k]).padStart(5)}  passed ${String(tally.passed[k] ?? 0).padStart(5)}  unchecked ${String(tally.unchecked[k] ?? 0).padStart(3)}  failed ${String(tally.failures.filter((f) => f.kind === k).length).padStart(4)}`);
  const reasons = new Map<string, number>();
  for (const f of tally.failures) for (const p of f.problems) {
    const reason = `${f.kind}: ${p.replace(/`[^`]*`/g, '`…`').replace(/'[^']*'/g, "'…'").replace(/\d+/g, 'N').replace(/@N(, [^ ]+@N)*/g, '@N')}`;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  if (reasons.size) lines.push('  failures by reason:', ...[...reasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => `    ${String(n).padStart(4)}  ${r}`));
  return lines;
}
