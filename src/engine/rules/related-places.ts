import path = require('path');
import type { Span } from '../project/facts';
import type { RelatedSpec } from '../rule';
import { rangeOfLines } from '../text';
import type { LineRange } from '../types';

/** A place in a project file: `span` in its text, `at` the same as lines and characters (see `LineRange`). */
export interface FilePlace {
  file: string;
  span: Span;
  at: LineRange;
}

/**
 * A related location at `where`: by offsets when it is in `file`, the file reported in; else by lines and
 * characters, all the facts of another file give.
 */
export function relatedAt(file: string, message: string, where: FilePlace): RelatedSpec {
  return where.file === file ? { message, startOffset: where.span.start, endOffset: where.span.end } : { message, fileName: where.file, range: rangeOfLines(where.at) };
}

/** Where `where` is, for a message reported in `file`: `line 12` there, `routes.js:12` in another file. */
export function placeName(file: string, where: Pick<FilePlace, 'file' | 'at'>): string {
  const line = where.at[0] + 1;
  return where.file === file ? `line ${line}` : `${path.basename(where.file)}:${line}`;
}
