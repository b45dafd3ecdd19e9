/**
 * Guide progress the extension can read (VS Code keeps walkthrough progress to itself): sections read,
 * knowledge-check scores and hands-on tasks done. Stored in `globalState`; no `vscode` import, so the
 * logic is tested in plain Node with an in-memory storage.
 */
export interface QuizScore {
  correct: number;
  total: number;
  passed: boolean;
}

export interface GuideProgress {
  /** Anchors (`<chapter>#<section>`) of the sections the learner has seen in the viewer. */
  read: string[];
  quizzes: Record<string, QuizScore>;
  /** Ids of hands-on tasks whose code has passed its rule at least once. */
  tasks: string[];
}

/** The part of `vscode.Memento` the store needs. */
export interface StateStorage {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface Disposable {
  dispose(): void;
}

const PROGRESS_KEY = 'backendGuide.progress';
const SAMPLE_ROOT_KEY = 'backendGuide.sampleRoot';

/** A quiz is passed with at least three quarters of the answers right. */
export function isPassing(correct: number, total: number): boolean {
  return total > 0 && correct >= Math.ceil(total * 0.75);
}

export function emptyProgress(): GuideProgress {
  return { read: [], quizzes: {}, tasks: [] };
}

export class ProgressStore {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: StateStorage) {}

  get(): GuideProgress {
    const stored = this.storage.get<Partial<GuideProgress>>(PROGRESS_KEY);
    return { read: stored?.read ?? [], quizzes: stored?.quizzes ?? {}, tasks: stored?.tasks ?? [] };
  }

  isRead(anchor: string): boolean {
    return this.get().read.includes(anchor);
  }

  /** Marks sections read; resolves to true when any of them was new. */
  async markRead(anchors: readonly string[]): Promise<boolean> {
    const progress = this.get();
    const fresh = [...new Set(anchors)].filter((a) => !progress.read.includes(a));
    if (!fresh.length) return false;
    await this.save({ ...progress, read: [...progress.read, ...fresh] });
    return true;
  }

  /** Keeps the best score of a knowledge check. */
  async recordQuiz(quizId: string, correct: number, total: number): Promise<QuizScore> {
    const progress = this.get();
    const previous = progress.quizzes[quizId];
    const score = { correct, total, passed: isPassing(correct, total) };
    const best = previous && previous.total === total && previous.correct > correct ? previous : score;
    await this.save({ ...progress, quizzes: { ...progress.quizzes, [quizId]: best } });
    return best;
  }

  async completeTask(taskId: string): Promise<boolean> {
    const progress = this.get();
    if (progress.tasks.includes(taskId)) return false;
    await this.save({ ...progress, tasks: [...progress.tasks, taskId] });
    return true;
  }

  get sampleRoot(): string | undefined {
    return this.storage.get<string>(SAMPLE_ROOT_KEY);
  }

  async setSampleRoot(fsPath: string | undefined): Promise<void> {
    await this.storage.update(SAMPLE_ROOT_KEY, fsPath);
    this.fire();
  }

  /** Forgets everything, the sample project's location included. */
  async reset(): Promise<void> {
    await this.storage.update(SAMPLE_ROOT_KEY, undefined);
    await this.save(emptyProgress());
  }

  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private async save(progress: GuideProgress): Promise<void> {
    await this.storage.update(PROGRESS_KEY, progress);
    this.fire();
  }

  private fire(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export interface Tally {
  done: number;
  total: number;
}

/** How many of `anchors` are read. */
export function tallyRead(anchors: readonly string[], progress: GuideProgress): Tally {
  return { done: anchors.filter((a) => progress.read.includes(a)).length, total: anchors.length };
}

/** One line for the top of the Guide view. */
export function progressSummary(sections: Tally, quizzes: Tally, tasks: Tally): string {
  return `${sections.done} of ${sections.total} sections read · ${quizzes.done} of ${quizzes.total} knowledge checks passed · ${tasks.done} of ${tasks.total} hands-on tasks done`;
}
