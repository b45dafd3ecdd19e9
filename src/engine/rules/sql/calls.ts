import type { Node } from '@vscode/tree-sitter-wasm';
import { firstNamedChild, unwrap } from '../../ast';
import { CALLBACK_TYPES, allowListed, firstParameter, type Vouched } from './allow-lists';
import {
  ELEMENT_PRESERVING_METHODS, NUMERIC_FUNCTIONS, NUMERIC_STATIC_CALLS, PARAMETERIZING_TAGS, PRINTF_MODULES, SAFE_RESULT_METHODS,
  TEXT_PRESERVING_METHODS, formatSpecifiers,
} from './known-calls';
import { MODULE_DEPENDENT_METHODS, PG_FORMAT_MODULE, SQL_ESCAPE_RECEIVER, quotesForSql } from './quoting';
import {
  SAFE, UNKNOWN, constant, formsOf, isStringy, mergeForms, piecesAt, settle, sitesOf, textOf, unsafeValues,
  type Evaluation, type Piece,
} from './pieces';
import type { StringEvaluator } from './string-building';

/** Call arguments without comments. */
export function argumentList(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'arguments') return [];
  return args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

/** `db` for `this.db`, `knex` for `knex`, `''` for calls and other expressions. */
export function lastName(node: Node): string {
  const target = unwrap(node);
  if (target.type === 'identifier' || target.type === 'this') return target.text;
  if (target.type === 'member_expression') return target.childForFieldName('property')?.text ?? '';
  return '';
}

/** The identifier a member chain starts from: `pgp` for `pgp.as.format`. */
function rootName(node: Node): string {
  let target = unwrap(node);
  while (target.type === 'member_expression' || target.type === 'call_expression') {
    const next = target.childForFieldName(target.type === 'member_expression' ? 'object' : 'function');
    if (!next) return '';
    target = unwrap(next);
  }
  return target.type === 'identifier' ? target.text : '';
}

/** What a call returns, as far as SQL text is concerned. */
export function evaluateCall(ev: StringEvaluator, call: Node, depth: number): Evaluation {
  const callee = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (!callee || !args) return UNKNOWN;
  if (args.type === 'template_string') return PARAMETERIZING_TAGS.test(callee.text) ? SAFE : UNKNOWN;
  const list = argumentList(call);
  const target = unwrap(callee);
  if (target.type === 'identifier') {
    const known = bareCall(ev, target.text, list, depth);
    const fn = known.kind === 'unknown' ? ev.localFunction(target) : undefined;
    return fn ? ev.returnedBy(fn, list, depth) : known;
  }
  if (target.type !== 'member_expression') return UNKNOWN;
  const method = target.childForFieldName('property')?.text ?? '';
  const object = target.childForFieldName('object');
  if (!object) return UNKNOWN;
  const receiver = lastName(object);
  const numeric = NUMERIC_STATIC_CALLS[receiver];
  if (numeric && object.type === 'identifier' && (numeric === 'any' || numeric.includes(method))) return SAFE;
  if (SAFE_RESULT_METHODS.has(method)) return SAFE;
  // which module the receiver comes from matters only for escapers and format functions
  const module = MODULE_DEPENDENT_METHODS.has(method) ? ev.imports.moduleOf(rootName(object)) : undefined;
  if (quotesForSql({ name: method, receiver, module })) return SAFE;
  if (method === 'format') {
    if (receiver === 'util' || (module !== undefined && PRINTF_MODULES.has(module))) return formatCall(ev, list, false, depth);
    return SQL_ESCAPE_RECEIVER.test(receiver) ? SAFE : UNKNOWN; // connection.format(sql, values)
  }
  // knex.raw('?? = ?', [column, value]) is itself parameterized
  if (method === 'raw' && list[0] && settle(ev.evaluate(list[0], depth + 1)).kind === 'constant') return SAFE;
  if (method === 'concat') return concatCall(ev, object, list, depth);
  if (method === 'join') return joinCall(ev, object, list, depth);
  if (TEXT_PRESERVING_METHODS.has(method)) return reshaped(ev.evaluate(object, depth + 1));
  const fn = object.type === 'identifier' ? ev.localFunction(target) : undefined;
  return fn ? ev.returnedBy(fn, list, depth) : UNKNOWN;
}

function bareCall(ev: StringEvaluator, name: string, list: Node[], depth: number): Evaluation {
  if (NUMERIC_FUNCTIONS.has(name)) return SAFE;
  if (name === 'String') return list[0] ? reshaped(ev.evaluate(list[0], depth + 1)) : constant('', true);
  const module = ev.imports.moduleOf(name);
  if (quotesForSql({ name, receiver: '', module })) return SAFE;
  if (module === PG_FORMAT_MODULE) return formatCall(ev, list, true, depth);
  if ((name === 'format' || name === 'sprintf') && (module === undefined || PRINTF_MODULES.has(module))) return formatCall(ev, list, false, depth);
  return UNKNOWN;
}

