import type { Tree } from '@vscode/tree-sitter-wasm';
import { defaultConfig, type EngineConfig } from './config';
import { isLanguageId } from './languages';
import { reasonToSkip } from './limits';
import { formatMessage } from './messages';
import { parseSource } from './parse-source';
import { ParseCancelled, sharedGrammars, type Grammars } from './parser';
import type { ProjectFacts } from './project';
import type { FileFacts } from './project/facts';
import type { DocumentMemory } from './rule-memory';
import { allRules } from './registry';
import { reportSpan, type ReportDescriptor, type Rule, type RuleContext } from './rule';
import { applySuppressions } from './suppressions';
import { describeSyntaxError, firstSyntaxError } from './syntax-errors';
import { lineCommentFitsAt } from './comment-places';
import { LineIndex } from './text';
import { topLevelStatements, type Statement } from './top-level';
import type { Finding, LanguageId, Position, Severity } from './types';

export interface AnalyzeOptions {
  languageId: string;
  fileName: string;
  config?: EngineConfig;
  /** Defaults to every registered rule. */
  rules?: readonly Rule[];
  grammars?: Grammars;
  project?: ProjectFacts;
  /** The editor's per-document memory, so rules can re-check only what an edit can have changed. */
  memory?: DocumentMemory;
  /** The text's line index, when the caller keeps one up to date (the editor does, edit by edit). */
  lines?: LineIndex;
  /** The tree's top-level statements, when the caller keeps them up to date (the editor does, edit by edit). */
  topLevel?: () => readonly Statement[];
  /**
   * The text already parsed by `parseSource` (the CLI keeps the tree its project index parsed): used instead
   * of parsing again. The caller keeps it and deletes it.
   */
  tree?: Tree;
  /**
   * Time spent computing project-wide values (the app graph, route verdicts) extends the file's budget instead
   * of being charged to it (the CLI: which file computes them first depends on the order and the threads).
   * The editor leaves it off: its keystroke pass must stay within its own budget whatever it computes.
   */
  projectWorkApart?: boolean;
  /** Say where the first syntax error is (default). The editor skips it: while typing there nearly always is one. */
  describeSyntaxErrors?: boolean;
}

