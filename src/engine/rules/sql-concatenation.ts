import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES, unwrap } from '../ast';
import type { ParsedFileInput, RelatedSpec, Rule, RuleContext, RuleInput } from '../rule';
import { UNLOADABLE_MODULES } from '../project/module-reach';
import { projectView } from '../project/project-view';
import { Ancestry } from './sql/ancestry';
import { callerEvidence } from './sql/caller-report';
import { ancestorsOf, callPattern, findCandidates, findWherePairs, holdsCandidate, reportUnchecked, type Candidate } from './sql/candidates';
import { isSqlExemptFile } from './sql/exempt-files';
import { shorten } from './sql/message-parts';
import { DOUBLE_QUOTE_STRINGS, parameterizedQueryFix } from './sql/fix';
import { ImportFacts, scanModuleReferences } from './sql/imports';
import { sqlOptions, type SqlOptions } from './sql/options';
import { shapeOf, unsafeValues, type BuildForm, type Piece, type TextEvaluation } from './sql/pieces';
import { ProjectCalls } from './sql/project-calls';
import { UnreachableCode } from './sql/unreachable-code';
import { replayableQuery } from './sql/replay-query';
import { ANY_SQL_DRIVER, ProjectDrivers, type DriverFilter } from './sql/project-driver';
import { ScopeIndex } from './sql/scope';
import { StatementCache } from './sql/statement-cache';
import { matchAllIn } from '../text';
import {
  DB_HANDLE_NAME, DB_HANDLE_ORIGIN, DRIVER_PLACEHOLDER, GENERIC_QUERY_METHODS, SINKS, matchSink, sinkMethodNames, type DriverId, type SinkEntry,
} from './sql/sinks';
import { meetsEvidence, startsWithStatement, valuePosition } from './sql/sql-text';
import { StringEvaluator } from './sql/string-building';
import { NUMERIC_FUNCTIONS, SAFE_RESULT_METHODS, TEXT_PRESERVING_METHODS } from './sql/known-calls';
import { reportFromFrontEnd } from './sql/neutral/report';
import { SQL_READ_OUT_OF_TIME } from '../model/sql';
import { sqlFrontEndOf } from '../languages/front-ends';
import { languageOfFileName } from '../languages';

/**
 * Flags SQL text built from non-constant values that reaches a query API (CWE-89), and offers to rewrite
 * it as a parameterized query. Sinks are data (`sql/sinks.ts`); this file wires discovery, evaluation,
 * reporting and the fix together.
 */

const HOW: Readonly<Record<BuildForm, string>> = {
  template: 'a template literal', concatenation: 'string concatenation', compound: '`+=`',
  concat: '`.concat()`', format: 'a format function', join: '`.join()`',
};
const HOW_ORDER: readonly BuildForm[] = ['template', 'concatenation', 'compound', 'concat', 'format', 'join'];

/** Drivers whose `query(sql, [values])` the fix can target when the sink itself does not name one. */
const POSITIONAL_DRIVERS: readonly DriverId[] = ['mysql', 'pg', 'pg-promise', 'sqlite3', 'oracledb'];
const isPositional: DriverFilter = (driver) => POSITIONAL_DRIVERS.includes(driver);

function describeForms(forms: readonly BuildForm[]): string {
  const ordered = HOW_ORDER.filter((f) => forms.includes(f)).slice(0, 2);
  return ordered.length > 0 ? ordered.map((f) => HOW[f]).join(' and ') : 'string building';
}

/** Extra sinks from configuration (`sql.extraSinks: [runSql, ...]`), read as SQL statement or clause sinks. */
function configuredSinks(options: SqlOptions): readonly SinkEntry[] {
  const extra = options.extraSinks;
  if (extra.length === 0) return SINKS;
  return [...SINKS, { id: 'config.extraSinks', driver: 'unknown', methods: extra, sqlArgument: 0, applies: 'always', bare: true, evidence: 'sql', layout: 'values-array', placeholder: 'dialect' }];
}

/** The row a rewrite follows and the driver whose placeholders it writes (`unknown`: none is certain). */
interface FixTarget {
  readonly entry: SinkEntry;
  readonly driver: DriverId;
}

