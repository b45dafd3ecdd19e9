/** The project track's checks: the CLI's `check` command and the extension use this surface. No `vscode` import. */
export { findStep, loadTrack, ownSolutionFiles, solutionFiles, starterFiles, trackFolder, writeFiles } from './track-data';
export { runStep, type RunOptions } from './run-step';
export { firstFailureSummary, guideFileLink, stepReportText, type LessonLink } from './report-text';
export type { CheckResult, StepReport, TrackStep } from './types';
export { killAllChildren } from './process-tree';
