import path = require('path');

/** A hands-on walkthrough step: done when `file` of the sample project has no finding of `ruleId`. */
export interface HandsOnTask {
  id: string;
  title: string;
  /** Context key the walkthrough step waits for (`completionEvents: ["onContext:<key>"]`). */
  contextKey: string;
  ruleId?: string;
  /** Path inside the sample project, with forward slashes. */
  file?: string;
  /** The guide section that explains the fix. */
  anchor: string;
}

export const SAMPLE_CREATED_TASK: HandsOnTask = {
  id: 'sampleCreated',
  title: 'Create the sample project',
  contextKey: 'backendGuide.sample.created',
  anchor: 'server-side-logic#routing',
};

/** Set once the sample's dependencies are installed and its API process started ("Install and run it"). */
export const SAMPLE_RUNNING_KEY = 'backendGuide.sample.running';

/** Set once one of the `bg-` snippets is inserted ("Insert secure snippets"). */
export const SNIPPET_INSERTED_KEY = 'backendGuide.snippet.inserted';

export const HANDS_ON_TASKS: readonly HandsOnTask[] = [
  SAMPLE_CREATED_TASK,
  { id: 'sqlFixed', title: 'Parameterize the product search', contextKey: 'backendGuide.step.sqlFixed', ruleId: 'sql-concatenation', file: 'src/routes/products.js', anchor: 'security#sql-injection' },
  { id: 'authFixed', title: 'Protect the order routes', contextKey: 'backendGuide.step.authFixed', ruleId: 'missing-auth', file: 'src/routes/orders.js', anchor: 'apis#protecting-endpoints' },
  { id: 'helmetFixed', title: 'Send security headers with Helmet', contextKey: 'backendGuide.step.helmetFixed', ruleId: 'missing-helmet', file: 'src/app.js', anchor: 'security#http-security-headers-and-helmet' },
];

/** The tasks whose checked file is `fsPath` in the sample project at `sampleRoot`. */
export function tasksForFile(sampleRoot: string, fsPath: string, tasks: readonly HandsOnTask[] = HANDS_ON_TASKS): HandsOnTask[] {
  const relative = path.relative(sampleRoot, fsPath).split(path.sep).join('/');
  if (relative.startsWith('..') || path.isAbsolute(relative)) return [];
  return tasks.filter((task) => task.file === relative);
}

/** Context key set once a chapter has been shown in the viewer: `backendGuide.opened.<camelCaseChapter>`. */
export function chapterOpenedKey(chapter: string): string {
  return `backendGuide.opened.${chapter.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}`;
}

/** Context key set once a knowledge check is passed: `backendGuide.quiz.<quizId>.passed`. */
export function quizPassedKey(quizId: string): string {
  return `backendGuide.quiz.${quizId}.passed`;
}
