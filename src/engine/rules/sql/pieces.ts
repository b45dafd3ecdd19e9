import type { Node } from '@vscode/tree-sitter-wasm';

/** The results of reading an expression as text: which parts are fixed text and which are values. */

export type Quote = '"' | "'" | '`';

/** How a string was put together, for the message. */
export type BuildForm = 'concatenation' | 'template' | 'concat' | 'format' | 'join' | 'compound';

/** Literal text written in the source: `start`/`end` delimit its raw characters (without quotes); -1 when made up. */
export interface TextPiece {
  readonly kind: 'text';
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly quote: Quote;
}

/** A constant that is not written as a literal here (a `const` name, a number, `cond ? 'ASC' : 'DESC'`). */
export interface ConstantPiece {
  readonly kind: 'constant';
  readonly text: string;
  readonly node: Node;
}

/** A runtime value; `safe` when it cannot carry SQL syntax (a number, an escaped value). */
export interface ValuePiece {
  readonly kind: 'value';
  readonly node: Node;
  readonly safe: boolean;
}

export type Piece = TextPiece | ConstantPiece | ValuePiece;

/** Text known piece by piece. `exact` when the pieces are the expression's own parts, in order, in place. */
export interface TextEvaluation {
  readonly kind: 'text';
  readonly pieces: readonly Piece[];
  readonly exact: boolean;
  readonly forms: readonly BuildForm[];
  /** Expressions elsewhere (declarations, `+=`) that added values to the text. */
  readonly sites: readonly Node[];
}

export interface ConstantEvaluation {
  readonly kind: 'constant';
  readonly text: string;
  readonly isString: boolean;
}

export type Evaluation = TextEvaluation | ConstantEvaluation | { readonly kind: 'safe' } | { readonly kind: 'unknown' };

/** How deep the evaluator follows variables and calls before it calls a value unknown. */
export const MAX_DEPTH = 24;

export const SAFE: Evaluation = Object.freeze({ kind: 'safe' as const });
export const UNKNOWN: Evaluation = Object.freeze({ kind: 'unknown' as const });

export function constant(text: string, isString: boolean): ConstantEvaluation {
  return { kind: 'constant', text, isString };
}

export function textOf(pieces: readonly Piece[], exact: boolean, forms: readonly BuildForm[] = [], sites: readonly Node[] = []): TextEvaluation {
  return { kind: 'text', pieces, exact, forms, sites };
}

export function isStringy(e: Evaluation): boolean {
  return e.kind === 'text' || (e.kind === 'constant' && e.isString);
}

/** The pieces an evaluation contributes when it stands at `node` inside a larger string. */
export function piecesAt(e: Evaluation, node: Node): readonly Piece[] {
  switch (e.kind) {
    case 'text': return e.pieces;
    case 'constant': return [{ kind: 'constant', text: e.text, node }];
    case 'safe': return [{ kind: 'value', node, safe: true }];
    case 'unknown': return [{ kind: 'value', node, safe: false }];
  }
}

export function unsafeValues(pieces: readonly Piece[]): ValuePiece[] {
  return pieces.filter((p): p is ValuePiece => p.kind === 'value' && !p.safe);
}

export function formsOf(e: Evaluation): readonly BuildForm[] {
  return e.kind === 'text' ? e.forms : [];
}

export function sitesOf(e: Evaluation): readonly Node[] {
  return e.kind === 'text' ? e.sites : [];
}

export function mergeForms(...lists: (readonly BuildForm[])[]): readonly BuildForm[] {
  const merged: BuildForm[] = [];
  for (const list of lists) for (const form of list) if (!merged.includes(form)) merged.push(form);
  return merged;
}

/** Stands for a value when matching SQL patterns: a word, so `UPDATE ${t} SET` still reads as a statement. */
export const VALUE_MARK = 'x__v';

/** The text with each value replaced by a marker, for recognising SQL. */
export function shapeOf(pieces: readonly Piece[]): string {
  return pieces.map((p) => (p.kind === 'value' ? VALUE_MARK : p.text)).join('');
}

/** A text evaluation reduced to what it means when nothing in it is unsafe. */
export function settle(e: Evaluation): Evaluation {
  if (e.kind !== 'text') return e;
  if (e.pieces.every((p) => p.kind !== 'value')) return constant(e.pieces.map((p) => (p as TextPiece | ConstantPiece).text).join(''), true);
  if (unsafeValues(e.pieces).length === 0) return SAFE;
  return e;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** The value of a literal's raw characters (escape sequences decoded, line continuations dropped). */
export function cook(raw: string): string {
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_, esc: string) => {
    if (esc[0] === 'u' && esc.length > 1) return String.fromCodePoint(parseInt(esc.replace(/[u{}]/g, ''), 16));
    if (esc[0] === 'x' && esc.length === 3) return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (esc === '\n' || esc === '\r\n' || esc === '\r') return '';
    return SIMPLE_ESCAPES[esc] ?? esc;
  });
}

export function countUnsafe(value: Evaluation): number {
  return value.kind === 'text' ? unsafeValues(value.pieces).length : value.kind === 'unknown' ? 1 : 0;
}

/** A settled value that cannot carry SQL: a constant, or a value known safe (a number, quoted, stored). */
export function cannotCarrySql(e: Evaluation): boolean {
  return e.kind === 'constant' || e.kind === 'safe';
}

/** What a value is when it may be either of two. */
export function union(a: Evaluation, aNode: Node, b: Evaluation, bNode: Node): Evaluation {
  if (a.kind === 'constant' && b.kind === 'constant') return constant(a.text, a.isString || b.isString);
  if (cannotCarrySql(a) && cannotCarrySql(b)) return SAFE;
  if (a.kind !== 'text' && b.kind !== 'text') return UNKNOWN;
  return textOf([...piecesAt(a, aNode), ...piecesAt(b, bNode)], false, mergeForms(formsOf(a), formsOf(b)), [...sitesOf(a), ...sitesOf(b)]);
}

/** What a value is when it may be any of several (settled first); `empty` when there are none. */
export function unionOf(values: readonly { evaluation: Evaluation; node: Node }[], empty: Evaluation = UNKNOWN): Evaluation {
  return values.reduce<Evaluation>((acc, e, i) => (i === 0 ? settle(e.evaluation) : union(acc, values[0].node, settle(e.evaluation), e.node)), empty);
}
