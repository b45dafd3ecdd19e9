import vscode = require('vscode');
import { panelHtml } from '../webview/panel-page';
import type { QuizScore } from './progress';
import { shuffledOrder, type AnswerResult, type Quiz } from './quiz';
import type { QuizPrompter } from './quiz-ui';

/** What the page sends: its script loaded, it drew something, or the learner clicked. */
type PageMessage =
  | { type: 'ready' }
  | { type: 'rendered'; kind: RenderedKind }
  | { type: 'answer'; choice: number }
  | { type: 'next' } | { type: 'read' } | { type: 'review' } | { type: 'close' };

export type RenderedKind = 'question' | 'feedback' | 'summary';

/** What the panel shows now: for a question, the choices' indexes in the order shown. */
export interface QuizPanelState {
  kind: RenderedKind;
  quizId: string;
  questionIndex: number;
  shownOrder: readonly number[];
}

type Click = Exclude<PageMessage, { type: 'ready' } | { type: 'rendered' }>;

/**
 * The knowledge check in a webview panel: each question in full (wrapped, never cut off like a quick pick's
 * placeholder), its choices shuffled, then the feedback with a link to the section, then the score.
 */
export class QuizPanel implements QuizPrompter, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready: Promise<void> | undefined;
  private waiting: ((click: Click | undefined) => void) | undefined;
  private readonly rendered = new vscode.EventEmitter<QuizPanelState>();
  /** Fires once the page has drawn a question, the feedback or the score. */
  readonly onDidRender = this.rendered.event;
  state: QuizPanelState | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly pick: QuizPrompter['pickQuiz'], private readonly random: () => number = Math.random) {}

  pickQuiz(scores: Record<string, QuizScore>): Promise<Quiz | undefined> {
    return this.pick(scores);
  }

  async ask(quiz: Quiz, questionIndex: number): Promise<number | undefined> {
    const question = quiz.questions[questionIndex];
    const shownOrder = shuffledOrder(question.choices.length, this.random);
    this.state = { kind: 'question', quizId: quiz.id, questionIndex, shownOrder };
    const click = await this.post({
      type: 'question',
      title: quiz.title,
      progress: vscode.l10n.t('Question {0} of {1}', questionIndex + 1, quiz.questions.length),
      question: question.question,
      choices: shownOrder.map((index) => ({ index, text: question.choices[index].text })),
    }, quiz.title);
    if (click?.type !== 'answer') return undefined;
    this.state = { ...this.state, kind: 'feedback' };
    return click.choice;
  }

  async feedback(result: AnswerResult, sectionTitle: string, isLast: boolean): Promise<'next' | 'read'> {
    const state = this.state;
    const click = await this.post({
      type: 'feedback',
      correct: result.correct,
      verdict: result.correct ? vscode.l10n.t('Correct.') : vscode.l10n.t('Not quite.'),
      feedback: result.feedback,
      rightAnswer: vscode.l10n.t('The right answer: {0}', result.rightAnswer),
      right: result.rightIndex,
      chosen: result.chosenIndex,
      nextLabel: isLast ? vscode.l10n.t('See my score') : vscode.l10n.t('Next question'),
      readLabel: vscode.l10n.t('Read "{0}"', sectionTitle),
    });
    if (state) this.state = { ...state, kind: 'feedback' };
    return click?.type === 'read' ? 'read' : 'next';
  }

  async summary(quiz: Quiz, score: QuizScore, missedAny: boolean): Promise<boolean> {
    this.state = { kind: 'summary', quizId: quiz.id, questionIndex: quiz.questions.length, shownOrder: [] };
    const verdict = !missedAny ? vscode.l10n.t('Well done.') : score.passed ? vscode.l10n.t('Passed.') : vscode.l10n.t('Three in four right passes; try again after reviewing.');
    const click = await this.post({
      type: 'summary',
      title: quiz.title,
      text: `${vscode.l10n.t('{0} of {1} right.', score.correct, score.total)} ${verdict}`,
      reviewLabel: missedAny ? vscode.l10n.t('Review what I missed') : undefined,
      closeLabel: vscode.l10n.t('Close'),
    });
    if (click?.type !== 'review') this.panel?.dispose();
    return click?.type === 'review';
  }

  /** What a click in the page does; tests use it to answer as a learner would. */
  click(message: Click): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(message);
  }

  /** Draws a message and waits for the learner's next click (undefined when the panel is closed). */
  private async post(message: Record<string, unknown>, title?: string): Promise<Click | undefined> {
    const panel = this.ensurePanel(title);
    await this.ready;
    this.waiting?.(undefined);
    const clicked = new Promise<Click | undefined>((resolve) => { this.waiting = resolve; });
    await panel.webview.postMessage(message);
    panel.reveal(undefined, true);
    return clicked;
  }

  private ensurePanel(title?: string): vscode.WebviewPanel {
    if (this.panel) {
      if (title) this.panel.title = title;
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel('backendGuide.quiz', title ?? vscode.l10n.t('Knowledge check'), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    this.ready = new Promise((resolve) => {
      panel.webview.onDidReceiveMessage((message: PageMessage) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'rendered') { if (this.state) this.rendered.fire({ ...this.state, kind: message.kind }); }
        else this.click(message);
      });
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = undefined;
      this.click({ type: 'close' });
    });
    const media = (file: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    panel.webview.html = panelHtml({
      cspSource: panel.webview.cspSource,
      styleUris: [media('guide-viewer.css'), media('panel.css')],
      scriptUri: media('quiz.js'),
      title: title ?? 'Knowledge check',
      body: '<div id="quiz" class="quiz" aria-live="polite"></div>',
    });
    this.panel = panel;
    return panel;
  }

  dispose(): void {
    this.panel?.dispose();
    this.rendered.dispose();
  }
}
