import vscode = require('vscode');
import type { GuideContextKeys } from './context-keys';
import { quizPassedKey } from './hands-on-tasks';
import { isPassing, type ProgressStore, type QuizScore } from './progress';
import { checkAnswer, quizById, QUIZZES, type AnswerResult, type Quiz } from './quiz';
import type { GuideIndex } from './toc';

export interface QuizDeps {
  progress: ProgressStore;
  index: GuideIndex;
  keys: GuideContextKeys;
  openSection(anchor: string): Promise<unknown>;
}

/** The questions and answers of a knowledge check, as the learner sees them; replaceable in tests. */
export interface QuizPrompter {
  pickQuiz(scores: Record<string, QuizScore>): Promise<Quiz | undefined>;
  /** Index of the chosen choice, or undefined when the learner stops. */
  ask(quiz: Quiz, questionIndex: number): Promise<number | undefined>;
  /** After an answer: go on, or read the section first. */
  feedback(result: AnswerResult, sectionTitle: string, isLast: boolean): Promise<'next' | 'read'>;
  /** The final score; true when the learner wants to review the first missed section. */
  summary(quiz: Quiz, score: QuizScore, missedAny: boolean): Promise<boolean>;
}

/** The chapter list to pick a knowledge check from, with the best score so far. */
export async function pickQuizFromList(scores: Record<string, QuizScore>): Promise<Quiz | undefined> {
  const picked = await vscode.window.showQuickPick(QUIZZES.map((quiz) => ({
    label: quiz.title,
    description: scores[quiz.id] ? vscode.l10n.t('best: {0}/{1}', scores[quiz.id].correct, scores[quiz.id].total) : vscode.l10n.t('{0} questions', quiz.questions.length),
    quiz,
  })), { title: vscode.l10n.t('Backend Guide: Knowledge Checks'), placeHolder: vscode.l10n.t('Pick a chapter to test yourself on') });
  return picked?.quiz;
}

/**
 * Asks a chapter's questions one at a time. After each answer the learner sees whether it was right and
 * why, and may open the guide section that explains it. Stopping early records nothing.
 * Resolves to this run's score; the store keeps the best one.
 */
export async function takeQuiz(deps: QuizDeps, quizId: string | undefined, prompter: QuizPrompter): Promise<QuizScore | undefined> {
  const quiz = quizId ? quizById(quizId) : await prompter.pickQuiz(deps.progress.get().quizzes);
  if (!quiz) return undefined;
  let correct = 0;
  const missed: string[] = [];
  for (const [i, question] of quiz.questions.entries()) {
    const choice = await prompter.ask(quiz, i);
    if (choice === undefined) return undefined;
    const result = checkAnswer(question, choice);
    if (result.correct) correct++;
    else missed.push(question.section);
    const next = await prompter.feedback(result, deps.index.titleOf(question.section) ?? question.section, i + 1 === quiz.questions.length);
    if (next === 'read') await deps.openSection(question.section);
  }
  const total = quiz.questions.length;
  const score: QuizScore = { correct, total, passed: isPassing(correct, total) };
  const best = await deps.progress.recordQuiz(quiz.id, correct, total);
  await deps.keys.set(quizPassedKey(quiz.id), best.passed);
  if (await prompter.summary(quiz, score, missed.length > 0)) await deps.openSection(missed[0]);
  return score;
}
