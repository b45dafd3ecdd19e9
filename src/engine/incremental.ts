import type { Parser, Point, Tree } from '@vscode/tree-sitter-wasm';
import { analyzeTree, type AnalysisResult, type AnalyzeOptions } from './analyze';
import { defaultConfig } from './config';
import { isLanguageId } from './languages';
import { reasonToSkip } from './limits';
import { DocumentMemory } from './rule-memory';
import { ParseCancelled, parseWithBudget, sharedGrammars, type Grammars } from './parser';
import { LineIndex } from './text';
import { topLevelStatements, updateStatements, type OffsetChange, type Statement } from './top-level';
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
 */
export class IncrementalDocument {
  private tree: Tree | undefined;
  private skipped: string | undefined;
  private readonly memory = new DocumentMemory();
  private lines: LineIndex;
  /** Top-level statements of `tree`, once a rule has asked for them; then kept up to date edit by edit. */
  private statements: Statement[] | undefined;

  private constructor(private readonly parser: Parser, readonly languageId: LanguageId, private text: string, private readonly options: AnalyzeOptions) {
    this.lines = new LineIndex(text);
    this.reparse(undefined);
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

  private reparse(oldTree: Tree | undefined, changes: readonly OffsetChange[] = []): void {
    this.skipped = reasonToSkip(this.text, this.config, this.lines);
    if (this.skipped) {
      this.dropTree();
      return;
    }
    try {
      const next = parseWithBudget(this.parser, this.text, this.config.timeBudgetMs, oldTree);
      this.statements = oldTree && this.statements ? updateStatements(this.statements, changes, next, oldTree) : undefined;
      this.dropTree(false);
      this.tree = next;
    } catch (error) {
      this.dropTree();
      this.skipped = error instanceof ParseCancelled ? error.message : `could not be parsed: ${String(error)}`;
    }
  }

  private dropTree(dropStatements = true): void {
    this.tree?.delete();
    this.tree = undefined;
    if (dropStatements) this.statements = undefined;
  }

  /** Applies the changes of one edit event (in the order given) and re-parses incrementally. */
  update(changes: readonly ContentChange[], newText: string): void {
    if (!this.tree) {
      this.memory.reset();
      this.text = newText;
      this.lines = new LineIndex(newText);
      this.reparse(undefined);
      return;
    }
    let text = this.text;
    let lines = this.lines;
    const offsets: OffsetChange[] = [];
    for (const change of changes) {
      const start = change.rangeOffset;
      const oldEnd = start + change.rangeLength;
      const next = text.slice(0, start) + change.text + text.slice(oldEnd);
      const after = lines.withEdit(start, oldEnd, change.text, next);
      this.tree.edit({
        startIndex: start, oldEndIndex: oldEnd, newEndIndex: start + change.text.length,
        startPosition: pointAt(lines, start), oldEndPosition: pointAt(lines, oldEnd), newEndPosition: pointAt(after, start + change.text.length),
      });
      this.memory.recordEdit(text, next, start, oldEnd, start + change.text.length);
      offsets.push({ start, oldEnd, newEnd: start + change.text.length });
      text = next;
      lines = after;
    }
    if (text !== newText) this.memory.reset();
    this.text = newText;
    this.lines = text === newText ? lines : new LineIndex(newText);
    // Changes that do not add up to the new text (out of order, missed events) fall back to a full parse.
    this.reparse(text === newText ? this.tree : undefined, offsets);
  }

  /** Replaces the whole text (for example after a configuration change) without reusing the tree. */
  reset(newText: string): void {
    this.memory.reset();
    this.text = newText;
    this.lines = new LineIndex(newText);
    this.reparse(undefined);
  }

  analyze(overrides: Partial<AnalyzeOptions> = {}): AnalysisResult {
    if (!this.tree) return { findings: [], skipped: this.skipped ?? 'not parsed', notes: [] };
    const tree = this.tree;
    const topLevel = (): readonly Statement[] => (this.statements ??= topLevelStatements(tree.rootNode));
    return analyzeTree(tree, this.text, this.languageId, { ...this.options, memory: this.memory, lines: this.lines, topLevel, describeSyntaxErrors: false, ...overrides });
  }

  dispose(): void {
    this.dropTree();
  }
}
