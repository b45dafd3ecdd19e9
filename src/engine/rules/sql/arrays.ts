import type { Node } from '@vscode/tree-sitter-wasm';
import { firstNamedChild, unwrap } from '../../ast';
import { CALLBACK_TYPES, allowListed, firstParameter, type Vouched } from './allow-lists';
import { ELEMENT_PRESERVING_FUNCTIONS, ELEMENT_PRESERVING_METHODS, KEY_PICKING_FUNCTIONS, NUMERIC_FUNCTIONS } from './known-calls';
import {
  MAX_DEPTH, SAFE, UNKNOWN, constant, countUnsafe, formsOf, mergeForms, piecesAt, settle, sitesOf, textOf, unionOf, unsafeValues,
  type Evaluation, type Piece,
} from './pieces';
import { callerArguments } from './call-sites';
import { passThroughTest } from './pass-through-calls';
import { hasConstantKeys } from './object-keys';
import type { Binding } from './scope';
import { quotesForSql } from './quoting';
import { argumentList, lastName, parameterNodes, propertyValue, returnedExpression, returnedExpressions, rootName } from './syntax';
import type { StringEvaluator } from './string-building';

/**
 * What the elements of an array are, for `.join()`, `for ... of` and callbacks: literals, local arrays built
 * with `push`, and arrays derived from them (`map`, `filter`, `fill`, `concat`, lodash's `compact`). A
 * callback's element parameter stands for the elements it is called with, so mapping a list of constants
 * yields constants.
 */

export interface Element {
  readonly evaluation: Evaluation;
  readonly node: Node;
}

export interface Elements {
  readonly values: readonly Element[];
  /** The elements are written in place, in order. */
  readonly exact: boolean;
  /** `push` calls that added unsafe elements. */
  readonly sites: readonly Node[];
}

/** Elements of an array literal, or of a local array built with literals and `push`. */
export function arrayElements(ev: StringEvaluator, node: Node, depth: number): Elements | undefined {
  const target = unwrap(node);
  if (target.type === 'array') {
    const values: Element[] = [];
    let exact = true;
    for (const c of target.namedChildren) {
      if (!c || c.type === 'comment') continue;
      if (c.type !== 'spread_element') { values.push({ evaluation: ev.evaluate(c, depth + 1), node: c }); continue; }
      const spread = firstNamedChild(c);
      const inner = spread && depth < MAX_DEPTH ? elementValues(ev, spread, depth + 1) : undefined;
      values.push(...(inner?.values ?? [{ evaluation: UNKNOWN, node: c }]));
      exact = false;
    }
    return { values, exact, sites: [] };
  }
  if (target.type !== 'identifier' && target.type !== 'shorthand_property_identifier') return undefined;
  const resolution = ev.scopes.resolve(target);
  const held = resolution ? ev.heldValue(resolution.binding, depth) : ev.unresolvedValue(target);
  if (held) return { values: [{ evaluation: held, node: target }], exact: false, sites: [] };
  const source = resolution && resolution.writes.length === 0 ? destructuredSource(ev, resolution.binding) : undefined;
  if (source && depth < MAX_DEPTH) return elementValues(ev, source, depth + 1);
  if (resolution?.binding.kind === 'param' && resolution.writes.length === 0) return callerElements(ev, resolution.binding, depth);
  const init = resolution?.binding.init ? unwrap(resolution.binding.init) : undefined;
  if (!resolution || !init || depth > MAX_DEPTH) return undefined;
  if (init.type !== 'array') return resolution.writes.length === 0 ? elementValues(ev, init, depth + 1) : undefined;
  const base = arrayElements(ev, init, depth + 1);
  if (!base) return undefined;
  const values = [...base.values];
  const sites: Node[] = [];
  for (const write of resolution.writes) {
    if (write.start >= target.startIndex) continue;
    if (write.role !== 'push' || !write.expression) return undefined;
    for (const arg of argumentList(write.expression)) {
      const evaluation = arg.type === 'spread_element' ? UNKNOWN : ev.evaluate(arg, depth + 1);
      if (countUnsafe(evaluation) > 0) sites.push(write.expression);
      values.push({ evaluation, node: arg });
    }
  }
  return { values, exact: false, sites };
}

/**
 * `const { orderBy } = buildOrderBy()` with a local function whose one return is an object literal: the
 * expression it writes for that property (`return { orderBy, extraGroupBy }` gives its own `orderBy`).
 */
