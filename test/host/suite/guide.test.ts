import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TaskCheck } from '../../../src/extension/guide/context-keys';
import { QUIZZES, type AnswerResult, type Quiz } from '../../../src/extension/guide/quiz';
import type { QuizPrompter } from '../../../src/extension/guide/quiz-ui';
import type { ViewerLocation } from '../../../src/extension/guide/viewer';
import { activatedApi as api, EXTENSION_ID } from './extension-api';
import { screenshot } from './screenshot';
import { waitForDiagnostics, waitForEvent } from './wait';


/** Runs a `command:` URI the way the hover and the Problems view do: command id plus JSON arguments. */
async function runCommandUri(target: vscode.Uri): Promise<unknown> {
  assert.strictEqual(target.scheme, 'command');
  const args: unknown[] = target.query ? JSON.parse(decodeURIComponent(target.query)) : [];
  return vscode.commands.executeCommand(target.path, ...args);
}

/** Opens (or brings back) the "Build a secure REST API" walkthrough at a step, once its tab is active. */
async function openWalkthroughAt(step: string): Promise<void> {
  // The Welcome editor has no API input class, and its tab label can lag behind (it may still say "Welcome").
  const isWalkthrough = () => {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    return tab !== undefined && tab.input === undefined && /^(Walkthrough|Welcome)/.test(tab.label);
  };
  const shown = isWalkthrough() ? Promise.resolve() : waitForEvent(vscode.window.tabGroups.onDidChangeTabs, isWalkthrough, 20000, 'the walkthrough tab');
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', { category: `${EXTENSION_ID}#secureRestApi`, step }, false);
  await shown;
}

function guideChapterExists(chapter: string): boolean {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return fs.existsSync(path.join(ext.extensionPath, 'walkthroughs', 'guide', `${chapter}.md`));
}

