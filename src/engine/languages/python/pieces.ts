import type { Node } from '@vscode/tree-sitter-wasm';
import type { BuildKind, TextPiece, ValueOrigin } from '../../model/sql';

/** What reading a Python expression as SQL text gives: text in pieces, one value with an origin, or an SQL object. */

/** A model piece; `literal` marks text written in place in the expression read (not a constant from elsewhere). */
export type PyPiece = TextPiece & { readonly literal?: boolean; readonly lacks?: string };

export type PyEval =
  | { readonly kind: 'text'; readonly pieces: readonly PyPiece[]; readonly built: readonly BuildKind[] }
  /**
   * One value; `text` is its value when it is a constant the code spells out (`TABLE = "users"`). `parts`: the
   * value is a tuple whose elements have these origins, by position; `itemParts`: the value is a collection of
   * such tuples (`re.findall` with several groups), so that `row[0]` is read apart from `row[1]`. `lacks`: quote
   * characters the value cannot hold (`re.sub(r'["]', "_", x)`), so that it cannot leave text quoted with them.
   */
  | {
    readonly kind: 'value'; readonly origin: ValueOrigin; readonly why: string; readonly text?: string;
    readonly parts?: readonly ValueOrigin[]; readonly itemParts?: readonly ValueOrigin[]; readonly lacks?: string;
  }
  /** An SQL object built without text (psycopg `sql.SQL`, SQLAlchemy `text()` and expressions). */
  | { readonly kind: 'sql-object'; readonly why: string };

/** Placeholder text only: `%s`, `?`, `:name`, `$1`, with commas and spaces. */
export const PLACEHOLDER_TEXT = /^(?:\s*(?:%s|\?|:\w+|\$\d+|%\(\w+\)s)\s*,?)+$/;

/** Origins from the one that matters most (it decides a merged value) to the one that matters least. */
const ORIGIN_RANK: readonly ValueOrigin[] = ['request', 'unknown', 'stored', 'generated', 'quoted', 'numeric', 'allowed', 'placeholder', 'constant'];

export function worseOrigin(a: ValueOrigin, b: ValueOrigin): ValueOrigin {
  return ORIGIN_RANK.indexOf(a) <= ORIGIN_RANK.indexOf(b) ? a : b;
}

export function value(origin: ValueOrigin, why: string, text?: string): PyEval {
  return text === undefined ? { kind: 'value', origin, why } : { kind: 'value', origin, why, text };
}

/** `e` with `origin` and `why` in place of its own, keeping what it says of its elements' shape. */
export function reOrigin(e: PyEval, origin: ValueOrigin, why: string): PyEval {
  if (e.kind !== 'value' || (!e.parts && !e.itemParts)) return value(origin, why);
  return { kind: 'value', origin, why, ...(e.parts ? { parts: e.parts } : {}), ...(e.itemParts ? { itemParts: e.itemParts } : {}) };
}

export const UNKNOWN_VALUE = (why: string): PyEval => value('unknown', why);

export function textEval(pieces: readonly PyPiece[], built: readonly BuildKind[] = []): PyEval {
  return { kind: 'text', pieces, built };
}

export function literalText(text: string, node: Node, literal = true): PyPiece {
  return { kind: 'text', text, startOffset: node.startIndex, endOffset: node.endIndex, literal };
}

/** The pieces an evaluation stands for at `node` inside larger text. */
export function piecesAt(e: PyEval, node: Node): readonly PyPiece[] {
  if (e.kind === 'text') return e.pieces;
  if (e.kind === 'value' && e.text !== undefined && e.origin === 'constant') return [literalText(e.text, node, false)];
  const origin = e.kind === 'value' ? e.origin : 'constant';
  const lacks = e.kind === 'value' && e.lacks ? { lacks: e.lacks } : {};
  return [{ kind: 'value', source: node.text, origin, why: e.why, startOffset: node.startIndex, endOffset: node.endIndex, ...lacks }];
}

