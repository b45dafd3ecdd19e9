import vscode = require('vscode');
import { COMMANDS } from '../commands/ids';
import type { ProgressStore } from '../guide/progress';
import type { Logger } from '../logger';
import type { Grammars } from '../../engine/parser';
import { trackPassedKey } from './track-keys';
// the track's checks run the engine (`runStep`): it comes from the engine's bundle, loaded on first use
import { findStep, loadTrack, ownSolutionFiles, starterFiles, trackFolder, writeFiles } from '../../track/track-data';
import { killAllChildren } from '../../track/process-tree';
import { firstFailureSummary, stepReportText } from '../../track/report-text';
import type { StepReport, TrackStep } from '../../track/types';
import { engine } from '../engine-loader';


/** The progress task id a passed track step is stored under. */
const taskId = (stepId: string) => `track:${stepId}`;

/** What the host tests use: run a step's checks without the notification's buttons waiting for a click. */
export interface TrackApi {
  steps: readonly TrackStep[];
  check(stepId: string, folder?: string): Promise<StepReport | 'untrusted' | 'noFolder' | undefined>;
  onDidCheck: vscode.Event<StepReport>;
}

/** The learner's project: the first folder of the workspace on disk. */
function projectFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
}

/**
 * The track's commands: write a step's starter files, check the learner's work (their code runs, so only in
 * a trusted workspace), and reveal the model solution once the step passed.
 */
export interface TrackDeps {
  progress: ProgressStore;
  setKey: (key: string, value: boolean) => Promise<void>;
  logger: Logger;
  /** The grammars, made on first use (with the engine: see `engine-loader.ts`). */
  grammars: () => Grammars;
}

export function registerTrack(context: vscode.ExtensionContext, { progress, setKey, logger, grammars }: TrackDeps): TrackApi {
  let steps: TrackStep[] = [];
  try {
    steps = loadTrack(trackFolder(context.extensionUri.fsPath));
  } catch (error) {
    logger.error('the project track (walkthroughs/track) could not be read', error);
  }
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Backend Guide: Project Track'));
  const checked = new vscode.EventEmitter<StepReport>();
  const stepOf = (id: unknown) => (typeof id === 'string' ? findStep(steps, id) : undefined);
  const pickStep = async (id: unknown) => stepOf(id) ?? (await vscode.window.showQuickPick(steps.map((s) => ({ label: `${s.number}. ${s.title}`, step: s })), { placeHolder: vscode.l10n.t('Which step of the project track?') }))?.step;

  const syncKeys = async () => {
    const done = progress.get().tasks;
    for (const step of steps) await setKey(trackPassedKey(step.id), done.includes(taskId(step.id)));
  };

  /** Checks a step on `folder` (a path or URI; by default the workspace's first folder on disk). */
  const check = async (id: unknown, folderArg?: unknown): Promise<StepReport | 'untrusted' | 'noFolder' | undefined> => {
    const step = await pickStep(id);
    if (!step) return undefined;
    if (!vscode.workspace.isTrusted) {
      const manage = vscode.l10n.t('Manage Workspace Trust');
      const message = vscode.l10n.t('Checking a step runs your project\'s code (it starts the app and sends it requests), so it needs a trusted workspace. Trust this folder, then check again.');
      void vscode.window.showWarningMessage(message, manage).then((choice) => (choice === manage ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
      return 'untrusted';
    }
    const folder = folderArg instanceof vscode.Uri ? folderArg : typeof folderArg === 'string' && folderArg ? vscode.Uri.file(folderArg) : projectFolder();
    if (!folder) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open your project\'s folder first (File › Open Folder): the checks run the project in it.'));
      return 'noFolder';
    }
    let report: StepReport;
    try {
      report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking step {0}: {1}', step.number, step.title) }, () => engine().runStep(step, folder.fsPath, { node: 'node', grammars: grammars() }));
    } catch (error) {
      logger.error(`checking step ${step.id} failed`, error);
      void vscode.window.showErrorMessage(vscode.l10n.t('The checks of step {0} could not run: {1}', step.number, error instanceof Error ? error.message : String(error)));
      return undefined;
    }
    output.replace(`Step ${step.number}: ${step.title} — ${folder.fsPath}\n\n${stepReportText(report, (anchor) => `${anchor} (Backend Guide: Open Guide)`)}`);
    if (report.passed) await progress.completeTask(taskId(step.id));
    await setKey(trackPassedKey(step.id), report.passed || progress.get().tasks.includes(taskId(step.id)));
    checked.fire(report);
    void announce(step, report, output);
    return report;
  };

  const announce = async (step: TrackStep, report: StepReport, channel: vscode.OutputChannel) => {
    if (report.passed) {
      const solution = vscode.l10n.t('Compare with the Model Solution');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Step {0} passed: all {1} checks.', step.number, report.checks.length), solution);
      if (choice === solution) await showSolution(step.id);
      return;
    }
    channel.show(true);
    const failedCheck = report.checks.find((c) => c.status === 'failed');
    const learn = vscode.l10n.t('Learn Why');
    const choice = await vscode.window.showErrorMessage(vscode.l10n.t('Step {0} not passed yet. {1}', step.number, firstFailureSummary(report) ?? ''), learn);
    if (choice === learn && failedCheck) await vscode.commands.executeCommand(COMMANDS.openGuide, failedCheck.lesson);
  };

  const start = async (id: unknown) => {
    const step = await pickStep(id);
    const folder = projectFolder();
    if (!step) return;
    if (!folder) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open an empty folder first (File › Open Folder): the project is built in it.'));
      return;
    }
    const written = writeFiles(folder.fsPath, starterFiles(steps, step), false);
    void vscode.window.showInformationMessage(written.length
      ? vscode.l10n.t('Step {0}: wrote {1}. Files you already have were left as they are.', step.number, written.join(', '))
      : vscode.l10n.t('Step {0}: your project already has every starter file; nothing was changed.', step.number));
  };

  const showSolution = async (id: unknown) => {
    const step = await pickStep(id);
    if (!step) return;
    if (!progress.get().tasks.includes(taskId(step.id))) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The model solution of step {0} opens once your own work passes its checks. Try "Check My Work" first.', step.number));
      return;
    }
    const files = [...ownSolutionFiles(step)];
    const body = files.map(([file, text]) => `## ${file}\n\n\`\`\`${file.endsWith('.js') ? 'js' : file.endsWith('.json') ? 'json' : file.endsWith('.sql') ? 'sql' : ''}\n${text}\`\`\``).join('\n\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# Model solution: ${step.number}. ${step.title}\n\nThe files this step adds or changes.\n\n${body}\n` });
    await vscode.window.showTextDocument(doc, { preview: false });
  };

  context.subscriptions.push(
    output,
    checked,
    { dispose: killAllChildren },
    vscode.commands.registerCommand(COMMANDS.trackStartStep, start),
    vscode.commands.registerCommand(COMMANDS.trackCheckStep, (id?: unknown, folder?: unknown) => check(id, folder)),
    vscode.commands.registerCommand(COMMANDS.trackShowSolution, showSolution),
    progress.onDidChange(() => void syncKeys()),
  );
  void syncKeys();
  return { steps, check, onDidCheck: checked.event };
}
