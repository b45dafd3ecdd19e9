import type { LineRange, Position, Range } from './types';

/**
 * Line starts of a text that an editor keeps editing. An edit shifts every line start after it; rather than
 * rewrite them all per keystroke, the shift is kept pending from one line on (`shiftFrom`, `delta`) and
 * folded into the next edit at the same place, which is where typing goes. An edit elsewhere first applies
 * the pending shift (one pass over the lines); an edit that adds or removes lines moves the array once.
 */
class LineStarts {
  private shiftFrom: number;
  private delta = 0;

  constructor(private readonly starts: number[]) {
    this.shiftFrom = starts.length;
  }

  get length(): number {
    return this.starts.length;
  }

  at(i: number): number {
    return i >= this.shiftFrom ? this.starts[i] + this.delta : this.starts[i];
  }

  /** The first line whose start is after `offset` (binary search). */
  firstAfter(offset: number, from = 0): number {
    let low = from;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.at(mid) <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** `start..oldEnd` replaced by text with line breaks ending at `added` (offsets in the new text). */
  edit(start: number, oldEnd: number, added: readonly number[], delta: number): void {
    const first = this.firstAfter(start);
    const pastEdit = this.firstAfter(oldEnd, first);
    if (this.shiftFrom < first || this.shiftFrom > pastEdit) this.settle();
    if (pastEdit > first || added.length > 0) this.starts.splice(first, pastEdit - first, ...added);
    this.shiftFrom = first + added.length;
    this.delta += delta;
    if (this.shiftFrom >= this.starts.length) this.settle();
  }

  private settle(): void {
    for (let i = this.shiftFrom; i < this.starts.length; i++) this.starts[i] += this.delta;
    this.shiftFrom = this.starts.length;
    this.delta = 0;
  }
}

/**
 * Converts between UTF-16 offsets and 0-based line/character positions of one text. Lines end at `\n`,
 * `\r\n` or a lone `\r` (old Mac files), as editors and SARIF viewers count them.
 */
export class LineIndex {
  private lineStarts: LineStarts;

  constructor(readonly text: string, lineStarts?: number[]) {
    if (lineStarts) {
      this.lineStarts = new LineStarts(lineStarts);
      return;
    }
    const starts = [0];
    // without a `\r`, every line ends with a `\n`: found by `indexOf`, several times faster than the pattern
    if (!text.includes('\r')) for (let n = text.indexOf('\n'); n >= 0; n = text.indexOf('\n', n + 1)) starts.push(n + 1);
    else for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
    this.lineStarts = new LineStarts(starts);
  }

  /**
   * The index of `newText`, which is this text with `start..oldEnd` replaced by `inserted`. It takes over this
   * index's line starts, so this index must not be used afterwards. Cost: the line breaks inserted, plus one
   * pass over the line starts when the edit is on another line than the last one or adds or removes lines.
   */
  withEdit(start: number, oldEnd: number, inserted: string, newText: string): LineIndex {
    // a `\r` may join or leave a `\n` at the edit: count again (editors hand over text without lone `\r`)
    if (inserted.includes('\r') || (start > 0 && this.text[start - 1] === '\r')) return new LineIndex(newText);
    const added: number[] = [];
    for (let n = inserted.indexOf('\n'); n >= 0; n = inserted.indexOf('\n', n + 1)) added.push(start + n + 1);
    const next = Object.create(LineIndex.prototype) as LineIndex;
    Object.assign(next, { text: newText, lineStarts: this.lineStarts });
    this.lineStarts.edit(start, oldEnd, added, inserted.length - (oldEnd - start));
    this.lineStarts = new LineStarts([]);
    return next;
  }

  /** Characters on lines longer than `length`. */
  charactersOnLinesLongerThan(length: number): number {
    let total = 0;
    const count = this.lineStarts.length;
    for (let i = 0; i < count; i++) {
      const lineStart = this.lineStarts.at(i);
      const end = i + 1 < count ? this.lineStarts.at(i + 1) - 1 : this.text.length;
      if (end - lineStart > length) total += end - lineStart;
    }
    return total;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = Math.max(0, this.lineStarts.firstAfter(clamped) - 1);
    return { line, character: clamped - this.lineStarts.at(line) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts.at(Math.max(0, position.line));
    return Math.min(start + position.character, this.text.length);
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** `rangeOf` as four numbers (see `LineRange`). */
  lineRangeOf(startOffset: number, endOffset: number): LineRange {
    const { start, end } = this.rangeOf(startOffset, endOffset);
    return [start.line, start.character, end.line, end.character];
  }

  lineText(line: number): string {
    const start = line < this.lineStarts.length ? this.lineStarts.at(line) : this.text.length;
    const end = line + 1 < this.lineStarts.length ? this.lineStarts.at(line + 1) - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}

/** Applies non-overlapping edits given as offsets into `text`; returns the new text. */
export function applyTextEdits(text: string, edits: readonly { startOffset: number; endOffset: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.startOffset - a.startOffset || b.endOffset - a.endOffset);
  let result = text;
  let lastStart = Infinity;
  for (const edit of sorted) {
    if (edit.endOffset > lastStart) throw new Error('overlapping edits');
    result = result.slice(0, edit.startOffset) + edit.newText + result.slice(edit.endOffset);
    lastStart = edit.startOffset;
  }
  return result;
}

/** Matches of a global `pattern` in `start..end` of `text`, with indices into the whole text. */
export function matchAllIn(pattern: RegExp, text: string, start = 0, end = text.length): RegExpExecArray[] {
  if (start === 0 && end === text.length) return [...text.matchAll(pattern)];
  const matches: RegExpExecArray[] = [];
  for (const match of text.slice(start, end).matchAll(pattern)) {
    match.index += start;
    matches.push(match);
  }
  return matches;
}

/** Where the line holding `offset` starts: after the last `\n`, or lone `\r`, before it. */
export function lineStartAt(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** The spaces and tabs that begin the line holding `offset`. */
export function indentOfLineAt(text: string, offset: number): string {
  const indent = /[ \t]*/y;
  indent.lastIndex = lineStartAt(text, offset);
  return indent.exec(text)?.[0] ?? '';
}

/** Where the line holding `offset` ends: at the first `\r` or `\n` from `offset` on, else the end of the text. */
export function lineEndAt(text: string, offset: number): number {
  const lineBreak = /[\r\n]/g;
  lineBreak.lastIndex = offset;
  return lineBreak.exec(text)?.index ?? text.length;
}

/**
 * Where the line before the one starting at `lineStart` ends (its line break excluded), or -1 on the first
 * line: `\r\n` is one break, not an empty line between a `\r` and a `\n`.
 */
export function previousLineEndAt(text: string, lineStart: number): number {
  if (lineStart <= 0) return -1;
  return text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
}

/** The line break the text uses first from `offset` on (`\r\n`, `\n` or a lone `\r`), `\n` when there is none. */
export function lineBreakAfter(text: string, offset: number): string {
  const lineBreak = /\r\n|\n|\r/g;
  lineBreak.lastIndex = offset;
  return lineBreak.exec(text)?.[0] ?? '\n';
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The `Range` a `LineRange` stands for. */
export function rangeOfLines(at: LineRange): Range {
  return { start: { line: at[0], character: at[1] }, end: { line: at[2], character: at[3] } };
}
