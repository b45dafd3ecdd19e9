import apis from '../../../walkthroughs/quizzes/apis.json';
import databases from '../../../walkthroughs/quizzes/databases.json';
import security from '../../../walkthroughs/quizzes/security.json';
import { parseGuideAnchor } from '../../engine/guide';

export interface QuizChoice {
  text: string;
  correct?: boolean;
  /** Why this choice is right or wrong, shown after answering. */
  feedback: string;
}

export interface QuizQuestion {
  id: string;
  question: string;
  choices: QuizChoice[];
  /** The guide section that answers the question, `<chapter>#<section>`. */
  section: string;
}

/** A knowledge check at the end of a chapter (walkthroughs/quizzes/<id>.json). */
export interface Quiz {
  id: string;
  chapter: string;
  title: string;
  questions: QuizQuestion[];
}

export const QUIZZES: readonly Quiz[] = [databases, apis, security];

export function quizById(id: string): Quiz | undefined {
  return QUIZZES.find((quiz) => quiz.id === id);
}

/** What is wrong with a quiz's data; `sectionExists` checks that a guide anchor resolves. */
export function quizProblems(quiz: Quiz, sectionExists: (anchor: string) => boolean): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  if (!quiz.questions.length) problems.push(`${quiz.id}: has no questions`);
  for (const q of quiz.questions) {
    const where = `${quiz.id}/${q.id}`;
    if (ids.has(q.id)) problems.push(`${where}: duplicate question id`);
    ids.add(q.id);
    const right = q.choices.filter((c) => c.correct === true).length;
    if (right !== 1) problems.push(`${where}: has ${right} correct choices, expected exactly 1`);
    if (q.choices.length < 3) problems.push(`${where}: needs at least 3 choices`);
    if (new Set(q.choices.map((c) => c.text)).size !== q.choices.length) problems.push(`${where}: two choices have the same text`);
    for (const c of q.choices) if (!c.feedback.trim()) problems.push(`${where}: choice "${c.text}" has no feedback`);
    const anchor = parseGuideAnchor(q.section);
    if (!anchor?.section || !sectionExists(q.section)) problems.push(`${where}: section ${q.section} does not exist`);
  }
  return problems;
}

export interface AnswerResult {
  correct: boolean;
  feedback: string;
  rightAnswer: string;
}

export function checkAnswer(question: QuizQuestion, choiceIndex: number): AnswerResult {
  const chosen = question.choices[choiceIndex];
  const right = question.choices.find((c) => c.correct) ?? question.choices[0];
  return { correct: chosen?.correct === true, feedback: chosen?.feedback ?? '', rightAnswer: right.text };
}

/** How the score is announced: a pass is good news even with an answer missed; only a fail warns. */
export function scoreNoticeKind(score: { passed: boolean }): 'information' | 'warning' {
  return score.passed ? 'information' : 'warning';
}