function destructuredSource(ev: StringEvaluator, binding: Binding): Node | undefined {
  if (binding.kind !== 'pattern' || !binding.declarator) return undefined;
  // only a name at the top of the pattern: `{ orderBy }` or `{ orderBy: list }`, not `{ a: { b } }`
  const pattern = binding.declarator.childForFieldName('name');
  const holder = binding.id.parent;
  let key: string | undefined;
  if (binding.id.type === 'shorthand_property_identifier_pattern' && holder?.id === pattern?.id) key = binding.id.text;
  else if (holder?.type === 'pair_pattern' && holder.parent?.id === pattern?.id && holder.childForFieldName('value')?.startIndex === binding.id.startIndex) key = holder.childForFieldName('key')?.text;
  const value = binding.declarator.childForFieldName('value');
  const local = key && value ? ev.localCallOf(value) : undefined;
  if (!key || !local) return undefined;
  const returned = onlyReturn(local.fn);
  const literal = returned ? unwrap(returned) : undefined;
  return literal?.type === 'object' ? propertyValue(literal, key) : undefined;
}

/** The expression a function returns when it has exactly one `return` (or an expression body). */
function onlyReturn(fn: Node): Node | undefined {
  const returned = returnedExpressions(fn);
  return returned.length === 1 ? returned[0] : undefined;
}

/** The value each element of an array produces, when it can be told: literals, local arrays, `map`, `fill`, `filter`, ... */
export function elementValues(ev: StringEvaluator, array: Node, depth: number): Elements | undefined {
  const target = unwrap(array);
  const literal = arrayElements(ev, target, depth + 1);
  if (literal) return literal;
  const shaped = shapedElements(ev, target, depth);
  return shaped ?? wholeElements(ev, target, depth);
}

/**
 * A collection that as a whole cannot carry SQL (rates read back from a cache, rows of the database, an object
 * of constants) has elements, keys and entries that cannot either: `Object.entries(fxRates)`, `await loadIds()`.
 */
function wholeElements(ev: StringEvaluator, target: Node, depth: number): Elements | undefined {
  let source = target;
  const callee = target.type === 'call_expression' ? target.childForFieldName('function') : undefined;
  if (callee?.type === 'member_expression' && callee.childForFieldName('object')?.text === 'Object' && /^(?:entries|keys|values)$/.test(callee.childForFieldName('property')?.text ?? '')) {
    source = argumentList(target)[0] ?? target;
    const picked = callee.childForFieldName('property')?.text === 'keys' ? pickedKeys(source) : undefined;
    if (picked && depth < MAX_DEPTH) return elementValues(ev, picked, depth + 1);
    if (callee.childForFieldName('property')?.text === 'keys' && hasConstantKeys(ev, source)) return { values: [{ evaluation: SAFE, node: target }], sites: [], exact: false };
  } else if (target.type !== 'await_expression' && target.type !== 'call_expression' && target.type !== 'identifier' && target.type !== 'member_expression') {
    return undefined;
  }
  if (depth > MAX_DEPTH) return undefined;
  return ev.readsSafe(source, depth) ? { values: [{ evaluation: SAFE, node: target }], sites: [], exact: false } : undefined;
}

/** `pick(obj, ['a', 'b'])` (`_.pick`): the list of keys the result may have. */
function pickedKeys(node: Node): Node | undefined {
  const call = unwrap(node);
  const callee = call.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  const name = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : callee?.text;
  return name && KEY_PICKING_FUNCTIONS.has(name) ? argumentList(call)[1] : undefined;
}

