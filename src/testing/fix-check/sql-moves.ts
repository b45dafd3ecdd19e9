import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES, pathTo } from '../../engine/ast';
import { bindingAt, readNames, type Binding } from './bindings';
import { innermost, mapOffset, type PlacedEdit } from './edits';

/**
 * The semantic checks of "Use a parameterized query", made from the trees before and after the fix and not
 * from the fix's own reasoning: every value the fix moved to the call reads, at the call, what it read where
 * the SQL text was built (same binding, no write or effect in between, not a call run at another time, not
 * built under a condition or loop the call is outside of), the SQL variable is read nowhere else, and the
 * placeholders in the new text match the values.
 */

const CALL_TYPES: ReadonlySet<string> = new Set(['call_expression']);
const EFFECT_TYPES = new Set(['call_expression', 'new_expression', 'assignment_expression', 'augmented_assignment_expression', 'update_expression', 'await_expression', 'yield_expression']);
const CONDITIONAL_TYPES = new Set(['if_statement', 'else_clause', 'switch_statement', 'switch_case', 'switch_default', 'ternary_expression', 'for_statement', 'for_in_statement', 'while_statement', 'do_statement', 'try_statement', 'catch_clause', 'finally_clause', ...FUNCTION_TYPES]);
const WRITE_TYPES = new Set(['assignment_expression', 'augmented_assignment_expression', 'update_expression', 'variable_declarator']);
const STRING_TYPES = new Set(['string', 'template_string']);

function has(node: Node, types: ReadonlySet<string>): boolean {
  if (types.has(node.type)) return true;
  return node.namedChildren.some((c) => c !== null && !FUNCTION_TYPES.has(c.type) && has(c, types));
}

function sameBinding(a: Binding | undefined, b: Binding | undefined): boolean {
  return a?.node.startIndex === b?.node.startIndex;
}

