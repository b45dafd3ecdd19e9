import type { Node } from '@vscode/tree-sitter-wasm';
import { SQL_READ_OUT_OF_TIME, type SqlSinkCall, type SqlText, type TextPiece } from '../../model/sql';
import type { FixSpec, RuleContext } from '../../rule';
import type { SqlFrontEnd, SqlFrontEndRun } from '../front-ends';
import { type PyPiece, closeQuoted } from './pieces';
import { parameterizedFix } from './sql-fix';
import { DB_HANDLE, DRIVER_STYLES, PY_SINKS, type PlaceholderStyle, type PySinkRow, SINK_CALL_PATTERN, configuredRows } from './sql-sinks';
import { sqlOptions } from '../../rules/sql/options';
import { PyTree, argumentsOf, calleeOf, named, parametersOf, unwrapPy, type CallArguments } from './syntax';
import { functionName, isPrivateFunction } from './origins';
import { PyEvaluator } from './values';
import { projectCallers } from './project-callers';

/**
 * The Python SQL front end: finds calls that send SQL text to a database (rows of `sql-sinks.ts`) and reads the
 * text each one sends as pieces with an origin (`values.ts`), for the shared judgement.
 */

/** The modules a file imports, by full dotted name and by every prefix (`django.db.models` gives `django`, `django.db`, ...). */
function importedModules(tree: PyTree): Set<string> {
  const modules = new Set<string>();
  const add = (dotted: string): void => {
    const parts = dotted.replace(/^\.+/, '').split('.');
    for (let i = 1; i <= parts.length; i++) modules.add(parts.slice(0, i).join('.'));
  };
  for (const statement of [...tree.ofType.get('import_statement') ?? [], ...tree.ofType.get('import_from_statement') ?? []]) {
    if (statement.type === 'import_from_statement') {
      const module = statement.childForFieldName('module_name')?.text;
      if (module) add(module);
      // `from psycopg2 import sql` also reads as importing `psycopg2.sql`
      for (const name of named(statement).slice(1)) if (module) add(`${module}.${(name.childForFieldName('name') ?? name).text}`);
    } else {
      for (const name of named(statement)) add((name.childForFieldName('name') ?? name).text);
    }
  }
  return modules;
}

/** The one placeholder style the file's database modules agree on, or `undefined`. */
function fileStyle(modules: ReadonlySet<string>): PlaceholderStyle | undefined {
  const styles = new Set<PlaceholderStyle>();
  for (const [module, style] of Object.entries(DRIVER_STYLES)) if (style && modules.has(module)) styles.add(style);
  return styles.size === 1 ? [...styles][0] : undefined;
}

/** SQLAlchemy sessions, engines and connections take `text()`, never a plain string with driver placeholders. */
const SQLALCHEMY_HANDLE = /(?:^|\.)(?:session|db\.session|engine|db\.engine|sess|conn\.connection)$|\bsession\b/i;

interface Match {
  readonly row: PySinkRow;
  readonly evidence: SqlSinkCall['evidence'];
}

function matchRow(call: Node, modules: ReadonlySet<string>, rows: readonly PySinkRow[]): Match | undefined {
  const { name, receiver } = calleeOf(call);
  for (const row of rows) {
    if (row.name !== name) continue;
    if (row.callee === 'method' && !receiver) continue;
    if (row.callee === 'function' && receiver && (receiver.type !== 'identifier' && receiver.type !== 'attribute' || /^(?:self|cls)$/.test(receiver.text))) continue;
    if (row.imports && !row.imports.some((m) => modules.has(m))) continue;
    if (row.receiver && (!receiver || !row.receiver.test(receiver.text))) continue;
    const generic = row.name === 'execute' || row.name === 'executemany' || row.name === 'fetch' || row.name === 'query';
    const evidence = generic && receiver && !DB_HANDLE.test(receiver.text) ? 'statement' : row.evidence;
    return { row, evidence };
  }
  return undefined;
}

function hasParameters(row: PySinkRow, args: CallArguments): boolean {
  if (row.parameters === 'none') return false;
  const { position, rest, keywords } = row.parameters;
  if (args.splat) return true;
  if (rest && args.positional.length > row.sqlArgument + 1) return true;
  if (position !== undefined && args.positional.length > position) return true;
  return keywords.some((k) => args.keywords.has(k));
}

