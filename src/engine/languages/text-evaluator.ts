import type { Node } from '@vscode/tree-sitter-wasm';
import type { LocalWrite, LocalWrites } from './local-writes';
import { asOneValue, constantText, join, valueOf, type Built } from './sql-text-builder';

/** How deep one evaluation may follow variables and calls; deeper values count as unknown. */
const MAX_DEPTH = 24;

/**
 * The part of a front end's string evaluation every language shares: a depth guard, the file's time budget,
 * and reading a local variable from the writes that reach it. Each language reads its own expressions in `read`.
 */
export abstract class TextEvaluator {
  private depth = 0;
  private steps = 0;
  private stepLimit = Infinity;

  constructor(protected readonly locals: LocalWrites, private readonly deadline: number) {}

  get expired(): boolean {
    return this.steps > this.stepLimit || performance.now() > this.deadline;
  }

  /** Gives up past `steps` evaluations too, so that what is read does not depend on the machine's load (the deadline stays a safety net). */
  limitSteps(steps: number): this {
    this.stepLimit = steps;
    return this;
  }

  /** The text `node` evaluates to, in pieces; never throws, and gives up (an unknown value) when too deep or late. */
  evaluate(node: Node): Built {
    if (this.depth >= MAX_DEPTH || this.expired) return valueOf(node, 'unknown', 'too deep to follow');
    this.steps++;
    this.depth++;
    try {
      return this.read(node);
    } finally {
      this.depth--;
    }
  }

  protected abstract read(node: Node): Built;

  /** One of several values (`?:`, `match`, `||`): allowed when each is constant text, else the worst of them. */
  protected choice(node: Node, branches: readonly (Node | null | undefined)[]): Built {
    const values = branches.filter((b): b is Node => !!b).map((b) => this.evaluate(b));
    if (values.length > 0 && values.every((v) => constantText(v) !== undefined)) return valueOf(node, 'allowed', 'one of fixed values');
    return asOneValue(node, join(values), 'one of several values');
  }

  /**
   * A parameter's value as the calls in this file pass it (`injectableQuery(query)` called from the handler
   * above): the first call site whose value can carry SQL syntax, else the first one; `undefined` when the
   * file has no call that passes it. `use` is where the parameter is read.
   */
  protected passedHere(use: Node, index: number, calls: readonly Node[], argumentsOf: (call: Node) => Node[]): Built | undefined {
    const values = calls.map((call) => argumentsOf(call)[index]).filter((arg): arg is Node => !!arg).map((arg) => this.evaluate(arg));
    if (values.length === 0) return undefined;
    const chosen = values.find((v) => v.pieces.some((p) => p.kind === 'value' && (p.origin === 'request' || p.origin === 'unknown'))) ?? values[0];
    return chosen.pieces.some((p) => p.kind === 'text') && chosen.pieces.some((p) => p.kind === 'value') ? chosen : asOneValue(use, chosen, 'passed by a caller in this file');
  }

  /** The value one write gives a variable read at `use`; a language reads its own forms (a multiple assignment) here. */
  protected writtenValue(write: LocalWrite, use: Node): Built {
    return write.value && write.element === undefined ? this.evaluate(write.value) : valueOf(use, 'unknown', 'written by a loop or a list assignment');
  }

  /**
   * A local variable's value where `use` reads it: a string holding SQL text is read in its pieces (where it was
   * written); a plain value is one value at the use, with the origin of what was written to it. `unwritten`
   * answers when nothing in the scope writes the name before the use (a parameter, a global, a field).
   */
  protected variable(name: string, use: Node, unwritten: () => Built): Built {
    const writes = this.locals.reaching(name, use);
    if (writes.length === 0) return unwritten();
    const parts = writes.map((w) => this.writtenValue(w, use));
    const value = join(parts, writes.length > 1 ? 'append' : undefined);
    if (value.pieces.some((p) => p.kind === 'text') && value.pieces.some((p) => p.kind === 'value')) return value;
    return asOneValue(use, value, `local variable ${name}`);
  }
}
