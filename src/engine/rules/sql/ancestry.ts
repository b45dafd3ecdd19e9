import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES, pathTo } from '../../ast';

/** Nesting beyond which paths are not remembered. */
const MAX_REMEMBERED_DEPTH = 200;

interface KnownNode {
  readonly start: number;
  readonly end: number;
  /** From the root down to the node. */
  readonly path: readonly Node[];
}

/**
 * Paths from the root to nodes, descending from the deepest node already known to hold the target
 * (a sink call, a function looked into) instead of from the root. Every node the tree hands out is a
 * trip into WebAssembly, and most look-ups of one run fall inside a call or function seen before.
 */
export class Ancestry {
  private readonly known: KnownNode[] = [];
  /**
   * The last path remembered, however deep: calls nested in calls are found in text order, each inside the
   * one before, so the next look-up descends a level or two from it instead of the whole depth from the root.
   * One path, replaced each time: it holds the depth in nodes, never the depth squared.
   */
  private last: KnownNode | undefined;
  /** Node types already read; `Node.type` is a trip into WebAssembly each time. */
  private readonly types = new WeakMap<Node, string>();

  constructor(readonly root: Node) {}

  /** The nodes from the root down to the smallest node spanning `start`..`end`. */
  pathTo(start: number, end: number): Node[] {
    let base: readonly Node[] | undefined;
    for (const k of this.known) if (k.start <= start && end <= k.end && (!base || k.path.length > base.length)) base = k.path;
    const shared = this.last ? this.sharedWithLast(this.last.path, start, end) : 0;
    if (shared > (base?.length ?? 1)) base = this.last?.path.slice(0, shared);
    if (!base) return pathTo(this.root, start, end);
    return [...base.slice(0, -1), ...pathTo(base[base.length - 1], start, end)];
  }

  /**
   * How many nodes of `path`, from the root, span `start`..`end` (each spans all below it, so a binary
   * search finds the deepest). Error recovery can nest a fold's statements one inside the other hundreds of
   * levels deep, the first the deepest; each look-up then starts from where it parts from the last one
   * instead of descending the whole depth from the root again.
   */
  private sharedWithLast(path: readonly Node[], start: number, end: number): number {
    let lo = 0;
    let hi = path.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (path[mid].startIndex <= start && end <= path[mid].endIndex) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Remembers the last node of `path` as a place later look-ups may start from. Paths deeper than any
   * written code (generated or hostile nesting) are not kept: each would hold thousands of nodes.
   */
  remember(path: readonly Node[]): void {
    const node = path[path.length - 1];
    if (node) this.last = { start: node.startIndex, end: node.endIndex, path };
    if (!this.isShallow(path)) return;
    if (!this.known.some((k) => k.path[k.path.length - 1] === node)) this.known.push({ start: node.startIndex, end: node.endIndex, path });
  }

  /** Whether a path is short enough to keep: one per call of hostile nesting would hold the depth squared in nodes. */
  isShallow(path: readonly Node[]): boolean {
    return path.length <= MAX_REMEMBERED_DEPTH;
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
