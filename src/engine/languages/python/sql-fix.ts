import type { Node } from '@vscode/tree-sitter-wasm';
import type { FixSpec } from '../../rule';
import { valuePosition } from '../../rules/sql/sql-text';
import type { PyPiece } from './pieces';
import type { ParameterLayout, PlaceholderStyle } from './sql-sinks';

/**
 * The "Use a parameterized query" rewrite for Python: the SQL text as one plain literal with the driver's
 * placeholders, and the values passed the driver's way. Offered only when certain: the text is written in
 * full inside the call, every value is a simple expression in a value position, and the style is known.
 */

export interface PyFixInput {
  readonly text: string;
  readonly call: Node;
  readonly sqlArgument: Node;
  readonly pieces: readonly PyPiece[];
  readonly style: PlaceholderStyle;
  readonly layout: ParameterLayout;
}

/** Names, attributes, subscripts with a literal key and calls with literal or name arguments: read once, in order, with no effect. */
const SIMPLE_EXPRESSION = /^[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*|\[(?:'[^'\n]*'|"[^"\n]*"|\w+)\]|\((?:\s*(?:'[^'\n]*'|"[^"\n]*"|[\w.]+)\s*,?)*\))*$/;
const PYTHON_KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

/** A plain Python string literal holding `text` (triple-quoted when it spans lines). */
export function pythonLiteral(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\');
  if (!text.includes('\n')) return `"${escaped.replace(/"/g, '\\"')}"`;
  return `"""${escaped.replace(/"/g, '\\"')}"""`;
}

/** A bind parameter name for a value: the last word of its key or name (`request.args["user_id"]` is `user_id`). */
function bindName(source: string, taken: Set<string>): string {
  const words = source.match(/[A-Za-z_]\w*/g) ?? [];
  let base = [...words].reverse().find((w) => !['get', 'args', 'form', 'request', 'values', 'json', 'GET', 'POST', 'data', 'int', 'str', 'float'].includes(w)) ?? 'value';
  if (PYTHON_KEYWORDS.has(base)) base = `${base}_`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  taken.add(name);
  return name;
}

export function parameterizedFix(input: PyFixInput): FixSpec | undefined {
  const { pieces, sqlArgument, call, style, layout } = input;
  const inside = (p: PyPiece): boolean => p.startOffset >= sqlArgument.startIndex && p.endOffset <= sqlArgument.endIndex;
  if (!pieces.every((p) => inside(p) && (p.kind === 'value' || p.literal))) return undefined;
  const values = pieces.filter((p) => p.kind === 'value');
  if (values.length === 0 || new Set(values.map((v) => v.startOffset)).size !== values.length) return undefined;
  const texts = pieces.map((p) => (p.kind === 'text' ? p.text : undefined));
  const sources: string[] = [];
  const taken = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.kind === 'text') {
      const text = texts[i] ?? '';
      out.push(style === 'format' ? text.replace(/%/g, '%%') : text);
      continue;
    }
    const source = input.text.slice(piece.startOffset, piece.endOffset);
    if (!SIMPLE_EXPRESSION.test(source)) return undefined;
    const before = pieces.slice(0, i).map((p, j) => (p.kind === 'text' ? texts[j] ?? '' : 'x__v')).join('');
    const after = texts[i + 1] ?? '';
    const position = valuePosition(before.slice(-40), after);
    if (position === 'quoted' || (position === 'dquoted' && style !== 'dollar' && style !== 'format')) {
      out[out.length - 1] = out[out.length - 1].slice(0, -1);
      if (texts[i + 1] === undefined) return undefined;
      texts[i + 1] = after.slice(1);
    } else if (position !== 'bare' || /[\w'"%]$/.test(before) || /^[\w'"%]/.test(after)) {
      return undefined;
    }
    sources.push(source);
    out.push(style === 'format' ? '%s' : style === 'qmark' ? '?' : style === 'dollar' ? `$${sources.length}` : `:${bindName(source, taken)}`);
  }
  const literal = pythonLiteral(out.join(''));
  const names = [...taken];
  let newText: string;
  let end = sqlArgument.endIndex;
  if (layout === 'bindparams') {
    if (named(call).length !== 1) return undefined;
    newText = `${literal}).bindparams(${sources.map((s, i) => `${names[i]}=${s}`).join(', ')})`;
    end = call.endIndex;
  } else if (layout === 'arguments') newText = `${literal}, ${sources.join(', ')}`;
  else if (layout === 'list') newText = `${literal}, [${sources.join(', ')}]`;
  else newText = `${literal}, (${sources.join(', ')}${sources.length === 1 ? ',' : ''})`;
  return { title: 'Use a parameterized query', preferred: true, edits: [{ startOffset: sqlArgument.startIndex, endOffset: end, newText }] };
}

/** The arguments of a call: one named child per argument. */
function named(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  return list ? list.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') : [];
}
