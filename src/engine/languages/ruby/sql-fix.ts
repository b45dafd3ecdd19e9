import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { SqlSinkCall } from '../../model/sql';
import type { FixSpec } from '../../rule';
import { placeholderPlan } from '../sql-placeholders';

const STRING_TYPES: ReadonlySet<string> = new Set(['string', 'string_content', 'heredoc_body', 'heredoc_content']);
/** ActiveRecord methods that take conditions as `"a = ?", value`. */
const CONDITION_METHODS = new Set(['where', 'not', 'rewhere', 'having']);

function singleQuoted(sql: string): string {
  return `'${sql.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `where("name = '#{x}'")` becomes `where('name = ?', x)`; `find_by_sql("... #{x}")` takes `['... ?', x]`. */
export function rubySqlFix(_text: string, tree: Tree, sink: SqlSinkCall): FixSpec | undefined {
  const call: Node | null = tree.rootNode.descendantForIndex(sink.startOffset, sink.endOffset - 1);
  if (!call || call.type !== 'call' || call.startIndex !== sink.startOffset || call.endIndex !== sink.endOffset) return undefined;
  const method = call.childForFieldName('method')?.text ?? '';
  const inArray = method === 'find_by_sql' || method === 'count_by_sql';
  if (!inArray && !(sink.sinkId === 'ruby.activerecord.query' && CONDITION_METHODS.has(method))) return undefined;
  const args = call.childForFieldName('arguments');
  const argument = args?.namedChildren.length === 1 ? args.namedChildren[0] : null;
  const plan = argument ? placeholderPlan(sink, argument, tree, STRING_TYPES, () => '?') : undefined;
  if (!plan) return undefined;
  const list = `${singleQuoted(plan.sql)}, ${plan.values.join(', ')}`;
  return {
    title: 'Use `?` placeholders with the values as arguments',
    edits: [{ startOffset: sink.sql.startOffset, endOffset: sink.sql.endOffset, newText: inArray ? `[${list}]` : list }],
  };
}
