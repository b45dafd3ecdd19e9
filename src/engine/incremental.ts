import type { Parser, Point, Tree } from '@vscode/tree-sitter-wasm';
import { analyzeTree, type AnalysisResult, type AnalyzeOptions } from './analyze';
import { defaultConfig } from './config';
import { isLanguageId } from './languages';
import { reasonToSkip } from './limits';
import { DocumentMemory } from './rule-memory';
import { ParseCancelled, parseWithBudget, sharedGrammars, type Grammars } from './parser';
import { allRules } from './registry';
import type { Rule } from './rule';
import { LineIndex } from './text';
import { topLevelStatements, touchedUpTo, untouchedThrough, updateStatements, withFoldsSplit, type OffsetChange, type Statement } from './top-level';
import type { LanguageId } from './types';

/** One change of a document, as VS Code reports it: offsets into the text before the change. */
export interface ContentChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

function pointAt(lines: LineIndex, offset: number): Point {
  const p = lines.positionAt(offset);
  return { row: p.line, column: p.character };
}

/**
 * A document kept parsed between edits: each change edits the old tree, and the next parse reuses
 * every part of it the change did not touch. Used by the editor; the CLI parses each file once.
 *
 * What the findings are while the text has a syntax error. Whenever the text parses cleanly, the findings are
 * those of a full analysis. While it does not (a bracket or quote being typed), error recovery is arbitrary: an
 * incremental re-parse often folds every statement after an unclosed bracket into one broken statement, where a
 * fresh parse of the same text does not. So then:
 * - a statement no edit touched since the last analysis keeps the findings of that analysis, also when the
 *   broken parse folded it into another statement (rules are given it back on its own: `withFoldsSplit`), so
 *   nothing flickers away and back while a call's arguments are typed;
 * - the text the edits touched is analysed as the tree now reads it;
 * - findings kept while something they rest on changed, and findings made in a broken tree, are checked again
 *   as soon as the text parses, and what changed is then measured from the last clean tree (`cleanTree`).
 */
export class IncrementalDocument {
  /** The tree of the last parse, edited with every change since (so the next parse can reuse it). */
  private tree: Tree | undefined;
  /** Changes applied to `tree` but not parsed yet. */
  private unparsed: OffsetChange[] = [];
  /** Set when the text must be parsed from scratch (no tree to reuse, or changes that did not add up). */
  private parseAfresh = false;
  private skipped: string | undefined;
  private readonly memory = new DocumentMemory();
  private lines: LineIndex;
  /** Top-level statements of `tree`, once a rule has asked for them; then kept up to date edit by edit. */
  private statements: Statement[] | undefined;
  /**
   * The statements rules were given at the last analysis (see `presentedStatements`), less those the edits
   * since touched, shifted to where they now are.
   */
  private presented: Statement[] | undefined;
  /**
   * The last tree without a syntax error, kept (and edited along) while the text does not parse: when it parses
   * again, rules learn what is parsed differently from that tree, not from the broken trees in between.
   */
  private cleanTree: Tree | undefined;
  /**
   * Where `tree` stops when only the text before the statements held from the last analysis was parsed (see
   * `reparse`); `undefined` when it covers the whole text.
   */
  private parsedEnd: number | undefined;

  private constructor(private readonly parser: Parser, readonly languageId: LanguageId, private text: string, private readonly options: AnalyzeOptions) {
    this.lines = new LineIndex(text);
    this.reparse(undefined, this.config.timeBudgetMs);
  }

  /** Opens a document; `undefined` when its language is not analysed. */
  static async open(text: string, options: AnalyzeOptions, grammars: Grammars = options.grammars ?? sharedGrammars()): Promise<IncrementalDocument | undefined> {
    if (!isLanguageId(options.languageId)) return undefined;
    const parser = await grammars.parserFor(options.languageId);
    return new IncrementalDocument(parser, options.languageId, text, options);
  }

  private get config() {
    return this.options.config ?? defaultConfig();
  }

