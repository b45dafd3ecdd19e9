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