function nodesIn(root: Node, start: number, end: number, types: ReadonlySet<string>): Node[] {
  const found: Node[] = [];
  const visit = (node: Node): void => {
    if (node.endIndex <= start || node.startIndex >= end) return;
    if (types.has(node.type) && node.startIndex >= start && node.endIndex <= end) found.push(node);
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(root);
  return found;
}

/** The name a write changes: `a` of `a = 1`, `a.b += 2`, `a++`, `let a`. */
function writtenName(write: Node): Node | undefined {
  let target = write.type === 'variable_declarator' ? write.childForFieldName('name') : write.type === 'update_expression' ? write.childForFieldName('argument') : write.childForFieldName('left');
  while (target && (target.type === 'member_expression' || target.type === 'subscript_expression' || target.type === 'parenthesized_expression')) target = target.childForFieldName('object') ?? target.namedChildren[0];
  return target?.type === 'identifier' ? target : undefined;
}

/** The values of the call after the fix: the elements of the arrays the edits touch, and `.input(name, value)` values. */
function valuesAfter(call: Node, edits: readonly PlacedEdit[]): { values: Node[]; moved: Node[] } {
  const inserted = (n: Node) => edits.some((e) => n.startIndex >= e.newStart && n.endIndex <= e.newEnd && e.newEnd > e.newStart);
  const touched = (n: Node) => edits.some((e) => n.startIndex < e.newEnd && n.endIndex > e.newStart);
  const arrays: Node[] = [];
  const args = call.childForFieldName('arguments');
  for (const arg of args?.namedChildren ?? []) {
    if (arg?.type === 'array' && touched(arg)) arrays.push(arg);
    if (arg?.type === 'object') {
      for (const pair of arg.namedChildren) {
        const value = pair?.type === 'pair' ? pair.childForFieldName('value') : null;
        if (value?.type === 'array' && touched(value)) arrays.push(value);
      }
    }
  }
  const values = arrays.flatMap((a) => a.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment'));
  // better-sqlite3's stmt.get(a, b): the values are the call's own arguments
  if (!arrays.length) values.push(...(args?.namedChildren ?? []).filter((a): a is Node => a !== null && a.type !== 'comment' && !FUNCTION_TYPES.has(a.type) && !has(a, STRING_TYPES)));
  for (const input of nodesIn(call, call.startIndex, call.endIndex, CALL_TYPES)) {
    const callee = input.childForFieldName('function');
    if (inserted(input) && callee?.type === 'member_expression' && callee.childForFieldName('property')?.text === 'input') {
      const value = input.childForFieldName('arguments')?.namedChildren[1];
      if (value) values.push(value);
    }
  }
  return { values, moved: values.filter(inserted) };
}

/** Placeholders written in the SQL text after the fix, against the number of values. */
function placeholderProblem(literal: Node | undefined, values: number): string | undefined {
  if (!literal || !STRING_TYPES.has(literal.type) || literal.namedChildren.some((c) => c?.type === 'template_substitution')) return undefined;
  const numbered = [...literal.text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
  if (numbered.length) {
    const highest = Math.max(...numbered);
    return highest === values ? undefined : `the SQL text's highest placeholder is $${highest} for ${values} value(s)`;
  }
  const questions = literal.text.match(/\?\??/g)?.length ?? 0;
  if (questions === 0) return undefined; // named placeholders (:name, @name): matched by name, not counted
  return questions === values ? undefined : `the SQL text holds ${questions} ? for ${values} value(s) (the client fills every ?)`;
}

export function sqlMoveProblems(oldRoot: Node, newRoot: Node, edits: readonly PlacedEdit[]): string[] {
  // a tagged template (prisma.$queryRaw`...${v}`): the values stay where they were and the tag sends them apart
  if (edits.some((e) => /^[\w$]+`/.test(e.newText))) return [];
  const targetEdit = edits.find((e) => e.endOffset > e.startOffset && /^['"`]/.test(e.newText));
  if (!targetEdit) return ['no edit writes the SQL text'];
  const targetPath = pathTo(oldRoot, targetEdit.startOffset, targetEdit.endOffset);
  const target = targetPath[targetPath.length - 1];
  const callEdit = edits.find((e) => e !== targetEdit) ?? targetEdit;
  // the call around the edit, not the edited expression itself (`'...'.concat(v)` is a call too)
  const around = pathTo(oldRoot, callEdit.startOffset, callEdit.endOffset).filter((n) => n.startIndex < callEdit.startOffset || n.endIndex > callEdit.endOffset);
  const call = innermost(around, CALL_TYPES);
  if (!call) return ['the values are not written in a call'];
  const newCallPath = pathTo(newRoot, mapOffset(edits, call.startIndex), mapOffset(edits, call.endIndex));
  const newCall = [...newCallPath].reverse().find((n) => n.type === 'call_expression' && n.startIndex === mapOffset(edits, call.startIndex));
  if (!newCall) return ['the call is not a call after the fix'];
  const problems: string[] = [];
  const { values, moved } = valuesAfter(newCall, edits);
  const literalPath = pathTo(newRoot, targetEdit.newStart, targetEdit.newStart + 1);
  const literal = literalPath.find((n) => n.startIndex === targetEdit.newStart && STRING_TYPES.has(n.type));
  const placeholders = placeholderProblem(literal, values.length);
  if (placeholders) problems.push(placeholders);
  const inline = call.startIndex <= target.startIndex && target.endIndex <= call.endIndex;
  if (inline) return problems;
  // the SQL text was built before the call: what moves must read the same there and at the call
  const callPath = pathTo(oldRoot, call.startIndex, call.endIndex);
  let common = 0;
  while (common < targetPath.length && common < callPath.length && targetPath[common].startIndex === callPath[common].startIndex && targetPath[common].endIndex === callPath[common].endIndex && targetPath[common].type === callPath[common].type) common++;
  const guard = targetPath.slice(common).find((n) => CONDITIONAL_TYPES.has(n.type));
  if (guard) problems.push(`the SQL text is built inside a ${guard.type} the call is outside of`);
  for (const value of moved) {
    if (has(value, EFFECT_TYPES)) problems.push(`\`${value.text}\` runs code: it now runs at the call, not where the SQL text was built`);
    for (const name of readNames(value)) {
      const built = bindingAt(oldRoot, target.startIndex, name.text);
      if (!sameBinding(built, bindingAt(oldRoot, call.startIndex, name.text))) problems.push(`\`${name.text}\` at the call is another binding than where the SQL text was built`);
      const writes = nodesIn(oldRoot, target.endIndex, call.startIndex, WRITE_TYPES).filter((w) => writtenName(w)?.text === name.text && sameBinding(bindingAt(oldRoot, w.startIndex, name.text), built));
      if (writes.length) problems.push(`\`${name.text}\` is written between where the SQL text was built and the call`);
    }
  }
  const awaits = nodesIn(oldRoot, target.endIndex, call.startIndex, new Set(['await_expression', 'yield_expression']));
  if (awaits.length && moved.some((v) => v.type !== 'identifier')) problems.push('an await between where the SQL text was built and the call may change what a moved value reads');
  // the SQL variable now holds placeholders: any other reader of it would get them
  const declarator = targetPath[targetPath.length - 2];
  const variable = declarator?.type === 'variable_declarator' ? declarator.childForFieldName('name') : undefined;
  if (variable?.type === 'identifier') {
    const binding = bindingAt(oldRoot, variable.startIndex, variable.text);
    const readers = nodesIn(oldRoot, 0, oldRoot.endIndex, new Set(['identifier', 'shorthand_property_identifier'])).filter((n) => n.text === variable.text && n.startIndex !== variable.startIndex
      && !(n.startIndex >= call.startIndex && n.endIndex <= call.endIndex) && sameBinding(bindingAt(oldRoot, n.startIndex, n.text), binding));
    if (readers.length) problems.push(`the SQL variable \`${variable.text}\` is also read outside the call (it now holds placeholders there)`);
  }
  return problems;
}
