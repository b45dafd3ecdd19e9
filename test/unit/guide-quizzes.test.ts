import * as assert from 'assert';
import { guideChapterPath } from '../../src/engine/guide';
import { checkAnswer, quizProblems, QUIZZES, scoreNoticeKind } from '../../src/extension/guide/quiz';
import { GuideIndex, TOC } from '../../src/extension/guide/toc';
import { readRepoFile, repoFileExists } from './guide-files';

const index = new GuideIndex(new Map(TOC.map((e) => [e.chapter, repoFileExists(guideChapterPath(e.chapter)) ? readRepoFile(guideChapterPath(e.chapter)) : undefined])));

describe('knowledge checks', () => {
  it('announces a pass as information, even with an answer missed, and only a fail as a warning', () => {
    assert.strictEqual(scoreNoticeKind({ passed: true }), 'information');
    assert.strictEqual(scoreNoticeKind({ passed: false }), 'warning');
  });

  it('end chapters 3, 4 and 5', () => {
    const chapters = TOC.filter((e) => e.quiz).map((e) => e.number);
    assert.deepStrictEqual(chapters, [3, 4, 5]);
    for (const entry of TOC.filter((e) => e.quiz)) assert.ok(QUIZZES.some((q) => q.id === entry.quiz && q.chapter === entry.chapter), entry.chapter);
  });

  for (const quiz of QUIZZES) {
    it(`${quiz.id}: every question has exactly one right answer, feedback, and a section that exists`, () => {
      assert.deepStrictEqual(quizProblems(quiz, (anchor) => index.resolves(anchor)), []);
      for (const question of quiz.questions) assert.strictEqual(question.choices.filter((c) => c.correct === true).length, 1, question.id);
    });
  }

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
