import type { Node } from '@vscode/tree-sitter-wasm';
import { unwrap } from '../../ast';
import { declarationLeaves, filterKeeps } from './graphql-declarations';
import type { ArgOrigin, SchemaSourceFact, ValueRef } from '../../project/facts';
import type { PackageValue } from './parameter-values';
import { SAFE, cannotCarrySql as carriesNoSql, settle, type Evaluation } from './pieces';
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
  const declared = resolverArguments(ev, object);
  return !!declared && declaredKey(ev, declared, property) === 'safe';
}

/**
 * The node that declares the arguments of the resolver whose `args` parameter `node` names (the field config's
 * `args`), or `undefined` when `node` is no such parameter. A file with no `resolve` has no resolver: most
 * files, and most member reads, stop here.
 */
export function resolverArguments(ev: StringEvaluator, node: Node): Node | undefined {
  const target = unwrap(node);
  if (target.type !== 'identifier' || !mentionsResolve(ev.text)) return undefined;
  const resolution = ev.scopes.resolve(target);
  const param = resolution?.binding.kind === 'param' ? resolution.binding.param : undefined;
  // (a resolver that rewrites its `args` no longer holds what the schema checked)
  if (!param || param.index !== 1 || param.arrayCallback || resolution!.writes.length > 0) return undefined;
  const fieldConfig = resolverHolder(param.fn);
  return fieldConfig && propertyValue(fieldConfig, 'args');
}

/** What an arguments declaration says of one argument: a type that cannot carry SQL, not declared, or anything else. */
export type Declared = 'safe' | 'absent' | 'unknown';

/**
 * What a declaration says of `key`, its writers read last first (see `declarationLeaves`): lodash's `omit` and
 * `pick` keep the other keys' declarations as they are; an object another project file exports is read
 * through the project's modules (`Args.kind.type`).
 */
function declaredKey(ev: StringEvaluator, node: Node, key: string): Declared {
  const leaves = declarationLeaves(ev, node);
  if (!leaves) return 'unknown';
  for (const leaf of leaves) {
    const kept = leaf.filters.filter((f) => !filterKeeps(f, key));
    if (kept.length > 0) {
      if (kept.some((f) => !isKeyFilterValue(ev.crossFile?.packageValueOf(f.helper), f.kind))) return 'unknown';
      continue;
    }
    if ('key' in leaf) {
      if (leaf.key !== key) continue;
      return leaf.type && cannotCarrySql(ev, leaf.type, 0) ? 'safe' : 'unknown';
    }
    return isSafeTypeValue(ev.crossFile?.packageValueAt?.(leaf.object, [key, 'type'])) ? 'safe' : 'unknown';
  }
  return 'absent';
}

/** Packages whose `omit` and `pick` copy an object less, or only, the keys listed. */
const KEY_FILTER_PACKAGES = /^(?:lodash(?:-es)?|underscore)$/;

/** Whether a package value is lodash's (or underscore's) `omit` or `pick`. */
export function isKeyFilterValue(value: PackageValue | undefined, kind: 'omit' | 'pick'): boolean {
  if (!value) return false;
  if (KEY_FILTER_PACKAGES.test(value.name)) return value.path.length === 1 && value.path[0] === kind;
  return value.path.length === 0 && (value.name === `lodash/${kind}` || value.name === `lodash.${kind}`);
}

/** The object literal a resolver is written in: `{ resolve(parent, args) {} }` or `{ resolve: (parent, args) => ... }`. */
function resolverHolder(fn: Node): Node | undefined {
  if (fn.type === 'method_definition') return fn.childForFieldName('name')?.text === 'resolve' && fn.parent?.type === 'object' ? fn.parent : undefined;
  const pair = fn.parent;
  return pair?.type === 'pair' && pair.childForFieldName('key')?.text === 'resolve' && pair.parent?.type === 'object' ? pair.parent : undefined;
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
  return isSafeTypeValue(ev.crossFile?.packageValueOf(target));
}

/** A graphql-js value that cannot carry SQL as an argument's type: an enum built with `new GraphQLEnumType(...)`, or a safe scalar. */
export function isSafeTypeValue(value: PackageValue | undefined): boolean {
  if (value?.name !== 'graphql') return false;
  const path = value.path;
  return (path.length === 2 && path[0] === 'GraphQLEnumType' && path[1] === '()') || (path.length === 1 && SAFE_SCALARS.has(path[0]));
}

