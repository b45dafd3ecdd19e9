import type { Node, Range, Tree } from '@vscode/tree-sitter-wasm';

/**
 * The top-level statements of a file, as offsets. Rules that remember results per statement use them to
 * re-check only what an edit touched. The editor keeps the list up to date edit by edit, reading from the
 * tree only the statements around what changed; a one-shot analysis reads it once.
 */

export interface Statement {
  readonly start: number;
  readonly end: number;
  /**
   * Set on a statement no edit touched since the last analysis, split back out of a statement that error
   * recovery folded it into (see `withFoldsSplit`): the tree cannot show what it means now.
   */
  readonly held?: true;
}

/** One edit as offsets: `start..oldEnd` of the text before it became `start..newEnd`. */
export interface OffsetChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Top-level statements (not comments, not empty) of `root`, in order; read with a cursor, so no node objects are made. */
export function topLevelStatements(root: Node): Statement[] {
  return statementsOverlapping(root, [{ start: 0, end: Number.MAX_SAFE_INTEGER }]).statements;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Children of `root` (not comments, not empty ones such as a missing `;`) that touch any of `spans`
 * (sorted, disjoint), in order, and the spans of every child walked (comments included). Past a span's
 * end the walk goes on until a child `known` accepts: an edit can reshape the statements after it (an
 * opened comment or string swallows them, a closed one gives them back).
 */
function statementsOverlapping(root: Node, spans: readonly Span[], known: (start: number, end: number) => boolean = () => true): { statements: Statement[]; walked: Span[] } {
  const statements: Statement[] = [];
  const walked: Span[] = [];
  const cursor = root.walk();
  try {
    for (const span of spans) {
      cursor.reset(root);
      // the first child ending after span.start - 1, so a child ending right at span.start counts too;
      // its return value is unreliable in this build (true only for the child at index 1), so check the depth
      cursor.gotoFirstChildForIndex(Math.max(0, span.start - 1));
      if (cursor.currentDepth !== 1) continue;
      do {
        const start = cursor.startIndex;
        const end = cursor.endIndex;
        if (start > span.end && known(start, end)) break;
        const last = walked[walked.length - 1];
        if (last && start < last.end) continue;
        walked.push({ start, end });
        if (end > start && cursor.nodeType !== 'comment') statements.push({ start, end });
      } while (cursor.gotoNextSibling());
    }
  } finally {
    cursor.delete();
  }
  return { statements, walked };
}

/** Where `offset` of the text before `change` is after it; offsets inside the replaced text go to `inside`. */
function mapOffset(offset: number, change: OffsetChange, inside: number): number {
  if (offset < change.start) return offset;
  if (offset >= change.oldEnd && offset > change.start) return offset + change.newEnd - change.oldEnd;
  return inside;
}

function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Sorts spans and merges those that overlap or touch. */
function merged(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * `previous` after `changes`: the statements no change touched (one ending right where a change starts counts
 * as touched: typing there may extend it), shifted to where they now are, and the spans the changes touched.
 */
function throughChanges<S extends Statement>(previous: readonly S[], changes: readonly OffsetChange[]): { kept: S[]; dirty: Span[] } {
  let kept: S[] = [...previous];
  let dirty: Span[] = [];
  for (const change of changes) {
    const stay: S[] = [];
    const shift = <T extends Statement>(s: T): T => {
      const start = mapOffset(s.start, change, change.start);
      const end = mapOffset(s.end, change, change.newEnd);
      return (s.held ? { start, end, held: true } : { start, end }) as T;
    };
    for (const s of kept) {
      if (s.end < change.start) stay.push(s);
      else if (s.start > change.oldEnd) stay.push(shift(s));
      else dirty.push(s);
    }
    kept = stay;
    dirty = dirty.map(shift);
    dirty.push({ start: change.start, end: change.newEnd });
  }
  return { kept, dirty };
}

/** The statements of `previous` that no change of `changes` touched, shifted to where they now are. */
export function untouchedThrough<S extends Statement>(previous: readonly S[], changes: readonly OffsetChange[]): S[] {
  return throughChanges(previous, changes).kept;
}

/**
 * The statement list of `tree`, given the list of the tree it was re-parsed from (edited with `changes`) and
 * `changedRanges`, where tree-sitter saw the structure change between the two (`tree.getChangedRanges(oldTree)`).
 * Statements the changes and changed ranges leave alone are kept, shifted;
 * around those the tree is read again, on until the statements it finds line up with kept ones. A random-edit test holds this
 * equal to a fresh read.
 */
export function updateStatements(previous: readonly Statement[], changes: readonly OffsetChange[], tree: Tree, changedRanges: readonly Range[]): Statement[] {
  const { kept, dirty } = throughChanges(previous, changes);
  // Where tree-sitter saw the structure change: a statement can change well past an edit (a `++` that
  // automatic semicolon insertion now reads as part of the next line) while those between stay the same.
  for (const range of changedRanges) dirty.push({ start: range.startIndex, end: range.endIndex });
  const regions = merged(dirty);
  const keptEnds = new Map(kept.map((s) => [s.start, s.end]));
  const { statements: fresh, walked } = statementsOverlapping(tree.rootNode, regions, (start, end) => keptEnds.get(start) === end);
  // Keep the statements clear of every re-read region (one touching a region was read again) and of
  // every child walked (neighbours may share a boundary); merge them with those read again, in order.
  const result: Statement[] = [];
  let r = 0;
  let w = 0;
  let f = 0;
  for (const s of kept) {
    while (r < regions.length && regions[r].end < s.start) r++;
    while (w < walked.length && walked[w].end <= s.start) w++;
    if (r < regions.length && touches(regions[r], s)) continue;
    if (w < walked.length && walked[w].start < s.end) continue;
    while (f < fresh.length && fresh[f].start < s.start) result.push(fresh[f++]);
    result.push(s);
  }
  while (f < fresh.length) result.push(fresh[f++]);
  return result;
}

/**
 * `statements` (the tree's), with every statement that holds a syntax error and wholly contains statements of
 * `untouched` split back into them, marked `held`, and the pieces of text between them (trimmed, blank ones
 * left out). While a bracket or quote is open, error recovery folds the statements after it into one broken
 * statement; those the edits did not touch keep what their last analysis found instead of being read in a
 * tree that cannot show what they mean. `hasError` says whether a statement of the tree holds a syntax error;
 * `parsedEnd`, where the tree stops when only the text before it was parsed.
 */
export function withFoldsSplit(statements: readonly Statement[], untouched: readonly Statement[], text: string, hasError: (statement: Statement) => boolean, parsedEnd = Number.MAX_SAFE_INTEGER): Statement[] {
  const result: Statement[] = [];
  let u = 0;
  for (const statement of statements) {
    while (u < untouched.length && untouched[u].start < statement.start) u++;
    const inside: Statement[] = [];
    for (let i = u; i < untouched.length && untouched[i].start < statement.end; i++) {
      const s = untouched[i];
      if (s.end <= statement.end && (s.start !== statement.start || s.end !== statement.end)) inside.push(s);
    }
    if (inside.length === 0 || !hasError(statement)) {
      result.push(statement);
      continue;
    }
    let from = statement.start;
    for (const s of [...inside, undefined]) {
      const piece = trimmed(text, from, s ? s.start : statement.end);
      if (piece) result.push(piece);
      if (!s) break;
      result.push({ start: s.start, end: s.end, held: true });
      from = s.end;
    }
  }
  // past `parsedEnd` the tree was not read at all (see `IncrementalDocument`): what is untouched there is held too
  for (const s of untouched) if (s.start >= parsedEnd) result.push({ start: s.start, end: s.end, held: true });
  return result;
}

/** Where the text the changes touched ends once they are all applied (offsets of the text after them). */
export function touchedUpTo(changes: readonly OffsetChange[]): number {
  let end = 0;
  for (const change of changes) end = Math.max(mapOffset(end, change, change.newEnd), change.newEnd);
  return end;
}

/** `start..end` without the blank text at either end; `undefined` when it is all blank. */
function trimmed(text: string, start: number, end: number): Statement | undefined {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  return from < to ? { start: from, end: to } : undefined;
}
