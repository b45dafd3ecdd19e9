import type { Node } from '@vscode/tree-sitter-wasm';

/**
 * Named children of a node, without the nulls tree-sitter's API allows for. The runtime keeps the list on the
 * node and gives the same one to every caller, so it is read-only here; it is copied only when it holds a null
 * (it never has: copying each list was about 2% of everything a scan allocates).
 */
export function namedChildren(node: Node): readonly Node[] {
  return withoutNulls(node.namedChildren);
}

/** All descendants of the given types, in document order (walked inside WASM, so it is fast). */
export function descendantsOfType(root: Node, types: string | string[]): Node[] {
  return withoutNulls(root.descendantsOfType(types));
}

/** `nodes` itself when it holds no null, else a copy without them. */
function withoutNulls(nodes: Array<Node | null>): Node[] {
  for (let i = 0; i < nodes.length; i += 1) {
    if (nodes[i] === null) return nodes.filter((node): node is Node => node !== null);
  }
  return nodes as Node[];
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

/** Node types of functions, arrow functions and methods (JavaScript and TypeScript grammars). */
export const FUNCTION_TYPES: ReadonlySet<string> = new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function', 'generator_function_declaration']);

/**
 * The return statements of the functions of one tree, found from the text: each `return` in a function's body
 * is confirmed by a descent from the body to it, which stops at a function nested in the body (the return is
 * that function's). The descents pass only the nodes above the returns, where a walk of the whole tree costs
 * about a third of parsing it.
 */
export class OwnReturns {
  /** Where the word `return` stands in the text, in order. */
  private words: number[] | undefined;

  constructor(private readonly text: string) {}

  /** The return statements of the function whose block is `body`, leaving out those of functions nested in it. */
  of(body: Node): Node[] {
    const words = (this.words ??= Array.from(this.text.matchAll(/\breturn\b/g), (m) => m.index ?? 0));
    const start = body.startIndex;
    const end = body.endIndex;
    let low = 0;
    for (let high = words.length; low < high;) {
      const mid = (low + high) >> 1;
      if (words[mid] < start) low = mid + 1;
      else high = mid;
    }
    const own: Node[] = [];
    for (let i = low; i < words.length && words[i] < end; i++) {
      const statement = ownReturnAt(body, words[i]);
      if (statement) own.push(statement);
    }
    return own;
  }
}

/** The return statement starting at `at` below `body`, unless a function nested in the body holds it (or none starts there: a string, a comment, a name). */
function ownReturnAt(body: Node, at: number): Node | undefined {
  for (let node = body; ;) {
    const child = node.firstChildForIndex(at);
    if (!child || child.startIndex > at) return undefined;
    const type = child.type;
    if (type === 'return_statement' && child.startIndex === at) return child;
    if (FUNCTION_TYPES.has(type)) return undefined;
    node = child;
  }
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

/** `a.b.c` as its root (`a`, unwrapped) and the property names read after it (`['b', 'c']`); undefined when a link is missing. */
export function memberChain(node: Node): { root: Node; path: string[] } | undefined {
  const path: string[] = [];
  let target = unwrap(node);
  while (target.type === 'member_expression') {
    const property = target.childForFieldName('property');
    const object = target.childForFieldName('object');
    if (!property || !object) return undefined;
    path.unshift(property.text);
    target = unwrap(object);
  }
  return { root: target, path };
}

/** The first named child that is not a comment. */
export function firstNamedChild(node: Node): Node | undefined {
  return node.namedChildren.find((c): c is Node => c !== null && c.type !== 'comment');
}

/**
 * The nodes from `root` down to the smallest node spanning `start`..`end`, one level at a time.
 * Prefer it to climbing with `Node.parent` (which walks down from the tree's root again on every call)
 * and to `descendantForIndex` on a wide root (which is slow over a long list of top-level statements).
 */
export function pathTo(root: Node, start: number, end: number): Node[] {
  const path = [root];
  for (let node = root; ;) {
    const child = node.firstChildForIndex(start);
    if (!child || child.startIndex > start) break;
    path.push(child);
    node = child;
  }
  // down to the leaf holding `start`; then back up to the first node that also holds `end` (nested
  // nodes: once the deepest holds it, all above do, so usually one `endIndex` read suffices)
  while (path.length > 1 && path[path.length - 1].endIndex < end) path.pop();
  return path;
}
