/**
 * What a rule may keep between analyses of one open document, so a keystroke re-checks only what it can
 * have changed. The engine keeps the entries; the rule decides what they mean and when they still hold,
 * given the text the edits removed and inserted since its last run.
 */
export interface RuleMemory {
  /** Entries stored by the rule's last completed run; `undefined` on a first run or after a reset. */
  readonly previous: ReadonlyMap<string, unknown> | undefined;
  /**
   * The text each edit since that run removed and inserted, widened to whole identifiers on both sides
   * (typing `x` after `q` yields `qx` and `q`), and the text of every range the parser read differently
   * since (its structure changed, though its text may not have), so a rule can tell whether a name it
   * depended on was touched.
   */
  readonly editedTexts: readonly string[];
  /**
   * The part of `editedTexts` the edits themselves removed and inserted, without the ranges the parser read
   * differently: what changed in the text, whatever error recovery made of it.
   */
  readonly typedTexts: readonly string[];
  /** Entries for the next run; they replace `previous` once this run completes. */
  readonly next: Map<string, unknown>;
}

/** Beyond this much edited text that some rule has not seen yet, remembering is not worth it: start afresh. */
const MAX_EDITED_CHARS = 20000;

const IDENTIFIER_CHAR = /[\w$]/;

function widen(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from > 0 && IDENTIFIER_CHAR.test(text[from - 1])) from--;
  while (to < text.length && IDENTIFIER_CHAR.test(text[to])) to++;
  return text.slice(from, to);
}

/** Per-document store of every rule's memory plus the log of edits since each rule last ran. */
export class DocumentMemory {
  private readonly stores = new Map<string, Map<string, unknown>>();
  private readonly seen = new Map<string, number>();
  private edits: string[] = [];
  /** How many characters of each entry of `edits` count towards the limit (re-parsed ranges count none). */
  private counted: number[] = [];
  /** Whether each entry of `edits` is a re-parsed range rather than the text of an edit. */
  private reparsed: boolean[] = [];
  private editedChars = 0;

  /** Records one edit: offsets into `before`, which became `after`. */
  recordEdit(before: string, after: string, start: number, oldEnd: number, newEnd: number): void {
    const removed = widen(before, start, oldEnd);
    const inserted = widen(after, start, newEnd);
    this.edits.push(removed, inserted);
    this.counted.push(removed.length, inserted.length);
    this.reparsed.push(false, false);
    this.editedChars += removed.length + inserted.length;
    if (this.editedChars > MAX_EDITED_CHARS) this.reset();
  }

  /**
   * Records the ranges of `text` whose syntax tree changed in a re-parse. They do not count towards the
   * edit limit: error recovery may re-read the whole file after a one-character edit, and forgetting
   * everything then would re-check every statement; a rule re-checks only what rests on names in them.
   */
  recordReparse(text: string, ranges: readonly { startIndex: number; endIndex: number }[]): void {
    if (this.seen.size === 0) return;
    for (const r of ranges) {
      this.edits.push(widen(text, r.startIndex, r.endIndex));
      this.counted.push(0);
      this.reparsed.push(true);
    }
  }

  /** Forgets everything (the text was replaced wholesale, or too much changed to track). */
  reset(): void {
    this.stores.clear();
    this.seen.clear();
    this.edits = [];
    this.counted = [];
    this.reparsed = [];
    this.editedChars = 0;
  }

  /** Whether the rule's last run completed and what it stored is kept. */
  remembers(ruleId: string): boolean {
    return this.seen.has(ruleId);
  }

  forRule(ruleId: string): RuleMemory {
    const seen = this.seen.get(ruleId);
    return {
      previous: seen === undefined ? undefined : this.stores.get(ruleId),
      editedTexts: seen === undefined ? [] : this.edits.slice(seen),
      typedTexts: seen === undefined ? [] : this.edits.slice(seen).filter((_, i) => !this.reparsed[seen + i]),
      next: new Map(),
    };
  }

  /** Keeps what a completed run stored, and marks the edits so far as seen by that rule. */
  commit(ruleId: string, memory: RuleMemory): void {
    this.stores.set(ruleId, memory.next);
    this.seen.set(ruleId, this.edits.length);
    this.dropSeen();
  }

  /**
   * Drops the edits every rule has seen (they hold slices of old texts, which they keep alive); they no longer
   * count towards the limit either, so a long typing session with runs between its keystrokes keeps its memory.
   */
  private dropSeen(): void {
    const oldest = Math.min(...this.seen.values());
    if (oldest === 0 || !Number.isFinite(oldest)) return;
    for (let i = 0; i < oldest; i++) this.editedChars -= this.counted[i];
    this.edits = this.edits.slice(oldest);
    this.counted = this.counted.slice(oldest);
    this.reparsed = this.reparsed.slice(oldest);
    for (const [rule, seen] of this.seen) this.seen.set(rule, seen - oldest);
  }

  /** A run that failed leaves nothing to trust. */
  drop(ruleId: string): void {
    this.stores.delete(ruleId);
    this.seen.delete(ruleId);
  }
}