export interface AnalysisResult {
  findings: Finding[];
  /** Set when the file was not analysed, saying why. */
  skipped?: string;
  /** Things worth logging that did not stop the analysis (a rule that failed, syntax errors). */
  notes: string[];
  /**
   * Where the first syntax error is, when the file has one the parser could not get past: the rules ran
   * on the rest of the file, so it was analysed only partly. Not set when `describeSyntaxErrors` is false.
   */
  syntaxError?: Position;
  /** The time budget ran out while rules ran: some findings may be missing. */
  overran?: boolean;
  /** The rules the time budget ran out in (or before): their findings are kept but may be incomplete. */
  timedOut?: string[];
  /** The rules that failed on this file (an error, memory running out): their findings are missing. */
  failed?: string[];
  /** The rules that left code unchecked on a work or nesting limit (the notes say where): findings there may be missing. */
  limited?: string[];
  /** Set when an analysis with a budget of its own (the editor's keystroke pass) gave up; says why. */
  deferred?: string;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Severity a rule runs at under `config`, or `undefined` when it is off. */
export function effectiveSeverity(rule: Rule, config: EngineConfig): Severity | undefined {
  const configured = config.rules[rule.meta.id];
  if (configured === 'off') return undefined;
  return configured ?? rule.meta.defaultSeverity;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** One level below: error → warning → info → hint (hint stays hint). */
export function lowerSeverity(severity: Severity): Severity {
  return SEVERITY_ORDER[Math.min(SEVERITY_ORDER.indexOf(severity) + 1, SEVERITY_ORDER.length - 1)];
}

/**
 * Runs the rules over an already parsed tree. Synchronous, for the editor's incremental path.
 * Never throws: a failing rule becomes a note, the other rules still run.
 */
export function analyzeTree(tree: Tree, text: string, languageId: LanguageId, options: AnalyzeOptions, fileDeadline = performance.now() + (options.config ?? defaultConfig()).timeBudgetMs): AnalysisResult {
  // With `projectWorkApart`, work done once for the whole project is not charged to the file that happens to be
  // analysed first: its time extends this file's deadline, so which files run out of time does not depend on the
  // order files are analysed in (or on how they are split over threads).
  const charged = options.projectWorkApart && options.project ? projectTimedApart(options.project) : undefined;
  const project = charged?.project ?? options.project;
  const deadlineNow = () => fileDeadline + (charged?.spentMs() ?? 0);
  const config = options.config ?? defaultConfig();
  // read on first need: a file no rule runs on (the facts pass settles most files with no rule) needs it only for a syntax error
  let lineIndex: LineIndex | undefined;
  const lines = (): LineIndex => (lineIndex ??= options.lines?.text === text ? options.lines : new LineIndex(text));
  const findings: Finding[] = [];
  const notes: string[] = [];
  const shared = new Map<string, unknown>();
  let overran = false;
  const timedOut: string[] = [];
  const failed: string[] = [];
  const limited: string[] = [];
  const timeOut = (ruleId: string, note: string): void => {
    overran = true;
    if (timedOut.includes(ruleId)) return;
    timedOut.push(ruleId);
    notes.push(note);
  };
  const memo = <T>(key: string, compute: () => T): T => {
    if (!shared.has(key)) shared.set(key, compute());
    return shared.get(key) as T;
  };
  let statements: readonly Statement[] | undefined;
  const topLevel = options.topLevel ?? (() => (statements ??= topLevelStatements(tree.rootNode)));
  const syntaxErrorNode = options.describeSyntaxErrors === false ? undefined : firstSyntaxError(tree);
  const syntaxError = syntaxErrorNode && lines().positionAt(syntaxErrorNode.startIndex);
  if (syntaxError) notes.push(describeSyntaxError(syntaxError));
  for (const rule of options.rules ?? allRules()) {
    const severity = effectiveSeverity(rule, config);
    if (!severity || !rule.meta.languages.includes(languageId)) continue;
    if (performance.now() > deadlineNow()) {
      timeOut(rule.meta.id, `time budget of ${config.timeBudgetMs} ms used up before rule ${rule.meta.id} ran`);
      continue;
    }
    const report = (d: ReportDescriptor): void => {
      const template = rule.meta.messages[d.messageId];
      if (template === undefined) {
        notes.push(`rule ${rule.meta.id} reported unknown message id '${d.messageId}'`);
        return;
      }
      const { start, end } = reportSpan(d);
      const index = lines();
      findings.push({
        ruleId: rule.meta.id,
        messageId: d.messageId,
        message: formatMessage(template, d.data).text,
        severity: d.lowerSeverity ? lowerSeverity(severity) : severity,
        range: index.rangeOf(start, end),
        guideAnchor: rule.meta.guideAnchor,
        fixes: (d.fixes ?? []).map((fix) => ({
          title: fix.title,
          preferred: fix.preferred,
          edits: fix.edits.map((e) => ({ ...e, range: index.rangeOf(e.startOffset, e.endOffset) })),
        })),
        related: (d.related ?? []).map((r) => ('range' in r ? r : { message: r.message, range: index.rangeOf(r.startOffset, r.endOffset) })),
        ...(d.commands?.length ? { commands: d.commands } : {}),
        ...(d.replay ? { replay: d.replay } : {}),
        ...(lineCommentFitsAt(tree.rootNode, index.offsetAt({ line: index.positionAt(start).line, character: 0 })) ? {} : { lineCommentFits: false as const }),
      });
    };
    const memory = options.memory?.forRule(rule.meta.id);
    const context: RuleContext = {
      text, tree, languageId, fileName: options.fileName, config, project, lines: lines(), report,
      timeLeftMs: () => Math.max(0, deadlineNow() - performance.now()),
      memo,
      memory,
      topLevelStatements: topLevel,
      stoppedShort: (reason) => {
        if (limited.includes(rule.meta.id)) return;
        limited.push(rule.meta.id);
        notes.push(`rule ${rule.meta.id} left part of the file unchecked: ${reason}`);
      },
      ranOutOfTime: (reason) => timeOut(rule.meta.id, `rule ${rule.meta.id} ran out of time: ${reason}; its findings so far are kept, others may be missing`),
    };
    try {
      rule.check(context);
      if (memory) options.memory?.commit(rule.meta.id, memory);
      if (performance.now() > deadlineNow()) {
        timeOut(rule.meta.id, `time budget of ${config.timeBudgetMs} ms ran out in rule ${rule.meta.id}: its findings so far are kept, others may be missing`);
      }
    } catch (error) {
      options.memory?.drop(rule.meta.id);
      notes.push(`rule ${rule.meta.id} failed: ${describeError(error)}`);
      failed.push(rule.meta.id);
    }
  }
  const kept = findings.length > 0 ? applySuppressions(findings, text, lines()) : findings;
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
  return { findings: kept, notes, ...(syntaxError ? { syntaxError } : {}), ...(overran ? { overran, timedOut } : {}), ...(failed.length ? { failed } : {}), ...(limited.length ? { limited } : {}) };
}

/** `project` as rules see it, with the time spent computing its shared values (outermost computations only) measured. */
function projectTimedApart(facts: ProjectFacts): { project: ProjectFacts; spentMs: () => number } {
  let spent = 0;
  let depth = 0;
  const memo = <T>(key: string, compute: () => T): T => facts.memo(key, () => {
    const started = depth === 0 ? performance.now() : undefined;
    depth++;
    try {
      return compute();
    } finally {
      depth--;
      if (started !== undefined) spent += performance.now() - started;
    }
  });
  return { project: Object.create(facts, { memo: { value: memo } }) as ProjectFacts, spentMs: () => spent };
}

/** The rules that may report in a file, from its text alone: `analyze` parses a file only when there is one. */
export function rulesThatMayReport(text: string, options: AnalyzeOptions): Rule[] {
  const config = options.config ?? defaultConfig();
  return (options.rules ?? allRules()).filter((rule) => mayReport(rule, text, options, config));
}

/** Whether a rule may report in a file, from its text alone: enabled for the language and not ruled out by its own look. */
function mayReport(rule: Rule, text: string, options: AnalyzeOptions, config: EngineConfig): boolean {
  if (!effectiveSeverity(rule, config) || !rule.meta.languages.includes(options.languageId as LanguageId)) return false;
  try {
    return rule.mayReport?.({ text, fileName: options.fileName, config, project: options.project, languageId: options.languageId as LanguageId }) ?? true;
  } catch {
    return true; // the check itself will say what fails
  }
}

/** Whether a rule may report in a parsed file, from the tree and the file's own facts (see `Rule.mayReportInTree`). */
function mayReportInTree(rule: Rule, text: string, parsed: { tree: Tree; facts: FileFacts }, options: AnalyzeOptions, config: EngineConfig): boolean {
  try {
    return rule.mayReportInTree?.({ text, fileName: options.fileName, config, project: options.project, languageId: options.languageId as LanguageId, ...parsed }) ?? true;
  } catch {
    return true; // the check itself will say what fails
  }
}

/**
 * What `analyze` gives for a file, when that is known before the other files' facts are (the CLI's facts
 * pass, with the tree and the facts it parsed the file for): no rule may report in it, by its text
 * (`Rule.mayReport`) or by its tree (`Rule.mayReportInTree`). `undefined` when some rule may report, or when
 * the file is skipped (`analyze` says why).
 */
export function resultBeforeFacts(text: string, options: AnalyzeOptions, parsed?: { tree: Tree; facts: FileFacts }): AnalysisResult | undefined {
  const config = options.config ?? defaultConfig();
  const { languageId } = options;
  if (!isLanguageId(languageId) || reasonToSkip(text, config)) return undefined;
  // Rule by rule, those with costly looks last: the first rule that may report by both its looks settles
  // nothing, and the rules after it are not asked.
  const rules = options.rules ?? allRules();
  let someMayReport = false;
  for (const rule of [...rules.filter((r) => !r.costlyLooks), ...rules.filter((r) => r.costlyLooks)]) {
    if (!mayReport(rule, text, options, config)) continue;
    someMayReport = true;
    if (!parsed || mayReportInTree(rule, text, parsed, options, config)) return undefined;
  }
  // a file no rule may report in by its text is not parsed by `analyze`: it says nothing of syntax errors
  if (!someMayReport) return { findings: [], notes: [] };
  // what the analysis says of the tree itself (a syntax error), with no rule to run
  return parsed && analyzeTree(parsed.tree, text, languageId, { ...options, config, rules: [] });
}

/** Parses and analyses one file. Never throws; a file that cannot be analysed gives no findings and says why. */
export async function analyze(text: string, options: AnalyzeOptions): Promise<AnalysisResult> {
  const config = options.config ?? defaultConfig();
  const { languageId } = options;
  if (!isLanguageId(languageId)) return { findings: [], skipped: `language '${languageId}' is not analysed`, notes: [] };
  const reason = reasonToSkip(text, config);
  if (reason) return { findings: [], skipped: reason, notes: [] };
  // a file no rule can report in is not parsed at all
  const rules = rulesThatMayReport(text, { ...options, config });
  if (rules.length === 0) return { findings: [], notes: [] };
  let tree: Tree | undefined;
  try {
    const deadline = performance.now() + config.timeBudgetMs;
    tree = options.tree ?? (await parseSource(options.grammars ?? sharedGrammars(), languageId, text, config.timeBudgetMs)).tree;
    return analyzeTree(tree, text, languageId, { ...options, config, rules }, deadline);
  } catch (error) {
    const why = error instanceof ParseCancelled ? error.message : `could not be analysed: ${describeError(error)}`;
    return { findings: [], skipped: why, notes: [] };
  } finally {
    if (tree !== options.tree) tree?.delete();
  }
}
