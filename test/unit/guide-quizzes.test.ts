import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { guideChapterPath } from '../../src/engine/guide';
import { checkAnswer, MIN_QUESTIONS, quizForChapter, quizProblems, QUIZZES, rightChoiceIsLongest, shuffledOrder } from '../../src/extension/guide/quiz';
import { GuideIndex, TOC } from '../../src/extension/guide/toc';
import { readRepoFile, repoFileExists, ROOT } from './guide-files';
import { seededRandom } from './seeded-random';

const index = new GuideIndex(new Map(TOC.map((e) => [e.chapter, repoFileExists(guideChapterPath(e.chapter)) ? readRepoFile(guideChapterPath(e.chapter)) : undefined])));

describe('knowledge checks', () => {
  it('every chapter in toc.json has a knowledge check, and every quiz file is loaded', () => {
    const toc = JSON.parse(readRepoFile('walkthroughs/guide/toc.json')) as { chapters: { chapter: string }[] };
    const missing = toc.chapters.map((e) => e.chapter).filter((chapter) => !quizForChapter(chapter));
    assert.deepStrictEqual(missing, [], 'chapters without a quiz: add walkthroughs/quizzes/<chapter>.json and its line in quiz-files.ts');
    const files = fs.readdirSync(path.join(ROOT, 'walkthroughs', 'quizzes')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    assert.deepStrictEqual(QUIZZES.map((q) => q.id).sort(), files);
  });

  for (const quiz of QUIZZES) {
    it(`${quiz.id}: at least ${MIN_QUESTIONS} questions, each with one right answer, feedback, and a section that exists`, () => {
      assert.deepStrictEqual(quizProblems(quiz, (anchor) => index.resolves(anchor)), []);
      for (const question of quiz.questions) assert.strictEqual(question.choices.filter((c) => c.correct === true).length, 1, question.id);
    });
  }

  it('the right answer is the strictly longest choice in at most a third of all questions', () => {
    const questions = QUIZZES.flatMap((q) => q.questions);
    const longest = questions.filter(rightChoiceIsLongest);
    assert.ok(longest.length * 3 <= questions.length, `${longest.length} of ${questions.length}: ${longest.map((q) => q.id).join(', ')}`);
  });

  it('finds problems in a broken quiz', () => {
    const broken = {
      id: 'broken', chapter: 'apis', title: 'Broken',
      questions: [{ id: 'q', question: '?', section: 'apis#no-such-section', choices: [{ text: 'a', correct: true, feedback: 'x' }, { text: 'b', correct: true, feedback: '' }] }],
    };
    const problems = quizProblems(broken, (anchor) => index.resolves(anchor));
    assert.ok(problems.some((p) => /2 correct choices/.test(p)));
    assert.ok(problems.some((p) => /at least 3 choices/.test(p)));
    assert.ok(problems.some((p) => /no feedback/.test(p)));
    assert.ok(problems.some((p) => /does not exist/.test(p)));
    assert.ok(problems.some((p) => /1 questions, expected at least 5/.test(p)));
    assert.ok(problems.some((p) => /id and chapter differ/.test(p)));
  });

  it('flags a quiz whose right answers are mostly the longest choice', () => {
    const question = (id: string) => ({ id, question: 'q?', section: 'apis#cors', choices: [{ text: 'short', feedback: 'f' }, { text: 'tiny', feedback: 'f' }, { text: 'the long right one', correct: true, feedback: 'f' }] });
    const quiz = { id: 'apis', chapter: 'apis', title: 'T', questions: ['a', 'b', 'c', 'd', 'e'].map(question) };
    assert.ok(quizProblems(quiz, () => true).some((p) => /longest choice in 5 of 5/.test(p)));
  });

  it('shuffles choices: every order is a permutation, and each choice comes first at some point', () => {
    const random = seededRandom(7);
    const firsts = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const order = shuffledOrder(3, random);
      assert.deepStrictEqual([...order].sort(), [0, 1, 2]);
      firsts.add(order[0]);
    }
    assert.strictEqual(firsts.size, 3, 'each choice is shown first at some point');
  });

  it('marks an answer right or wrong and names the right one', () => {
    const question = QUIZZES[0].questions[0];
    const right = question.choices.findIndex((c) => c.correct);
    const wrong = question.choices.findIndex((c) => !c.correct);
    assert.strictEqual(checkAnswer(question, right).correct, true);
    const result = checkAnswer(question, wrong);
    assert.strictEqual(result.correct, false);
    assert.strictEqual(result.rightAnswer, question.choices[right].text);
  });
});
