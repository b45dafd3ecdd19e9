import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import { SQL_READ_OUT_OF_TIME, type SqlFileModel, type SqlSinkCall } from '../../model/sql';
import { matchRow } from '../sql-sink-row';
import { evidenceOf, isPassedThrough, sqlTextOf } from '../sql-text-builder';
import { JAVA_SQL_SINKS } from './sql-sinks';
import { JavaText } from './text';

/** Arguments after the SQL that are not values: row mappers, result types, callbacks. */
const NOT_A_VALUE = /mapper|extractor|handler|callback|creator|setter|\.class$/i;
/** A constant such as `Statement.RETURN_GENERATED_KEYS`: an option, not a value for the SQL. */
const OPTION_CONSTANT = /(?:^|\.)[A-Z][A-Z0-9_]+$/;

export function javaArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  return args ? namedChildren(args).filter((a) => a.type !== 'comment') : [];
}

/** Values passed beside the SQL (`jdbcTemplate.query(sql, mapper, id)`), not mappers or result classes. */
function passesValues(args: readonly Node[], from: number | undefined): boolean {
  if (from === undefined) return false;
  return args.slice(from).some((a) => !['lambda_expression', 'method_reference', 'class_literal'].includes(a.type) && !NOT_A_VALUE.test(a.type === 'object_creation_expression' ? a.childForFieldName('type')?.text ?? '' : a.text) && !OPTION_CONSTANT.test(a.text));
}

/** The Java front end: every SQL sink call of the file with the text it sends, in pieces with origins. */
export function javaSqlModel(tree: Tree, deadline: number): SqlFileModel {
  const root = tree.rootNode;
  const text = new JavaText(root, deadline);
  const sinks: SqlSinkCall[] = [];
  for (const call of root.descendantsOfType('method_invocation')) {
    if (!call || text.expired) break;
    const name = call.childForFieldName('name')?.text ?? '';
    const row = matchRow(JAVA_SQL_SINKS, 'method', name, call.childForFieldName('object')?.text ?? '');
    const args = row ? javaArguments(call) : [];
    const sqlArg = args[0];
    if (!row || !sqlArg) continue;
    const sql = text.evaluate(sqlArg);
    if (text.expired) break;
    if (isPassedThrough(sql)) continue;
    sinks.push({
      sinkId: row.id, api: name, evidence: evidenceOf(sql, row), startOffset: call.startIndex, endOffset: call.endIndex,
      sql: sqlTextOf(sqlArg, sql), hasParameters: passesValues(args, row.parametersFrom),
    });
  }
  return { sinks, ...(text.expired ? { cutShort: SQL_READ_OUT_OF_TIME } : {}) };
}
