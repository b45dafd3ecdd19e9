import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES, unwrap } from '../../ast';
import { genericType } from './declared-types';
import type { Binding } from './scope';

/**
 * The type TypeScript gives a callback's parameter from where the callback is passed, when it has no
 * annotation of its own. Generic classes that call a callback with values of one of their type arguments
 * are data rows: DataLoader's batch function receives `readonly K[]`, `K` being the loader's key type,
 * written on the `new DataLoader<K, V>(...)` itself or on what holds it (a variable's type, the declared
 * return type of the function that returns it).
 */

interface TypedCallback {
  /** The module that exports the class. */
  readonly module: string;
  /** Its export (also its usual local name). */
  readonly className: string;
  /** Which constructor argument is the callback, and which of its parameters is typed. */
  readonly callbackArgument: number;
  readonly parameter: number;
  /** Which type argument of the class the parameter is made of, and how (`array`: a list of them). */
  readonly typeArgument: number;
  readonly shape: 'array' | 'same';
}

const TYPED_CALLBACKS: readonly TypedCallback[] = [
  { module: 'dataloader', className: 'DataLoader', callbackArgument: 0, parameter: 0, typeArgument: 0, shape: 'array' },
];

/** Wrappers an expression may sit in without changing what is constructed. */
const TRANSPARENT = new Set(['parenthesized_expression', 'await_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);

/** The type a parameter gets from the call it is passed to; `moduleOf` says which module a local name was imported from. */
export function contextualParameterType(binding: Binding, moduleOf: (name: string) => string | undefined): string | undefined {
  const param = binding.param;
  if (binding.kind !== 'param' || !param || param.arrayCallback || binding.typeText !== undefined) return undefined;
  const args = param.fn.parent;
  const created = args?.type === 'arguments' ? args.parent : undefined;
  if (created?.type !== 'new_expression') return undefined;
  // `new DataLoader(...)` under whatever local name the module's export got, or `new loaders.DataLoader(...)`
  const [root, ...members] = (created.childForFieldName('constructor')?.text ?? '').split('.');
  const row = TYPED_CALLBACKS.find((r) => r.parameter === param.index && moduleOf(root) === r.module && (members.length === 0 || members.join('.') === r.className));
  if (!row || args?.namedChildren.filter((c) => c?.type !== 'comment')[row.callbackArgument]?.startIndex !== param.fn.startIndex) return undefined;
  const written = created.childForFieldName('type_arguments');
  const declared = written ? `${row.className}${written.text}` : declaredTypeOf(created);
  const generic = declared ? genericType(declared) : undefined;
  if (!generic || generic.name.split('.').pop() !== row.className) return undefined;
  const argument = generic.args[row.typeArgument];
  if (!argument) return undefined;
  return row.shape === 'array' ? `readonly (${argument})[]` : argument;
}

/** The type written for the place an expression's value goes: a variable's annotation, or the declared return type of the function returning it. */
function declaredTypeOf(expression: Node): string | undefined {
  let node = expression;
  let holder = node.parent;
  while (holder && TRANSPARENT.has(holder.type)) { node = holder; holder = holder.parent; }
  if (!holder) return undefined;
  if (holder.type === 'variable_declarator' && holder.childForFieldName('value')?.startIndex === node.startIndex) return annotation(holder.childForFieldName('type'));
  let fn: Node | null = null;
  if (holder.type === 'arrow_function' && holder.childForFieldName('body')?.startIndex === node.startIndex) fn = holder;
  else if (holder.type === 'return_statement') {
    fn = holder.parent;
    while (fn && !FUNCTION_TYPES.has(fn.type)) fn = fn.parent;
  }
  const returned = fn ? annotation(fn.childForFieldName('return_type')) : undefined;
  // `async (): Promise<DataLoader<K, V>>` returns the loader once awaited
  const promised = returned ? genericType(returned) : undefined;
  return promised?.name === 'Promise' ? promised.args[0] : returned;
}

function annotation(node: Node | null | undefined): string | undefined {
  return node ? unwrap(node).text.replace(/^:\s*/, '') : undefined;
}
