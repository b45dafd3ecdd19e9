import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import type { ValueOrigin } from '../../model/sql';
import { worstOrigin, type Built } from '../sql-text-builder';

/**
 * What a Ruby method returns, read in its own file with its parameters unknown: the worst origin of the whole
 * value, and for a hash (`{dur: n, intv: unit}`) the worst origin under each key, so that `result[:dur]` can be
 * read apart from a key that carries the input.
 */
export interface RubyResult {
  readonly origin: ValueOrigin;
  readonly keys: Readonly<Record<string, ValueOrigin>>;
  /** The origin of an element under any other key (or of any element of a value that is not a hash literal). */
  readonly elements: ValueOrigin;
}

const SEQUENCES = new Set(['then', 'else', 'body_statement', 'begin', 'parenthesized_statements', 'block_body', 'do']);

function lastStatement(node: Node): Node | undefined {
  return namedChildren(node).filter((c) => c.type !== 'comment' && c.type !== 'rescue' && c.type !== 'ensure').at(-1);
}

/**
 * The expressions whose value an expression ends with: the last statement of a sequence, each branch of an
 * `if`, `unless` or `case` (a missing branch gives nil, which prints as nothing), the value of a `return`.
 */
export function tailExpressions(node: Node | null | undefined, into: Node[] = []): Node[] {
  if (!node) return into;
  if (SEQUENCES.has(node.type)) return tailExpressions(lastStatement(node), into);
  if (node.type === 'if' || node.type === 'unless' || node.type === 'elsif') {
    tailExpressions(node.childForFieldName('consequence'), into);
    return tailExpressions(node.childForFieldName('alternative'), into);
  }
  if (node.type === 'conditional') {
    tailExpressions(node.childForFieldName('consequence'), into);
    return tailExpressions(node.childForFieldName('alternative'), into);
  }
  if (node.type === 'case') {
    for (const branch of namedChildren(node)) if (branch.type === 'when' || branch.type === 'else') tailExpressions(branch.type === 'when' ? branch.childForFieldName('body') : branch, into);
    return into;
  }
  if (node.type === 'return') {
    const args = namedChildren(node)[0];
    const value = args?.type === 'argument_list' ? namedChildren(args)[0] : args;
    return value ? tailExpressions(value, into) : into;
  }
  into.push(node);
  return into;
}

/** Every expression a method may return: its body's tail and each `return` in it (not in nested methods). */
export function resultExpressions(method: Node): Node[] {
  const body = namedChildren(method).find((c) => c.type === 'body_statement');
  const results = tailExpressions(body);
  for (const ret of method.descendantsOfType('return')) {
    let nested = false;
    for (let p = ret?.parent; p && p.id !== method.id; p = p.parent) if (p.type === 'method' || p.type === 'singleton_method' || p.type === 'lambda') nested = true;
    if (ret && !nested) tailExpressions(ret, results);
  }
  return results;
}

/** The key a hash literal's pair or an element reference names, when it is a literal symbol or string. */
export function literalKey(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'hash_key_symbol') return node.text;
  if (node.type === 'simple_symbol') return node.text.slice(1);
  if (node.type === 'string') {
    const parts = namedChildren(node);
    return parts.every((p) => p.type === 'string_content') ? parts.map((p) => p.text).join('') : undefined;
  }
  return undefined;
}

/** The worst origin of a text's values; constant text alone is constant. */
export function originOf(built: Built): ValueOrigin {
  return worstOrigin(built.pieces.flatMap((p) => (p.kind === 'value' ? [p.origin] : [])));
}

/** One returned expression: a hash literal by its keys, a constant (whose elements are constants too), else by its value. */
function resultOf(node: Node, evaluate: (node: Node) => Built): RubyResult {
  if (node.type === 'hash') {
    const keys: Record<string, ValueOrigin> = {};
    let others: ValueOrigin = 'constant';
    for (const pair of namedChildren(node)) {
      const key = pair.type === 'pair' ? literalKey(pair.childForFieldName('key') ?? undefined) : undefined;
      const value = pair.childForFieldName('value');
      const origin = value ? originOf(evaluate(value)) : 'unknown';
      if (key === undefined) others = worstOrigin([others, origin]);
      else keys[key] = origin;
    }
    return { origin: worstOrigin([others, ...Object.values(keys)]), keys, elements: others };
  }
  const origin = originOf(evaluate(node));
  return { origin, keys: {}, elements: origin };
}

/** Results merged: the worst origin of each part, a key missing from one result read as that result's other elements. */
export function mergeResults(results: readonly RubyResult[]): RubyResult {
  const names = new Set(results.flatMap((r) => Object.keys(r.keys)));
  const keys: Record<string, ValueOrigin> = {};
  for (const name of names) keys[name] = worstOrigin(results.map((r) => r.keys[name] ?? r.elements));
  return { origin: worstOrigin(results.map((r) => r.origin)), keys, elements: worstOrigin(results.map((r) => r.elements)) };
}

export function resultOfExpressions(nodes: readonly Node[], evaluate: (node: Node) => Built): RubyResult {
  if (nodes.length === 0) return { origin: 'constant', keys: {}, elements: 'constant' };
  return mergeResults(nodes.map((n) => resultOf(n, evaluate)));
}
