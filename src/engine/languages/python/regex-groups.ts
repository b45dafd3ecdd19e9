import type { Node } from '@vscode/tree-sitter-wasm';
import type { ValueOrigin } from '../../model/sql';
import { type PyEval, originOf, value, worseOrigin } from './pieces';
import { plainStringValue } from './syntax';
import { captureGroups, isDigitsOnly } from '../regex-captures';

/**
 * What a regular expression lets through: a capturing group that matches only digits (`(\d+)`, `([0-9]{1,6})`)
 * captures a number whatever the input, so `re.findall(r"query_(\d+)", text)` gives numbers; any other group
 * (`(\w+)`, `(.*)`) gives part of the input, with the input's origin.
 */

/** One item of a character class that holds only letters, digits, `_`, `-` and `.`: a range, `\w`, `\d`, or one of them. */
const SAFE_CLASS_ITEM = String.raw`(?:[A-Za-z0-9]-[A-Za-z0-9]|\\[wd.-]|[A-Za-z0-9_.]|-)`;
/** A pattern token that matches only such characters: `\w`, `\d`, a class of safe items, an escaped dot or hyphen, a letter. */
const SAFE_TOKEN = new RegExp(String.raw`^(?:\\[wd.-]|\[${SAFE_CLASS_ITEM}+\]|[A-Za-z0-9_-])`);
/** Quantifiers, groups and alternation, which choose among tokens and add no character of their own. */
const STRUCTURE = /^(?:[+*?]\??|\{\d+(?:,\d*)?\}\??|\(\?:|\(\?P?<\w+>|\(|\)|\|)/;

/**
 * Whether a whole-input check with this pattern (`re.fullmatch(p, x)`, or `re.match` with `p` ending in `$`/`\Z`)
 * leaves only names and numbers: every character it can match is a letter, digit, `_`, `-` or `.` (no wildcard, no
 * `\s`, no negated class), so the value cannot hold a quote, a space or a statement separator. `anchoredStart`:
 * the call already anchors the start (`match`, `fullmatch`); `anchoredEnd`: it anchors the end (`fullmatch`).
 */
export function limitsToNameCharacters(pattern: string, anchoredStart: boolean, anchoredEnd: boolean): boolean {
  let body = pattern;
  const start = /^(?:\^|\\A)/.exec(body);
  if (start) body = body.slice(start[0].length);
  else if (!anchoredStart) return false;
  const end = /(?:\$|\\Z)$/.exec(body);
  if (end) body = body.slice(0, body.length - end[0].length);
  else if (!anchoredEnd) return false;
  if (!body) return false;
  let tokens = 0;
  let depth = 0;
  while (body) {
    const token = SAFE_TOKEN.exec(body) ?? STRUCTURE.exec(body);
    if (!token) return false;
    const t = token[0];
    if (SAFE_TOKEN.test(t)) tokens++;
    else if (t.startsWith('(')) depth++;
    else if (t === ')') depth--;
    // `^a|b$` anchors each side once: only a call that anchors the whole pattern (`fullmatch`) makes `a|b` whole
    else if (t === '|' && depth === 0 && !(anchoredStart && anchoredEnd)) return false;
    body = body.slice(t.length);
  }
  return tokens > 0 && depth === 0;
}

/** Whether a pattern can only match digits (and signs or a decimal point), once anchored as `limitsToNameCharacters` says. */
export function limitsToDigits(pattern: string): boolean {
  return isDigitsOnly(pattern.replace(/^(?:\^|\\A)/, '').replace(/(?:\$|\\Z)$/, ''));
}

/** The quote characters and backslash a one-class pattern (`[:."\s]`, `"`) matches; '' for other patterns. */
function quotesMatched(pattern: string): string {
  const body = /^\[([^\]^][^\]]*)\][+*]?$/.exec(pattern)?.[1] ?? (pattern.length <= 2 ? pattern : '');
  const chars = body.replace(/\\(.)/g, '$1');
  return [...'\'"`\\'].filter((q) => chars.includes(q)).join('');
}

