import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import type { ValueOrigin } from '../../model/sql';
import { captureGroups, isDigitsOnly, literalAlternatives } from '../regex-captures';
import { phpArguments } from './syntax';

/**
 * `preg_match($pattern, $subject, $m)` then `$m[3]`: what a capture holds, read from the pattern's text
 * (`../regex-captures.ts`). A group that is an alternation of literals holds one of them, a digits-only group
 * a number; any other group, part of the subject. The pattern may be assembled from literals and from a fixed
 * list joined by `implode` (each element through `preg_quote`, or as written): its text is folded here.
 * Sources: PHP manual, preg_match, preg_quote and "Pattern Modifiers".
 */

/** What folding a pattern needs of the front end: a node's constant text, the value a variable was set to, a fixed list's texts. */
export interface PatternReader {
  constantText(node: Node): string | undefined;
  /** The expression the only write reaching `variable` sets, when there is exactly one. */
  onlyWrite(variable: Node): Node | undefined;
  /** The texts of a fixed list: an array literal of literals, or a property set to one and never assigned. */
  fixedList(node: Node): string[] | undefined;
}

const MATCH_FUNCTIONS = new Set(['preg_match', 'preg_match_all']);
/** Characters `preg_quote` escapes with a backslash (the delimiter too, which `/` covers for the usual one). */
const QUOTED = /[.\\+*?[^\]$(){}=!<>|:\-#/]/g;
/** A pattern's delimiters and modifiers: `/body/i`, `#body#`, `~body~u`, `{body}x`. */
const DELIMITED = /^\s*([^\w\s\\])([\s\S]*)([^\w\s\\])([a-zA-Z]*)\s*$/;
const CLOSING: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };

export function pregQuote(text: string): string {
  return text.replace(QUOTED, (c) => `\\${c}`);
}

/** The `preg_match` / `preg_match_all` calls among `calls` that fill `variable` (their third argument) before `before`. */
export function matchesFilling(calls: readonly Node[], variable: string, before: number): Node[] {
  return calls.filter((call) => call.startIndex < before && MATCH_FUNCTIONS.has(call.childForFieldName('function')?.text.replace(/^\\/, '').toLowerCase() ?? '')
    && phpArguments(call)[2]?.text === variable);
}

/**
 * Whether `$m[i]` of the call is group `i`: always for `preg_match`; for `preg_match_all` only in its default
 * order (no flags), where `$m[i]` lists group `i` of every match.
 */
export function groupsByIndex(call: Node): boolean {
  return !/all$/i.test(call.childForFieldName('function')?.text ?? '') || phpArguments(call).length <= 3;
}

/** The pattern's text, folded from literals, concatenations, single-write variables and `implode` of a fixed list. */
function patternText(node: Node, reader: PatternReader, depth = 0): string | undefined {
  const constant = reader.constantText(node);
  if (constant !== undefined || depth > 8) return constant;
  if (node.type === 'parenthesized_expression') return namedChildren(node)[0] && patternText(namedChildren(node)[0], reader, depth + 1);
  if (node.type === 'binary_expression' && (node.childForFieldName('operator')?.text ?? node.children.find((c) => c && !c.isNamed)?.text) === '.') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const l = left && patternText(left, reader, depth + 1);
    const r = right && patternText(right, reader, depth + 1);
    return l !== undefined && l !== null && r !== undefined && r !== null ? l + r : undefined;
  }
  if (node.type === 'variable_name') {
    const value = reader.onlyWrite(node);
    return value && patternText(value, reader, depth + 1);
  }
  if (node.type === 'function_call_expression' && /^\\?(?:implode|join)$/i.test(node.childForFieldName('function')?.text ?? '')) {
    const [glue, list] = phpArguments(node);
    const separator = glue && reader.constantText(glue);
    const items = list && quotedItems(list, reader);
    return separator !== undefined && items ? items.join(separator) : undefined;
  }
  return undefined;
}

/** A fixed list's texts, or `array_map` of `preg_quote` over one (as `'preg_quote'` or `fn ($x) => preg_quote($x)`). */
function quotedItems(list: Node, reader: PatternReader): string[] | undefined {
  const fixed = reader.fixedList(list);
  if (fixed) return fixed;
  if (list.type !== 'function_call_expression' || !/^\\?array_map$/i.test(list.childForFieldName('function')?.text ?? '')) return undefined;
  const [callback, source] = phpArguments(list);
  const items = source && reader.fixedList(source);
  return items && callback && quotesItsArgument(callback, reader) ? items.map(pregQuote) : undefined;
}

function quotesItsArgument(callback: Node, reader: PatternReader): boolean {
  if (reader.constantText(callback)?.replace(/^\\/, '').toLowerCase() === 'preg_quote') return true;
  if (callback.type !== 'arrow_function') return false;
  const parameter = namedChildren(callback.childForFieldName('parameters') ?? callback)[0]?.childForFieldName('name')?.text;
  const body = callback.childForFieldName('body');
  const args = body?.type === 'function_call_expression' && /^\\?preg_quote$/i.test(body.childForFieldName('function')?.text ?? '') ? phpArguments(body) : [];
  // the second argument names the delimiter, which is escaped too
  return !!parameter && args[0]?.text === parameter && (args.length === 1 || reader.constantText(args[1]) !== undefined);
}

/** The body and modifiers of a delimited pattern, or `undefined` when the delimiters do not pair. */
function delimited(pattern: string): { body: string; modifiers: string } | undefined {
  const match = DELIMITED.exec(pattern);
  if (!match) return undefined;
  const [, open, body, close, modifiers] = match;
  return close === (CLOSING[open] ?? open) ? { body, modifiers } : undefined;
}

/**
 * What group `index` of a match of `pattern` holds: `allowed` (one of fixed literals), `numeric`, or
 * `undefined` (part of the subject). Patterns whose numbering or spacing the reading cannot follow
 * (`(?|...)`, the `x` modifier or inline flags) hold part of the subject.
 */
export function captureOrigin(patternNode: Node, index: number, reader: PatternReader): ValueOrigin | undefined {
  const text = patternText(patternNode, reader);
  const pattern = text === undefined ? undefined : delimited(text);
  if (!pattern || /x/.test(pattern.modifiers) || /\(\?[|'a-zA-Z-]/.test(pattern.body.replace(/\(\?P?<\w/g, ''))) return undefined;
  const body = index === 0 ? pattern.body : captureGroups(pattern.body)[index - 1];
  if (body === undefined) return undefined;
  if (literalAlternatives(body)) return 'allowed';
  return isDigitsOnly(body) ? 'numeric' : undefined;
}