/**
 * The sink's own driver; for a row whose placeholders follow the database underneath (TypeORM's `query`),
 * the one database driver of the file or project; for the generic row, the project's driver for the call's
 * handle and that driver's own row for the method (better-sqlite3's `prepare`, mssql's `request.query`),
 * else its placeholders in a values array.
 */
function fixTarget(drivers: ProjectDrivers, candidate: Candidate, entry: SinkEntry, entries: readonly SinkEntry[]): FixTarget {
  if (entry.driver !== 'unknown' && entry.placeholder !== 'dialect') return { entry, driver: entry.driver };
  const handle = candidate.bare ? candidate.method : /^[A-Za-z_$][\w$]*/.exec(candidate.chain)?.[0];
  if (entry.driver !== 'unknown') return { entry, driver: drivers.driverFor(handle, isPositional, isPositional) ?? 'unknown' };
  // any SQL driver may answer: a handle in a project with knex and pg may be knex's, so neither is certain
  const driver = drivers.driverFor(handle, ANY_SQL_DRIVER, isPositional);
  if (!driver) return { entry, driver: 'unknown' };
  const own = matchSink(candidate, new Set([driver]), entries)?.entry;
  if (own && own.driver === driver) return { entry: own, driver };
  return { entry, driver: isPositional(driver) ? driver : 'unknown' };
}

/** `{ sql: ..., values }` (mysql) and `{ text: ..., values }` (pg) query objects: the SQL property's value. */
function sqlOfQueryObject(node: Node): Node | undefined {
  if (node.type !== 'object') return undefined;
  for (const pair of node.namedChildren) {
    const key = pair?.type === 'pair' ? pair.childForFieldName('key')?.text : undefined;
    if (key === 'sql' || key === 'text') return pair?.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** True when every unsafe value sits where a table or column name goes. */
function onlyIdentifiers(pieces: readonly Piece[]): boolean {
  let before = '';
  let sawValue = false;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.kind === 'value' && !piece.safe) {
      const next = pieces[i + 1];
      if (valuePosition(before.slice(-40), next && next.kind !== 'value' ? next.text : '') !== 'identifier') return false;
      sawValue = true;
    }
    before += piece.kind === 'value' ? 'x__v' : piece.text;
  }
  return sawValue;
}

interface SqlText {
  readonly evaluation: TextEvaluation;
  /** Where the text is written in full, for a rewrite; absent when it cannot be rewritten in one place. */
  readonly target?: Node;
  /** The SQL of a query object held in the variable (`const q = { sql: ... }; db.query(q)`): reported there. */
  readonly heldObject?: Node;
}

/** Reads the SQL argument: inline, or through a local variable assembled elsewhere. */
function readSqlArgument(arg: Node, evaluator: StringEvaluator, scopes: ScopeIndex, ancestors: readonly Node[] = []): SqlText | undefined {
  const node = unwrap(arg);
  if (node.type !== 'identifier') {
    const evaluation = evaluator.evaluate(node);
    if (evaluation.kind !== 'text') return undefined;
    return { evaluation, target: evaluation.exact ? node : undefined };
  }
  const resolution = scopes.resolve(node, ancestors.length > 0 ? ancestors : undefined);
  if (!resolution) return undefined;
  const held = resolution.writes.length === 0 && resolution.binding.init ? sqlOfQueryObject(unwrap(resolution.binding.init)) : undefined;
  if (held) {
    const inner = readSqlArgument(held, evaluator, scopes);
    return inner && { evaluation: inner.evaluation, heldObject: held };
  }
  const { evaluation } = evaluator.valueAt(resolution, node.startIndex, 0);
  if (evaluation.kind !== 'text') return undefined;
  const { binding, writes, reads } = resolution;
  const rewritable = evaluation.exact && binding.init && (binding.kind === 'const' || binding.kind === 'let' || binding.kind === 'var') && writes.length === 0 && reads.length === 1;
  if (!rewritable || !binding.init || !valuesReach(evaluation.pieces, binding.init, node, ancestors, evaluator.text, scopes)) return { evaluation };
  return { evaluation, target: unwrap(binding.init) };
}

