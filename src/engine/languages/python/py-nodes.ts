import type { Node } from '@vscode/tree-sitter-wasm';

/**
 * The node types the Python facts pass looks for below a function's body and in the whole file: calls,
 * conditions, assignments, returns, definitions, imports.
 */
export const FACTS_PASS_TYPES: readonly string[] = [
  'function_definition', 'class_definition', 'decorated_definition', 'lambda', 'return_statement', 'yield', 'call', 'if_statement',
  'assignment', 'augmented_assignment', 'for_statement', 'as_pattern', 'with_item', 'import_statement', 'import_from_statement',
];

/**
 * The nodes of some types in one Python tree, found with one walk of it, and then those below any node of
 * the tree read from that list. The facts pass asks for several types below every function's body, and
 * again below each function around a nested one: each of those walks costs a walk of the body inside WASM
 * plus a wrapper object per node found, which came to several walks of the whole file (more than parsing it).
 */
export class PyNodes {
  private readonly found: Node[];
  private readonly starts: number[];
  private readonly ends: number[];
  private readonly indexed: ReadonlySet<string>;

  constructor(root: Node, types: readonly string[] = FACTS_PASS_TYPES) {
    this.indexed = new Set(types);
    // in document order: a node comes before the nodes inside it, so starts never decrease
    this.found = root.descendantsOfType([...types]).filter((n): n is Node => n !== null);
    this.starts = this.found.map((n) => n.startIndex);
    this.ends = this.found.map((n) => n.endIndex);
  }

  /**
   * As `node.descendantsOfType(types)`: the node itself and the nodes inside it of those types, in document
   * order. Types outside the walk's are asked of the tree as before.
   */
  below(node: Node, types: string | readonly string[]): Node[] {
    const wanted = typeof types === 'string' ? [types] : types;
    if (!wanted.every((type) => this.indexed.has(type))) return node.descendantsOfType([...wanted]).filter((n): n is Node => n !== null);
    const only = new Set(wanted);
    const start = node.startIndex;
    const end = node.endIndex;
    let low = 0;
    for (let high = this.starts.length; low < high;) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] < start) low = mid + 1;
      else high = mid;
    }
    const out: Node[] = [];
    // every node of the walk starting inside the node's range ends inside it too (ranges nest); one with the
    // node's very range is the node, a node around it (listed before it), or the only thing inside it
    for (let i = low; i < this.found.length && (this.starts[i] < end || (start === end && this.starts[i] === start)); i++) {
      const candidate = this.found[i];
      if (this.ends[i] > end || !only.has(candidate.type)) continue;
      if (this.starts[i] === start && this.ends[i] === end && !isSelfOrInside(candidate, node)) continue;
      out.push(candidate);
    }
    return out;
  }
}

/** Whether `candidate`, of the same range as `node`, is the node or lies inside it (and not around it). */
function isSelfOrInside(candidate: Node, node: Node): boolean {
  for (let current: Node | null = candidate; current && current.startIndex === node.startIndex && current.endIndex === node.endIndex; current = current.parent) {
    if (current.id === node.id) return true;
  }
  return false;
}
