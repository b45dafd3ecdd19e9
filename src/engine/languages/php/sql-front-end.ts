import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { SQL_READ_OUT_OF_TIME, type SqlFileModel, type SqlSinkCall } from '../../model/sql';
import { evidenceOf, isPassedThrough, sqlTextOf } from '../sql-text-builder';
import { matchRow, sqlArgumentIndex, type SqlSinkRow } from '../sql-sink-row';
import { PHP_SQL_SINKS } from './sql-sinks';
import { PhpText } from './text';
import { phpArguments } from './syntax';
import { phpProjectOf } from './php-project';
import type { RuleContext } from '../../rule';

const CALL_TYPES = ['function_call_expression', 'member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression'];

function rowFor(call: Node): SqlSinkRow | undefined {
  if (call.type === 'function_call_expression') return matchRow(PHP_SQL_SINKS, 'function', (call.childForFieldName('function')?.text ?? '').replace(/^\\/, ''), '');
  const name = call.childForFieldName('name')?.text ?? '';
  if (call.type === 'scoped_call_expression') return matchRow(PHP_SQL_SINKS, 'static', name, call.childForFieldName('scope')?.text ?? '');
  return matchRow(PHP_SQL_SINKS, 'method', name, call.childForFieldName('object')?.text ?? '');
}

/** Bindings passed beside the SQL (`DB::select($sql, [$id])`, `whereRaw('a = ?', [$x])`). */
export function passesParameters(args: readonly Node[], row: SqlSinkRow): boolean {
  return row.parametersFrom !== undefined && args.length > row.parametersFrom;
}

/** The PHP front end: every SQL sink call of the file with the text it sends, in pieces with origins. */
export function phpSqlModel(tree: Tree, deadline: number, context?: Pick<RuleContext, 'project'>): SqlFileModel {
  const root = tree.rootNode;
  const text = new PhpText(root, deadline, phpProjectOf(context?.project));
  const sinks: SqlSinkCall[] = [];
  for (const call of root.descendantsOfType(CALL_TYPES)) {
    if (!call || text.expired) break;
    const row = rowFor(call);
    if (!row) continue;
    const args = phpArguments(call);
    const sqlArg = args[sqlArgumentIndex(row, args.length)];
    if (!sqlArg) continue;
    const name = call.childForFieldName('name')?.text ?? call.childForFieldName('function')?.text ?? row.api;
    const sql = text.evaluate(sqlArg);
    if (text.expired) break;
    if (isPassedThrough(sql)) continue;
    sinks.push({
      sinkId: row.id, api: row.call === 'function' ? name : row.call === 'static' ? `DB::${name}` : `->${name}`, evidence: evidenceOf(sql, row),
      startOffset: call.startIndex, endOffset: call.endIndex, sql: sqlTextOf(sqlArg, sql), hasParameters: passesParameters(args, row),
    });
  }
  return { sinks, ...(text.expired ? { cutShort: SQL_READ_OUT_OF_TIME } : {}) };
}