/** Elements of arrays made by known calls: `new Set(list)`, `Array(n)`, `list.map(fn)`, `list.filter(...)`, ... */
function shapedElements(ev: StringEvaluator, target: Node, depth: number): Elements | undefined {
  if (target.type === 'ternary_expression') return eitherElements(ev, target, depth);
  if (target.type !== 'new_expression' && target.type !== 'call_expression') return undefined;
  const callee = unwrap(target.childForFieldName(target.type === 'new_expression' ? 'constructor' : 'function') ?? target);
  const list = argumentList(target);
  if (callee.type === 'identifier' && callee.text === 'Array') return { values: [{ evaluation: constant('', true), node: target }], sites: [], exact: false };
  if (callee.type === 'identifier' && (callee.text === 'Set' || ELEMENT_PRESERVING_FUNCTIONS.has(callee.text))) {
    return list[0] && depth < MAX_DEPTH ? elementValues(ev, list[0], depth + 1) : undefined;
  }
  if (target.type !== 'call_expression' || callee.type !== 'member_expression') return undefined;
  const method = callee.childForFieldName('property')?.text ?? '';
  const receiver = callee.childForFieldName('object');
  if (!receiver) return undefined;
  if (method === 'fill' && list[0]) return { values: [{ evaluation: ev.evaluate(list[0], depth + 1), node: list[0] }], sites: [], exact: false };
  if (ELEMENT_PRESERVING_FUNCTIONS.has(method) && receiver.type === 'identifier' && list[0]) return elementValues(ev, list[0], depth + 1); // _.compact(list)
  if (method === 'from' && receiver.text === 'Array' && list.length === 1) return elementValues(ev, list[0], depth + 1); // Array.from(set)
  if ((method === 'map' || method === 'flatMap' || (method === 'from' && receiver.text === 'Array')) && list[method === 'from' ? 1 : 0]) {
    const fn = list[method === 'from' ? 1 : 0];
    const source = method === 'from' ? list[0] : receiver;
    const vouched = method === 'from' ? undefined : allowListed(ev, receiver, depth);
    const element = vouched || !source ? undefined : elementOf(ev, source, depth + 1);
    return { values: [{ evaluation: callbackResult(ev, fn, depth, vouched, element), node: fn }], sites: [], exact: false };
  }
  if (ELEMENT_PRESERVING_METHODS.has(method)) {
    const base = elementValues(ev, receiver, depth + 1);
    if (!base || method !== 'concat') return base && { ...base, exact: false };
    const extra = list.map((arg) => ({ evaluation: ev.evaluate(arg, depth + 1), node: arg }));
    return { values: [...base.values, ...extra], sites: base.sites, exact: false };
  }
  return undefined;
}

/** `Array.isArray(x) ? x : [x]`: the elements of either branch. */
function eitherElements(ev: StringEvaluator, ternary: Node, depth: number): Elements | undefined {
  const branches = [ternary.childForFieldName('consequence'), ternary.childForFieldName('alternative')];
  const values: Element[] = [];
  for (const branch of branches) {
    const elements = branch && depth < MAX_DEPTH ? elementValues(ev, branch, depth + 1) : undefined;
    if (!elements) return undefined;
    values.push(...elements.values);
  }
  return { values, exact: false, sites: [] };
}

/**
 * The elements a parameter may hold when every caller is in sight: each argument's elements, or the
 * argument itself when it is not an array (`f('SELECT 1')` as well as `f(['SELECT 1', 'SELECT 2'])`).
 */
function callerElements(ev: StringEvaluator, binding: Binding, depth: number): Elements | undefined {
  const callers = callerArguments(ev.scopes, ev.classes, ev.text, binding, passThroughTest(ev));
  if (!callers || callers.published || callers.args.length === 0 || depth > MAX_DEPTH) return undefined;
  const values: Element[] = [];
  for (const arg of callers.args) {
    const given = arg ?? binding.param?.defaultValue;
    if (!given) { values.push({ evaluation: constant('', false), node: binding.id }); continue; }
    values.push(...(elementValues(ev, given, depth + 1)?.values ?? [{ evaluation: ev.evaluate(given, depth + 1), node: given }]));
  }
  const settled = values.map((e) => settle(e.evaluation));
  return settled.every((e) => e.kind === 'constant' || e.kind === 'safe') ? { values, exact: false, sites: [] } : undefined;
}

/** What any one element of an array is; `undefined` when its elements cannot be told. */
export function elementOf(ev: StringEvaluator, array: Node, depth: number): Evaluation | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const elements = elementValues(ev, array, depth);
  return elements && elements.values.length > 0 ? unionOf(elements.values) : undefined;
}

