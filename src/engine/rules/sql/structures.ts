import type { Node } from '@vscode/tree-sitter-wasm';
import { unwrap } from '../../ast';
import { ELEMENT_PRESERVING_METHODS } from './known-calls';
import { MAX_DEPTH } from './pieces';
import type { StringEvaluator } from './string-building';
import { argumentList, returnedExpression } from './syntax';

/**
 * Whether a value handed to another file is a structure of values that cannot carry SQL, at every level:
 * `[{ tableName: 'Exports', prefix: PREFIX }]`, a `const` holding one, or `models.map((m) => ({ tableName:
 * m.tableName }))`. A function that builds SQL from the parts of such an argument builds it from constants,
 * so what a call passes must be read this deep, not only as text (an object is no text at all).
 */

export function holdsOnlySafeValues(ev: StringEvaluator, node: Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const target = unwrap(node);
  switch (target.type) {
    case 'identifier': {
      const resolution = ev.scopes.resolve(target);
      const init = resolution && resolution.writes.length === 0 && resolution.binding.kind !== 'param' ? resolution.binding.init : undefined;
      return init ? holdsOnlySafeValues(ev, init, depth + 1) : ev.readsSafe(target, depth);
    }
    case 'array':
      return target.namedChildren.every((item) => !item || item.type === 'comment' || holdsOnlySafeValues(ev, spreadOrSelf(item), depth + 1));
    case 'object':
      return target.namedChildren.every((member) => {
        if (!member || member.type === 'comment') return true;
        if (member.type === 'spread_element' || member.type === 'shorthand_property_identifier') return holdsOnlySafeValues(ev, spreadOrSelf(member), depth + 1);
        const value = member.type === 'pair' ? member.childForFieldName('value') : undefined;
        return member.childForFieldName('key')?.type !== 'computed_property_name' && !!value && holdsOnlySafeValues(ev, value, depth + 1);
      });
    case 'call_expression':
      return mappedOrKept(ev, target, depth) ?? ev.readsSafe(target, depth);
    default:
      return ev.readsSafe(target, depth);
  }
}

function spreadOrSelf(node: Node): Node {
  return node.type === 'spread_element' ? node.namedChildren[0] ?? node : node;
}

/**
 * `list.map((x) => ({ ... }))`: whether each produced element is safe whatever `x` is; `list.filter(...)`: whether
 * the list's elements are. `undefined` for other calls.
 */
function mappedOrKept(ev: StringEvaluator, call: Node, depth: number): boolean | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'member_expression') return undefined;
  const method = callee.childForFieldName('property')?.text ?? '';
  const receiver = callee.childForFieldName('object');
  if (!receiver) return undefined;
  // (`concat` adds its arguments to the receiver's elements)
  if (ELEMENT_PRESERVING_METHODS.has(method)) return [receiver, ...(method === 'concat' ? argumentList(call) : [])].every((part) => holdsOnlySafeValues(ev, part, depth + 1));
  if (method !== 'map' && method !== 'flatMap') return undefined;
  const fn = argumentList(call)[0];
  const returned = fn ? returnedExpression(unwrap(fn)) : undefined;
  return !!returned && holdsOnlySafeValues(ev, returned, depth + 1);
}