  /**
   * Parses the text, reusing `oldTree` (edited with `this.unparsed`) when given. Returns false when the
   * parse needed more than `budgetMs` but less than the file's time budget: the edited tree is kept, so a
   * later parse with more time still reuses it.
   */
  private reparse(oldTree: Tree | undefined, budgetMs: number, statementWise = false): boolean {
    this.parseAfresh = false;
    this.skipped = reasonToSkip(this.text, this.config, this.lines);
    if (this.skipped) {
      this.dropTree();
      return true;
    }
    try {
      const budget = Math.min(budgetMs, this.config.timeBudgetMs);
      const presented = oldTree && this.presented ? untouchedThrough(this.presented, this.unparsed) : undefined;
      // While statements are held (the text did not parse, and error recovery folded them), rules that read
      // statement by statement replay them without the tree: the text is parsed only up to the first statement
      // of the last clean tree after the edits, instead of error recovery re-reading everything after an open
      // bracket on every keystroke. Everything after it is untouched, so held (see `withFoldsSplit`).
      const cut = statementWise && presented?.some((st) => st.held) ? this.cleanStatementAfter(touchedUpTo(this.unparsed)) : undefined;
      let next = cut === undefined ? undefined : parseWithBudget(this.parser, this.text, budget, oldTree, undefined, [{ startIndex: 0, endIndex: cut, startPosition: { row: 0, column: 0 }, endPosition: pointAt(this.lines, cut) }]);
      if (next && !next.rootNode.hasError) {
        // what was typed closed its brackets: the whole text may parse again
        next.delete();
        next = undefined;
      }
      // the whole text, from the last clean tree when there is one: its statements after the edits fit as they
      // are, where the broken tree holds them in an error node that is read again
      const parsedEnd = next ? cut : undefined;
      next ??= parseWithBudget(this.parser, this.text, budget, this.cleanTree ?? oldTree);
      const changedRanges = oldTree ? next.getChangedRanges(oldTree) : [];
      const clean = parsedEnd === undefined && !next.rootNode.hasError;
      // a statement's meaning can change while its text does not (the root turning into an ERROR node
      // takes every module-level declaration's scope with it): rules learn what was parsed differently too.
      // Back to a clean parse, that is measured from the last clean tree: how error recovery read the text
      // in between is no part of what changed since the findings of that tree.
      this.memory.recordReparse(this.text, clean && this.cleanTree ? next.getChangedRanges(this.cleanTree) : changedRanges);
      this.statements = oldTree && this.statements ? updateStatements(this.statements, this.unparsed, next, changedRanges) : undefined;
      this.presented = presented;
      if (clean) this.dropCleanTree();
      else if (oldTree && !this.cleanTree && this.parsedEnd === undefined && !oldTree.rootNode.hasError) {
        this.cleanTree = oldTree;
        this.tree = undefined;
      }
      this.dropTree(false);
      this.tree = next;
      this.parsedEnd = parsedEnd;
      return true;
    } catch (error) {
      if (error instanceof ParseCancelled && budgetMs < this.config.timeBudgetMs) return false;
      this.dropTree();
      this.skipped = error instanceof ParseCancelled ? error.message : `could not be parsed: ${String(error)}`;
      return true;
    } finally {
      if (this.tree !== oldTree || !this.tree) this.unparsed = [];
    }
  }

  private dropTree(dropStatements = true): void {
    this.tree?.delete();
    this.tree = undefined;
    if (!dropStatements) return;
    this.statements = undefined;
    this.presented = undefined;
    this.parsedEnd = undefined;
    this.dropCleanTree();
  }

  /** Where the first top-level node of the last clean tree that starts at or after `offset` starts. */
  private cleanStatementAfter(offset: number): number | undefined {
    let node = this.cleanTree?.rootNode.firstChildForIndex(offset);
    while (node && node.startIndex < offset) node = node.nextSibling;
    return node?.startIndex;
  }

  private dropCleanTree(): void {
    this.cleanTree?.delete();
    this.cleanTree = undefined;
  }

  /**
   * The top-level statements rules see: the tree's, except that while the text does not parse, statements no
   * edit touched since the last analysis and that error recovery folded into a broken statement are given
   * back as they were, marked `held` (see `withFoldsSplit`).
   */
  private presentedStatements(tree: Tree): readonly Statement[] {
    this.statements ??= topLevelStatements(tree.rootNode);
    const root = tree.rootNode;
    this.presented = this.presented && (root.hasError || this.parsedEnd !== undefined)
      ? withFoldsSplit(this.statements, this.presented, this.text, (s) => root.firstChildForIndex(s.start)?.hasError ?? true, this.parsedEnd)
      : this.statements;
    return this.presented;
  }