/**
 * What a call passes for `args.kind` when it hands a resolver's `args` on, whole (`list(args, req)`) or spread
 * into a new object (`list({ ...args, account }, req)`): safe when the schema declares `kind` with a type that
 * cannot carry SQL and whatever else the object may take `kind` from cannot carry SQL either (a key written
 * after the spread replaces it; one written before it stays when the request leaves the argument out).
 */
export function schemaArgumentPart(ev: StringEvaluator, arg: Node | undefined, path: readonly string[], depth: number): Evaluation | undefined {
  if (!arg || path.length !== 1) return undefined;
  const target = unwrap(arg);
  const key = path[0];
  const whole = resolverArguments(ev, target);
  if (whole) return declaredKey(ev, whole, key) === 'safe' ? SAFE : undefined;
  if (target.type !== 'object') return undefined;
  let fromArguments = false;
  const members = target.namedChildren.filter((m): m is Node => m !== null && m.type !== 'comment');
  for (const member of members.reverse()) {
    if (member.type === 'spread_element') {
      const declared = member.namedChildren[0] && resolverArguments(ev, member.namedChildren[0]);
      const found = declared ? declaredKey(ev, declared, key) : 'unknown';
      if (found === 'unknown') return undefined;
      fromArguments ||= found === 'safe';
      continue;
    }
    const name = member.type === 'pair' ? member.childForFieldName('key') : member;
    if (!name || name.type === 'computed_property_name') return undefined;
    if (name.text.replace(/^['"]|['"]$/g, '') !== key) continue;
    const value = member.type === 'pair' ? member.childForFieldName('value') : member;
    return value && carriesNoSql(settle(ev.evaluate(value, depth + 1))) ? SAFE : undefined;
  }
  return fromArguments ? SAFE : undefined;
}

/**
 * For the call facts other files read: when a call hands a resolver's `args` on (whole, or as the one spread
 * of an object literal), the writers of its declaration, each as references the project can follow later
 * (an enum imported from another file is told only then).
 */
export function handedOnArguments(ev: StringEvaluator, target: Node, refOf: (node: Node) => ValueRef): SchemaSourceFact[] | undefined {
  let declaration = resolverArguments(ev, target);
  if (!declaration && target.type === 'object') {
    const members = target.namedChildren.filter((m): m is Node => m !== null && m.type !== 'comment');
    const spreads = members.filter((m) => m.type === 'spread_element');
    if (spreads.length !== 1 || members.some((m) => m.type === 'pair' && m.childForFieldName('key')?.type === 'computed_property_name')) return undefined;
    const spread = spreads[0].namedChildren[0];
    declaration = spread ? resolverArguments(ev, spread) : undefined;
  }
  const leaves = declaration && declarationLeaves(ev, declaration);
  return leaves?.map((leaf) => {
    const source: SchemaSourceFact = 'key' in leaf
      ? leaf.type && cannotCarrySql(ev, leaf.type, 0) ? { key: leaf.key, safe: true } : { key: leaf.key, ...(leaf.type ? { type: refOf(innerType(leaf.type)) } : {}) }
      : { object: refOf(leaf.object) };
    if (leaf.filters.length > 0) source.filters = leaf.filters.map((f) => ({ kind: f.kind, keys: [...f.keys], helper: refOf(f.helper) }));
    return source;
  });
}

/** What those writers say of `key`, references followed by `resolve`: `constant` for a type that cannot carry SQL. */
export function handedOnOrigin(sources: readonly SchemaSourceFact[], key: string, resolve: (ref: ValueRef) => PackageValue | undefined): ArgOrigin | undefined {
  for (const source of sources) {
    const dropped = (source.filters ?? []).filter((f) => !filterKeeps(f, key));
    if (dropped.length > 0) {
      if (dropped.some((f) => !isKeyFilterValue(resolve(f.helper), f.kind))) return undefined;
      continue;
    }
    if (source.key !== undefined) {
      if (source.key !== key) continue;
      return source.safe || (source.type && isSafeTypeValue(resolve(source.type))) ? 'constant' : undefined;
    }
    return source.object && isSafeTypeValue(resolve({ root: source.object.root, path: [...source.object.path, key, 'type'] })) ? 'constant' : undefined;
  }
  return undefined;
}

/** The type a `GraphQLNonNull` / `GraphQLList` holds, however deep. */
function innerType(type: Node): Node {
  let target = unwrap(type);
  for (let depth = 0; depth < 4 && (target.type === 'new_expression' || target.type === 'call_expression'); depth++) {
    const callee = target.childForFieldName(target.type === 'new_expression' ? 'constructor' : 'function');
    const inner = argumentList(target)[0];
    if (!callee || !WRAPPERS.has(lastName(callee)) || !inner) break;
    target = unwrap(inner);
  }
  return target;
}
