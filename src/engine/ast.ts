import type { Node } from '@vscode/tree-sitter-wasm';

/** Named children of a node, without the nulls tree-sitter's API allows for. */
export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

/** All descendants of the given types, in document order (walked inside WASM, so it is fast). */
export function descendantsOfType(root: Node, types: string | string[]): Node[] {
  return root.descendantsOfType(types).filter((node): node is Node => node !== null);
}

/** The text of a string literal without its quotes, or `undefined` when the node is not a plain string. */
export function stringLiteralValue(node: Node): string | undefined {
  if (node.type === 'string') return node.text.slice(1, -1);
  if (node.type === 'template_string' && !namedChildren(node).some((c) => c.type === 'template_substitution')) return node.text.slice(1, -1);
  return undefined;
}

/** The nearest ancestor of one of the given types. */
export function closestAncestor(node: Node, types: readonly string[]): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (types.includes(current.type)) return current;
  }
  return undefined;
}

const EXPRESSION_WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'non_null_expression', 'satisfies_expression', 'type_assertion']);

/** The expression inside parentheses and TypeScript wrappers (`as T`, `x!`, `satisfies T`, `<T>x`). */
export function unwrap(node: Node): Node {
  let current = node;
  while (EXPRESSION_WRAPPERS.has(current.type)) {
    const inner = firstNamedChild(current);
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** The first named child that is not a comment. */
export function firstNamedChild(node: Node): Node | undefined {
  return node.namedChildren.find((c): c is Node => c !== null && c.type !== 'comment');
}

/**
 * The nodes from `root` down to the smallest node spanning `start`..`end`, found in one descent.
 * Prefer it to climbing with `Node.parent`, which walks down from the tree's root again on every call.
 */
export function pathTo(root: Node, start: number, end: number): Node[] {
  const path = [root];
  const target = root.descendantForIndex(start, end);
  if (!target) return path;
  for (let current = root; current.id !== target.id;) {
    const next = current.childWithDescendant(target);
    if (!next || next.id === current.id) break;
    path.push(next);
    current = next;
  }
  return path;
}