/**
 * The values of a variable's initializer still mean the same at the sink: both in the same function,
 * and nothing between them assigns or redeclares a name the values use (checked on the text, which is
 * stricter than needed and cheap).
 */
function valuesReach(pieces: readonly Piece[], init: Node, sink: Node, sinkAncestors: readonly Node[], text: string, scopes: ScopeIndex): boolean {
  const innermost = [...sinkAncestors].reverse().find((n) => FUNCTION_TYPES.has(n.type));
  if (innermost && (init.startIndex < innermost.startIndex || init.endIndex > innermost.endIndex)) return false;
  const between = text.slice(init.endIndex, sink.startIndex);
  for (const piece of pieces) {
    if (piece.kind === 'text') continue;
    // read later, a value that does something (a call, an assignment) would do it at another time
    if (!readsOnly(piece.node)) return false;
    const names = piece.node.type === 'identifier' ? [piece.node] : piece.node.descendantsOfType('identifier');
    for (const id of names) {
      const writes = id ? scopes.resolve(id)?.writes ?? [] : [];
      if (writes.some((w) => w.start > init.endIndex && w.start < sink.startIndex)) return false;
    }
    for (const name of new Set(piece.node.text.match(/[A-Za-z_$][\w$]*/g) ?? [])) {
      if (scopes.declaredBetween(name, init.endIndex, sink.startIndex)) return false;
      const n = name.replace(/\$/g, '\\$');
      const write = new RegExp(`(?<![\\w$.])${n}\\s*\\]?\\s*(?:[-+*/%&|^]|\\*\\*|<<|>>>?|\\?\\?|\\|\\||&&)?=(?![=>])|(?:\\+\\+|--)\\s*${n}(?![\\w$])|(?<![\\w$.])${n}\\s*(?:\\+\\+|--)|\\b(?:const|let|var|function|class)\\s+[^;=]*?(?<![\\w$.])${n}(?![\\w$])`);
      if (write.test(between)) return false;
    }
  }
  return true;
}

/** Expression types that act when evaluated. */
const ACTING_TYPES = ['call_expression', 'new_expression', 'assignment_expression', 'augmented_assignment_expression', 'update_expression', 'await_expression', 'yield_expression'];

/**
 * An expression that only reads: names, properties, literals, operators, and calls that compute a value from
 * their receiver alone (`String(x)`, `x.trim()`, `parseInt(x, 10)`), so reading it later reads the same.
 */
function readsOnly(node: Node): boolean {
  const acting = ACTING_TYPES.includes(node.type) ? [node, ...node.descendantsOfType(ACTING_TYPES)] : node.descendantsOfType(ACTING_TYPES);
  return acting.every((n) => {
    if (!n || n.type !== 'call_expression') return false;
    const callee = unwrap(n.childForFieldName('function') ?? n);
    if (callee.type === 'identifier') return NUMERIC_FUNCTIONS.has(callee.text) || callee.text === 'String';
    const method = callee.type === 'member_expression' ? callee.childForFieldName('property')?.text ?? '' : '';
    return TEXT_PRESERVING_METHODS.has(method) || SAFE_RESULT_METHODS.has(method);
  });
}

function relatedSites(evaluation: TextEvaluation, reported: Node): RelatedSpec[] {
  const seen = new Set<number>();
  return evaluation.sites
    .filter((site) => site.endIndex <= reported.startIndex || site.startIndex >= reported.endIndex)
    .filter((site) => !seen.has(site.startIndex) && seen.add(site.startIndex) !== undefined)
    .map((site) => ({ message: 'The SQL text is assembled here.', startOffset: site.startIndex, endOffset: site.endIndex }));
}

/**
 * Whether the object a generic method (`query`, `execute`, ...) is called on is known to be a database
 * handle: named like one, reached through a call chain like `pool.request()`, or created by a driver.
 */
