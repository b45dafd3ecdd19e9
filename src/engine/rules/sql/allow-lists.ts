import type { Node } from '@vscode/tree-sitter-wasm';
import { firstNamedChild, unwrap } from '../../ast';
import { matchAllIn } from '../../text';
import { arrayElements } from './arrays';
import { isConstantName } from './known-calls';
import { SAFE, constant, settle, union, type Evaluation } from './pieces';
import { keepsOutSqlSyntax, regexSource } from './patterns';
import type { Binding } from './scope';
import type { StringEvaluator } from './string-building';
import { argumentList, returnedExpression } from './syntax';

/**
 * Values checked against a fixed list are as constant as the list: `LIST.includes(x) ? x : 'id'`,
 * `if (!LIST.includes(x)) return`, `entries.filter(([k]) => LIST.includes(k)).map(([k]) => ...)`.
 * This is how well-built code puts a sort column or a field name into SQL, so it must not be flagged.
 */

export const CALLBACK_TYPES: ReadonlySet<string> = new Set(['arrow_function', 'function_expression', 'function']);

/** The constant an allow-list (`['a', 'b']`, `new Set([...])`, a `const` holding one, a CONSTANT_CASE name) stands for. */
export function allowListValue(ev: StringEvaluator, list: Node, depth: number): Evaluation | undefined {
  let target = unwrap(list);
  if (target.type === 'identifier') {
    const resolution = ev.scopes.resolve(target);
    if (!resolution) return isConstantName(target.text) ? constant(target.text, true) : undefined;
    if (resolution.binding.kind !== 'const' || !resolution.binding.init) return undefined;
    target = unwrap(resolution.binding.init);
  }
  if (target.type === 'new_expression') {
    const items = argumentList(target)[0];
    if (!items) return undefined;
    target = unwrap(items);
  }
  const elements = target.type === 'array' ? arrayElements(ev, target, depth) : undefined;
  if (!elements || elements.values.length === 0) return undefined;
  const settled = elements.values.map((e) => settle(e.evaluation));
  return settled.every((e) => e.kind === 'constant') ? settled[0] : undefined;
}

/** `LIST.includes(x)` or `SET.has(x)`: the list and the tested expression. */
function membershipTest(condition: Node): { list: Node; tested: Node } | undefined {
  const test = unwrap(condition);
  const callee = test.type === 'call_expression' ? test.childForFieldName('function') : undefined;
  if (callee?.type !== 'member_expression' || !/^(includes|has)$/.test(callee.childForFieldName('property')?.text ?? '')) return undefined;
  const list = callee.childForFieldName('object');
  const tested = argumentList(test)[0];
  return list && tested ? { list, tested } : undefined;
}

/** `LIST.includes(x) ? x : fallback`: one of the listed constants or the fallback; `undefined` for other conditionals. */
export function allowListedChoice(ev: StringEvaluator, node: Node, depth: number): Evaluation | undefined {
  const condition = node.childForFieldName('condition');
  const consequence = node.childForFieldName('consequence');
  const alternative = node.childForFieldName('alternative');
  const check = condition ? membershipTest(condition) : undefined;
  if (!check || !consequence || !alternative || unwrap(check.tested).text !== unwrap(consequence).text) return undefined;
  const allowed = allowListValue(ev, check.list, depth);
  return allowed && union(allowed, consequence, settle(ev.evaluate(alternative, depth + 1)), alternative);
}

/** Offsets of the `.includes(x)`, `.has(x)` and `.test(x)` calls of a text, by the name tested; read on first need. */
export class TestedNames {
  private tested: Map<string, number[]> | undefined;

  constructor(private readonly text: string) {}

  at(name: string): readonly number[] {
    if (!this.tested) {
      this.tested = new Map();
      for (const m of this.text.matchAll(/\.\s*(?:includes|has|test)\s*\(\s*([\w$]+)\s*\)/g)) {
        const list = this.tested.get(m[1]) ?? [];
        list.push(m.index);
        this.tested.set(m[1], list);
      }
    }
    return this.tested.get(name) ?? [];
  }
}

/**
 * A check before a use of `x` that returns or throws unless `x` is allowed, in a block that holds the use:
 * `if (!LIST.includes(x)) return ...` (past it `x` is one of the listed constants), or
 * `if (!/^[a-z_]+$/.test(x)) throw ...` with a pattern that keeps out SQL syntax (past it `x` cannot carry
 * any). `x &&` or `!x ||` before the test only lets an empty value through.
 */
