import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import type { Built } from '../sql-text-builder';
import { keyedResult, mergeResults, originOf, plainResult, type KeyedResult } from '../keyed-result';

/** What a Ruby method returns (see `KeyedResult`): a hash literal's keys have their own origins. */
export type RubyResult = KeyedResult;
export { mergeResults, originOf };

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

/** One returned expression: a hash literal by its keys, a constant (whose elements are constants too), else by its value. */
function resultOf(node: Node, evaluate: (node: Node) => Built): RubyResult {
  if (node.type === 'hash') {
    return keyedResult(namedChildren(node).map((pair) => {
      const value = pair.childForFieldName('value');
      return { key: pair.type === 'pair' ? literalKey(pair.childForFieldName('key') ?? undefined) : undefined, origin: value ? originOf(evaluate(value)) : 'unknown' };
    }));
  }
  return plainResult(originOf(evaluate(node)));
}

export function resultOfExpressions(nodes: readonly Node[], evaluate: (node: Node) => Built): RubyResult {
  if (nodes.length === 0) return plainResult('constant');
  return mergeResults(nodes.map((n) => resultOf(n, evaluate)));
}