/** `re.sub(CLASS, repl, x)` where CLASS matches quote characters that `repl` does not hold: `x` with none of them left. */
function readSubstitution(positional: readonly Node[], evaluate: (n: Node) => PyEval): PyEval | undefined {
  const [patternNode, replacementNode, textNode] = positional;
  const pattern = plainStringValue(patternNode);
  const replacement = plainStringValue(replacementNode);
  if (pattern === undefined || replacement === undefined || !textNode) return undefined;
  const lacks = [...quotesMatched(pattern)].filter((q) => !replacement.includes(q)).join('');
  if (!/['"`]/.test(lacks)) return undefined;
  const { origin, why } = originOf(evaluate(textNode));
  return { kind: 'value', origin, why: `${why}, with ${lacks} replaced by re.sub()`, lacks };
}

/** Calls of the `re` module read here, and where their pattern and text stand. */
const MATCHERS = new Set(['match', 'search', 'fullmatch']);

/**
 * `re.findall(p, s)`, `re.match(p, s)`, `re.search(p, s)`, `re.fullmatch(p, s)` with a literal pattern: a match
 * object's `parts` are the whole match then each group; `findall` gives the groups of each match (its items are
 * tuples when there are several groups). `undefined` for other calls or patterns written elsewhere.
 */
export function readRegexCall(name: string, positional: readonly Node[], evaluate: (n: Node) => PyEval): PyEval | undefined {
  if (name === 'sub') return readSubstitution(positional, evaluate);
  if (name !== 'findall' && !MATCHERS.has(name)) return undefined;
  const [patternNode, textNode] = positional;
  const pattern = plainStringValue(patternNode);
  if (pattern === undefined || !textNode) return undefined;
  const input = originOf(evaluate(textNode)).origin;
  const groupOrigins = captureGroups(pattern).map((body): ValueOrigin => (isDigitsOnly(body) ? 'numeric' : input));
  const whole: ValueOrigin = isDigitsOnly(pattern) ? 'numeric' : input;
  const why = `re.${name}() with the pattern ${patternNode.text.slice(0, 40)}`;
  if (MATCHERS.has(name)) return { kind: 'value', origin: input, why, parts: [whole, ...groupOrigins] };
  if (groupOrigins.length <= 1) {
    const item = groupOrigins[0] ?? whole;
    // a list of numbers: its items are numbers; otherwise the list is part of the input
    return value(item === 'numeric' ? 'numeric' : input, why);
  }
  return { kind: 'value', origin: groupOrigins.reduce(worseOrigin), why, itemParts: groupOrigins };
}

/** `m.group(n)` (or `m.group()`, the whole match) of a match object read by `readRegexCall`. */
export function matchGroup(match: PyEval, positional: readonly Node[]): PyEval | undefined {
  if (match.kind !== 'value' || !match.parts || positional.length > 1) return undefined;
  const index = positional[0] ? Number(positional[0].type === 'integer' ? positional[0].text : NaN) : 0;
  const origin = Number.isInteger(index) ? match.parts[index] : undefined;
  return origin ? value(origin, `group ${index} of ${match.why}`) : undefined;
}

/** `row[i]` of a tuple whose elements' origins are known by position (`parts`); `undefined` otherwise. */
export function partAt(whole: PyEval, index: Node | null): PyEval | undefined {
  if (whole.kind !== 'value' || !whole.parts || !index) return undefined;
  const text = index.type === 'integer' ? index.text : index.type === 'unary_operator' && /^-\s*\d+$/.test(index.text) ? index.text.replace(/\s+/g, '') : undefined;
  if (text === undefined) return undefined;
  const n = Number(text);
  const origin = whole.parts[n < 0 ? whole.parts.length + n : n];
  return origin ? value(origin, `element ${n} of ${whole.why}`) : undefined;
}

/** One item of a collection of tuples (`itemParts`): a tuple with those origins by position. */
export function tupleItem(whole: PyEval, why: string): PyEval | undefined {
  if (whole.kind !== 'value' || !whole.itemParts) return undefined;
  return { kind: 'value', origin: whole.origin, why, parts: whole.itemParts };
}