function isDatabaseHandle(candidate: Candidate, scopes: ScopeIndex): boolean {
  if (candidate.bare || DB_HANDLE_NAME.test(candidate.receiver) || DB_HANDLE_ORIGIN.test(candidate.chain)) return true;
  const callee = candidate.call.childForFieldName('function');
  const object = callee?.type === 'member_expression' ? callee.childForFieldName('object') : undefined;
  if (object?.type !== 'identifier') return false;
  const init = scopes.resolve(object, ancestorsOf(candidate, scopes.ancestry))?.binding.init;
  return !!init && DB_HANDLE_ORIGIN.test(init.text);
}

interface Analysis {
  readonly context: RuleContext;
  readonly imports: ImportFacts;
  readonly drivers: ProjectDrivers;
  readonly entries: readonly SinkEntry[];
  readonly scopes: ScopeIndex;
  readonly evaluator: StringEvaluator;
  readonly crossFile?: ProjectCalls;
  readonly unreachable: UnreachableCode;
}

/** Whether the rows claiming a call would all rewrite it the same way (same layout, same placeholders). */
function agree(analysis: Analysis, candidate: Candidate, claims: readonly SinkEntry[]): boolean {
  const signature = (claim: SinkEntry): string => {
    const { entry, driver } = fixTarget(analysis.drivers, candidate, claim, analysis.entries);
    const placeholder = entry.placeholder === 'dialect' ? DRIVER_PLACEHOLDER[driver] : entry.placeholder;
    return `${entry.layout}:${placeholder}:${DOUBLE_QUOTE_STRINGS.has(driver)}`;
  };
  return new Set(claims.map(signature)).size === 1;
}

/** `claims`: the rows claiming the call; whether they agree on a rewrite is asked only of a call reported with a rewrite. */
function checkCall(analysis: Analysis, candidate: Candidate, entry: SinkEntry, claims: readonly SinkEntry[]): void {
  const inlineObject = sqlOfQueryObject(unwrap(candidate.sqlArg));
  const sql = readSqlArgument(inlineObject ?? candidate.sqlArg, analysis.evaluator, analysis.scopes, ancestorsOf(candidate, analysis.scopes.ancestry));
  // cut short by the time budget: what was read is incomplete, so nothing is reported from it
  if (!sql || analysis.evaluator.expired) return;
  const queryObject = inlineObject ?? sql.heldObject;
  const argument = queryObject ?? candidate.sqlArg;
  const { pieces } = sql.evaluation;
  const unsafe = unsafeValues(pieces);
  const shape = shapeOf(pieces);
  if (unsafe.length === 0 || !meetsEvidence(shape, entry.evidence)) return;
  if (GENERIC_QUERY_METHODS.has(candidate.method) && !startsWithStatement(shape) && !isDatabaseHandle(candidate, analysis.scopes)) return;
  // a query in a function nothing can call never runs
  if (analysis.unreachable.contains(candidate.call)) return;
  const target = sql.target && !queryObject && agree(analysis, candidate, claims) ? fixTarget(analysis.drivers, candidate, entry, analysis.entries) : undefined;
  const fix = sql.target && target
    ? parameterizedQueryFix({
      text: analysis.context.text, call: candidate.call, args: candidate.args, sqlIndex: target.entry.sqlArgument, entry: target.entry,
      driver: target.driver, pieces, target: sql.target,
    })
    : undefined;
  const isMongo = entry.driver === 'mongodb';
  const callers = callerEvidence(analysis.crossFile, analysis.scopes, unsafe.map((p) => p.node), analysis.context.project?.rootDir);
  analysis.context.report({
    node: argument,
    messageId: isMongo ? 'mongoWhere' : callers.request ? 'fromCaller' : onlyIdentifiers(pieces) ? 'identifier' : 'concatenated',
    data: { how: describeForms(sql.evaluation.forms), value: shorten(unsafe[0].node.text), sink: candidate.method, caller: callers.request?.file ?? '', passed: shorten(callers.request?.passed ?? '') },
    fixes: fix ? [fix] : [],
    related: [...relatedSites(sql.evaluation, argument), ...callers.related],
    ...(isMongo ? {} : { replay: replayableQuery(pieces, (target ?? fixTarget(analysis.drivers, candidate, entry, analysis.entries)).driver, analysis.scopes) }),
  });
}

