import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import { SQL_READ_OUT_OF_TIME, type SqlFileModel, type SqlSinkCall } from '../../model/sql';
import { matchRow, sqlArgumentIndex, type SqlSinkRow } from '../sql-sink-row';
import { evidenceOf, isPassedThrough, sqlTextOf } from '../sql-text-builder';
import type { RuleContext } from '../../rule';
import { isRailsHelper, rubyProjectOf } from './ruby-project';
import { RUBY_SQL_SINKS } from './sql-sinks';
import { RubyText, rubyArguments } from './text';

/** Argument forms that are never SQL text: hash conditions (`where(name: x)`), symbols, blocks. */
const NOT_SQL = new Set(['pair', 'hash', 'simple_symbol', 'block_argument', 'splat_argument', 'hash_splat_argument', 'symbol_array', 'lambda', 'integer', 'nil']);

/** The SQL argument and the values passed beside it; `find_by_sql(["... ?", x])` keeps both in an array. */
function sqlArgumentOf(args: readonly Node[], row: SqlSinkRow): { sql: Node; hasParameters: boolean } | undefined {
  const first = args[sqlArgumentIndex(row, args.length)];
  if (!first || NOT_SQL.has(first.type)) return undefined;
  if (first.type === 'array') {
    const [sql, ...values] = namedChildren(first);
    return sql && !NOT_SQL.has(sql.type) ? { sql, hasParameters: values.length > 0 } : undefined;
  }
  return { sql: first, hasParameters: row.parametersFrom !== undefined && args.length > row.parametersFrom };
}

/** Inside a class that inherits from ActiveRecord, where `where(...)` without a receiver is the model's own query. */
function inModel(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'class') return /\b(?:ApplicationRecord|ActiveRecord::Base)$/.test(p.childForFieldName('superclass')?.text ?? '');
  }
  return false;
}

/** The sink row for a call, or for `DB["..."]` (Sequel's raw dataset). */
function sinkOf(node: Node): { row: SqlSinkRow; args: Node[]; name: string } | undefined {
  if (node.type === 'element_reference') {
    const object = node.childForFieldName('object') ?? namedChildren(node)[0];
    const row = object && matchRow(RUBY_SQL_SINKS, 'method', '[]', object.text);
    return row ? { row, args: namedChildren(node).slice(1), name: '[]' } : undefined;
  }
  const name = node.childForFieldName('method')?.text ?? '';
  const receiver = node.childForFieldName('receiver');
  // without a receiver, a query method is the model's own only inside a model; elsewhere it may be a helper
  if (!receiver && !/^(?:find_by_sql|count_by_sql)$/.test(name) && !inModel(node)) return undefined;
  if (name === 'calculate' && rubyArguments(node)[0]?.type !== 'simple_symbol') return undefined;
  if (node.childForFieldName('block')) return undefined;
  const row = matchRow(RUBY_SQL_SINKS, 'method', name, receiver?.text ?? '');
  return row ? { row, args: rubyArguments(node), name } : undefined;
}

/** The Ruby front end: every SQL sink call of the file with the text it sends, in pieces with origins. */
export function rubySqlModel(tree: Tree, deadline: number, context?: Pick<RuleContext, 'project' | 'fileName'>): SqlFileModel {
  const root = tree.rootNode;
  const text = new RubyText(root, deadline, rubyProjectOf(context?.project), isRailsHelper(context?.fileName ?? ''));
  const sinks: SqlSinkCall[] = [];
  for (const call of root.descendantsOfType(['call', 'element_reference'])) {
    if (!call || text.expired) break;
    const sink = sinkOf(call);
    const argument = sink && sqlArgumentOf(sink.args, sink.row);
    if (!sink || !argument) continue;
    const sql = text.evaluate(argument.sql);
    if (text.expired) break;
    if (isPassedThrough(sql)) continue;
    sinks.push({
      sinkId: sink.row.id, api: sink.name === '[]' ? 'DB[]' : sink.name, evidence: evidenceOf(sql, sink.row), startOffset: call.startIndex, endOffset: call.endIndex,
      sql: sqlTextOf(argument.sql, sql), hasParameters: argument.hasParameters,
    });
  }
  return { sinks, ...(text.expired ? { cutShort: SQL_READ_OUT_OF_TIME } : {}) };
}
