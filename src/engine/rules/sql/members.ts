import type { Node } from '@vscode/tree-sitter-wasm';
import { unwrap } from '../../ast';
import { arrayElements, elementValues } from './arrays';
import { foreignText } from './calls';
import { isConstantName } from './known-calls';
import { isSchemaTypedArgument } from './graphql-args';
import { isModelTableName } from './model-names';
import { isEnvironmentRead } from './origins';
import { isTypedSafeMember } from './typed-names';
import { MAX_DEPTH, SAFE, UNKNOWN, constant, settle, union, unionOf, type Evaluation } from './pieces';
import type { Binding } from './scope';
import type { StringEvaluator } from './string-building';
import { argumentList } from './syntax';
import { validatedRead } from './validators';

/**
 * Reading `object.property` and `object[key]`: lengths are numbers, CONSTANT_CASE names are constants,
 * object and array literals of constants are allow-lists, `this.field` is whatever the class ever sets the
 * field to, the environment is the operator's, and a property of a value that cannot carry SQL (a row read
 * back from the database, a module) cannot either.
 */

export function evaluateMember(ev: StringEvaluator, node: Node, depth: number): Evaluation {
  const property = node.childForFieldName('property')?.text ?? '';
  const object = node.childForFieldName('object');
  if (!object) return UNKNOWN;
  if (property === 'length' || property === 'size') return SAFE;
  if (isEnvironmentRead(node)) return ev.stored;
  if (isConstantName(property) || (object.type === 'identifier' && isConstantName(object.text))) return constant(property, true);
  if (property === 'sql' && isBuilderOutput(object)) return SAFE;
  if (isModelTableName(node)) return SAFE;
  if (object.type === 'this') return thisMember(ev, node, property, depth);
  if (isSchemaTypedArgument(ev, object, property) || isTypedSafeMember(ev, object, property)) return SAFE;
  const got = instanceGetter(ev, object, property, depth);
  if (got) return got;
  const returned = returnedMember(ev, object, property, depth);
  if (returned) return returned;
  const value = lookUp(ev, object, property, depth);
  return value.kind === 'unknown' && object.type === 'identifier' ? parameterMember(ev, object, property, depth) ?? validatedRead(ev, node) ?? value : value;
}

/** The expression an object stands for: itself, or what a `const` never written again was declared with. */
function heldExpression(ev: StringEvaluator, object: Node): Node | undefined {
  const target = unwrap(object);
  if (target.type !== 'identifier') return target;
  const resolution = ev.scopes.resolve(target);
  return resolution?.binding.kind === 'const' && resolution.writes.length === 0 ? resolution.binding.init ?? undefined : undefined;
}

/**
 * `driver.operator` where `const driver = new Driver(...)` (or `new Driver(...).operator`) and this file's class
 * `Driver` declares the getter `operator`: what the getter returns. (An instance made with `new` of that very
 * class runs that getter; a subclass's override would need a `new` of the subclass.)
 */
function instanceGetter(ev: StringEvaluator, object: Node, property: string, depth: number): Evaluation | undefined {
  const held = heldExpression(ev, object);
  const target = held && unwrap(held);
  const made = target?.type === 'new_expression' ? target.childForFieldName('constructor') : undefined;
  const cls = made?.type === 'identifier' ? ev.classes.classNamed(made.text) : undefined;
  const getter = cls && ev.classes.member(cls, property, 'getter');
  if (!getter) return undefined;
  const value = ev.returnedBy(getter, [], depth);
  return value.kind === 'unknown' ? undefined : value;
}

/**
 * `conditions.sqlConditions` where `const conditions = buildConditions(term)` calls a function of this file
 * that returns object literals: what those write for the property, for these arguments.
 */
function returnedMember(ev: StringEvaluator, object: Node, property: string, depth: number): Evaluation | undefined {
  const target = heldExpression(ev, object);
  if (!target) return undefined;
  const local = ev.localCallOf(target);
  if (!local) return foreignMember(ev, target, property, depth);
  const value = ev.returnedProperty(local.fn, argumentList(local.call), property, depth);
  return value.kind === 'unknown' ? undefined : value;
}

/** The same for a function another project file defines and this file imports (`getSearchTermSQLConditions(term, '"c"')`). */
function foreignMember(ev: StringEvaluator, expression: Node, property: string, depth: number): Evaluation | undefined {
  let call = unwrap(expression);
  if (call.type === 'await_expression') call = unwrap(call.namedChildren[0] ?? call);
  const callee = call.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  const parts = callee && ev.crossFile?.propertyReturnOf(callee, property);
  return callee && parts ? foreignText(ev, callee, argumentList(call), parts, depth) : undefined;
}

/** `args.orderBy` where `args` is a parameter: what every caller passes for that property, when that is safe. */
function parameterMember(ev: StringEvaluator, object: Node, property: string, depth: number): Evaluation | undefined {
  const resolution = ev.scopes.resolve(object);
  const binding = resolution?.binding;
  if (!resolution || binding?.kind !== 'param' || resolution.writes.length > 0 || binding.param?.arrayCallback || ev.boundParameter(object.text)) return undefined;
  const value = ev.parameterProperty(binding, [property], depth);
  return value.kind === 'unknown' ? undefined : value;
}