function checkWherePair(analysis: Analysis, value: Node): void {
  const sql = readSqlArgument(value, analysis.evaluator, analysis.scopes);
  const unsafe = sql ? unsafeValues(sql.evaluation.pieces) : [];
  if (!sql || unsafe.length === 0) return;
  analysis.context.report({
    node: value,
    messageId: 'mongoWhere',
    data: { how: describeForms(sql.evaluation.forms), value: shorten(unsafe[0].node.text), sink: '$where' },
    related: relatedSites(sql.evaluation, value),
  });
}

/** Tests, migrations and the like are left out unless `sql.includeTests` asks for them. */
function isLeftOut({ text, fileName, config, project }: RuleInput): boolean {
  return !sqlOptions(config).includeTests && isSqlExemptFile(fileName, project?.rootDir, text);
}

/** Whether the text may hold a query call or a `$where` (in a language with a front end: what it says). */
function mayHoldQuery(input: RuleInput): boolean {
  const languageId = input.languageId ?? languageOfFileName(input.fileName);
  const frontEnd = languageId && sqlFrontEndOf(languageId);
  if (frontEnd) return frontEnd.mayHaveSql(input.text, sqlOptions(input.config).extraSinks);
  return input.text.search(callPattern(sinkMethodNames(configuredSinks(sqlOptions(input.config))))) >= 0 || input.text.includes('$where');
}

