import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendGuideApi } from '../../../src/extension/extension';
import { quizById } from '../../../src/extension/guide/quiz';
import { activatedApi as api, workspaceFile } from './extension-api';
import { screenshot } from './screenshot';
import { valueWhen, waitForDiagnostics, waitForEvent } from './wait';

// The runner copies the repository's sample/ into the workspace: its product search builds an ILIKE query
// by concatenation, on node-postgres (db.js).
const PRODUCTS_FILE = 'sample/src/routes/products.js';
const REPLAY_TITLE = 'Replay an SQL injection on this query (Backend Guide)';

const isSqlFinding = (d: vscode.Diagnostic): boolean => typeof d.code === 'object' && d.code.value === 'sql-concatenation';

function codeActionsWhen(controller: BackendGuideApi['diagnostics'], uri: vscode.Uri, range: vscode.Range, accept: (actions: vscode.CodeAction[]) => boolean): Promise<vscode.CodeAction[]> {
  const read = () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
  return valueWhen(controller.onDidAnalyze, read, accept, `"${REPLAY_TITLE}" on products.js`);
}

suite('Backend Guide: attack replay and knowledge checks in webviews', () => {
  test('the light bulb of a flagged query replays an injection: rows leak as written, nothing leaks with the fix (screenshots)', async function () {
    this.timeout(120000);
    const { diagnostics, workspaceIndex, replay } = await api();
    await workspaceIndex.ready;
    const uri = workspaceFile(PRODUCTS_FILE);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    try {
      const [finding] = (await waitForDiagnostics(uri, (ds) => ds.some(isSqlFinding))).filter(isSqlFinding);
      const actions = await codeActionsWhen(diagnostics, uri, finding.range, (as) => as.some((a) => a.title === REPLAY_TITLE));
      const action = actions.find((a) => a.title === REPLAY_TITLE)!;
      assert.ok(action.command, 'the action runs the replay command');
      assert.strictEqual(action.command.command, 'backendGuide.replayInjection');
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));

      const report = replay.report;
      assert.ok(report && report.kind === 'replayed', report?.kind === 'not-replayed' ? report.reason : 'a report is shown');
      assert.strictEqual(report.attacked.source, 'term');
      assert.match(report.honest.sql, /ILIKE '%name-1%'$/);
      assert.ok(report.attacks[0].leaked.length > 0, 'the attack returns rows the honest input does not');
      assert.ok(report.attacks[1].leaked.some((row) => row.includes('ada@example.com')), 'the UNION reads the accounts table');
      assert.strictEqual(report.fixedSql, 'SELECT id, name, price FROM products WHERE name ILIKE $1');
      for (const attack of report.attacks) assert.deepStrictEqual(attack.fixed?.result?.rows, [], `${attack.attack.id} leaks nothing once parameterized`);
      await screenshot('replay-before-fix');

      await replay.switchTo('fixed');
      await screenshot('replay-after-fix');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('a knowledge check shows each question in full in a panel, with shuffled choices, feedback and a score (screenshots)', async function () {
    this.timeout(120000);
    const { guide } = await api();
    const quiz = quizById('what-is-backend')!;
    const panel = guide.quizPanel;
    const question = (i: number) => waitForEvent(panel.onDidRender, (s) => s.kind === 'question' && s.questionIndex === i, 20000, `question ${i + 1}`);
    const firstShown = question(0);
    const score = guide.takeQuiz(quiz.id);
    const first = await firstShown;
    assert.deepStrictEqual([...first.shownOrder].sort(), quiz.questions[0].choices.map((_, i) => i));
    await screenshot('quiz-question');

    for (const [i, q] of quiz.questions.entries()) {
      const feedbackShown = waitForEvent(panel.onDidRender, (s) => s.kind === 'feedback' && s.questionIndex === i, 20000, `feedback ${i + 1}`);
      // the first answer is wrong, on purpose, to see the feedback that names the right one
      panel.click({ type: 'answer', choice: q.choices.findIndex((c) => (i === 0 ? !c.correct : c.correct === true)) });
      await feedbackShown;
      if (i === 0) await screenshot('quiz-feedback');
      const next = i + 1 < quiz.questions.length ? question(i + 1) : waitForEvent(panel.onDidRender, (s) => s.kind === 'summary', 20000, 'the score');
      panel.click({ type: 'next' });
      await next;
    }
    await screenshot('quiz-score');
    panel.click({ type: 'close' });
    assert.deepStrictEqual(await score, { correct: quiz.questions.length - 1, total: quiz.questions.length, passed: true });
  });
});
