import type { Node } from '@vscode/tree-sitter-wasm';
import type { SqlSinkCall, SqlText, TextPiece } from '../../model/sql';
import type { FixSpec, RuleContext } from '../../rule';
import type { SqlFrontEnd, SqlFrontEndRun } from '../front-ends';
import type { PyPiece } from './pieces';
import { parameterizedFix } from './sql-fix';
import { DB_HANDLE, DRIVER_STYLES, PY_SINKS, type PlaceholderStyle, type PySinkRow, SINK_CALL_PATTERN } from './sql-sinks';
import { PyTree, argumentsOf, calleeOf, named, unwrapPy, type CallArguments } from './syntax';
import { PyEvaluator } from './values';

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

function matchRow(call: Node, modules: ReadonlySet<string>): Match | undefined {
  const { name, receiver } = calleeOf(call);
  for (const row of PY_SINKS) {
    if (row.name !== name) continue;
    if (row.callee === 'method' && !receiver) continue;
    if (row.callee === 'function' && receiver && (receiver.type !== 'identifier' && receiver.type !== 'attribute' || /^(?:self|cls)$/.test(receiver.text))) continue;
    if (row.imports && !row.imports.some((m) => modules.has(m))) continue;
    if (row.receiver && (!receiver || !row.receiver.test(receiver.text))) continue;
    const generic = row.name === 'execute' || row.name === 'executemany' || row.name === 'fetch';
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

function pythonSqlModel(context: RuleContext): SqlFrontEndRun {
  const tree = new PyTree(context.tree.rootNode, ['call', 'import_statement', 'import_from_statement']);
  const modules = importedModules(tree);
  const style = fileStyle(modules);
  const ev = new PyEvaluator(tree, performance.now() + context.timeLeftMs(), modules);
  const sinks: SqlSinkCall[] = [];
  const fixes = new Map<SqlSinkCall, FixInput>();
  for (const call of tree.ofType.get('call') ?? []) {
    if (ev.expired || context.timeLeftMs() <= 0) break;
    const match = matchRow(call, modules);
    if (!match) continue;
    const { row } = match;
    const args = argumentsOf(call);
    for (const argument of sqlArguments(row, args)) {
      const e = ev.evaluate(argument);
      if (e.kind !== 'text' || ev.expired) continue;
      const span = textSpan(ev, argument);
      const sql: SqlText = { pieces: e.pieces.map(modelPiece), built: e.built, startOffset: span.start, endOffset: span.end };
      const { receiver } = calleeOf(call);
      const sink: SqlSinkCall = {
        sinkId: row.id, api: receiver && row.callee !== 'function' ? `${receiver.text.length <= 30 ? receiver.text : row.api.split('.')[0]}.${row.name}` : row.api,
        evidence: match.evidence, startOffset: call.startIndex, endOffset: call.endIndex, sql, hasParameters: hasParameters(row, args),
      };
      sinks.push(sink);
      const sinkStyle = row.placeholder === 'driver' ? (receiver && SQLALCHEMY_HANDLE.test(receiver.text) ? undefined : style) : row.placeholder === 'none' ? undefined : row.placeholder;
      fixes.set(sink, { call, argument, pieces: e.pieces, row, style: sinkStyle, byKeyword: args.positional[row.sqlArgument] !== argument });
    }
  }
  return {
    model: { sinks },
    fixFor(sink): FixSpec | undefined {
      const input = fixes.get(sink);
      if (!input?.style || input.byKeyword) return undefined;
      return parameterizedFix({ text: context.text, call: input.call, sqlArgument: input.argument, pieces: input.pieces, style: input.style, layout: input.row.layout });
    },
  };
}

export const pythonSql: SqlFrontEnd = {
  mayHaveSql: (text) => SINK_CALL_PATTERN.test(text),
  sqlModel: pythonSqlModel,
  buildNames: { interpolation: 'an f-string', format: '`str.format()`', join: '`str.join()`', append: '`+=`' },
};