export function guardedBy(ev: StringEvaluator, use: Node, binding: Binding, depth: number): Evaluation | undefined {
  const from = binding.scopeStart;
  // every guard ends with `.includes(x)`, `.has(x)` or `.test(x)`: most names are never tested at all
  if (!ev.tests.at(use.text).some((at) => at >= from && at < use.startIndex)) return undefined;
  const name = use.text.replace(/\$/g, '\\$');
  const emptyOr = emptyValueOr(name);
  const guard = new RegExp(`\\bif\\s*\\(\\s*${emptyOr}!\\s*(\\[[^\\]]*\\]|[\\w$.]+|\\/(?:\\\\.|\\[(?:\\\\.|[^\\]\\\\])*\\]|[^/\\\\[\\n])+\\/[a-z]*)\\.(includes|has|test)\\(\\s*${name}\\s*\\)\\s*\\)\\s*\\{?\\s*(?:return|throw)\\b`, 'g');
  for (const match of matchAllIn(guard, ev.text, from, use.startIndex)) {
    const at = match.index;
    if (!ifHolds(ev, at, use)) continue;
    if (match[2] === 'test') {
      if (patternKeepsOutSql(ev, match[1])) return SAFE;
      continue;
    }
    const listStart = at + match[0].indexOf(match[1]);
    const list = ev.scopes.ancestry.pathTo(listStart, listStart + match[1].length).pop();
    const allowed = list && list.startIndex === listStart ? allowListValue(ev, list, depth) : undefined;
    if (allowed) return allowed;
  }
  return undefined;
}

/** `x &&` or `!x ||` before a check, as a pattern (`name` escaped): it lets only an empty value through unchecked. */
export function emptyValueOr(name: string): string {
  return `(?:${name}\\s*&&\\s*|!\\s*${name}\\s*\\|\\|\\s*)?`;
}

/** Whether the `if` statement starting at `at` stands directly in a block (or loop) that holds `inside`. */
export function ifHolds(ev: StringEvaluator, at: number, inside: Node): boolean {
  const path = ev.scopes.ancestry.pathTo(at, at + 2);
  const level = path.findIndex((n) => n.startIndex === at && n.type === 'if_statement');
  const block = path[level - 1];
  return level >= 1 && block.startIndex <= inside.startIndex && inside.endIndex <= block.endIndex;
}

/** A regular expression literal, or a `const` holding one, that keeps out SQL syntax. */
function patternKeepsOutSql(ev: StringEvaluator, written: string): boolean {
  const literal = regexSource(written);
  if (literal !== undefined) return keepsOutSqlSyntax(literal);
  ev.scopes.moduleLookups.add(written.split('.').pop() ?? written); // the declaration may sit in another statement
  const declaration = new RegExp(`\\bconst\\s+${written.replace(/\$/g, '\\$')}\\s*=\\s*(\\/(?:\\\\.|[^/\\\\\\n])+\\/[a-z]*)\\s*[;\\n]`).exec(ev.text);
  const source = declaration ? regexSource(declaration[1]) : undefined;
  return source !== undefined && keepsOutSqlSyntax(source);
}

/** The first parameter of a callback, or the first name inside it when it is `[key, value]`. */
export function firstParameter(fn: Node, part: 'element' | 'first'): Node | undefined {
  const first = fn.childForFieldName('parameter') ?? fn.childForFieldName('parameters')?.namedChildren.find((c) => c && c.type !== 'comment') ?? undefined;
  const pattern = first?.type === 'required_parameter' ? first.childForFieldName('pattern') ?? undefined : first;
  if (part === 'element') return pattern?.type === 'identifier' ? pattern : undefined;
  const inner = pattern?.type === 'array_pattern' ? firstNamedChild(pattern) : undefined;
  return inner?.type === 'identifier' ? inner : undefined;
}

/** Which part of each element an allow-list check in `.filter()` vouches for: the element, or its first item (`[key, value]`). */
export type Vouched = { part: 'element' | 'first'; value: Evaluation } | undefined;

/** `entries.filter(([key]) => ALLOWED.includes(key))`, directly or through a `const`. */
export function allowListed(ev: StringEvaluator, array: Node, depth: number): Vouched {
  let target = unwrap(array);
  if (target.type === 'identifier') {
    const resolution = ev.scopes.resolve(target);
    if (resolution?.binding.kind !== 'const' || !resolution.binding.init || resolution.writes.length > 0) return undefined;
    target = unwrap(resolution.binding.init);
  }
  const callee = target.type === 'call_expression' ? target.childForFieldName('function') : undefined;
  if (callee?.type !== 'member_expression' || callee.childForFieldName('property')?.text !== 'filter') return undefined;
  const predicate = argumentList(target)[0];
  const fn = predicate && unwrap(predicate);
  const returned = fn && CALLBACK_TYPES.has(fn.type) ? returnedExpression(fn) : undefined;
  const check = returned ? membershipTest(returned) : undefined;
  const value = check ? allowListValue(ev, check.list, depth + 1) : undefined;
  if (!fn || !check || !value) return undefined;
  for (const part of ['element', 'first'] as const) if (firstParameter(fn, part)?.text === check.tested.text) return { part, value };
  return undefined;
}