/** The SQL argument nodes of a call: one, or each fragment of Django's `extra(where=[...], select={...})`. */
function sqlArguments(row: PySinkRow, args: CallArguments): Node[] {
  if (row.fragmentKeywords) {
    return row.fragmentKeywords.flatMap((k) => {
      const v = args.keywords.get(k);
      if (!v) return [];
      const n = unwrapPy(v);
      if (n.type === 'list' || n.type === 'tuple') return named(n);
      if (n.type === 'dictionary') return named(n).flatMap((pair) => (pair.type === 'pair' && pair.childForFieldName('value') ? [pair.childForFieldName('value')!] : []));
      return [v];
    });
  }
  const arg = args.positional[row.sqlArgument] ?? row.sqlKeywords.map((k) => args.keywords.get(k)).find((v) => v !== undefined);
  return arg ? [arg] : [];
}

interface FixInput {
  readonly call: Node;
  readonly argument: Node;
  readonly pieces: readonly PyPiece[];
  readonly row: PySinkRow;
  readonly style?: PlaceholderStyle;
  readonly byKeyword: boolean;
}

/** Where the SQL text was assembled: the argument, or the assignments of the name passed. */
function textSpan(ev: PyEvaluator, argument: Node): { start: number; end: number } {
  const node = unwrapPy(argument);
  if (node.type !== 'identifier') return { start: argument.startIndex, end: argument.endIndex };
  let scope: Node | undefined = ev.tree.enclosingFunction(node);
  while (scope && ev.writes.writesOf(scope, node.text).length === 0) scope = ev.tree.enclosingFunction(scope);
  const writes = ev.writes.writesOf(scope ?? ev.tree.root, node.text).filter((w) => w.at <= node.startIndex && w.kind !== 'param');
  if (writes.length === 0) return { start: argument.startIndex, end: argument.endIndex };
  return { start: writes[0].node.startIndex, end: writes[writes.length - 1].node.endIndex };
}

function modelPiece(piece: PyPiece): TextPiece {
  if (piece.kind === 'text') return { kind: 'text', text: piece.text, startOffset: piece.startOffset, endOffset: piece.endOffset };
  return { kind: 'value', source: piece.source, origin: piece.origin, why: piece.why, startOffset: piece.startOffset, endOffset: piece.endOffset };
}

/** A function of the file that hands one of its parameters, whole, to a sink as its SQL: a sink in its own right. */
interface Wrapper {
  readonly fn: Node;
  readonly name: string;
  readonly index: number;
  readonly method: boolean;
  readonly row: PySinkRow;
  readonly evidence: SqlSinkCall['evidence'];
}

/** The function whose parameter a SQL argument is, when the argument is that parameter untouched. */
function wrapperOf(ev: PyEvaluator, argument: Node, row: PySinkRow, evidence: SqlSinkCall['evidence']): Wrapper | undefined {
  const id = unwrapPy(argument);
  const fn = id.type === 'identifier' ? ev.tree.enclosingFunction(id) : undefined;
  if (!id || !fn || fn.type !== 'function_definition') return undefined;
  const reach = ev.writes.reaching(fn, id.text, id.startIndex);
  const param = reach.writes.length === 1 && reach.before === undefined && reach.writes[0].kind === 'param' ? parametersOf(fn).find((p) => p.name === id.text) : undefined;
  if (!param || param.splat) return undefined;
  const method = !!ev.tree.classOf(fn) && parametersOf(fn)[0]?.name === 'self';
  return { fn, name: param.name, index: param.index, method, row, evidence };
}

/** The file's functions that pass a parameter, as it is, to a sink as its SQL (read from the syntax alone). */
function queryFunctionNames(tree: PyTree, modules: ReadonlySet<string>, rows: readonly PySinkRow[]): Set<string> {
  const names = new Set<string>();
  for (const call of tree.ofType.get('call') ?? []) {
    const match = matchRow(call, modules, rows);
    const argument = match && sqlArguments(match.row, argumentsOf(call))[0];
    const fn = argument && unwrapPy(argument).type === 'identifier' ? tree.enclosingFunction(call) : undefined;
    if (fn?.type === 'function_definition' && parametersOf(fn).some((p) => p.name === unwrapPy(argument!).text)) names.add(functionName(fn));
  }
  return names;
}

