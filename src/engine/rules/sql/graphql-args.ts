import type { Node } from '@vscode/tree-sitter-wasm';
import { unwrap } from '../../ast';
import type { StringEvaluator } from './string-building';
import { argumentList, lastName, propertyValue } from './syntax';

/**
 * GraphQL checks a resolver's arguments against the schema before the resolver runs: an argument declared
 * `Int`, `Float`, `Boolean` or an enum, or a list or non-null of those, arrives as a number, a boolean or one
 * of the enum's values, never as text a caller wrote. The declaration is read from the field config that
 * holds the resolver: `{ args: { role: { type: new GraphQLList(MemberRole) } }, resolve(parent, args) {...} }`.
 * `String`, `ID` and input objects stay request data.
 */

/** graphql-js scalars whose values cannot carry SQL. */
const SAFE_SCALARS: ReadonlySet<string> = new Set(['GraphQLInt', 'GraphQLFloat', 'GraphQLBoolean']);
/** Types that hold another type. */
const WRAPPERS: ReadonlySet<string> = new Set(['GraphQLList', 'GraphQLNonNull']);

/** Whether a text mentions `resolve` at all, for the last text asked about (one file is read at a time). */
let lastText: string | undefined;
let lastHasResolve = false;

function mentionsResolve(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastHasResolve = text.includes('resolve');
  }
  return lastHasResolve;
}

/** `args.role` in a resolver, where the field declares `role` with a type that cannot carry SQL. */
export function isSchemaTypedArgument(ev: StringEvaluator, object: Node, property: string): boolean {
  // a file with no `resolve` has no resolver: most files, and most member reads, stop here
  if (object.type !== 'identifier' || !mentionsResolve(ev.text)) return false;
  const binding = ev.scopes.resolve(object)?.binding;
  const param = binding?.kind === 'param' ? binding.param : undefined;
  if (!param || param.index !== 1 || param.arrayCallback) return false;
  const fieldConfig = resolverHolder(param.fn);
  const args = fieldConfig && objectLiteral(ev, propertyValue(fieldConfig, 'args'));
  const argument = args && objectLiteral(ev, propertyValue(args, property));
  const type = argument && propertyValue(argument, 'type');
  return !!type && cannotCarrySql(ev, type, 0);
}

/** The object literal a resolver is written in: `{ resolve(parent, args) {} }` or `{ resolve: (parent, args) => ... }`. */
function resolverHolder(fn: Node): Node | undefined {
  if (fn.type === 'method_definition') return fn.childForFieldName('name')?.text === 'resolve' && fn.parent?.type === 'object' ? fn.parent : undefined;
  const pair = fn.parent;
  return pair?.type === 'pair' && pair.childForFieldName('key')?.text === 'resolve' && pair.parent?.type === 'object' ? pair.parent : undefined;
}

/** An object literal, written in place or held by a `const` of this file. */
function objectLiteral(ev: StringEvaluator, node: Node | undefined): Node | undefined {
  const target = node && unwrap(node);
  if (target?.type === 'object') return target;
  if (target?.type !== 'identifier') return undefined;
  const resolution = ev.scopes.resolve(target);
  const init = resolution?.binding.kind === 'const' && resolution.writes.length === 0 ? resolution.binding.init : undefined;
  return init && unwrap(init).type === 'object' ? unwrap(init) : undefined;
}

function cannotCarrySql(ev: StringEvaluator, type: Node, depth: number): boolean {
  const target = unwrap(type);
  if (depth > 4) return false;
  if (target.type === 'new_expression' || target.type === 'call_expression') {
    const callee = target.childForFieldName(target.type === 'new_expression' ? 'constructor' : 'function');
    const inner = argumentList(target)[0];
    if (callee && WRAPPERS.has(lastName(callee)) && inner) return cannotCarrySql(ev, inner, depth + 1);
    return !!callee && lastName(callee) === 'GraphQLEnumType';
  }
  if (target.type !== 'identifier' && target.type !== 'member_expression') return false;
  if (SAFE_SCALARS.has(lastName(target))) return true;
  // an enum: built in this file, or what another project file exports from `new GraphQLEnumType(...)`
  const local = target.type === 'identifier' ? ev.scopes.resolve(target)?.binding : undefined;
  if (local?.kind === 'const' && local.init) return cannotCarrySql(ev, local.init, depth + 1);
  const value = ev.crossFile?.packageValueOf(target);
  return value?.name === 'graphql' && value.path.length === 2 && value.path[0] === 'GraphQLEnumType' && value.path[1] === '()';
}
