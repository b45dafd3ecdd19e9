import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { EngineConfig } from './config';
import type { ProjectFacts } from './project';
import type { FileFacts } from './project/facts';
import type { ProjectShare } from './project/project-shares';
import type { RuleMemory } from './rule-memory';
import type { LineIndex } from './text';
import type { Statement } from './top-level';
import type { ReplayableQuery } from './replay/query';
import type { FindingCommand, LanguageId, Range, RuleMeta } from './types';

/** An edit given as offsets into the analysed text; the engine turns it into a `TextEdit`. */
export interface OffsetEdit {
  startOffset: number;
  endOffset: number;
  newText: string;
}

export interface FixSpec {
  title: string;
  edits: OffsetEdit[];
  preferred?: boolean;
}

export type RelatedSpec =
  | { message: string; startOffset: number; endOffset: number }
  | { message: string; fileName: string; range: Range };

export interface ReportDescriptor {
  /** The node to flag; or give `startOffset`/`endOffset`. */
  node?: Node;
  startOffset?: number;
  endOffset?: number;
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  fixes?: FixSpec[];
  related?: RelatedSpec[];
  commands?: FindingCommand[];
  /** The flagged query, for replaying an attack on it (SQL rules). */
  replay?: ReplayableQuery;
  /** Report one severity level below the rule's (warning becomes info), for secondary findings of a rule. */
  lowerSeverity?: boolean;
}

/** The offsets a report flags: its node's, or the offsets it gives. */
export function reportSpan(d: ReportDescriptor): { start: number; end: number } {
  const start = d.node ? d.node.startIndex : d.startOffset ?? 0;
  return { start, end: d.node ? d.node.endIndex : d.endOffset ?? start };
}

export interface RuleContext {
  readonly text: string;
  readonly tree: Tree;
  readonly languageId: LanguageId;
  readonly fileName: string;
  readonly config: EngineConfig;
  /** Facts about the rest of the project, when the caller has indexed it. */
  readonly project?: ProjectFacts;
  readonly lines: LineIndex;
  report(descriptor: ReportDescriptor): void;
  /** Milliseconds left of the file's time budget; long-running rules should stop when it reaches 0. */
  timeLeftMs(): number;
  /**
   * A value computed at most once per analysis of this text and shared by every rule (for example the
   * file's route and app facts), so two rules that need the same model do not each walk the tree for it.
   */
  memo<T>(key: string, compute: () => T): T;
  /** The file's top-level statements (not comments), in order; kept up to date edit by edit in the editor. */
  topLevelStatements(): readonly Statement[];
  /** What this rule kept from its last run on this document, in the editor; absent in one-shot analyses. */
  readonly memory?: RuleMemory;
  /**
   * Says the rule left part of the file unchecked on purpose (code nested deeper than it follows), and why:
   * the file is reported as analysed partly, like a rule the time budget stopped. Absent where nobody listens.
   */
  stoppedShort?(reason: string): void;
  /**
   * Says a clock stopped the rule early (a safety net under its work limits), and why: the file is reported
   * as timed out in this rule, like one the file's budget stopped, even when that budget still had time left.
   */
  ranOutOfTime?(reason: string): void;
}

/** What a rule can see of a file before it is parsed. */
export type RuleInput = Pick<RuleContext, 'text' | 'fileName' | 'config' | 'project'> & {
  /** The file's language, when the caller knows it (else read from the file name). */
  readonly languageId?: LanguageId;
};

/** What a rule can see of a parsed file before the other files' facts are known (the CLI's facts pass). */
export type ParsedFileInput = RuleInput & {
  readonly tree: Tree;
  readonly languageId: LanguageId;
  /** The file's own facts, as the project index holds them (the analysis reads these same facts). */
  readonly facts: FileFacts;
};

/** A rule: metadata plus a pure check over one parsed file. Rules keep no state between calls. */
export interface Rule {
  readonly meta: RuleMeta;
  /**
   * A look at the text alone: `false` when the rule cannot report anything in this file (it holds no query
   * call, no route). A file is parsed only when some rule may report in it; `check` reports nothing where
   * this says `false`. Absent: the rule may report in any file. It reads of `project` its root only: the CLI
   * asks before any file's facts are known.
   */
  mayReport?(input: RuleInput): boolean;
  /**
   * A look at the parsed file and its own facts, before the other files' facts are known: `false` only when
   * `check` reports nothing in this file (and leaves nothing unchecked) whatever the other files hold, so the
   * CLI gives it an empty report without parsing it again. Asked only where `mayReport` says `true`. Absent:
   * the rule may report.
   */
  mayReportInTree?(input: ParsedFileInput): boolean;
  /**
   * Its looks (`mayReport`, `mayReportInTree`) cost more than the other rules' (they search the text for calls
   * and read the tree around them): the facts pass asks them last, and not at all once another rule may report.
   */
  readonly costlyLooks?: boolean;
  /**
   * Whether, in the editor, the rule reads a file of this language one top-level statement at a time (through
   * `RuleContext.topLevelStatements`), replaying what it remembered for statements it does not check: then the
   * tree need not reach statements held from the last analysis (see `IncrementalDocument`). Absent: false.
   */
  readsStatementWise?(languageId: LanguageId): boolean;
  check(context: RuleContext): void;
  /**
   * The project-wide results `check` reads for many files (see `ProjectShare`): a scan on several threads
   * computes them once and hands them to every thread.
   */
  readonly projectShares?: readonly ProjectShare<unknown>[];
}
