import type { Node } from '@vscode/tree-sitter-wasm';
import { PLACEHOLDER_TEXT, type PyEval, UNKNOWN_VALUE, originOf, value } from './pieces';
import type { PyEvaluator } from './values';
import { constantText } from './strings';
import { limitsToDigits, limitsToNameCharacters } from './regex-groups';
import { argumentsOf, calleeOf, named, plainStringValue, unwrapPy } from './syntax';

/**
 * The items of Python collections (list, tuple, set and dict literals, comprehensions, lists grown with
 * `append`), for loops, `join`, allow-list lookups and membership checks.
 */

export interface Item {
  readonly e: PyEval;
  readonly node: Node;
}

const PASS_THROUGH = new Set(['sorted', 'list', 'tuple', 'set', 'reversed', 'enumerate', 'frozenset', 'iter']);
const GROWING_METHODS = new Set(['append', 'extend', 'insert', 'add', 'update']);

/**
 * The items of a collection expression read at offset `at`; `values` asks for a dict's values instead of its
 * keys (a lookup instead of a loop). Empty when the expression is not a collection the file spells out.
 * `iterating`: the items are what a loop over it gives, so a parameter's are what its callers pass gives
 * (`PyEvaluator.parameterItems`: a dict's keys, a list's items).
 */
export function collectionItems(ev: PyEvaluator, expression: Node, at: number, values = false, depth = 0, iterating = false): Item[] {
  if (depth > 6) return [];
  const node = unwrapPy(expression);
  switch (node.type) {
    case 'list': case 'tuple': case 'set': case 'expression_list':
      return named(node).map((item) => ({ e: item.type === 'list_splat' ? UNKNOWN_VALUE(item.text) : ev.evaluate(item), node: item }));
    case 'dictionary':
      return named(node).flatMap((pair) => {
        if (pair.type !== 'pair') return [{ e: UNKNOWN_VALUE(pair.text), node: pair }];
        const side = pair.childForFieldName(values ? 'value' : 'key');
        return side ? [{ e: ev.evaluate(side), node: side }] : [];
      });
    case 'list_comprehension': case 'generator_expression': case 'set_comprehension': {
      const body = node.childForFieldName('body');
      return body ? [{ e: ev.evaluate(body), node: body }] : [];
    }
    case 'binary_operator': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (node.childForFieldName('operator')?.text === '+' && left && right) return joinedItems(ev, [left, right], at, values, depth, iterating);
      if (node.childForFieldName('operator')?.text !== '*' || !left) return [];
      const text = constantText(ev.evaluate(left));
      if (text !== undefined) return [{ e: value(PLACEHOLDER_TEXT.test(text) ? 'placeholder' : 'constant', 'repeated text', text), node: left }];
      return collectionItems(ev, left, at, values, depth + 1, iterating);
    }
    case 'call': return callItems(ev, node, at, values, depth, iterating);
    case 'identifier': return nameItems(ev, node, at, values, depth, iterating);
    default: return [];
  }
}

/** `a + b` of two lists: the items of both, when both are collections the code shows. */
function joinedItems(ev: PyEvaluator, sides: readonly Node[], at: number, values: boolean, depth: number, iterating: boolean): Item[] {
  const items: Item[] = [];
  for (const side of sides) {
    const held = collectionItems(ev, side, at, values, depth + 1, iterating);
    if (held.length === 0 && !isEmptyCollection(side)) return [];
    items.push(...held);
  }
  return items;
}

function callItems(ev: PyEvaluator, call: Node, at: number, values: boolean, depth: number, iterating: boolean): Item[] {
  const { name, receiver } = calleeOf(call);
  const args = argumentsOf(call).positional;
  if (!receiver && PASS_THROUGH.has(name) && args[0]) return collectionItems(ev, args[0], at, values, depth + 1, iterating);
  if (!receiver && name === 'range') return [{ e: value('numeric', 'range()'), node: call }];
  if (!receiver && name === 'map' && args[0] && args[1]) {
    if (['int', 'float', 'bool'].includes(args[0].text)) return [{ e: value('numeric', `map(${args[0].text}, ...)`), node: call }];
    return collectionItems(ev, args[1], at, values, depth + 1);
  }
  if (!receiver && name === 'zip') return args.flatMap((a) => collectionItems(ev, a, at, values, depth + 1));
  if (receiver && name === 'keys') return collectionItems(ev, receiver, at, false, depth + 1, iterating);
  if (receiver && ['items', 'values'].includes(name)) return collectionItems(ev, receiver, at, name === 'values', depth + 1).concat(name === 'items' ? collectionItems(ev, receiver, at, true, depth + 1) : []);
  if (receiver && ['split', 'rsplit', 'splitlines'].includes(name)) {
    const { origin, why } = originOf(ev.evaluate(receiver));
    return [{ e: value(origin, why), node: call }];
  }
  return [];
}

