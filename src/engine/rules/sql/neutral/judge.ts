import type { SqlFileModel, SqlSinkCall, TextPiece, ValueOrigin } from '../../../model/sql';
import { VALUE_MARK } from '../pieces';
import { meetsEvidence, valuePosition } from '../sql-text';

/**
 * The shared SQL judgement: reads the language-neutral model a front end gives (`src/engine/model/sql.ts`)
 * and decides which sinks to flag, with the JavaScript rule's principles. A value's origin decides: request
 * data and values whose origin is not visible count; constants, numbers, quoted, allowed, generated, stored
 * values and placeholder text do not. The text must look like SQL as much as the sink asks (`sql-text.ts`).
 */

export type ValuePiece = Extract<TextPiece, { kind: 'value' }>;

/** Origins that can carry attacker-chosen SQL syntax into the text. */
export const FLAGGED_ORIGINS: ReadonlySet<ValueOrigin> = new Set<ValueOrigin>(['request', 'unknown']);

/** What the judgement found at one sink. */
export interface SqlVerdict {
  readonly sink: SqlSinkCall;
  /** The values that can carry SQL syntax, in text order (at least one). */
  readonly flagged: readonly ValuePiece[];
  /** True when every flagged value sits where a table or column name goes (a different fix: an allow-list). */
  readonly identifiersOnly: boolean;
}

/** The text with every value replaced by a marker word, for recognising SQL (`sql-text.ts`). */
export function shapeOfPieces(pieces: readonly TextPiece[]): string {
  return pieces.map((p) => (p.kind === 'value' ? VALUE_MARK : p.text)).join('');
}

/** True when every flagged value sits where a table or column name goes. */
function identifiersOnly(pieces: readonly TextPiece[], flagged: readonly ValuePiece[]): boolean {
  let before = '';
  let sawValue = false;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.kind === 'value' && flagged.includes(piece)) {
      const next = pieces[i + 1];
      if (valuePosition(before.slice(-40), next && next.kind === 'text' ? next.text : '') !== 'identifier') return false;
      sawValue = true;
    }
    before += piece.kind === 'value' ? VALUE_MARK : piece.text;
  }
  return sawValue;
}

/** How the judgement is tuned by configuration (`sql.storedValues`: also flag values read back from the database or configuration). */
export interface JudgeOptions {
  readonly storedValues?: boolean;
}

/** The verdict for one sink call, or `undefined` when it is not flagged. */
export function judgeSink(sink: SqlSinkCall, options: JudgeOptions = {}): SqlVerdict | undefined {
  const { pieces } = sink.sql;
  const flagged = pieces.filter((p): p is ValuePiece => p.kind === 'value' && (FLAGGED_ORIGINS.has(p.origin) || (!!options.storedValues && p.origin === 'stored')));
  if (flagged.length === 0 || !meetsEvidence(shapeOfPieces(pieces), sink.evidence)) return undefined;
  return { sink, flagged, identifiersOnly: identifiersOnly(pieces, flagged) };
}

/** The verdicts for a file, one per flagged sink, in the model's order; a span is judged once. */
export function judgeModel(model: SqlFileModel, options: JudgeOptions = {}): SqlVerdict[] {
  const seen = new Set<string>();
  const verdicts: SqlVerdict[] = [];
  for (const sink of model.sinks) {
    const key = `${sink.startOffset}:${sink.endOffset}:${sink.sql.startOffset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const verdict = judgeSink(sink, options);
    if (verdict) verdicts.push(verdict);
  }
  return verdicts;
}
