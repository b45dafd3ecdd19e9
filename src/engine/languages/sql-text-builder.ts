import type { Node } from '@vscode/tree-sitter-wasm';
import type { BuildKind, SinkEvidence, SqlText, TextPiece, ValueOrigin } from '../model/sql';

/**
 * The pieces of SQL text a front end has read so far, and how they were joined. Shared by the PHP, Java and
 * Ruby front ends: each reads its own syntax, and builds the language-neutral `SqlText` with these.
 */
export interface Built {
  readonly pieces: readonly TextPiece[];
  readonly built: readonly BuildKind[];
}

export const EMPTY: Built = { pieces: [], built: [] };

/** Literal SQL text written at `startOffset`..`endOffset` (the text may be unescaped, so its length can differ). */
export function textOf(text: string, startOffset: number, endOffset: number): Built {
  return { pieces: text === '' ? [] : [{ kind: 'text', text, startOffset, endOffset }], built: [] };
}

export function valueOf(node: Node, origin: ValueOrigin, why: string): Built {
  return { pieces: [{ kind: 'value', source: node.text, origin, why, startOffset: node.startIndex, endOffset: node.endIndex }], built: [] };
}

/** Parts joined in order; `how` says how the code joined them (absent: a plain literal read in pieces). */
export function join(parts: readonly Built[], how?: BuildKind): Built {
  const built = new Set<BuildKind>(how ? [how] : []);
  const pieces: TextPiece[] = [];
  for (const part of parts) {
    for (const kind of part.built) built.add(kind);
    pieces.push(...part.pieces);
  }
  return { pieces, built: [...built] };
}

/** A whole text as one value: the most dangerous origin among its values wins, constant text alone stays constant. */
const ORIGIN_RANK: readonly ValueOrigin[] = ['request', 'unknown', 'stored', 'generated', 'quoted', 'numeric', 'allowed', 'placeholder', 'constant'];

export function worstOrigin(origins: readonly ValueOrigin[]): ValueOrigin {
  for (const origin of ORIGIN_RANK) if (origins.includes(origin)) return origin;
  return 'constant';
}

/** A text read as a single value (`intval(...)` wraps its argument; a list joined by `implode`): one value piece. */
export function asOneValue(node: Node, inner: Built, why: string): Built {
  const values = inner.pieces.filter((p) => p.kind === 'value');
  if (values.length === 0) return textOf(inner.pieces.map((p) => (p.kind === 'text' ? p.text : '')).join(''), node.startIndex, node.endIndex);
  const origin = worstOrigin(values.map((p) => p.origin));
  const first = values.find((p) => p.origin === origin);
  return { pieces: [{ kind: 'value', source: node.text, origin, why: first && first.kind === 'value' ? first.why : why, startOffset: node.startIndex, endOffset: node.endIndex }], built: inner.built };
}

/**
 * The SQL text a sink sends: its span is the argument, or, when the argument is a variable assembled
 * earlier, the span of the pieces it was assembled from (so a report can point there).
 */
export function sqlTextOf(node: Node, built: Built): SqlText {
  const outside = built.pieces.some((p) => p.startOffset < node.startIndex || p.endOffset > node.endIndex);
  if (!outside || built.pieces.length === 0) return { pieces: built.pieces, built: built.built, startOffset: node.startIndex, endOffset: node.endIndex };
  const startOffset = Math.min(...built.pieces.map((p) => p.startOffset));
  const endOffset = Math.max(...built.pieces.map((p) => p.endOffset));
  return { pieces: built.pieces, built: built.built, startOffset, endOffset };
}

/** True when every value of the text has one of the given origins. */
export function onlyOrigins(built: Built, origins: readonly ValueOrigin[]): boolean {
  return built.pieces.every((p) => p.kind === 'text' || origins.includes(p.origin));
}

/** The literal text of a built text when it holds no value. */
export function constantText(built: Built): string | undefined {
  if (built.pieces.some((p) => p.kind === 'value')) return undefined;
  return built.pieces.map((p) => (p.kind === 'text' ? p.text : '')).join('');
}

/**
 * A value handed to the sink as it is, not text the code built (`$pdo->query($sql)` with `$sql` a parameter):
 * whoever built it is where a finding belongs. Request data passed whole still counts.
 */
export function isPassedThrough(built: Built): boolean {
  return built.built.length === 0 && built.pieces.length === 1 && built.pieces[0].kind === 'value' && built.pieces[0].origin !== 'request';
}

/**
 * How much the text must look like SQL: as the sink row says, except when the whole text is request data
 * (`executeQuery(request.getParameter("q"))`) sent to an API whose name only means SQL: no shape can be
 * read, and whatever SQL arrives runs.
 */
export function evidenceOf(built: Built, row: { readonly evidence: SinkEvidence; readonly genericNames?: true }): SinkEvidence {
  const only = built.pieces.length === 1 ? built.pieces[0] : undefined;
  return only?.kind === 'value' && only.origin === 'request' && !row.genericNames ? 'built' : row.evidence;
}