function pythonSqlModel(context: RuleContext): SqlFrontEndRun {
  const tree = new PyTree(context.tree.rootNode, ['call', 'import_statement', 'import_from_statement']);
  const modules = importedModules(tree);
  const style = fileStyle(modules);
  // SQLite and PostgreSQL (standard strings) never read a backslash as an escape; other drivers may
  const backslashEscapes = !['sqlite3', 'psycopg2', 'psycopg', 'asyncpg', 'aiosqlite'].some((m) => modules.has(m));
  const rows = [...PY_SINKS, ...configuredRows(sqlOptions(context.config).extraSinks)];
  const ev = new PyEvaluator(tree, performance.now() + context.timeLeftMs(), modules, queryFunctionNames(tree, modules, rows), projectCallers(context));
  const sinks: SqlSinkCall[] = [];
  const fixes = new Map<SqlSinkCall, FixInput>();
  const wrappers: Wrapper[] = [];

  const check = (call: Node, argument: Node, row: PySinkRow, evidence: SqlSinkCall['evidence'], api: string, params: boolean, fixable: boolean): void => {
    const wrapper = wrapperOf(ev, argument, row, evidence);
    const addWrapper = (): void => {
      if (wrapper && !wrappers.some((w) => w.fn.id === wrapper.fn.id && w.index === wrapper.index)) wrappers.push(wrapper);
    };
    // a public function that hands its parameter whole to the sink is a sink itself: each call is judged
    // where it builds its text, rather than every caller's text merged at this one sink
    if (wrapper && !isPrivateFunction(wrapper.fn)) return addWrapper();
    const e = ev.evaluate(argument);
    if (ev.expired) return;
    if (e.kind !== 'text') return addWrapper();
    const span = textSpan(ev, argument);
    const sql: SqlText = { pieces: closeQuoted(e.pieces, backslashEscapes).map(modelPiece), built: e.built, startOffset: span.start, endOffset: span.end };
    const sink: SqlSinkCall = { sinkId: row.id, api, evidence, startOffset: call.startIndex, endOffset: call.endIndex, sql, hasParameters: params };
    sinks.push(sink);
    if (!fixable) return;
    const { receiver } = calleeOf(call);
    const sinkStyle = row.placeholder === 'driver' ? (receiver && SQLALCHEMY_HANDLE.test(receiver.text) ? undefined : style) : row.placeholder === 'none' ? undefined : row.placeholder;
    fixes.set(sink, { call, argument, pieces: e.pieces, row, style: sinkStyle, byKeyword: argumentsOf(call).positional[row.sqlArgument]?.id !== argument.id });
  };

  for (const call of tree.ofType.get('call') ?? []) {
    if (ev.expired || context.timeLeftMs() <= 0) break;
    const match = matchRow(call, modules, rows);
    if (!match) continue;
    const { row } = match;
    const args = argumentsOf(call);
    const { receiver } = calleeOf(call);
    const api = receiver && row.callee !== 'function' ? `${receiver.text.length <= 30 ? receiver.text : row.api.split('.')[0]}.${row.name}` : row.api;
    for (const argument of sqlArguments(row, args)) check(call, argument, row, match.evidence, api, hasParameters(row, args), true);
  }
  // calls of the file's own functions that pass their SQL on to a sink (`def run(sql): cursor.execute(sql)`)
  for (let i = 0; i < wrappers.length && i < 16; i++) {
    const wrapper = wrappers[i];
    const fnName = functionName(wrapper.fn);
    for (const call of tree.ofType.get('call') ?? []) {
      if (ev.expired || context.timeLeftMs() <= 0) break;
      const { name, receiver } = calleeOf(call);
      if (name !== fnName || (receiver !== undefined) !== wrapper.method || (receiver && !/^(?:self|cls)$/.test(receiver.text))) continue;
      const args = argumentsOf(call);
      const argument = args.keywords.get(wrapper.name) ?? args.positional[wrapper.index - (wrapper.method ? 1 : 0)];
      const others = args.positional.length + args.keywords.size > 1 || !!args.splat;
      if (argument) check(call, argument, wrapper.row, wrapper.evidence, `${fnName}`, others, false);
    }
  }
  return {
    model: { sinks, ...(ev.expired ? { cutShort: SQL_READ_OUT_OF_TIME } : {}) },
    fixFor(sink): FixSpec | undefined {
      const input = fixes.get(sink);
      if (!input?.style || input.byKeyword) return undefined;
      return parameterizedFix({ text: context.text, call: input.call, sqlArgument: input.argument, pieces: input.pieces, style: input.style, layout: input.row.layout });
    },
  };
}

export const pythonSql: SqlFrontEnd = {
  mayHaveSql: (text, extraSinks) => SINK_CALL_PATTERN.test(text) || extraSinks.some((name) => text.includes(`${name}(`)),
  sqlModel: pythonSqlModel,
  buildNames: { interpolation: 'an f-string', format: '`str.format()`', join: '`str.join()`', append: '`+=`' },
};