export const sqlConcatenation: Rule = {
  meta: {
    id: 'sql-concatenation',
    description: 'SQL text built from non-constant values and passed to a query API.',
    defaultSeverity: 'warning',
    languages: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'php', 'java', 'ruby'],
    references: [
      { id: 'CWE-89', url: 'https://cwe.mitre.org/data/definitions/89.html' },
      { id: 'OWASP A05:2025', url: 'https://owasp.org/Top10/2025/A05_2025-Injection/' },
    ],
    messages: {
      concatenated: 'SQL text built with {{how}} from `{{value}}` reaches {{sink}}(): a crafted value can rewrite the query (SQL injection). Pass values as query parameters (placeholders plus a values array) instead.',
      fromCaller: 'SQL text built with {{how}} from `{{value}}` reaches {{sink}}(), and {{caller}} passes request data (`{{passed}}`) for it: a crafted value can rewrite the query (SQL injection). Pass values as query parameters (placeholders plus a values array) instead.',
      identifier: 'SQL text built with {{how}} puts `{{value}}` where a table or column name goes and reaches {{sink}}(): a crafted name can rewrite the query (SQL injection). Check the name against a fixed list of allowed names, or quote it with the driver\'s identifier escaper.',
      mongoWhere: 'A MongoDB $where string built with {{how}} from `{{value}}` runs as JavaScript on the database server: a crafted value can change what it does (NoSQL injection). Use query operators such as $eq or $gt instead.',
    },
    guideAnchor: 'sql-injection#sql-injection',
    scope: 'file',
  },
  projectShares: [UNLOADABLE_MODULES],
  // a file with no call of a query method and no `$where` holds nothing to report; the calls are looked for
  // first, since most files without one are not left out either
  mayReport(input: RuleInput) {
    return mayHoldQuery(input) && !isLeftOut(input);
  },
  costlyLooks: true,
  // `check` reports only at a `$where` or at a call the candidate search keeps, and that search reads this
  // file alone (SQLite's names count when the text may import it); other languages' front ends are not asked
  mayReportInTree({ text, tree, languageId, config }: ParsedFileInput) {
    if (sqlFrontEndOf(languageId) || text.includes('$where')) return true;
    return holdsCandidate(text, tree.rootNode, sinkMethodNames(configuredSinks(sqlOptions(config))), /sqlite/i.test(text));
  },
  // JavaScript and TypeScript are read statement by statement in the editor; other languages go through a front end that reads the whole tree
  readsStatementWise: (languageId) => !sqlFrontEndOf(languageId),
  check(input: RuleContext) {
    // Whether the file is a test, migration or script is read from its whole text: asked only when there is
    // something to report, so a keystroke in a file without findings does not scan all of it again.
    let leftOut: boolean | undefined;
    const context: RuleContext = { ...input, report: (d) => { leftOut ??= isLeftOut(input); if (!leftOut) input.report(d); } };
    const { text } = context;
    const options = sqlOptions(context.config);
    // languages other than the JavaScript family fill the language-neutral model, judged in one place
    const frontEnd = sqlFrontEndOf(context.languageId);
    if (frontEnd) {
      reportFromFrontEnd(context, frontEnd);
      return;
    }
    const entries = configuredSinks(options);
    const hasWhere = text.includes('$where');
    const root = context.tree.rootNode;
    // Statement by statement in the editor, so that a keystroke re-checks only the statement it touched;
    // a one-shot analysis (the CLI) remembers nothing, so it takes the file as one piece.
    const statements = context.memory ? context.topLevelStatements() : [{ start: 0, end: text.length }];
    const cache = new StatementCache(context, context.memory);
    const imports = new ImportFacts(text, root, cache.references(statements, (s, readNames) => scanModuleReferences(text, root, s.start, s.end, readNames)));
    const drivers = new ProjectDrivers(context.fileName, context.project, imports, options.driver);
    // a fix remembered for a statement also rests on the drivers other files and package.json name
    if (context.memory) cache.alsoDependsOn(drivers.evidenceKey());
    const ancestry = new Ancestry(root);
    const scopes = new ScopeIndex(text, ancestry);
    const usesSqlite = imports.drivers.has('sqlite3') || imports.drivers.has('better-sqlite3');
    const pattern = callPattern(sinkMethodNames(entries));
    // what other files pass to this file's functions, and return from theirs
    const crossFile = context.project?.files ? new ProjectCalls(context.fileName, context.project, () => projectView(context).current, root, text) : undefined;
    if (context.memory && crossFile) cache.alsoDependsOn(crossFile.evidenceKey());
    const evaluatorOptions = { typed: context.languageId.startsWith('typescript'), storedValues: options.storedValues, crossFile, deadline: performance.now() + context.timeLeftMs() };
    // out of time: what the statements not checked had remembered is kept for the next run
    const stopAt = (i: number): void => cache.keepUnchecked(statements.slice(i));
    for (const [i, statement] of statements.entries()) {
      if (cache.replay(statement, (name) => imports.moduleOf(name))) continue;
      if (context.timeLeftMs() <= 0) return stopAt(i);
      const recording = cache.recording(statement);
      let complete = true;
      scopes.moduleLookups.clear();
      imports.bindingsRead.clear();
      const hits = matchAllIn(pattern, text, statement.start, statement.end);
      const wherePairs = hasWhere ? findWherePairs(text, root, statement.start, statement.end) : [];
      if (hits.length > 0 || wherePairs.length > 0) {
        const evaluator = new StringEvaluator(text, scopes, imports, evaluatorOptions);
        const analysis: Analysis = { context: recording.context, imports, drivers, entries, scopes, evaluator, crossFile, unreachable: new UnreachableCode(evaluator) };
        // finding the calls may take at most half of the time left, so that checking them gets the rest
        const found = findCandidates(text, ancestry, hits, usesSqlite, { stopAt: performance.now() + context.timeLeftMs() / 2 });
        reportUnchecked(context, found);
        const { candidates, stopped } = found;
        for (const candidate of candidates) {
          if (context.timeLeftMs() <= 0) return stopAt(i);
          const match = matchSink(candidate, imports.drivers, entries);
          if (match) checkCall(analysis, candidate, match.entry, match.claims);
        }
        for (const { value } of wherePairs) checkWherePair(analysis, value);
        // cut short by the time budget: its findings so far are reported, but not remembered as all it holds
        if (analysis.evaluator.expired) context.ranOutOfTime?.(SQL_READ_OUT_OF_TIME);
        complete = !stopped && !analysis.evaluator.expired;
      }
      if (complete) recording.store(scopes.moduleLookups, imports.bindingsRead);
      else cache.keepUnchecked([statement]);
    }
  },
};