export function isStringish(e: PyEval): boolean {
  return e.kind === 'text' || (e.kind === 'value' && e.origin === 'constant' && e.text !== undefined && !/^-?\d/.test(e.text));
}

export function mergeBuilt(...lists: (readonly BuildKind[])[]): BuildKind[] {
  const out: BuildKind[] = [];
  for (const list of lists) for (const kind of list) if (!out.includes(kind)) out.push(kind);
  return out;
}

export function builtOf(e: PyEval): readonly BuildKind[] {
  return e.kind === 'text' ? e.built : [];
}

/** The worst origin of the values in an evaluation (`constant` when it holds none). */
export function originOf(e: PyEval): { origin: ValueOrigin; why: string } {
  if (e.kind === 'value') return { origin: e.origin, why: e.why };
  if (e.kind === 'sql-object') return { origin: 'constant', why: e.why };
  let worst: { origin: ValueOrigin; why: string } = { origin: 'constant', why: 'text' };
  for (const p of e.pieces) if (p.kind === 'value' && worseOrigin(p.origin, worst.origin) === p.origin && p.origin !== worst.origin) worst = { origin: p.origin, why: p.why };
  return worst;
}

/** What a value is when it may be any of several: constants stay constant, text keeps every piece. */
export function unionOf(items: readonly { e: PyEval; node: Node }[], allowedWhenConstant = false): PyEval {
  if (items.length === 0) return UNKNOWN_VALUE('no value');
  if (items.length === 1) return items[0].e;
  if (items.some((i) => i.e.kind === 'text')) {
    // alternatives that share pieces (the value before a branch and after it) list each piece once, so text
    // built in a chain of branches grows with the code, not with the number of paths through it
    const seen = new Set<string>();
    const pieces: PyPiece[] = [];
    for (const item of items) {
      for (const p of piecesAt(item.e, item.node)) {
        const key = `${p.kind}:${p.startOffset}:${p.endOffset}:${p.kind === 'text' ? p.text : p.origin}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pieces.push(p.kind === 'text' ? { ...p, literal: false } : p);
      }
    }
    return textEval(pieces, mergeBuilt(...items.map((i) => builtOf(i.e))));
  }
  if (items.every((i) => i.e.kind === 'sql-object')) return items[0].e;
  const origins = items.map((i) => originOf(i.e));
  const worst = origins.reduce((a, b) => (worseOrigin(a.origin, b.origin) === a.origin ? a : b));
  if (worst.origin === 'constant') {
    const texts = new Set(items.map((i) => (i.e.kind === 'value' ? i.e.text : undefined)));
    const only = texts.size === 1 ? [...texts][0] : undefined;
    if (only !== undefined) return value('constant', worst.why, only);
    return value(allowedWhenConstant ? 'allowed' : 'constant', allowedWhenConstant ? 'one of fixed values' : worst.why);
  }
  return value(worst.origin, worst.why);
}

/**
 * The pieces with each value that cannot hold a quote character (`lacks`) and stands between two of them
 * (`"<value>"`) read as quoted: it cannot end the quoted name or string it stands in. `backslashEscapes`: the
 * database may read `\"` as an escaped quote (MySQL), so the value must not hold a backslash either.
 */
export function closeQuoted(pieces: readonly PyPiece[], backslashEscapes: boolean): PyPiece[] {
  return pieces.map((p, i) => {
    if (p.kind !== 'value' || !p.lacks || p.origin === 'constant') return p;
    const before = pieces[i - 1];
    const after = pieces[i + 1];
    const quote = before?.kind === 'text' ? before.text.at(-1) : undefined;
    if (!quote || !p.lacks.includes(quote) || (backslashEscapes && !p.lacks.includes('\\')) || after?.kind !== 'text' || !after.text.startsWith(quote)) return p;
    return { ...p, origin: 'quoted', why: `${p.why}, between ${quote} quotes it cannot hold` };
  });
}
