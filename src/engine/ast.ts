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

/** Node types of functions, arrow functions and methods (JavaScript and TypeScript grammars). */
export const FUNCTION_TYPES: ReadonlySet<string> = new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function', 'generator_function_declaration']);

/** What `OwnReturns` walks a tree for: return statements and the functions they belong to. */
export const OWN_RETURN_TYPES: readonly string[] = ['return_statement', ...FUNCTION_TYPES];

/**
 * The nodes of several types in one tree, found with one walk of it on first need. A walk of a whole tree
 * costs about a third of parsing it, whatever it finds, so readers of the same tree that each want some
 * types share one walk for all of them.
 */
export class SharedWalk {
  private found: Array<[string, Node]> | undefined;

  constructor(private readonly root: Node, private readonly types: readonly string[]) {}

  /** The nodes of `types` (each one of the walk's types), in document order. */
  of(types: readonly string[]): Node[] {
    this.found ??= descendantsOfType(this.root, [...this.types]).map((node): [string, Node] => [node.type, node]);
    const wanted = new Set(types);
    return this.found.filter(([type]) => wanted.has(type)).map(([, node]) => node);
  }
}

/**
 * The return statements of the functions of one tree, found with one walk of it: a function's own returns
 * (not those of functions nested in it) are then read from that list, instead of walking each function's
 * body again for every function asked about (and again for each function around it).
 */
export class OwnReturns {
  /** Return statements and functions, in document order (a node before the nodes inside it). */
  private nodes: Node[] | undefined;

  /** @param walk A walk of the same tree other readers share (its types include `OWN_RETURN_TYPES`). */
  constructor(private readonly root: Node, private readonly walk?: SharedWalk) {}

  /** The return statements of the function whose block is `body`, leaving out those of functions nested in it. */
  of(body: Node): Node[] {
    const nodes = (this.nodes ??= this.walk ? this.walk.of(OWN_RETURN_TYPES) : descendantsOfType(this.root, [...OWN_RETURN_TYPES]));
    const start = body.startIndex;
    const end = body.endIndex;
    let low = 0;
    for (let high = nodes.length; low < high;) {
      const mid = (low + high) >> 1;
      if (nodes[mid].startIndex < start) low = mid + 1;
      else high = mid;
    }
    const own: Node[] = [];
    // a node starting before the end of the last function met is inside that function
    let nestedEnd = -1;
    for (let i = low; i < nodes.length && nodes[i].startIndex < end; i++) {
      const node = nodes[i];
      if (node.startIndex < nestedEnd) continue;
      if (node.type === 'return_statement') own.push(node);
      else nestedEnd = node.endIndex;
    }
    return own;
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
