import type { Node } from '@vscode/tree-sitter-wasm';

/**
 * A write to a local variable: `$q = ...` (`set`) or `$q .= ...`, `q += ...`, `sb.append(...)`, `q << ...`
 * (`append`). Front ends list a scope's writes in document order; the value a variable holds at a use is
 * its last `set` before the use, followed by the appends after it (branches are read as if all ran, which
 * is what a reader of the SQL text must assume too).
 */
export interface LocalWrite {
  readonly name: string;
  readonly kind: 'set' | 'append';
  /** The value written; absent when the write is not an expression the front end reads (`foreach ($rows as $q)`). */
  readonly value: Node | undefined;
  /** A multiple assignment (`a, b = ...`): the name takes this element of `value`, not `value` itself. */
  readonly element?: number;
  /** Where the write ends: a write counts for uses after this offset. */
  readonly end: number;
}

export interface ScopeSyntax {
  /** The function, method or block whose locals a use reads (the file's root outside any function). */
  scopeOf(node: Node): Node;
  /** Every write to a local variable in the scope, in document order (not those of nested functions). */
  writesIn(scope: Node): readonly LocalWrite[];
}

/** Writes per scope, read once per file. */
export class LocalWrites {
  private readonly byScope = new Map<number, readonly LocalWrite[]>();

  constructor(private readonly syntax: ScopeSyntax) {}

  scopeOf(node: Node): Node {
    return this.syntax.scopeOf(node);
  }

  /**
   * The writes that make up `name`'s value where `use` reads it: the last `set` before the use and the appends
   * after it; an empty list when nothing in the scope writes it before the use (a parameter, a global).
   */
  reaching(name: string, use: Node): readonly LocalWrite[] {
    const scope = this.syntax.scopeOf(use);
    let writes = this.byScope.get(scope.id);
    if (!writes) {
      writes = this.syntax.writesIn(scope);
      this.byScope.set(scope.id, writes);
    }
    const before = writes.filter((w) => w.name === name && w.end <= use.startIndex);
    let lastSet = -1;
    before.forEach((w, i) => { if (w.kind === 'set') lastSet = i; });
    return lastSet < 0 ? before.filter((w) => w.kind === 'append') : before.slice(lastSet);
  }
}

/** The nearest ancestor (or the node itself) of one of the types; the root when there is none. */
export function enclosing(node: Node, types: ReadonlySet<string>): Node {
  let current: Node | null = node.parent;
  let last = node;
  while (current) {
    if (types.has(current.type)) return current;
    last = current;
    current = current.parent;
  }
  return last;
}

/** Descendants of `scope` of the given types that are not inside a nested scope of `scopeTypes`. */
export function ownDescendants(scope: Node, types: readonly string[], scopeTypes: ReadonlySet<string>): Node[] {
  return scope.descendantsOfType([...types]).filter((n): n is Node => {
    if (!n) return false;
    for (let p = n.parent; p && p.id !== scope.id; p = p.parent) if (scopeTypes.has(p.type)) return false;
    return true;
  });
}
