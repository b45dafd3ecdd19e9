import * as vscode from 'vscode';
import type { GuideContextKeys } from './context-keys';
import { quizPassedKey } from './hands-on-tasks';
import type { ProgressStore, QuizScore } from './progress';
import { checkAnswer, quizById, QUIZZES, type Quiz } from './quiz';
import type { GuideIndex } from './toc';

export interface QuizDeps {
  progress: ProgressStore;
  index: GuideIndex;
  keys: GuideContextKeys;
  openSection(anchor: string): Promise<unknown>;
}

async function pickQuiz(progress: ProgressStore): Promise<Quiz | undefined> {
  const scores = progress.get().quizzes;
  const picked = await vscode.window.showQuickPick(QUIZZES.map((quiz) => ({
    label: quiz.title,
    description: scores[quiz.id] ? vscode.l10n.t('best: {0}/{1}', scores[quiz.id].correct, scores[quiz.id].total) : vscode.l10n.t('{0} questions', quiz.questions.length),
    quiz,
  })), { title: vscode.l10n.t('Backend Guide: Knowledge Checks'), placeHolder: vscode.l10n.t('Pick a chapter to test yourself on') });
  return picked?.quiz;
}

/**
 * Asks a chapter's questions one at a time in a quick pick. After each answer a dialog says whether it
 * was right and why, and offers the guide section that explains it. Escape in a question stops the quiz.
 */
export async function takeQuiz(deps: QuizDeps, quizId?: string): Promise<QuizScore | undefined> {
  const quiz = quizId ? quizById(quizId) : await pickQuiz(deps.progress);
  if (!quiz) return undefined;
  let correct = 0;
  const missed: string[] = [];
  for (const [i, question] of quiz.questions.entries()) {
    const picked = await vscode.window.showQuickPick(question.choices.map((choice, index) => ({ label: choice.text, index })), {
      title: vscode.l10n.t('{0}: question {1} of {2}', quiz.title, i + 1, quiz.questions.length),
      placeHolder: question.question,
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    const result = checkAnswer(question, picked.index);
    if (result.correct) correct++;
    else missed.push(question.section);
    const sectionTitle = deps.index.titleOf(question.section) ?? question.section;
    const read = vscode.l10n.t('Read "{0}"', sectionTitle);
    const next = i + 1 < quiz.questions.length ? vscode.l10n.t('Next question') : vscode.l10n.t('See my score');
    const detail = result.correct ? result.feedback : `${result.feedback}\n\n${vscode.l10n.t('The right answer: {0}', result.rightAnswer)}`;
    const choice = await vscode.window.showInformationMessage(result.correct ? vscode.l10n.t('Correct.') : vscode.l10n.t('Not quite.'), { modal: true, detail }, next, read);
    if (choice === read) await deps.openSection(question.section);
  }
  const score = await deps.progress.recordQuiz(quiz.id, correct, quiz.questions.length);
  await deps.keys.set(quizPassedKey(quiz.id), score.passed);
  const summary = vscode.l10n.t('{0}: {1} of {2} right.', quiz.title, correct, quiz.questions.length);
  const review = vscode.l10n.t('Review what I missed');
  const answer = missed.length
    ? await vscode.window.showWarningMessage(`${summary} ${score.passed ? vscode.l10n.t('Passed.') : vscode.l10n.t('Three in four right passes; try again after reviewing.')}`, review)
    : await vscode.window.showInformationMessage(`${summary} ${vscode.l10n.t('Well done.')}`);
  if (answer === review) await deps.openSection(missed[0]);
  return score;
}
