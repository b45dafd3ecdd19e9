import type { Node } from '@vscode/tree-sitter-wasm';
import type { BuildKind } from '../../model/sql';
import { type PyEval, type PyPiece, UNKNOWN_VALUE, literalText, mergeBuilt, originOf, piecesAt, textEval, value } from './pieces';
import { argumentsOf, cookPy, named, stringPrefix, unwrapPy } from './syntax';

/**
 * Reading Python string syntax as pieces: string literals and f-strings, `%` formatting and `str.format`.
 * The evaluator (`values.ts`) hands in how to read the values spliced in.
 */

export type Evaluate = (node: Node) => PyEval;

/** Format specifications that print a number (`{:d}`, `{:.2f}`, `%d`). */
const NUMERIC_SPEC = /[bcdeEfFgGnoxX%]$/;

/** A string literal (plain or f-string) as pieces; `{{`/`}}` and escapes cooked. */
export function readStringLiteral(node: Node, evaluate: Evaluate): PyEval {
  const prefix = stringPrefix(node);
  const pieces: PyPiece[] = [];
  let interpolated = false;
  for (const child of named(node)) {
    if (child.type === 'string_content') pieces.push(literalText(cookPy(child.text, prefix), child));
    else if (child.type === 'interpolation') {
      interpolated = true;
      const expression = child.childForFieldName('expression');
      if (!expression) continue;
      const spec = child.childForFieldName('format_specifier')?.text.replace(/^:/, '') ?? '';
      const inner = NUMERIC_SPEC.test(spec) ? value('numeric', `formatted with :${spec}`) : evaluate(expression);
      pieces.push(...piecesAt(inner, expression));
    }
  }
  // an empty literal still counts as text
  if (pieces.length === 0) pieces.push(literalText('', node));
  return textEval(pieces, interpolated ? ['interpolation'] : []);
}

/** The cooked text of an evaluation that holds no value, or `undefined`. */
export function constantText(e: PyEval): string | undefined {
  if (e.kind === 'value') return e.origin === 'constant' ? e.text : undefined;
  if (e.kind !== 'text' || e.pieces.some((p) => p.kind === 'value')) return undefined;
  return e.pieces.map((p) => (p.kind === 'text' ? p.text : '')).join('');
}

const PERCENT_SPEC = /%(?:\((\w+)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])/g;

/** `"... %s ..." % args`: the format's text with each value spliced where its specifier stands. */
export function readPercentFormat(format: Node, formatEval: PyEval, args: Node, evaluate: Evaluate): PyEval {
  const template = constantText(formatEval);
  const literal = formatEval.kind === 'text' && formatEval.pieces.every((p) => p.kind !== 'text' || p.literal) && unwrapPy(format).type !== 'identifier';
  if (template === undefined) return formatEval.kind === 'text' ? textEval([...formatEval.pieces, ...piecesAt(evaluate(args), args)], mergeBuilt(formatEval.built, ['percent-format'])) : UNKNOWN_VALUE('formatted text');
  const unwrapped = unwrapPy(args);
  const tuple = unwrapped.type === 'tuple' ? named(unwrapped) : undefined;
  const dict = unwrapped.type === 'dictionary' ? new Map(named(unwrapped).filter((p) => p.type === 'pair').map((p) => [constantKey(p.childForFieldName('key')), p.childForFieldName('value')] as const)) : undefined;
  const pieces: PyPiece[] = [];
  let last = 0;
  let position = 0;
  const textPiece = (text: string): PyPiece => ({ kind: 'text', text, startOffset: format.startIndex, endOffset: format.endIndex, literal });
  for (const match of template.matchAll(PERCENT_SPEC)) {
    const at = match.index ?? 0;
    if (match[2] === '%') {
      pieces.push(textPiece(template.slice(last, at) + '%'));
      last = at + match[0].length;
      continue;
    }
    if (at > last) pieces.push(textPiece(template.slice(last, at)));
    last = at + match[0].length;
    const argument = match[1] !== undefined ? dict?.get(match[1]) ?? undefined : tuple ? tuple[position++] : unwrapped;
    if (!argument) {
      pieces.push(...piecesAt(originOnly(evaluate(args)), args));
      continue;
    }
    const inner = /[diouxXeEfFgGc]/.test(match[2]) ? value('numeric', `formatted with %${match[2]}`) : evaluate(argument);
    pieces.push(...piecesAt(inner, argument));
  }
  if (last < template.length) pieces.push(textPiece(template.slice(last)));
  return textEval(pieces, mergeBuilt(formatEval.kind === 'text' ? formatEval.built : [], ['percent-format']));
}

