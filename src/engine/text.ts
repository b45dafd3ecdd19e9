import type { Position, Range } from './types';

/**
 * Converts between UTF-16 offsets and 0-based line/character positions of one text. Lines end at `\n`,
 * `\r\n` or a lone `\r` (old Mac files), as editors and SARIF viewers count them.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string, lineStarts?: number[]) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
    this.lineStarts = starts;
  }

  /**
   * The index of `newText`, which is this text with `start..oldEnd` replaced by `inserted`: line starts
   * before the edit are kept, those after it shifted, so the cost follows the number of lines, not characters.
   */
  withEdit(start: number, oldEnd: number, inserted: string, newText: string): LineIndex {
    // a `\r` may join or leave a `\n` at the edit: count again (editors hand over text without lone `\r`)
    if (inserted.includes('\r') || newText[start - 1] === '\r') return new LineIndex(newText);
    const delta = inserted.length - (oldEnd - start);
    const starts: number[] = [];
    let i = 0;
    while (i < this.lineStarts.length && this.lineStarts[i] <= start) starts.push(this.lineStarts[i++]);
    for (let n = inserted.indexOf('\n'); n >= 0; n = inserted.indexOf('\n', n + 1)) starts.push(start + n + 1);
    while (i < this.lineStarts.length && this.lineStarts[i] <= oldEnd) i++;
    while (i < this.lineStarts.length) starts.push(this.lineStarts[i++] + delta);
    return new LineIndex(newText, starts);
  }

  /** Characters on lines longer than `length`. */
  charactersOnLinesLongerThan(length: number): number {
    let total = 0;
    for (let i = 0; i < this.lineStarts.length; i++) {
      const end = i + 1 < this.lineStarts.length ? this.lineStarts[i + 1] - 1 : this.text.length;
      if (end - this.lineStarts[i] > length) total += end - this.lineStarts[i];
    }
    return total;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)];
    return Math.min(start + position.character, this.text.length);
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.text.length;
    const next = this.lineStarts[line + 1];
    const end = next === undefined ? this.text.length : next - 1;
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
