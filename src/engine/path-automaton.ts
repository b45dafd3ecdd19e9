/** What one move of the automaton reads: one given character, any character but `/`, or any character. */
export type CharTest = string | 'segment-char' | 'any-char';

interface Move {
  test: CharTest;
  to: number;
}

export interface MatchOptions {
  /** The pattern may also start right after any `/` of the text (a glob without `/` matches a name at any depth). */
  restartAfterSlash?: boolean;
  /** Reaching the end of the pattern right before a `/` of the text matches too (a folder matches everything in it). */
  acceptBeforeSlash?: boolean;
}

function accepts(test: CharTest, char: string): boolean {
  if (test === 'any-char') return true;
  if (test === 'segment-char') return char !== '/';
  return test === char;
}

/**
 * A nondeterministic automaton over the characters of a path, built from a glob or route pattern written
 * by the user (Thompson's construction) and run by following every state at once. Matching costs at most
 * the text length times the pattern size, whatever the pattern: unlike a regular expression built from the
 * same text, it never backtracks, so `*a*a*a*a*a*!` or `/**\/**\/**` cannot stall the caller.
 */
export class PathAutomaton {
  private readonly moves: Move[][] = [[]];
  private readonly empties: number[][] = [[]];
  readonly start = 0;

  get size(): number {
    return this.moves.length;
  }

  addState(): number {
    this.moves.push([]);
    this.empties.push([]);
    return this.moves.length - 1;
  }

  /** A move from `from` on one character, to `to` or to a new state; returns the target. */
  addMove(from: number, test: CharTest, to = this.addState()): number {
    this.moves[from].push({ test, to });
    return to;
  }

  addEmpty(from: number, to: number): void {
    this.empties[from].push(to);
  }

  /** Whether the whole text is read from the start state to `accept`. */
  matches(text: string, accept: number, options: MatchOptions = {}): boolean {
    const seen = new Int32Array(this.size).fill(-1);
    let current: number[] = [];
    this.addClosure(this.start, current, seen, 0);
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (options.acceptBeforeSlash && char === '/' && seen[accept] === i) return true;
      const next: number[] = [];
      for (const state of current) {
        for (const move of this.moves[state]) if (accepts(move.test, char)) this.addClosure(move.to, next, seen, i + 1);
      }
      if (options.restartAfterSlash && char === '/') this.addClosure(this.start, next, seen, i + 1);
      if (!next.length && !options.restartAfterSlash) return false;
      current = next;
    }
    return seen[accept] === text.length;
  }

  /** Adds `state` and every state reached from it without reading, marking each with the text position. */
  private addClosure(state: number, into: number[], seen: Int32Array, position: number): void {
    const stack = [state];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen[s] === position) continue;
      seen[s] = position;
      into.push(s);
      for (const to of this.empties[s]) if (seen[to] !== position) stack.push(to);
    }
  }
}
