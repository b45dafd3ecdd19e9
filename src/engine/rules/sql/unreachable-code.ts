import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES } from '../../ast';
import { callsOf } from './call-sites';
import { isStaticMember } from './classes';
import { passThroughTest } from './pass-through-calls';
import type { StringEvaluator } from './string-building';

/** How many enclosing callers deep (`a` only called in `b`, only called in `c`) a function's deadness is followed. */
const MAX_DEPTH = 3;

/**
 * Code in a function nothing can call never runs, so a query built there cannot carry input: a function whose
 * every use is a call (in sight), every call sitting in code that never runs either, and that other files cannot
 * call (not published, or exported but named by no other file, see `exportedButUnused`). Told only while the
 * project's facts are complete: a lone file, or a project still being indexed, keeps every function callable.
 * Instance methods are left callable (the runtime calls `toString`, `toJSON`, `then` by their names).
 * A module nothing can load (no import, entry, launcher or convention names it) runs none of its code.
 */
export class UnreachableCode {
  private readonly dead = new Map<number, boolean>();

  constructor(private readonly ev: StringEvaluator) {}

  /**
   * Whether `node` sits in a function that can never be called, or in a module nothing can load (see
   * `unloadableModule`): none of its code runs, request handlers it defines included.
   */
  contains(node: Node): boolean {
    const crossFile = this.ev.crossFile;
    return !!crossFile?.complete && (!!crossFile.moduleUnloadable?.() || this.enclosingFunctions(node).some((fn) => this.isDead(fn, 0)));
  }

  private enclosingFunctions(node: Node): Node[] {
    return this.ev.scopes.ancestry.pathTo(node.startIndex, node.endIndex).filter((n) => FUNCTION_TYPES.has(n.type) && n.startIndex < node.startIndex).reverse();
  }

  private isDead(fn: Node, depth: number): boolean {
    const known = this.dead.get(fn.startIndex);
    if (known !== undefined) return known;
    // while it is being decided (callers that call each other), the function counts as callable
    this.dead.set(fn.startIndex, false);
    const found = this.decide(fn, depth);
    this.dead.set(fn.startIndex, found);
    return found;
  }

  private decide(fn: Node, depth: number): boolean {
    if (depth > MAX_DEPTH || (fn.type === 'method_definition' && !isStaticMember(fn))) return false;
    const callers = callsOf(this.ev.scopes, this.ev.classes, this.ev.text, fn, passThroughTest(this.ev));
    if (!callers || (callers.published && !this.ev.crossFile?.exportedButUnused?.(fn))) return false;
    // its own recursive calls do not make it run; any other call must sit in code that never runs
    return callers.calls.every((call) => (fn.startIndex <= call.startIndex && call.endIndex <= fn.endIndex) || this.enclosingFunctions(call).some((g) => this.isDead(g, depth + 1)));
  }
}