/** A name holding a collection: what its writes hold, and what `append`/`extend` calls add before `at`. */
function nameItems(ev: PyEvaluator, id: Node, at: number, values: boolean, depth: number, iterating: boolean): Item[] {
  let scope: Node | undefined = ev.tree.enclosingFunction(id);
  while (scope && ev.writes.writesOf(scope, id.text).length === 0) scope = ev.tree.enclosingFunction(scope);
  const holder = scope ?? ev.tree.root;
  const point = scope ? at : ev.tree.enclosingFunction(id) ? holder.endIndex : at;
  const writes = ev.writes.writesOf(holder, id.text).filter((w) => w.at <= point);
  if (writes.length === 0) return [];
  if (iterating && !values && scope && writes.every((w) => w.kind === 'param')) {
    const item = ev.parameterItems(scope, id.text);
    return item ? [{ e: item, node: id }] : [];
  }
  const items: Item[] = [];
  for (const write of writes) {
    if ((write.kind !== 'assign' && !(write.kind === 'augment' && write.detail === '+=')) || !write.value || write.detail === 'unpack') return [];
    const held = collectionItems(ev, write.value, write.at, values, depth + 1, iterating);
    if (held.length === 0 && !isEmptyCollection(write.value)) return [];
    items.push(...held);
  }
  const body = holder.type === 'module' ? holder : holder.childForFieldName('body');
  for (const call of ev.tree.ofType.get('call') ?? []) {
    if (!body || call.startIndex < body.startIndex || call.endIndex > Math.min(point, body.endIndex)) continue;
    const { name, receiver } = calleeOf(call);
    if (!receiver || receiver.text !== id.text || !GROWING_METHODS.has(name)) continue;
    const args = argumentsOf(call).positional;
    const added = name === 'insert' ? args[1] : args[0];
    if (!added) continue;
    if (name === 'extend' || name === 'update') {
      const more = collectionItems(ev, added, call.startIndex, values, depth + 1);
      items.push(...(more.length > 0 ? more : [{ e: ev.evaluate(added), node: added }]));
    } else items.push({ e: ev.evaluate(added), node: added });
  }
  return items.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

function isEmptyCollection(node: Node): boolean {
  const n = unwrapPy(node);
  if (['list', 'tuple', 'set', 'dictionary'].includes(n.type)) return named(n).length === 0;
  return n.type === 'call' && ['list', 'set', 'dict', 'tuple'].includes(calleeOf(n).name) && named(n.childForFieldName('arguments') ?? n).length === 0;
}

/** The items of a collection, or one fixed item for a collection whose origin is fixed (model metadata: `Model.__table__.columns.keys()`). */
function fixedItems(ev: PyEvaluator, collection: Node, at: number): Item[] {
  const items = collectionItems(ev, collection, at, false);
  if (items.length > 0) return items;
  const { origin, why } = originOf(ev.evaluate(collection));
  return origin === 'constant' || origin === 'allowed' ? [{ e: value('allowed', why), node: collection }] : [];
}

/** True when every item is a constant (a fixed set of values). */
export function isFixedSet(items: readonly Item[]): boolean {
  return items.length > 0 && items.every((i) => ['constant', 'allowed', 'numeric', 'placeholder'].includes(originOf(i.e).origin));
}

const EXITS = new Set(['return_statement', 'raise_statement', 'continue_statement', 'break_statement']);
const ABORTS = /^(?:abort|redirect|HttpResponseBadRequest|HttpResponseForbidden|HttpResponseNotFound|JsonResponse|jsonify|Response|HTTPException|bad_request)$/;

/** A block that always leaves: its last statement returns, raises, or calls `abort(...)`. */
function leaves(block: Node | null): boolean {
  const last = block ? named(block).at(-1) : undefined;
  if (!last) return false;
  if (EXITS.has(last.type)) return true;
  const call = last.type === 'expression_statement' ? unwrapPy(named(last)[0] ?? last) : undefined;
  return call?.type === 'call' && ABORTS.test(calleeOf(call).name);
}

/** A block whose last statement sets the name to a constant (`if sort not in ALLOWED: sort = "id"`). */
function resets(ev: PyEvaluator, block: Node | null, name: string): boolean {
  const last = block ? named(block).at(-1) : undefined;
  const assignment = last?.type === 'expression_statement' ? named(last)[0] : undefined;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== name) return false;
  const right = assignment.childForFieldName('right');
  return !!right && ['constant', 'allowed'].includes(originOf(ev.evaluate(right)).origin);
}

/**
 * What a check before the read limits a name to: `if x not in ALLOWED: abort(400)`, `assert x in ALLOWED`,
 * `if not x.isdigit(): return`, or a read inside `if x in ALLOWED:`. `undefined` when nothing checks it.
 */
