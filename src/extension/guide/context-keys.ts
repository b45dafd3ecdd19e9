import vscode = require('vscode');
import { parseGuideAnchor } from '../../engine/guide';
import { hasPublicMarker } from '../../engine/project/public-marker';
import { engine } from '../engine-loader';
import { silencesRule } from '../../engine/suppressions';
import type { AnalysisEvent, DiagnosticsController } from '../diagnostics';
import { chapterOpenedKey, HANDS_ON_TASKS, quizPassedKey, SAMPLE_CREATED_TASK, tasksForFile, type HandsOnTask } from './hands-on-tasks';
import type { ProgressStore } from './progress';
import { QUIZZES } from './quiz';

/** A `backend-guide-disable` comment for the rule, or (for missing-auth, which it steers) a public-route marker. */
function silencedIn(text: string, ruleId: string): boolean {
  return silencesRule(text, ruleId) || (ruleId === 'missing-auth' && hasPublicMarker(text));
}

export interface TaskCheck {
  task: HandsOnTask;
  passed: boolean;
}

/**
 * The context keys walkthrough steps wait for (`onContext:`). Hands-on keys follow the real analysis of
 * the sample project's files: true only while the file has no finding of the task's rule.
 */
export class GuideContextKeys implements vscode.Disposable {
  private readonly values = new Map<string, boolean>();
  private readonly checked = new vscode.EventEmitter<TaskCheck>();
  private readonly disposables: vscode.Disposable[] = [this.checked];
  /** Fires after a hands-on task's file was analysed and its context key set. */
  readonly onDidCheckTask = this.checked.event;

  constructor(private readonly diagnostics: DiagnosticsController, private readonly progress: ProgressStore) {
    this.disposables.push(
      diagnostics.onDidAnalyze((event) => void this.checkTasks(event)),
      progress.onDidChange(() => void this.syncFromProgress()),
    );
  }

  /** The value last given to a context key by this extension (VS Code has no API to read one back). */
  value(key: string): boolean | undefined {
    return this.values.get(key);
  }

  async set(key: string, value: boolean): Promise<void> {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    await vscode.commands.executeCommand('setContext', key, value);
  }

  /** Keys that follow stored progress: sample created, chapters opened, knowledge checks passed, tasks done. */
  async syncFromProgress(): Promise<void> {
    const progress = this.progress.get();
    await this.set(SAMPLE_CREATED_TASK.contextKey, this.progress.sampleRoot !== undefined);
    const opened = new Set(progress.read.map((anchor) => parseGuideAnchor(anchor)?.chapter).filter((c): c is string => !!c));
    for (const chapter of opened) await this.set(chapterOpenedKey(chapter), true);
    for (const quiz of QUIZZES) await this.set(quizPassedKey(quiz.id), progress.quizzes[quiz.id]?.passed === true);
    for (const task of HANDS_ON_TASKS.filter((t) => t.ruleId)) {
      // Live checks set these keys; stored progress only seeds them at start and clears them on reset.
      const done = progress.tasks.includes(task.id);
      if (!done || !this.values.has(task.contextKey)) await this.set(task.contextKey, done);
    }
  }

  private async checkTasks(event: AnalysisEvent): Promise<void> {
    const root = this.progress.sampleRoot;
    if (!root || event.uri.scheme !== 'file') return;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === event.uri.toString());
    // A closed document also fires (with no findings): only a real analysis of the open file counts.
    if (!doc || this.diagnostics.currentFindings(doc) === undefined) return;
    for (const task of tasksForFile(root, event.uri.fsPath)) {
      // A rule that is not registered cannot pass a task by finding nothing.
      if (!task.ruleId || !engine().ruleById(task.ruleId)) continue;
      // A silenced finding is hidden, not fixed: the file must hold no comment that silences the task's rule.
      const passed = !event.findings.some((f) => f.ruleId === task.ruleId) && !silencedIn(doc.getText(), task.ruleId);
      if (passed) await this.progress.completeTask(task.id);
      await this.set(task.contextKey, passed);
      this.checked.fire({ task, passed });
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