suite('Backend Guide: guide, walkthroughs and progress', () => {
  suiteSetup(async () => {
    await (await api()).guide.progress.reset();
    await vscode.commands.executeCommand('workbench.action.closePanel'); // earlier suites may leave Problems open
  });

  test("a diagnostic's link and its Learn why action open the guide viewer at the rule's section", async function () {
    const { guide } = await api();
    const content = [
      "const express = require('express');",
      'const app = express();',
      "app.get('/', (req, res) => res.send('hello'));",
      'app.listen(3000);',
      'db.query("SELECT * FROM users WHERE id = " + req.params.id);',
      '',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'javascript', content });
    await vscode.window.showTextDocument(doc);
    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.length >= 2);
    const anchorOf = (d: vscode.Diagnostic): string => JSON.parse(decodeURIComponent((d.code as { target: vscode.Uri }).target.query))[0];
    // Rule lessons are written by other contributors; use a finding whose lesson is there.
    const diagnostic = diagnostics.find((d) => guideChapterExists(anchorOf(d).split('#')[0]));
    if (!diagnostic) {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      this.skip();
    }
    const anchor = anchorOf(diagnostic);
    const [chapter, section] = anchor.split('#');
    const arrived = await runCommandUri((diagnostic.code as { target: vscode.Uri }).target) as ViewerLocation | undefined;
    assert.deepStrictEqual(arrived, { chapter, section });
    assert.deepStrictEqual(guide.viewer.current, { chapter, section });
    assert.ok(guide.progress.isRead(anchor), 'opening a section counts it as read');

    await vscode.commands.executeCommand('backendGuide.openGuide', 'what-is-backend');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
    const learn = actions.find((a) => a.title.startsWith('Learn why') && a.command?.arguments?.[0] === anchor);
    assert.ok(learn?.command, `a Learn why action for ${anchor} in ${JSON.stringify(actions.map((a) => a.title))}`);
    const viaAction = await vscode.commands.executeCommand<ViewerLocation>(learn.command.command, ...(learn.command.arguments ?? []));
    assert.deepStrictEqual(viaAction, { chapter, section });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('guide links open the viewer at the exact section, scrolling within a chapter', async () => {
    const { guide } = await api();
    const shown = waitForEvent(guide.viewer.onDidShow, (at) => at.section === 'protecting-endpoints', 20000, 'the viewer to show apis#protecting-endpoints');
    const arrived = await vscode.commands.executeCommand<ViewerLocation>('backendGuide.openGuide', 'apis#protecting-endpoints');
    await shown;
    assert.deepStrictEqual(arrived, { chapter: 'apis', section: 'protecting-endpoints' });
    // Same chapter, another section: the page scrolls instead of reloading.
    const again = await vscode.commands.executeCommand<ViewerLocation>('backendGuide.openGuide', 'apis#cors');
    assert.deepStrictEqual(again, { chapter: 'apis', section: 'cors' });
    assert.deepStrictEqual(guide.viewer.current, { chapter: 'apis', section: 'cors' });
    assert.strictEqual(guide.contextKeys.value('backendGuide.opened.apis'), true);
  });

  test('shows a finding beside the guide at the section that explains it (screenshot)', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('backendGuide.openPlayground');
    await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => (d.code as { value: string }).value === 'sql-concatenation'));
    const arrived = await vscode.commands.executeCommand<ViewerLocation>('backendGuide.openGuide', 'security#sql-injection');
    assert.deepStrictEqual(arrived, { chapter: 'security', section: 'sql-injection' });
    await screenshot('guide-viewer');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test("a hands-on step's context key flips when the sample file is fixed", async () => {
    const { guide } = await api();
    // The walkthrough service only ticks a step when it sees the context key change, so it must be loaded first.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openWalkthroughAt('fixSql');
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-sample-'));
    const root = await vscode.commands.executeCommand<vscode.Uri>('backendGuide.createSampleProject', vscode.Uri.file(parent), { open: false });
    assert.ok(root && fs.existsSync(path.join(root.fsPath, 'src', 'routes', 'products.js')), 'the sample project was written');
    assert.strictEqual(guide.contextKeys.value('backendGuide.sample.created'), true);

    const isSqlTask = (passed: boolean) => (check: TaskCheck) => check.task.id === 'sqlFixed' && check.passed === passed;
    const failing = waitForEvent(guide.contextKeys.onDidCheckTask, isSqlTask(false), 20000, 'products.js to fail the SQL check');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'src', 'routes', 'products.js'));
    const editor = await vscode.window.showTextDocument(doc, { preview: false }); // keeps the walkthrough tab open
    await failing;
    assert.strictEqual(guide.contextKeys.value('backendGuide.step.sqlFixed'), false);

    const concatenated = doc.getText().indexOf('db.query("SELECT');
    const end = doc.getText().indexOf(')', doc.getText().indexOf("ORDER BY id\"", concatenated)) + 1;
    const passing = waitForEvent(guide.contextKeys.onDidCheckTask, isSqlTask(true), 20000, 'products.js to pass the SQL check');
    await editor.edit((edit) => edit.replace(new vscode.Range(doc.positionAt(concatenated), doc.positionAt(end)),
      "db.query('SELECT id, name, category, price_cents, stock FROM products WHERE category = ? ORDER BY id', [category])"));
    await passing;
    assert.strictEqual(guide.contextKeys.value('backendGuide.step.sqlFixed'), true);
    assert.ok(guide.progress.get().tasks.includes('sqlFixed'), 'the task is recorded in the progress the Guide view shows');
    await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor'); // back to the walkthrough tab
  });

  test('shows the walkthrough with the fixed step ticked (screenshot)', async () => {
    await openWalkthroughAt('fixSql');
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    assert.ok(tabs.some((label) => label.startsWith('Walkthrough')), `a walkthrough tab is open: ${JSON.stringify(tabs)}`);
    // The runner lets the page paint (its step media is a webview that reports nothing when drawn) before the picture.
    await screenshot('walkthrough-secure-rest-api');
  });

  test('a knowledge check scores the answers, points back to the section, and sets its context key', async () => {
    const { guide } = await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const quiz: Quiz = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'walkthroughs', 'quizzes', 'apis.json'), 'utf8'));
    const feedback: AnswerResult[] = [];
    // Answers the first question wrongly and asks to read its section; every other answer is right.
    const prompter: QuizPrompter = {
      pickQuiz: async () => undefined,
      ask: async (q, i) => q.questions[i].choices.findIndex((c) => (i === 0 ? !c.correct : c.correct === true)),
      feedback: async (result) => { feedback.push(result); return feedback.length === 1 ? 'read' : 'next'; },
      summary: async () => false,
    };
    const sectionShown = waitForEvent(guide.viewer.onDidShow, (at) => `${at.chapter}#${at.section}` === quiz.questions[0].section, 20000, 'the missed question\'s section');
    const score = await guide.takeQuiz('apis', prompter);
    await sectionShown;
    const total = quiz.questions.length;
    assert.deepStrictEqual(score, { correct: total - 1, total, passed: true });
    assert.strictEqual(feedback[0].correct, false);
    assert.strictEqual(feedback[0].rightAnswer, quiz.questions[0].choices.find((c) => c.correct)?.text);
    assert.ok(feedback.slice(1).every((r) => r.correct && r.feedback.length > 0));
    assert.deepStrictEqual(guide.progress.get().quizzes.apis, { correct: total - 1, total, passed: true });
    assert.strictEqual(guide.contextKeys.value('backendGuide.quiz.apis.passed'), true);
  });

  test('shows progress in the Guide view and resets it (screenshot)', async () => {
    const { guide } = await api();
    const tree = await guide.guideView;
    assert.ok(tree, 'the Guide view was created');
    await vscode.commands.executeCommand('backendGuide.showGuideView');
    const node = tree.provider.nodeFor('server-side-logic#middleware');
    assert.ok(node);
    await tree.view.reveal(node, { expand: true, select: true, focus: false });
    assert.match(tree.view.message ?? '', /sections read/);
    assert.match(tree.view.message ?? '', new RegExp(`1 of ${QUIZZES.length} knowledge checks passed · 2 of 4 hands-on tasks done`));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('backendGuide.openGuide', 'server-side-logic#routing');
    await screenshot('guide-view');

    const changed = new Promise<void>((resolve) => { const d = guide.progress.onDidChange(() => { d.dispose(); resolve(); }); });
    await guide.progress.reset();
    await changed;
    assert.deepStrictEqual(guide.progress.get(), { read: [], quizzes: {}, tasks: [] });
    assert.match(tree.view.message ?? '', /^0 of \d+ sections read/);
  });
});