  /**
   * Applies the changes of one edit event (in the order given); the next `analyze` parses incrementally.
   * The cost follows the edit, not the file: the tree, line index and rule memory are edited in place, and
   * `newText` is checked against the changes where they apply (its length, and the inserted text in place)
   * rather than by rebuilding and comparing the whole text. Without `newText` (a caller that only has the
   * changes, such as the analysis worker), the text is built from the changes.
   */
  update(changes: readonly ContentChange[], newText?: string): void {
    let text = this.text;
    let lines = this.lines;
    const tree = this.tree;
    let addsUp = !!tree;
    if (tree) {
      for (const [i, change] of changes.entries()) {
        const start = change.rangeOffset;
        const oldEnd = start + change.rangeLength;
        const newEnd = start + change.text.length;
        if (start < 0 || oldEnd > text.length) { addsUp = false; break; }
        const last = i === changes.length - 1;
        const next = last && newText !== undefined ? newText : text.slice(0, start) + change.text + text.slice(oldEnd);
        if (next.length !== text.length - change.rangeLength + change.text.length || (last && next.slice(start, newEnd) !== change.text)) { addsUp = false; break; }
        const startPosition = pointAt(lines, start);
        const oldEndPosition = pointAt(lines, oldEnd);
        this.memory.recordEdit(text, next, start, oldEnd, newEnd);
        lines = lines.withEdit(start, oldEnd, change.text, next);
        const edit = { startIndex: start, oldEndIndex: oldEnd, newEndIndex: newEnd, startPosition, oldEndPosition, newEndPosition: pointAt(lines, newEnd) };
        tree.edit(edit);
        this.cleanTree?.edit(edit);
        this.unparsed.push({ start, oldEnd, newEnd });
        text = next;
      }
    }
    if (addsUp && (newText === undefined || text === newText)) {
      this.text = text;
      this.lines = lines;
      return;
    }
    // No tree to reuse, or changes that do not add up to the new text (out of order, missed events): start afresh.
    this.text = newText ?? text;
    this.memory.reset();
    this.dropTree();
    this.unparsed = [];
    this.lines = new LineIndex(this.text);
    this.parseAfresh = true;
  }

  /** The text as of the last `update` or `reset`. */
  get currentText(): string {
    return this.text;
  }

  /** Replaces the whole text (for example after a configuration change) without reusing the tree. */
  reset(newText: string): void {
    this.memory.reset();
    this.dropTree();
    this.unparsed = [];
    this.text = newText;
    this.lines = new LineIndex(newText);
    this.reparse(undefined, this.config.timeBudgetMs);
  }

  /**
   * Parses what changed since the last analysis and runs the rules. With `budgetMs` (the editor's
   * keystroke pass), an analysis that cannot finish within it is given up and says so in `deferred`:
   * its findings are incomplete and the caller keeps what it showed until an analysis without a budget.
   */
  analyze(overrides: Partial<AnalyzeOptions> = {}, budgetMs?: number): AnalysisResult {
    const started = performance.now();
    const budget = budgetMs ?? this.config.timeBudgetMs;
    const rules = overrides.rules ?? this.options.rules ?? allRules();
    // rules that replay held statements from what they remembered (see `reparse`)
    const statementWise = rules.length > 0 && rules.every((rule: Rule) => !rule.meta.languages.includes(this.languageId) || (rule.readsStatementWise?.(this.languageId) && this.memory.remembers(rule.meta.id)));
    if (this.parseAfresh || this.unparsed.length > 0 || (!statementWise && this.parsedEnd !== undefined)) {
      if (!this.reparse(this.tree, budget, statementWise)) {
        this.parseAfresh = !this.tree;
        return { findings: [], notes: [], deferred: `parsing needs more than ${budgetMs} ms; analysis deferred` };
      }
    }
    if (!this.tree) return { findings: [], skipped: this.skipped ?? 'not parsed', notes: [] };
    const tree = this.tree;
    let statements: readonly Statement[] | undefined;
    const topLevel = (): readonly Statement[] => (statements ??= this.presentedStatements(tree));
    const deadline = started + budget;
    const result = analyzeTree(tree, this.text, this.languageId, { ...this.options, memory: this.memory, lines: this.lines, topLevel, describeSyntaxErrors: false, ...overrides }, deadline);
    if (budgetMs !== undefined && result.overran) return { findings: [], notes: [], deferred: `the rules need more than ${budgetMs} ms; analysis deferred` };
    return result;
  }

  dispose(): void {
    this.dropTree();
  }
}