function constantKey(node: Node | null): string | undefined {
  if (!node) return undefined;
  const n = unwrapPy(node);
  return n.type === 'string' ? n.text.replace(/^[A-Za-z]*(['"])|['"]$/g, '') : undefined;
}

/** A value reduced to its origin: text folded into one value (for a whole argument spliced into one place). */
function originOnly(e: PyEval): PyEval {
  if (e.kind !== 'text') return e;
  const { origin, why } = originOf(e);
  return value(origin, why);
}

const FORMAT_FIELD = /\{\{|\}\}|\{([^{}!:]*)(?:![rsa])?(?::([^{}]*))?\}/g;

/** `"... {} ... {name}".format(a, name=b)`: the template's text with each value spliced at its field. */
export function readStrFormat(template: PyEval, call: Node, evaluate: Evaluate): PyEval {
  const text = constantText(template);
  if (text === undefined) return template.kind === 'text' ? textEval(template.pieces, mergeBuilt(template.built, ['format'])) : UNKNOWN_VALUE('formatted text');
  const { positional, keywords, splat } = argumentsOf(call);
  const literal = template.kind === 'text' && template.pieces.every((p) => p.kind !== 'text' || p.literal);
  const pieces: PyPiece[] = [];
  const textPiece = (t: string): PyPiece => ({ kind: 'text', text: t, startOffset: call.startIndex, endOffset: call.endIndex, literal });
  let last = 0;
  let auto = 0;
  for (const match of text.matchAll(FORMAT_FIELD)) {
    const at = match.index ?? 0;
    if (match[0] === '{{' || match[0] === '}}') {
      pieces.push(textPiece(text.slice(last, at) + match[0][0]));
      last = at + 2;
      continue;
    }
    if (at > last) pieces.push(textPiece(text.slice(last, at)));
    last = at + match[0].length;
    const field = match[1] ?? '';
    const base = /^[^.[]*/.exec(field)?.[0] ?? '';
    const argument = base === '' ? positional[auto++] : /^\d+$/.test(base) ? positional[Number(base)] : keywords.get(base);
    const spec = match[2] ?? '';
    if (NUMERIC_SPEC.test(spec) && argument) {
      pieces.push(...piecesAt(value('numeric', `formatted with :${spec}`), argument));
    } else if (argument) {
      const inner = evaluate(argument);
      // `{user.name}` reads an attribute of the argument: its origin, not its text
      pieces.push(...piecesAt(field === base ? inner : originOnly(inner), argument));
    } else {
      pieces.push(...piecesAt(UNKNOWN_VALUE(splat ? `${splat.text} field ${field}` : `field ${field}`), splat ?? call));
    }
  }
  if (last < text.length) pieces.push(textPiece(text.slice(last)));
  return textEval(pieces, mergeBuilt(template.kind === 'text' ? template.built : [], ['format']));
}

/** `a + b` where one side is text: the pieces of both, in order. */
export function concatenate(left: Node, l: PyEval, right: Node, r: PyEval, kind: BuildKind): PyEval {
  return textEval([...piecesAt(l, left), ...piecesAt(r, right)], mergeBuilt(l.kind === 'text' ? l.built : [], r.kind === 'text' ? r.built : [], [kind]));
}

