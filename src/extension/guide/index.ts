import vscode = require('vscode');
import { COMMANDS } from '../commands/ids';
import { openGuide } from '../commands/open-guide';
import type { DiagnosticsController } from '../diagnostics';
import type { Logger } from '../logger';
import { GuideContextKeys } from './context-keys';
import { GuideContent } from './guide-content';
import { GuideTreeProvider, type GuideNode } from './guide-tree';
import { chapterOpenedKey, SNIPPET_INSERTED_KEY } from './hands-on-tasks';
import { ProgressStore } from './progress';
import { QuizPanel } from './quiz-panel';
import { pickQuizFromList, takeQuiz, type QuizPrompter } from './quiz-ui';
import type { QuizScore } from './progress';
import { runSample } from './run-sample';
import { SnippetInsertions } from './snippet-insertions';
import { createFlaskSampleProject, createSampleProject, openPlayground, openSampleFile, type CreateSampleOptions } from './sample-project';
import { GuideViewer } from './viewer';
import { rememberWalkthroughReturn, resumeWalkthroughInSample } from './walkthrough-return';

export const GUIDE_VIEW_ID = 'backendGuide.guideView';

/** What the guide adds to the extension's API, for the extension-host tests. */
export interface GuideApi {
  viewer: GuideViewer;
  progress: ProgressStore;
  contextKeys: GuideContextKeys;
  content: GuideContent;
  /** The panel knowledge checks are shown in. */
  quizPanel: QuizPanel;
  /** Runs a knowledge check in the panel; tests may pass a prompter that answers instead of the learner. */
  takeQuiz(quizId?: string, prompter?: QuizPrompter): Promise<QuizScore | undefined>;
  /** The walkthrough step to come back to once a new sample project is open in a window. */
  sampleReturn: {
    remember(root: vscode.Uri, step: string): Promise<void>;
    resume(): Promise<string | undefined>;
  };
  /** Notices `bg-` snippets being inserted (the "Insert secure snippets" step). */
  snippets: SnippetInsertions;
  /** The Guide view, once the chapters' headings are read. */
  guideView: Promise<GuideTreeView | undefined>;
}

export interface GuideTreeView {
  view: vscode.TreeView<GuideNode>;
  provider: GuideTreeProvider;
}

export interface GuideDeps {
  diagnostics: DiagnosticsController;
  logger: Logger;
}

/** Registers the guide viewer, the Guide view, knowledge checks, walkthrough context keys and the sample project. */
export function registerGuide(context: vscode.ExtensionContext, { diagnostics, logger }: GuideDeps): GuideApi {
  const content = new GuideContent(context.extensionUri);
  const progress = new ProgressStore(context.globalState);
  const viewer = new GuideViewer(content, progress, logger);
  const contextKeys = new GuideContextKeys(diagnostics, progress);
  const show = (anchor?: string) => openGuide(viewer, content, progress, anchor);
  const sampleContext = { globalState: context.globalState, resumeWalkthrough: () => resumeWalkthroughInSample(context) };
  const quizPanel = new QuizPanel(context.extensionUri, pickQuizFromList);
  const quiz = async (quizId?: string, prompter?: QuizPrompter) => takeQuiz({ progress, index: await content.index(), keys: contextKeys, openSection: show }, quizId, prompter ?? quizPanel);
  context.subscriptions.push(
    viewer,
    quizPanel,
    contextKeys,
    viewer.onDidShow((at) => void contextKeys.set(chapterOpenedKey(at.chapter), true)),
    vscode.commands.registerCommand(COMMANDS.openGuide, show),
    vscode.commands.registerCommand(COMMANDS.showGuideView, () => vscode.commands.executeCommand(`${GUIDE_VIEW_ID}.focus`)),
    vscode.commands.registerCommand(COMMANDS.takeQuiz, (quizId?: string) => quiz(typeof quizId === 'string' ? quizId : undefined)),
    vscode.commands.registerCommand(COMMANDS.resetProgress, () => resetProgress(progress)),
    vscode.commands.registerCommand(COMMANDS.createSampleProject, (parent?: vscode.Uri | null, options?: CreateSampleOptions) => createSampleProject(progress, sampleContext, parent, options)),
    vscode.commands.registerCommand(COMMANDS.createFlaskSampleProject, (parent?: vscode.Uri | null, options?: CreateSampleOptions) => createFlaskSampleProject(sampleContext, parent, options)),
    vscode.commands.registerCommand(COMMANDS.runSample, () => runSample(progress, contextKeys)),
    vscode.commands.registerCommand(COMMANDS.openSampleFile, (relative?: string) => openSampleFile(progress, relative)),
    vscode.commands.registerCommand(COMMANDS.openPlayground, () => openPlayground()),
    vscode.commands.registerCommand(COMMANDS.openWalkthrough, (id?: string) => openWalkthrough(context, id)),
  );
  const snippets = new SnippetInsertions(context.extension);
  context.subscriptions.push(snippets, snippets.onDidInsert(() => void contextKeys.set(SNIPPET_INSERTED_KEY, true)));
  const guideView = registerTree(context, content, progress, logger);
  void contextKeys.syncFromProgress();
  void resumeWalkthroughInSample(context);
  const sampleReturn = { remember: (root: vscode.Uri, step: string) => rememberWalkthroughReturn(context.globalState, root, step), resume: () => resumeWalkthroughInSample(context) };
  return { viewer, progress, contextKeys, content, guideView, snippets, sampleReturn, takeQuiz: quiz, quizPanel };
}

async function registerTree(context: vscode.ExtensionContext, content: GuideContent, progress: ProgressStore, logger: Logger): Promise<GuideTreeView | undefined> {
  try {
    const provider = new GuideTreeProvider(await content.index(), progress);
    const view = vscode.window.createTreeView(GUIDE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
    const update = () => {
      view.message = provider.summary();
      provider.refresh();
    };
    update();
    context.subscriptions.push(view, progress.onDidChange(update));
    return { view, provider };
  } catch (error) {
    logger.error('the Guide view could not be created', error);
    return undefined;
  }
}

async function resetProgress(progress: ProgressStore): Promise<void> {
  const reset = vscode.l10n.t('Reset');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Forget which guide sections you read, your knowledge-check scores and hands-on tasks?'), {
    modal: true,
    detail: vscode.l10n.t('The sample project stays on disk. Walkthrough checkmarks are kept by VS Code; "Help: Reset Welcome Page Walkthrough Progress" clears those.'),
  }, reset);
  if (answer === reset) await progress.reset();
}

const WALKTHROUGHS = ['getStarted', 'secureRestApi', 'sqlDatabases', 'secureExpress', 'buildSecureApi'] as const;

async function openWalkthrough(context: vscode.ExtensionContext, id?: string): Promise<void> {
  const walkthroughs: { id: string; title: string }[] = context.extension.packageJSON.contributes?.walkthroughs ?? [];
  const titleOf = (w: { id: string; title: string }) => (w.title.startsWith('%') ? w.id : w.title);
  const chosen = id ?? (await vscode.window.showQuickPick(walkthroughs.filter((w) => (WALKTHROUGHS as readonly string[]).includes(w.id)).map((w) => ({ label: titleOf(w), id: w.id })), {
    placeHolder: vscode.l10n.t('Which walkthrough?'),
  }))?.id;
  if (chosen) await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${chosen}`, false);
}