/** `x.trim()`, `String(x)`: the same kind of value, no longer in place. */
function reshaped(value: Evaluation): Evaluation {
  const settled = settle(value);
  if (settled.kind === 'text') return textOf(settled.pieces, false, settled.forms, settled.sites);
  return settled;
}

/** `'a'.concat(b, c)`: concatenation when the receiver is a string. */
function concatCall(ev: StringEvaluator, object: Node, list: Node[], depth: number): Evaluation {
  const receiver = ev.evaluate(object, depth + 1);
  if (!isStringy(receiver)) return UNKNOWN;
  const pieces: Piece[] = [...piecesAt(receiver, object)];
  let exact = receiver.kind !== 'text' || receiver.exact;
  let forms = mergeForms(formsOf(receiver), ['concat']);
  let sites = [...sitesOf(receiver)];
  for (const arg of list) {
    const value = ev.evaluate(arg, depth + 1);
    if (value.kind === 'text') { exact = exact && value.exact; forms = mergeForms(forms, value.forms); sites = [...sites, ...value.sites]; }
    pieces.push(...piecesAt(value, arg));
  }
  return textOf(pieces, exact, forms, sites);
}

/** `util.format(fmt, ...)`, `sprintf`, pg-format's `format`: the format text with its arguments in place of the specifiers. */
function formatCall(ev: StringEvaluator, list: Node[], pgFormat: boolean, depth: number): Evaluation {
  const [formatNode, ...rest] = list;
  if (!formatNode) return UNKNOWN;
  const format = settle(ev.evaluate(formatNode, depth + 1));
  if (format.kind !== 'constant') return UNKNOWN;
  const pieces: Piece[] = [];
  let sites: Node[] = [];
  let from = 0;
  let argument = 0;
  const literal = (text: string): void => { if (text) pieces.push({ kind: 'text', text, start: -1, end: -1, quote: "'" }); };
  for (const specifier of formatSpecifiers(format.text, pgFormat)) {
    literal(format.text.slice(from, specifier.at));
    from = specifier.at + specifier.length;
    if (specifier.kind === 'percent') { literal('%'); continue; }
    const arg = rest[argument++];
    if (!arg) { literal(format.text.slice(specifier.at, from)); continue; }
    if (specifier.kind === 'safe') { pieces.push({ kind: 'value', node: arg, safe: true }); continue; }
    const value = settle(ev.evaluate(arg, depth + 1));
    sites = [...sites, ...sitesOf(value)];
    pieces.push(...piecesAt(specifier.kind === 'json' && value.kind !== 'constant' ? UNKNOWN : value, arg));
  }
  literal(format.text.slice(from));
  if (!pgFormat) {
    for (const arg of rest.slice(argument)) {
      literal(' ');
      pieces.push(...piecesAt(settle(ev.evaluate(arg, depth + 1)), arg));
    }
  }
  return textOf(pieces, false, ['format'], sites);
}

/** The value each element of an array produces, when it can be told: literals, local arrays, `map`, `fill`, `filter`, ... */
export function elementValues(ev: StringEvaluator, array: Node, depth: number): { values: { evaluation: Evaluation; node: Node }[]; sites: Node[]; exact: boolean } | undefined {
  const target = unwrap(array);
  const literal = ev.arrayElements(target, depth + 1);
  if (literal) return literal;
  if (target.type === 'new_expression' || target.type === 'call_expression') {
    const callee = unwrap(target.childForFieldName(target.type === 'new_expression' ? 'constructor' : 'function') ?? target);
    if (callee.type === 'identifier' && callee.text === 'Array') return { values: [{ evaluation: constant('', true), node: target }], sites: [], exact: false };
    if (callee.type === 'identifier' && callee.text === 'Set' && target.type === 'new_expression') {
      const items = argumentList(target)[0];
      return items ? elementValues(ev, items, depth + 1) : undefined;
    }
    if (target.type !== 'call_expression' || callee.type !== 'member_expression') return undefined;
    const method = callee.childForFieldName('property')?.text ?? '';
    const receiver = callee.childForFieldName('object');
    const list = argumentList(target);
    if (!receiver) return undefined;
    if (method === 'fill' && list[0]) return { values: [{ evaluation: ev.evaluate(list[0], depth + 1), node: list[0] }], sites: [], exact: false };
    if ((method === 'map' || method === 'flatMap' || (method === 'from' && receiver.text === 'Array')) && list[method === 'from' ? 1 : 0]) {
      const fn = list[method === 'from' ? 1 : 0];
      const vouched = method === 'from' ? undefined : allowListed(ev, receiver, depth);
      return { values: [{ evaluation: callbackResult(ev, fn, depth, vouched), node: fn }], sites: [], exact: false };
    }
    if (ELEMENT_PRESERVING_METHODS.has(method)) {
      const base = elementValues(ev, receiver, depth + 1);
      if (!base || method !== 'concat') return base && { ...base, exact: false };
      const extra = list.map((arg) => ({ evaluation: ev.evaluate(arg, depth + 1), node: arg }));
      return { values: [...base.values, ...extra], sites: base.sites, exact: false };
    }
  }
  return undefined;
}