export function evaluateSubscript(ev: StringEvaluator, node: Node, depth: number): Evaluation {
  const object = node.childForFieldName('object');
  return object ? lookUp(ev, object, undefined, depth) : UNKNOWN;
}

/** `knex(...).where(...).toSQL()`: the SQL a query builder wrote, its values bound separately. */
function isBuilderOutput(object: Node): boolean {
  const call = unwrap(object);
  const callee = call.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  return callee?.type === 'member_expression' && callee.childForFieldName('property')?.text === 'toSQL';
}

/** `this.field`: every value the class gives the field, or what its getter returns. */
function thisMember(ev: StringEvaluator, node: Node, property: string, depth: number): Evaluation {
  const cls = ev.classes.enclosingClass(node);
  if (!cls) return UNKNOWN;
  const values = ev.classes.fieldValues(cls, property);
  if (values && values.length > 0) return unionOf(values.map((value) => ({ evaluation: ev.evaluate(value, depth + 1), node: value })));
  const getter = values ? ev.classes.member(cls, property, 'getter') : undefined;
  return getter ? ev.returnedBy(getter, [], depth) : UNKNOWN;
}

/** The object and array literals `object` may stand for, or the value it holds as a whole. */
function literalsOf(ev: StringEvaluator, object: Node, depth: number): Node[] | Evaluation {
  const target = unwrap(object);
  if (target.type === 'object' || target.type === 'array') return [target];
  if (target.type === 'member_expression' && target.childForFieldName('object')?.type === 'this') {
    const cls = ev.classes.enclosingClass(target);
    const values = cls ? ev.classes.fieldValues(cls, target.childForFieldName('property')?.text ?? '') : undefined;
    return values && values.length > 0 ? values.map(unwrap) : UNKNOWN;
  }
  if (target.type === 'identifier') {
    const resolution = ev.scopes.resolve(target);
    if (!resolution) return ev.unresolvedValue(target) ?? UNKNOWN;
    const looped = loopedLiterals(ev, resolution.binding, depth);
    if (looped) return looped;
    if (resolution.binding.kind === 'param' || resolution.binding.kind === 'loop') {
      return ev.boundParameter(target.text) ?? settle(ev.valueAt(resolution, target.startIndex, depth + 1).evaluation);
    }
    const held = ev.heldValue(resolution.binding, depth);
    if (held) return held;
    // `const { data } = await lookup({ id })`: a part of what the destructured whole holds
    if (resolution.binding.kind === 'pattern' && resolution.writes.length === 0) return settle(ev.valueAt(resolution, target.startIndex, depth + 1).evaluation);
    const init = resolution.binding.kind === 'const' ? resolution.binding.init : undefined;
    if (!init || resolution.writes.length > 0) return UNKNOWN;
    const literal = unwrap(init);
    return literal.type === 'object' || literal.type === 'array' ? [literal] : settle(ev.evaluate(literal, depth + 1));
  }
  return settle(ev.evaluate(target, depth + 1));
}

/**
 * `for (const ob of orderBy)` over an array whose elements are all object or array literals
 * (`orderBy.push({ field: 'fc.name', direction })`): the literals, so that `ob.field` reads their properties.
 */
function loopedLiterals(ev: StringEvaluator, binding: Binding, depth: number): Node[] | undefined {
  if (binding.kind !== 'loop' || !binding.loopOf || binding.loopPart !== undefined || binding.id.parent?.type !== 'for_in_statement' || depth > MAX_DEPTH) return undefined;
  const elements = elementValues(ev, binding.loopOf, depth + 1);
  const nodes = elements?.values.map((e) => unwrap(e.node));
  return nodes && nodes.length > 0 && nodes.every((n) => n.type === 'object' || n.type === 'array') ? nodes : undefined;
}

/** `MAP[key]` or `MAP.key` where MAP is an object or array literal of constants (an allow-list). */
function lookUp(ev: StringEvaluator, object: Node, property: string | undefined, depth: number): Evaluation {
  const literals = literalsOf(ev, object, depth);
  // a part of something that cannot carry SQL cannot either; a part of a constant (`FILTERS.recent.sql`) is one
  if (!Array.isArray(literals)) return literals.kind === 'safe' ? SAFE : literals.kind === 'constant' ? constant(property ?? literals.text, true) : UNKNOWN;
  let result: Evaluation | undefined;
  for (const literal of literals) {
    const value = literal.type === 'array' ? arrayLookUp(ev, literal, depth) : literal.type === 'object' ? objectLookUp(ev, literal, property, depth) : UNKNOWN;
    result = result ? union(result, object, value, literal) : value;
  }
  return result ?? UNKNOWN;
}

function arrayLookUp(ev: StringEvaluator, literal: Node, depth: number): Evaluation {
  const elements = arrayElements(ev, literal, depth);
  return elements ? unionOf(elements.values) : UNKNOWN;
}

function objectLookUp(ev: StringEvaluator, literal: Node, property: string | undefined, depth: number): Evaluation {
  let result: Evaluation | undefined;
  for (const pair of literal.namedChildren) {
    if (!pair || pair.type !== 'pair') continue;
    const key = pair.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '');
    const value = pair.childForFieldName('value');
    if (!value) return UNKNOWN;
    if (property !== undefined && key !== property) continue;
    const evaluation = settle(ev.evaluate(value, depth + 1));
    result = result ? union(result, literal, evaluation, value) : evaluation;
  }
  return result ?? UNKNOWN;
}
