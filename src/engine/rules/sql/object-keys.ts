import type { Node } from '@vscode/tree-sitter-wasm';
import { unwrap } from '../../ast';
import { argumentPart, callerArguments, parameterPart } from './call-sites';
import { passThroughTest } from './pass-through-calls';
import { elementOf } from './arrays';
import { MAX_DEPTH, SAFE, UNKNOWN, cannotCarrySql, constant, settle, type Evaluation } from './pieces';
import type { StringEvaluator } from './string-building';
import { parameterNodes, returnedExpression } from './syntax';

/**
 * The keys of an object whose every possible value is an object literal written with plain keys: `where` in
 * `find({ where: { id } })` has the one key `id`, whatever `id` holds. Code that turns keys into column names
 * and placeholders (`Object.keys(where).map((k) => `"${k}" = :${k}`)`) builds its SQL from those constants
 * while the values travel separately. A literal with a spread or a computed key, a caller out of sight, or a
 * caller passing anything else than a literal, leaves the keys unknown.
 */

/** How many parameters deep the keys are followed through callers. */
const MAX_KEY_DEPTH = 4;

/** An object literal whose keys are all written out (no spread, no computed key). */
function plainKeys(node: Node | undefined): boolean {
  const literal = node && unwrap(node);
  return literal?.type === 'object' && literal.namedChildren.every((m) => !m || m.type === 'comment' || m.type === 'shorthand_property_identifier'
    || ((m.type === 'pair' || m.type === 'method_definition') && m.childForFieldName(m.type === 'pair' ? 'key' : 'name')?.type !== 'computed_property_name'));
}

/** Whether the keys of `source` are constants: a `const` object literal, or a parameter every caller gives one. */
export function hasConstantKeys(ev: StringEvaluator, source: Node, depth = 0): boolean {
  const target = unwrap(source);
  if (target.type === 'object') return plainKeys(target);
  if (target.type !== 'identifier' || depth > MAX_KEY_DEPTH) return false;
  const resolution = ev.scopes.resolve(target);
  if (!resolution || resolution.writes.length > 0) return false;
  const { binding } = resolution;
  if (binding.kind === 'const') return !!binding.init && hasConstantKeys(ev, binding.init, depth + 1);
  const param = binding.param;
  if (binding.kind !== 'param' || !param || param.arrayCallback) return false;
  const callers = callerArguments(ev.scopes, ev.classes, ev.text, binding, passThroughTest(ev));
  const part = callers && parameterPart(ev.scopes, binding);
  if (!callers || !part) return false;
  const given = callers.args.map((arg) => {
    const value = argumentPart(arg, part.path);
    return value === undefined ? (part.path.length === 0 ? param.defaultValue : part.defaultValue) : value ?? null;
  });
  // a caller's own parameter or constant is followed the same way (`count(where)` inside `countBy(where)`)
  if (!given.every((value) => !!value && hasConstantKeys(ev, value, depth + 1))) return false;
  const foreign = callers.published ? ev.crossFile?.argumentKeysKnown?.(param.fn, { index: param.index, path: [...part.path] }) : 0;
  // no caller at all: the keys are of unknown origin, as any parameter's value is
  return foreign !== undefined && callers.args.length + foreign > 0;
}

/**
 * `list.reduce((text, item) => ..., initial)`: safe when the initial text is and the callback returns safe text
 * given safe text so far and one of the list's elements (each step then adds only safe text); unknown otherwise.
 */
export function reduceCall(ev: StringEvaluator, array: Node, list: readonly Node[], depth: number): Evaluation {
  const fn = list[0] && unwrap(list[0]);
  const returned = fn ? returnedExpression(fn) : undefined;
  const params = fn ? parameterNodes(fn) : [];
  if (!fn || !returned || depth > MAX_DEPTH || params.slice(0, 2).some((p) => p.type !== 'identifier')) return UNKNOWN;
  const element = elementOf(ev, array, depth + 1);
  const initial = list[1] ? settle(ev.evaluate(list[1], depth + 1)) : element && settle(element);
  if (!element || !initial || !cannotCarrySql(initial) || !cannotCarrySql(settle(element))) return UNKNOWN;
  const bound: [Node, Evaluation][] = [[params[0], SAFE], [params[1], element]];
  if (params[2]?.type === 'identifier') bound.push([params[2], constant('0', false)]);
  const step = ev.withValues(bound.filter(([id]) => !!id), () => settle(ev.evaluate(returned, depth + 1)));
  return cannotCarrySql(step) ? SAFE : UNKNOWN;
}