/** The expression a callback returns: an arrow function's expression body, or its single `return`. */
export function returnedExpression(fn: Node): Node | undefined {
  const body = fn.childForFieldName('body');
  if (!body || body.type !== 'statement_block') return body ?? undefined;
  const statements = body.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  return statements.length === 1 && statements[0].type === 'return_statement' ? firstNamedChild(statements[0]) : undefined;
}

/** What a callback returns; with `vouched`, the parameter the allow-list vouches for counts as one of its constants. */
function callbackResult(ev: StringEvaluator, fn: Node, depth: number, vouched?: Vouched): Evaluation {
  const target = unwrap(fn);
  if (target.type === 'identifier') return NUMERIC_FUNCTIONS.has(target.text) ? SAFE : UNKNOWN;
  if (!CALLBACK_TYPES.has(target.type)) return UNKNOWN;
  const returned = returnedExpression(target);
  if (!returned) return UNKNOWN;
  const vouchedFor = vouched ? firstParameter(target, vouched.part) : undefined;
  if (/=>|\bfunction\b/.test(returned.text)) {
    return ev.withValues(vouchedFor && vouched ? [[vouchedFor, vouched.value]] : [], () => ev.evaluate(returned, depth + 1));
  }
  // no nested function in the body: its parameters are known by name, without resolving each use
  const values = new Map<string, Evaluation>();
  parameterNodes(target).forEach((param, index) => {
    const names = param.type === 'identifier' ? [param] : param.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']).filter((n): n is Node => n !== null);
    for (const name of names) {
      const value = vouched && vouchedFor?.startIndex === name.startIndex ? vouched.value : index === 1 && param.type === 'identifier' ? SAFE : UNKNOWN;
      values.set(name.text, value);
    }
  });
  return ev.withParameters(values, () => ev.evaluate(returned, depth + 1));
}

/** A function's parameters, each the identifier or pattern it binds. */
function parameterNodes(fn: Node): Node[] {
  const single = fn.childForFieldName('parameter');
  if (single) return [single];
  return (fn.childForFieldName('parameters')?.namedChildren ?? [])
    .filter((p): p is Node => p !== null && p.type !== 'comment')
    .map((p) => (p.type === 'required_parameter' || p.type === 'optional_parameter' ? p.childForFieldName('pattern') ?? p : p));
}

/** `[a, b].join(sep)`, `ids.map(() => '?').join(',')`, `conditions.join(' AND ')`. */
function joinCall(ev: StringEvaluator, object: Node, list: Node[], depth: number): Evaluation {
  const separator = list[0] ? settle(ev.evaluate(list[0], depth + 1)) : constant(',', true);
  if (separator.kind !== 'constant') return UNKNOWN;
  const elements = elementValues(ev, object, depth);
  if (!elements) return UNKNOWN;
  const settled = elements.values.map((e) => ({ evaluation: settle(e.evaluation), node: e.node }));
  if (settled.every((e) => e.evaluation.kind === 'constant')) return constant(settled.map((e) => (e.evaluation as { text: string }).text).join(separator.text), true);
  if (settled.every((e) => e.evaluation.kind === 'constant' || e.evaluation.kind === 'safe')) return SAFE;
  const pieces: Piece[] = [];
  settled.forEach((e, i) => {
    if (i > 0) pieces.push({ kind: 'text', text: separator.text, start: -1, end: -1, quote: "'" });
    pieces.push(...piecesAt(e.evaluation, e.node));
  });
  const sites = [...elements.sites, ...settled.flatMap((e) => sitesOf(e.evaluation))];
  if (unsafeValues(pieces).length === 0) return SAFE;
  return textOf(pieces, false, mergeForms(['join'], ...settled.map((e) => formsOf(e.evaluation))), sites);
}
