import { parseGuideAnchor } from '../../engine/guide';
import { QUIZ_FILES } from './quiz-files';

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

/** A knowledge check at the end of a chapter: walkthroughs/quizzes/<chapter>.json, `id` and `chapter` both the chapter's name (see the folder's README). */
export interface Quiz {
  id: string;
  chapter: string;
  title: string;
  questions: QuizQuestion[];
}

export const QUIZZES: readonly Quiz[] = QUIZ_FILES;

/** Questions every chapter's knowledge check has at least. */
export const MIN_QUESTIONS = 5;

export function quizById(id: string): Quiz | undefined {
  return QUIZZES.find((quiz) => quiz.id === id);
}

export function quizForChapter(chapter: string): Quiz | undefined {
  return QUIZZES.find((quiz) => quiz.chapter === chapter);
}

/** The order to show `count` choices in (a Fisher-Yates shuffle), so the right answer's place teaches nothing. */
export function shuffledOrder(count: number, random: () => number = Math.random): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** True when the right choice is strictly longer than every other: a tell when it happens too often. */
export function rightChoiceIsLongest(question: QuizQuestion): boolean {
  const right = question.choices.find((c) => c.correct)?.text.length ?? 0;
  return question.choices.every((c) => c.correct || c.text.length < right);
}

/** What is wrong with a quiz's data; `sectionExists` checks that a guide anchor resolves. */
export function quizProblems(quiz: Quiz, sectionExists: (anchor: string) => boolean): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  if (quiz.questions.length < MIN_QUESTIONS) problems.push(`${quiz.id}: has ${quiz.questions.length} questions, expected at least ${MIN_QUESTIONS}`);
  if (quiz.id !== quiz.chapter) problems.push(`${quiz.id}: id and chapter differ (${quiz.chapter})`);
  const longest = quiz.questions.filter(rightChoiceIsLongest).length;
  if (longest * 3 > quiz.questions.length + 2) problems.push(`${quiz.id}: the right answer is the longest choice in ${longest} of ${quiz.questions.length} questions`);
  for (const q of quiz.questions) {
    const where = `${quiz.id}/${q.id}`;
    if (ids.has(q.id)) problems.push(`${where}: duplicate question id`);
    ids.add(q.id);
    const right = q.choices.filter((c) => c.correct === true).length;
    if (right !== 1) problems.push(`${where}: has ${right} correct choices, expected exactly 1`);
    if (q.choices.length < 3) problems.push(`${where}: needs at least 3 choices`);
    if (!q.question.trim()) problems.push(`${where}: has no question text`);
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
  /** Indexes into the question's choices, as written in the file. */
  rightIndex: number;
  chosenIndex: number;
}

export function checkAnswer(question: QuizQuestion, choiceIndex: number): AnswerResult {
  const chosen = question.choices[choiceIndex];
  const rightIndex = Math.max(0, question.choices.findIndex((c) => c.correct));
  return { correct: chosen?.correct === true, feedback: chosen?.feedback ?? '', rightAnswer: question.choices[rightIndex].text, rightIndex, chosenIndex: choiceIndex };
}
