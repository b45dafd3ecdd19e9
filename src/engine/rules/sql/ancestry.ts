import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES, pathTo } from '../../ast';


interface KnownFunction {
  readonly start: number;
  readonly end: number;
  /** From the root down to the function. */
  readonly path: readonly Node[];
}

/**
 * Paths from the root to nodes, reusing the functions already seen in this run: most look-ups fall
 * inside a function a previous one went through, so they descend from there instead of from the root.
 * Every node the tree hands out costs a trip into WebAssembly, so this saves most of them.
 */
export class Ancestry {
  private readonly known: KnownFunction[] = [];
  /** Node types already read; `Node.type` is a trip into WebAssembly each time. */
  private readonly types = new WeakMap<Node, string>();

  constructor(readonly root: Node) {}

  /** The nodes from the root down to the smallest node spanning `start`..`end`. */
  pathTo(start: number, end: number): Node[] {
    let base: KnownFunction | undefined;
    for (const f of this.known) if (f.start <= start && end <= f.end && (!base || f.path.length > base.path.length)) base = f;
    const from = base ? base.path : [this.root];
    const path = [...from.slice(0, -1), ...pathTo(from[from.length - 1], start, end)];
    for (let i = from.length; i < path.length; i++) {
      if (this.isFunction(path[i])) this.known.push({ start: path[i].startIndex, end: path[i].endIndex, path: path.slice(0, i + 1) });
    }
    return path;
  }

  typeOf(node: Node): string {
    let type = this.types.get(node);
    if (type === undefined) {
      type = node.type;
      this.types.set(node, type);
    }
    return type;
  }

  isFunction(node: Node): boolean {
    return FUNCTION_TYPES.has(this.typeOf(node));
  }
}
