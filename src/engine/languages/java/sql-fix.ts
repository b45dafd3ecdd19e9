import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { SqlSinkCall } from '../../model/sql';
import type { FixSpec } from '../../rule';
import { placeholderPlan } from '../sql-placeholders';
import { javaArguments } from './sql-front-end';

const STRING_TYPES: ReadonlySet<string> = new Set(['string_literal', 'string_fragment', 'multiline_string_fragment', 'text_block']);
/** `JdbcTemplate` methods that take the values to bind as trailing `Object... args`. */
const VARARGS_METHODS = new Set(['query', 'queryForObject', 'queryForList', 'queryForMap', 'queryForRowSet', 'queryForStream', 'update']);

function javaString(sql: string): string {
  return `"${sql.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** `jdbcTemplate.query("... " + id, mapper)` becomes `jdbcTemplate.query("... ?", mapper, id)`. */
export function javaSqlFix(_text: string, tree: Tree, sink: SqlSinkCall): FixSpec | undefined {
  if (sink.sinkId !== 'java.spring.jdbc-template') return undefined;
  const call: Node | null = tree.rootNode.descendantForIndex(sink.startOffset, sink.endOffset - 1);
  if (!call || call.type !== 'method_invocation' || call.startIndex !== sink.startOffset || call.endIndex !== sink.endOffset) return undefined;
  if (!VARARGS_METHODS.has(call.childForFieldName('name')?.text ?? '') || !/jdbc|template/i.test(call.childForFieldName('object')?.text ?? '')) return undefined;
  const args = javaArguments(call);
  const plan = args.length <= 2 ? placeholderPlan(sink, args[0], tree, STRING_TYPES, () => '?') : undefined;
  if (!plan) return undefined;
  const last = args.at(-1)!;
  return {
    title: 'Use `?` placeholders with the values as arguments',
    edits: [
      { startOffset: args[0].startIndex, endOffset: args[0].endIndex, newText: javaString(plan.sql) },
      { startOffset: last.endIndex, endOffset: last.endIndex, newText: `, ${plan.values.join(', ')}` },
    ],
  };
}
