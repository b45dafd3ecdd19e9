import vscode = require('vscode');
import { COMMANDS } from '../commands/ids';
import { HANDS_ON_TASKS, type HandsOnTask } from './hands-on-tasks';
import { progressSummary, tallyRead, type GuideProgress, type ProgressStore, type Tally } from './progress';
import { quizForChapter, QUIZZES, type Quiz } from './quiz';
import { chapterLabel, lessonsOf, topChapters, type GuideIndex, type GuideSection, type TocEntry } from './toc';

export type GuideNode =
  | { kind: 'chapter'; entry: TocEntry }
  | { kind: 'section'; section: GuideSection }
  | { kind: 'quiz'; quiz: Quiz }
  | { kind: 'tasks' }
  | { kind: 'task'; task: HandsOnTask };

const DONE_ICON = new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
const TODO_ICON = new vscode.ThemeIcon('circle-large-outline');

/** The Guide view: chapters with their sections, knowledge checks and hands-on tasks, each with progress. */
export class GuideTreeProvider implements vscode.TreeDataProvider<GuideNode> {
  private readonly changed = new vscode.EventEmitter<GuideNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly index: GuideIndex, private readonly progress: ProgressStore) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** Counted sections of a chapter and of the lessons filed under it. */
  chapterAnchors(chapter: string): string[] {
    return [chapter, ...lessonsOf(chapter, this.index.toc).map((l) => l.chapter)].flatMap((c) => this.index.countedSections(c).map((s) => s.anchor));
  }

  summary(progress: GuideProgress = this.progress.get()): string {
    const sections = tallyRead(this.index.toc.flatMap((e) => this.index.countedSections(e.chapter).map((s) => s.anchor)), progress);
    const quizzes: Tally = { done: QUIZZES.filter((q) => progress.quizzes[q.id]?.passed).length, total: QUIZZES.length };
    const tasks: Tally = { done: HANDS_ON_TASKS.filter((t) => progress.tasks.includes(t.id)).length, total: HANDS_ON_TASKS.length };
    return progressSummary(sections, quizzes, tasks);
  }

  getChildren(node?: GuideNode): GuideNode[] {
    if (!node) {
      const chapters: GuideNode[] = topChapters(this.index.toc).filter((e) => this.index.has(e.chapter)).map((entry) => ({ kind: 'chapter', entry }));
      return [...chapters, { kind: 'tasks' }];
    }
    if (node.kind === 'chapter') {
      const sections: GuideNode[] = this.index.countedSections(node.entry.chapter).map((section) => ({ kind: 'section', section }));
      const lessons: GuideNode[] = lessonsOf(node.entry.chapter, this.index.toc).filter((e) => this.index.has(e.chapter)).map((entry) => ({ kind: 'chapter', entry }));
      const quiz = quizForChapter(node.entry.chapter);
      return [...sections, ...lessons, ...(quiz ? [{ kind: 'quiz', quiz } as const] : [])];
    }
    if (node.kind === 'tasks') return HANDS_ON_TASKS.map((task) => ({ kind: 'task', task }));
    return [];
  }

  /** Lets the view reveal a section: its chapter (and a lesson's parent chapter) is expanded first. */
  getParent(node: GuideNode): GuideNode | undefined {
    const chapterNode = (chapter: string): GuideNode | undefined => {
      const entry = this.index.toc.find((e) => e.chapter === chapter);
      return entry && { kind: 'chapter', entry };
    };
    switch (node.kind) {
      case 'section': return chapterNode(node.section.chapter);
      case 'chapter': return node.entry.parent ? chapterNode(node.entry.parent) : undefined;
      case 'quiz': return chapterNode(node.quiz.chapter);
      case 'task': return { kind: 'tasks' };
      default: return undefined;
    }
  }

  /** The node of a section anchor or a chapter, for `TreeView.reveal`. */
  nodeFor(anchor: string): GuideNode | undefined {
    const [chapter, slug] = anchor.split('#');
    if (!slug) return this.getParent({ kind: 'section', section: { chapter, slug: '', title: '', level: 2, anchor } });
    const section = this.index.countedSections(chapter).find((s) => s.slug === slug);
    return section && { kind: 'section', section };
  }

  getTreeItem(node: GuideNode): vscode.TreeItem {
    const progress = this.progress.get();
    switch (node.kind) {
      case 'chapter': {
        const tally = tallyRead(this.chapterAnchors(node.entry.chapter), progress);
        const item = new vscode.TreeItem(chapterLabel(node.entry), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `chapter:${node.entry.chapter}`;
        item.description = vscode.l10n.t('{0}/{1} read', tally.done, tally.total);
        item.iconPath = tally.total > 0 && tally.done === tally.total ? DONE_ICON : new vscode.ThemeIcon('book');
        item.tooltip = vscode.l10n.t('{0}: {1} of {2} sections read', node.entry.title, tally.done, tally.total);
        item.command = { command: COMMANDS.openGuide, title: vscode.l10n.t('Open Chapter'), arguments: [node.entry.chapter] };
        item.contextValue = 'chapter';
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.section.title, vscode.TreeItemCollapsibleState.None);
        item.id = `section:${node.section.anchor}`;
        const read = progress.read.includes(node.section.anchor);
        item.iconPath = read ? DONE_ICON : TODO_ICON;
        item.description = read ? vscode.l10n.t('read') : undefined;
        item.command = { command: COMMANDS.openGuide, title: vscode.l10n.t('Open Section'), arguments: [node.section.anchor] };
        item.contextValue = 'section';
        return item;
      }
      case 'quiz': {
        const score = progress.quizzes[node.quiz.id];
        const item = new vscode.TreeItem(vscode.l10n.t('Knowledge check'), vscode.TreeItemCollapsibleState.None);
        item.id = `quiz:${node.quiz.id}`;
        item.iconPath = score?.passed ? DONE_ICON : new vscode.ThemeIcon('question');
        item.description = score ? vscode.l10n.t('{0}/{1} right', score.correct, score.total) : vscode.l10n.t('{0} questions', node.quiz.questions.length);
        item.command = { command: COMMANDS.takeQuiz, title: vscode.l10n.t('Take the Knowledge Check'), arguments: [node.quiz.id] };
        item.contextValue = 'quiz';
        return item;
      }
      case 'tasks': {
        const done = HANDS_ON_TASKS.filter((t) => progress.tasks.includes(t.id)).length;
        const item = new vscode.TreeItem(vscode.l10n.t('Hands-on tasks'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'tasks';
        item.description = `${done}/${HANDS_ON_TASKS.length}`;
        item.iconPath = new vscode.ThemeIcon('tools');
        return item;
      }
      case 'task': {
        const done = progress.tasks.includes(node.task.id);
        const item = new vscode.TreeItem(node.task.title, vscode.TreeItemCollapsibleState.None);
        item.id = `task:${node.task.id}`;
        item.iconPath = done ? DONE_ICON : TODO_ICON;
        item.description = node.task.file;
        item.tooltip = node.task.ruleId ? vscode.l10n.t('Done when {0} has no {1} finding', node.task.file ?? '', node.task.ruleId) : undefined;
        item.command = node.task.file
          ? { command: COMMANDS.openSampleFile, title: vscode.l10n.t('Open File'), arguments: [node.task.file] }
          : { command: COMMANDS.createSampleProject, title: vscode.l10n.t('Create Sample Project') };
        item.contextValue = 'task';
        return item;
      }
    }
  }
}
