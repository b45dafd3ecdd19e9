/** A replacement of the text between two offsets. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits that do not overlap; an edit inside another one's range is dropped (the outer one wins).
 * An insertion at the offset where a replacement starts goes before it.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const isInsertion = (edit: TextEdit): number => (edit.start === edit.end ? 0 : 1);
  const sorted = [...edits].sort((a, b) => a.start - b.start || isInsertion(a) - isInsertion(b) || b.end - a.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/**
 * Drops the blank lines a removal left at the start or end, or right after an opening brace (a class whose
 * field declarations went), and keeps at most one blank line in a row.
 */
export function tidyBlankLines(text: string): string {
  return text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/\{\n\n/g, '{\n').replace(/^\n+/, '').replace(/\n+$/, '');
}
