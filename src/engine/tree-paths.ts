import type { Node } from '@vscode/tree-sitter-wasm';

/**
 * `Node.parent` costs a descent from the root in this tree-sitter build, time proportional to the node's
 * depth: walking up from deep inside a tree (a chain of 4,000 `.get(...)` calls is 8,000 levels deep) costs
 * the square of the depth. Past `DEEP_WALK` steps up in one walk the tree is known to be deep, and the parent
 * of every node is then indexed in one walk of the tree, so every later step up costs a map read.
 */
const DEEP_WALK = 64;

export class TreeParents {
  private index: Map<number, Node> | undefined;
  /** Parents the readers of the tree met on their way down (see `note`). */
  private readonly known = new Map<number, Node>();
  /** Paths from the root that their owners keep up to date (see `follow`). */
  private readonly paths: (readonly Node[])[] = [];

  constructor(private readonly root: Node) {}

  /** The node's parent; `stepsSoFar` is how far up the caller's walk already went. */
  of(node: Node, stepsSoFar = 0): Node | null {
    if (!this.index && stepsSoFar > DEEP_WALK) this.index = indexParents(this.root);
    if (this.index) return this.index.get(node.id) ?? null;
    const known = this.known.get(node.id);
    if (known) return known;
    const id = node.id;
    for (const path of this.paths) {
      // (a path deeper than that is not searched step by step: the tree is deep, and its parents get indexed)
      if (path.length > DEEP_WALK) continue;
      for (let i = path.length - 1; i > 0; i--) if (path[i].id === id) return path[i - 1];
    }
    return node.parent;
  }

  /**
   * Tells that `parent` holds `child`, as a reader that came down from `parent` knows: a later walk up from
   * below `child` then takes this step with a map read instead of a descent from the root.
   */
  note(child: Node, parent: Node): void {
    this.known.set(child.id, parent);
  }

  /**
   * Takes the parents of the nodes on `path` (from the root down, each node's parent before it) from it, as it
   * stands when asked: its owner changes it in place as it moves through the tree (see `OrderedDescent`). Cheaper
   * than noting each step, when few of the nodes passed are ever climbed through.
   */
  follow(path: readonly Node[]): void {
    this.paths.push(path);
  }
}

function indexParents(root: Node): Map<number, Node> {
  const parents = new Map<number, Node>();
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    for (const child of node.children) {
      if (!child) continue;
      parents.set(child.id, node);
      stack.push(child);
    }
  }
  return parents;
}

/**
 * Finds the smallest node holding each of a series of ranges given in text order, keeping the path from
 * the root and climbing it only as far as the next range needs: over a whole file each node is passed at
 * most twice, where a descent from the root per range would cost the tree's depth each time.
 */
export class OrderedDescent {
  /** The nodes from the root to the last one found. */
  private readonly path: Node[];
  /** Where each node of `path` ends: read once per node (a read of `endIndex` is a call into WASM). */
  private readonly ends: number[];

  /** `parents`: given the path, for the walks up that start below the nodes found (see `TreeParents.follow`). */
  constructor(root: Node, parents?: TreeParents) {
    this.path = [root];
    this.ends = [root.endIndex];
    parents?.follow(this.path);
  }

  /** The nodes from the root down to the smallest one holding `start..end` (the last). */
  pathTo(start: number, end: number): readonly Node[] {
    const path = this.path;
    const ends = this.ends;
    while (path.length > 1 && !(path[path.length - 1].startIndex <= start && end <= ends[ends.length - 1])) {
      path.pop();
      ends.pop();
    }
    for (;;) {
      const child = path[path.length - 1].firstChildForIndex(start);
      if (!child || child.startIndex > start) return path;
      const childEnd = child.endIndex;
      if (end > childEnd) return path;
      path.push(child);
      ends.push(childEnd);
    }
  }
}
