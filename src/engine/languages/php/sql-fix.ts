import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { SqlSinkCall } from '../../model/sql';
import type { FixSpec } from '../../rule';
import { indentAt, placeholderPlan } from '../sql-placeholders';
import { phpArguments } from './syntax';

const STRING_TYPES: ReadonlySet<string> = new Set(['string', 'encapsed_string', 'heredoc', 'heredoc_body', 'nowdoc', 'nowdoc_body']);
const TITLE = 'Use a prepared statement with bound values';

function singleQuoted(sql: string): string {
  return `'${sql.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The sink's call node: the smallest call spanning the sink. */
function callAt(tree: Tree, sink: SqlSinkCall): Node | undefined {
  const node = tree.rootNode.descendantForIndex(sink.startOffset, sink.endOffset - 1);
  return node && node.startIndex === sink.startOffset && node.endIndex === sink.endOffset ? node : undefined;
}

/** `$pdo->query("... $x")` as a statement or an assignment: `prepare` with `?` and `execute([$x])`. */
function pdoFix(text: string, call: Node, sql: string, values: readonly string[]): FixSpec | undefined {
  const receiver = call.childForFieldName('object')?.text ?? '';
  if (call.childForFieldName('name')?.text !== 'query' || !/pdo/i.test(receiver)) return undefined;
  const bound = `[${values.join(', ')}]`;
  const statement = call.parent?.type === 'expression_statement' ? call.parent : undefined;
  if (statement) return { title: TITLE, edits: [{ startOffset: call.startIndex, endOffset: call.endIndex, newText: `${receiver}->prepare(${sql})->execute(${bound})` }] };
  const assignment = call.parent?.type === 'assignment_expression' && call.parent.parent?.type === 'expression_statement' ? call.parent : undefined;
  const target = assignment?.childForFieldName('left');
  if (!assignment || target?.type !== 'variable_name') return undefined;
  const indent = indentAt(text, assignment.startIndex);
  return { title: TITLE, edits: [{ startOffset: call.startIndex, endOffset: assignment.parent!.endIndex, newText: `${receiver}->prepare(${sql});\n${indent}${target.text}->execute(${bound});` }] };
}

/**
 * Quick fixes where the API's way of binding is certain: PDO `query` becomes `prepare` + `execute([...])`,
 * Laravel's `DB::select/insert/update/delete/statement` and `*Raw` clauses take a bindings array.
 */
export function phpSqlFix(text: string, tree: Tree, sink: SqlSinkCall): FixSpec | undefined {
  const call = callAt(tree, sink);
  const args = call ? phpArguments(call) : [];
  const argument = args.find((a) => a.startIndex === sink.sql.startOffset);
  const plan = argument && placeholderPlan(sink, argument, tree, STRING_TYPES, () => '?');
  if (!call || !plan || /[$\\]/.test(plan.values.join('').replace(/\$\w+/g, ''))) return undefined;
  // `"$row[id]"` reads key 'id'; outside a string `$row[id]` would read a constant
  if (plan.values.some((v) => /\[[A-Za-z_]\w*\]/.test(v))) return undefined;
  const sql = singleQuoted(plan.sql);
  if (sink.sinkId === 'php.pdo.query') return pdoFix(text, call, sql, plan.values);
  const bindsArray = sink.sinkId === 'php.laravel.raw-clause' || (sink.sinkId === 'php.laravel.db-query') || (sink.sinkId === 'php.laravel.db' && call.childForFieldName('name')?.text === 'statement');
  if (!bindsArray || args.length !== 1) return undefined;
  return { title: TITLE, edits: [{ startOffset: args[0].startIndex, endOffset: args[0].endIndex, newText: `${sql}, [${plan.values.join(', ')}]` }] };
}
