import vscode = require('vscode');
import type { GuideContextKeys } from './context-keys';
import { SAMPLE_RUNNING_KEY } from './hands-on-tasks';
import { sampleRoot } from './sample-project';
import type { ProgressStore } from './progress';

/** The task type of the sample's install and start tasks (contributed in package.json `taskDefinitions`). */
export const SAMPLE_TASK_TYPE = 'backendGuide';

function sampleTask(root: vscode.Uri, script: 'install' | 'start', name: string): vscode.Task {
  const task = new vscode.Task({ type: SAMPLE_TASK_TYPE, script }, vscode.TaskScope.Workspace, name, 'Backend Guide', new vscode.ShellExecution(`npm ${script}`, { cwd: root.fsPath }));
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: false };
  task.isBackground = script === 'start';
  return task;
}

const isSampleTask = (task: vscode.Task, script: string) => task.definition.type === SAMPLE_TASK_TYPE && task.definition.script === script;

/** Runs a task and resolves with its process's exit code once it ends (listening before it starts, so no end is missed). */
function runToEnd(task: vscode.Task): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (!isSampleTask(e.execution.task, task.definition.script)) return;
      sub.dispose();
      resolve(e.exitCode);
    });
    vscode.tasks.executeTask(task).then(undefined, (error) => { sub.dispose(); reject(error); });
  });
}

/** Runs a background task and resolves once its process started. */
function runUntilStarted(task: vscode.Task): Promise<void> {
  return new Promise((resolve, reject) => {
    const sub = vscode.tasks.onDidStartTaskProcess((e) => {
      if (!isSampleTask(e.execution.task, task.definition.script)) return;
      sub.dispose();
      resolve();
    });
    vscode.tasks.executeTask(task).then(undefined, (error) => { sub.dispose(); reject(error); });
  });
}

export type RunSampleResult = 'running' | 'installFailed' | 'noSample';

/**
 * Installs the sample's dependencies, then starts it, each as a task whose terminal the learner can read
 * (and stop). The walkthrough step ticks once the install succeeded and the API process started, not when
 * the button is clicked; a failed install says so and starts nothing.
 */
export async function runSample(progress: ProgressStore, keys: GuideContextKeys): Promise<RunSampleResult> {
  const root = await sampleRoot(progress);
  if (!root) return 'noSample';
  const exitCode = await runToEnd(sampleTask(root, 'install', vscode.l10n.t('Install the sample API')));
  if (exitCode !== 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('npm install failed in the sample project (exit code {0}); its terminal shows why.', String(exitCode ?? 'unknown')));
    return 'installFailed';
  }
  await runUntilStarted(sampleTask(root, 'start', vscode.l10n.t('Run the sample API')));
  await keys.set(SAMPLE_RUNNING_KEY, true);
  return 'running';
}