export function guardedOrigin(ev: PyEvaluator, fn: Node, name: string, at: number): PyEval | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  const checks = body.descendantsOfType(['if_statement', 'elif_clause', 'assert_statement']).filter((n): n is Node => !!n && n.startIndex < at && ev.tree.enclosingFunction(n)?.id === fn.id);
  for (const check of checks) {
    const condition = check.type === 'if_statement' ? check.childForFieldName('condition') : named(check)[0];
    if (!condition) continue;
    const test = checkOf(ev, condition, name);
    if (!test) continue;
    const consequence = check.type === 'assert_statement' ? null : check.childForFieldName('consequence');
    const holdsRead = consequence && consequence.startIndex <= at && at < consequence.endIndex;
    if (check.type === 'assert_statement' && test.positive) return test.result;
    if (check.type !== 'assert_statement' && test.positive && holdsRead) return test.result;
    if (check.type === 'if_statement' && !test.positive && check.endIndex <= at && (leaves(consequence) || resets(ev, consequence, name))) return test.result;
  }
  return undefined;
}

/**
 * `re.fullmatch(p, x)` (or `match`/`search` anchored to the whole input) with a literal pattern: a proof when the
 * pattern lets through only names and numbers; an unanchored or wider pattern (`\w+` that may be followed by
 * anything, `.+`, `[^']+`) proves nothing.
 */
function patternCheck(method: string, patternNode: Node | undefined, name: string, negated: boolean): { positive: boolean; result: PyEval } | undefined {
  const pattern = patternNode ? plainStringValue(patternNode) : undefined;
  if (pattern === undefined || !limitsToNameCharacters(pattern, method !== 'search', method === 'fullmatch')) return undefined;
  const shown = `${name} matched against ${patternNode!.text.slice(0, 40)}`;
  return { positive: !negated, result: limitsToDigits(pattern) ? value('numeric', shown) : value('allowed', shown) };
}

/** `x in FIXED` / `x not in FIXED` / `x.isdigit()` / `not x.isdigit()` / `re.fullmatch(p, x)`: what it proves when true (`positive`) or false. */
function checkOf(ev: PyEvaluator, condition: Node, name: string): { positive: boolean; result: PyEval } | undefined {
  let c = unwrapPy(condition);
  let negated = false;
  if (c.type === 'not_operator') {
    negated = true;
    c = unwrapPy(c.childForFieldName('argument') ?? c);
  }
  // `if "'" not in name and '"' not in name:` — a value with no quote cannot leave the quoted string it stands in
  if (c.type === 'boolean_operator' || c.type === 'comparison_operator') {
    const quoteChecks = [...c.text.matchAll(/(["'])(\\?['"])\1\s+(not\s+)?in\s+([\w.]+)/g)].filter((m) => m[4] === name);
    if (quoteChecks.length > 0 && quoteChecks.every((m) => !!m[3] !== negated) && (c.type === 'comparison_operator' || /\band\b/.test(c.text) !== negated)) {
      return { positive: true, result: value('quoted', 'checked to hold no quote') };
    }
  }
  // `a and x in FIXED`: when the whole holds, each part holds
  if (c.type === 'boolean_operator' && !negated && /^\s*and\b/.test(c.text.slice((c.childForFieldName('left')?.endIndex ?? c.startIndex) - c.startIndex))) {
    for (const part of [c.childForFieldName('left'), c.childForFieldName('right')]) {
      const proof = part ? checkOf(ev, part, name) : undefined;
      if (proof?.positive) return proof;
    }
  }
  if (c.type === 'comparison_operator') {
    const [tested, collection] = named(c);
    if (tested?.text !== name || !collection) return undefined;
    const notIn = /\bnot\s+in\b/.test(c.text.slice(tested.endIndex - c.startIndex, collection.startIndex - c.startIndex));
    const isIn = /\bin\b/.test(c.text.slice(tested.endIndex - c.startIndex, collection.startIndex - c.startIndex));
    if (!isIn || !isFixedSet(fixedItems(ev, collection, c.startIndex))) return undefined;
    return { positive: notIn === negated, result: value('allowed', `checked against ${collection.text.slice(0, 30)}`) };
  }
  if (c.type === 'call') {
    const { name: method, receiver } = calleeOf(c);
    const args = argumentsOf(c).positional;
    if (receiver?.text === name && ['isdigit', 'isdecimal', 'isnumeric'].includes(method)) return { positive: !negated, result: value('numeric', `${name}.${method}()`) };
    if (receiver?.text === name && method === 'isalnum') return { positive: !negated, result: value('allowed', `${name}.isalnum()`) };
    if (['fullmatch', 'match', 'search'].includes(method) && args[1]?.text === name) return patternCheck(method, args[0], name, negated);
  }
  return undefined;
}