/** `for (const t of ['a', 'b'])`: constant when every element is; `part` picks the item of `for (const [a, b] of ...)`. */
export function loopElement(ev: StringEvaluator, iterated: Node, part: number | undefined, depth: number): Evaluation {
  const elements = elementValues(ev, iterated, depth);
  if (!elements) return UNKNOWN;
  if (part === undefined) return unionOf(elements.values, constant('', true));
  const items = elements.values.map((e) => {
    const row = unwrap(e.node);
    const item = row.type === 'array' ? arrayElements(ev, row, depth + 1)?.values[part] : undefined;
    if (item) return item;
    // a whole element that cannot carry SQL (a CONSTANT_CASE list, stored rows) has parts that cannot either
    const whole = settle(e.evaluation);
    return { evaluation: whole.kind === 'safe' || whole.kind === 'constant' ? whole : UNKNOWN, node: e.node };
  });
  return unionOf(items, constant('', true));
}

/**
 * What a callback returns; with `vouched`, the parameter the allow-list vouches for counts as one of its
 * constants; with `element`, the first parameter stands for the elements it is called with.
 */
function callbackResult(ev: StringEvaluator, fn: Node, depth: number, vouched?: Vouched, element?: Evaluation): Evaluation {
  const target = unwrap(fn);
  if (target.type === 'identifier' || target.type === 'member_expression') return quotingCallback(ev, target) ? SAFE : UNKNOWN;
  if (!CALLBACK_TYPES.has(target.type)) return UNKNOWN;
  const returned = returnedExpression(target);
  if (!returned) return UNKNOWN;
  const first = vouched ? firstParameter(target, vouched.part) : firstParameter(target, 'element');
  const firstValue = vouched?.value ?? element;
  if (/=>|\bfunction\b/.test(returned.text)) {
    return ev.withValues(first && firstValue ? [[first, firstValue]] : [], () => ev.evaluate(returned, depth + 1));
  }
  // no nested function in the body: its parameters are known by name, without resolving each use
  const values = new Map<string, Evaluation>();
  parameterNodes(target).forEach((param, index) => {
    const names = param.type === 'identifier' ? [param] : param.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']).filter((n): n is Node => n !== null);
    for (const name of names) {
      let value = index === 1 && param.type === 'identifier' ? SAFE : UNKNOWN;
      if (first && firstValue && first.startIndex === name.startIndex) value = firstValue;
      else if (index === 0 && !vouched && element?.kind === 'safe') value = SAFE; // the fields of an element that cannot carry SQL
      values.set(name.text, value);
    }
  });
  return ev.withParameters(values, () => ev.evaluate(returned, depth + 1));
}

/** `ids.map(Number)`, `names.map(literal)` (pg-format), `cols.map(mysql.escapeId)`: each element comes out a number or quoted. */
function quotingCallback(ev: StringEvaluator, fn: Node): boolean {
  if (fn.type === 'identifier') return NUMERIC_FUNCTIONS.has(fn.text) || quotesForSql({ name: fn.text, receiver: '', module: ev.imports.moduleOf(fn.text) });
  const object = fn.childForFieldName('object');
  const name = fn.childForFieldName('property')?.text;
  return !!object && !!name && quotesForSql({ name, receiver: lastName(object), module: ev.imports.moduleOf(rootName(object)) });
}

/** `[a, b].join(sep)`, `ids.map(() => '?').join(',')`, `conditions.join(' AND ')`. */
export function joinCall(ev: StringEvaluator, object: Node, list: readonly Node[], depth: number): Evaluation {
  const separator = list[0] ? settle(ev.evaluate(list[0], depth + 1)) : constant(',', true);
  if (separator.kind !== 'constant') return UNKNOWN;
  const elements = elementValues(ev, object, depth);
  if (!elements) return UNKNOWN;
  const settled = elements.values.map((e) => ({ evaluation: settle(e.evaluation), node: e.node }));
  if (settled.every((e) => e.evaluation.kind === 'constant')) return constant(settled.map((e) => (e.evaluation as { text: string }).text).join(separator.text), true);
  if (settled.every((e) => e.evaluation.kind === 'constant' || e.evaluation.kind === 'safe')) return SAFE;
  const pieces: Piece[] = [];
  settled.forEach((e, i) => {
    if (i > 0) pieces.push({ kind: 'text', text: separator.text, start: -1, end: -1, quote: "'" });
    pieces.push(...piecesAt(e.evaluation, e.node));
  });
  const sites = [...elements.sites, ...settled.flatMap((e) => sitesOf(e.evaluation))];
  if (unsafeValues(pieces).length === 0) return SAFE;
  return textOf(pieces, false, mergeForms(['join'], ...settled.map((e) => formsOf(e.evaluation))), sites);
}
