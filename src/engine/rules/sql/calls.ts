import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES, unwrap } from '../../ast';
import { joinCall } from './arrays';
import {
  GENERATOR_MODULES, NUMERIC_FUNCTIONS, REQUEST_READING_MODULES, NUMERIC_STATIC_CALLS, PARAMETERIZING_TAGS, PRINTF_MODULES, SAFE_RESULT_METHODS, TEXT_PRESERVING_METHODS, formatSpecifiers,
} from './known-calls';
import { MODULE_DEPENDENT_METHODS, PG_FORMAT_MODULE, SQL_ESCAPE_RECEIVER, quotesForSql } from './quoting';
import { argumentPart } from './call-sites';
import { wholeArgument } from './parameter-values';
import {
  MAX_DEPTH, SAFE, UNKNOWN, cannotCarrySql, constant, formsOf, isStringy, mergeForms, piecesAt, settle, sitesOf, textOf, unionOf, unsafeValues,
  type Evaluation, type Piece,
} from './pieces';
import { isModelTableName } from './model-names';
import { reduceCall } from './object-keys';
import { isStoredRead } from './origins';
import { serializesForSql } from './serializers';
import { DB_HANDLE_NAME } from './sinks';
import type { ParamPart } from '../../project/facts';
import type { StringEvaluator } from './string-building';
import { argumentList, lastName, parameterNodes, rootName } from './syntax';

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
    if (known.kind !== 'unknown') return known;
    const fn = ev.localFunction(target);
    if (fn) return localCall(ev, fn, list, depth);
    const foreign = foreignTextCall(ev, target, list, depth);
    if (foreign) return foreign;
    const binding = ev.scopes.resolve(target)?.binding;
    if (binding?.kind === 'param') return list.length === 0 ? calledParameter(ev, target, depth) : UNKNOWN;
    const module = ev.imports.moduleOf(target.text);
    if (module !== undefined && REQUEST_READING_MODULES.has(module)) return UNKNOWN;
    if (!derivedFromConstants(ev, list, depth)) return UNKNOWN;
    // a helper imported from the program's own modules builds its text from those constants
    return module !== undefined && list.length > 0 ? SAFE : ev.stored;
  }
  if (target.type !== 'member_expression') return UNKNOWN;
  const method = target.childForFieldName('property')?.text ?? '';
  const object = target.childForFieldName('object');
  if (!object) return UNKNOWN;
  const receiver = lastName(object);
  const numeric = NUMERIC_STATIC_CALLS[receiver];
  if (numeric && object.type === 'identifier' && (numeric === 'any' || numeric.includes(method))) return SAFE;
  if (SAFE_RESULT_METHODS.has(method) || isModelTableName(call)) return SAFE;
  // which module the receiver comes from matters only for escapers and format functions
  const module = MODULE_DEPENDENT_METHODS.has(method) ? ev.imports.moduleOf(rootName(object)) : undefined;
  if (quotesForSql({ name: method, receiver, module }) || serializesForSql(ev, object, method)) return SAFE;
  if (method === 'format') {
    if (receiver === 'util' || (module !== undefined && PRINTF_MODULES.has(module))) return formatCall(ev, list, false, depth);
    return SQL_ESCAPE_RECEIVER.test(receiver) ? SAFE : UNKNOWN; // connection.format(sql, values)
  }
  // knex.raw('?? = ?', [column, value]) is itself parameterized
  if (method === 'raw' && list[0] && settle(ev.evaluate(list[0], depth + 1)).kind === 'constant') return SAFE;
  if (method === 'toQuery' || (BUILDER_OUTPUT_METHODS.has(method) && isQueryBuilder(object))) return SAFE;
  if (method === 'concat') return concatCall(ev, object, list, depth);
  if (method === 'join') return joinCall(ev, object, list, depth);
  if (method === 'reduce') return reduceCall(ev, object, list, depth);
  if (TEXT_PRESERVING_METHODS.has(method)) return reshaped(ev.evaluate(object, depth + 1));
  const fn = object.type === 'identifier' || object.type === 'this' ? ev.localFunction(target) : undefined;
  if (fn) return localCall(ev, fn, list, depth);
  const foreign = foreignTextCall(ev, target, list, depth);
  if (foreign) return foreign;
  const root = rootName(object);
  const rootModule = root ? ev.imports.moduleOf(root) : undefined;
  if (GENERATOR_MODULES.has(rootModule ?? '')) return SAFE; // uuid.v4(), crypto.createHash(...).digest('hex')
  if (rootModule !== undefined && REQUEST_READING_MODULES.has(rootModule)) return UNKNOWN;
  if (isStoredRead(call)) return ev.stored; // `(await User.findByPk(id)).email`: a row the database holds
  return programReceiver(ev, object, depth) && derivedFromConstants(ev, list, depth) ? ev.stored : UNKNOWN;
}

/**
 * A receiver that holds no request data: `this`, a module, a class, or a value the evaluator reads as
 * constant or safe. A method called on it with constant arguments computes its result from the program's
 * own state (configuration, caches, the database), not from the request.
 */
function programReceiver(ev: StringEvaluator, object: Node, depth: number): boolean {
  const target = unwrap(object);
  return target.type === 'this' || ev.readsSafe(target, depth);
}

/**
 * A call of a function of this file: what its body returns for these arguments. When that cannot be told but
 * the function sees no request (it is declared at module level, or is a method of a module-level class, so
 * only its arguments could bring one) and every argument is a constant, the result is computed from the
 * program's own state, like any other call given only constants.
 */
function localCall(ev: StringEvaluator, fn: Node, list: readonly Node[], depth: number): Evaluation {
  const value = ev.returnedBy(fn, list, depth);
  if (cannotCarrySql(settle(value))) return value;
  return seesOnlyItsArguments(ev, fn) && derivedFromConstants(ev, list, depth) ? ev.stored : value;
}

/**
 * A function no request can reach but through its arguments: no enclosing function, only classes and modules,
 * and, when it reads its object's state, an object not made for a request (one whose constructor is handed
 * the request may keep it in a field).
 */
function seesOnlyItsArguments(ev: StringEvaluator, fn: Node): boolean {
  if (/\bthis\b/.test(fn.childForFieldName('body')?.text ?? '') && madeForRequest(ev, fn)) return false;
  const path = ev.scopes.ancestry.pathTo(fn.startIndex, fn.endIndex);
  return !path.some((n) => n.startIndex !== fn.startIndex && FUNCTION_TYPES.has(n.type) && n.endIndex >= fn.endIndex);
}

/** Request-like parameter names (`req`, `request`, `ctx`): what a handler is given. */
const REQUEST_PARAMETER = /^(?:_?req|request|ctx|context)$/;

/** The class of `fn` takes a request in its constructor, or `fn` is not a method of a class. */
function madeForRequest(ev: StringEvaluator, fn: Node): boolean {
  const cls = fn.type === 'method_definition' ? ev.classes.enclosingClass(fn) : undefined;
  if (!cls) return true;
  const constructor = ev.classes.member(cls, 'constructor', 'method');
  // (a TypeScript parameter is already its name; `req = {}` is named by its left side)
  return !!constructor && parameterNodes(constructor).some((p) => REQUEST_PARAMETER.test((p.type === 'assignment_pattern' ? p.childForFieldName('left') ?? p : p).text));
}

/** Methods that return the SQL a query builder wrote (TypeORM's `getQuery`/`getSql`, knex's `toString`). */
const BUILDER_OUTPUT_METHODS: ReadonlySet<string> = new Set(['toString', 'getQuery', 'getSql']);

/**
 * A query builder's chain (`knex('t').where('a', a)`, `db.select().from(t)`, `repo.createQueryBuilder()...`):
 * its `toString()` and `toQuery()` write the SQL with the values escaped by the builder.
 */
function isQueryBuilder(object: Node): boolean {
  const target = unwrap(object);
  return target.type === 'call_expression' && (DB_HANDLE_NAME.test(rootName(target)) || /\b(?:createQueryBuilder|queryBuilder)\s*\(/.test(target.text));
}

/**
 * `value()` for a parameter (`const thunk = (v) => (typeof v === 'function' ? v() : v)`): what it gives is
 * derived from what the parameter holds alone. A function passed for it reads as unknown, so only text
 * (which the call never reaches) or the parameter's own pieces, when summarised for other files, pass on.
 */
function calledParameter(ev: StringEvaluator, parameter: Node, depth: number): Evaluation {
  // text cannot be called, so calling it passes its pieces on; a value that cannot carry SQL may be a function
  const value = settle(ev.evaluate(parameter, depth + 1));
  return value.kind === 'safe' ? UNKNOWN : value;
}

/**
 * A call of a function another project file defines and returns text from (`ifStr(cond, 'AND x = :x')`,
 * `TABLES_SQL({ schemaFilter })`): safe when the arguments for the parameter parts that text is made of are;
 * otherwise those arguments, so a finding names the value that makes it unsafe.
 */
function foreignTextCall(ev: StringEvaluator, callee: Node, list: readonly Node[], depth: number): Evaluation | undefined {
  const parts = ev.crossFile?.textReturnOf(callee);
  return parts ? foreignText(ev, callee, list, parts, depth) : undefined;
}

/**
 * What text a call of another file's function gives, when it is made of the constants of that function and
 * these parts of its parameters (`parts`, from `textReturn` or `propertyReturns`): the arguments for them.
 */
export function foreignText(ev: StringEvaluator, callee: Node, list: readonly Node[], parts: readonly ParamPart[], depth: number): Evaluation {
  if (ev.stored.kind === 'unknown' && ev.crossFile?.readsStoredOf(callee)) return ev.stored; // second-order checks asked for
  const spreadAt = list.findIndex((a) => a.type === 'spread_element');
  const values = parts.map((part) => {
    if (spreadAt >= 0 && spreadAt <= part.index) return { evaluation: UNKNOWN, node: list[spreadAt] };
    const given = argumentPartOf(ev, list[part.index], part.path);
    if (given === null) return { evaluation: wholeArgument(ev, list[part.index], depth), node: list[part.index] ?? callee };
    return given ? { evaluation: ev.evaluate(given, depth + 1), node: given } : { evaluation: constant('', false), node: callee };
  });
  const result = unionOf(values, SAFE);
  return cannotCarrySql(result) ? SAFE : result;
}

/** `argumentPart`, also through a local constant holding the object literal (`const o = { a }; f(o)`). */
function argumentPartOf(ev: StringEvaluator, arg: Node | undefined, path: readonly string[]): Node | undefined | null {
  const target = arg && unwrap(arg);
  if (path.length > 0 && target?.type === 'identifier') {
    const resolution = ev.scopes.resolve(target);
    const init = resolution?.binding.kind === 'const' && resolution.writes.length === 0 ? resolution.binding.init : undefined;
    if (init && unwrap(init).type === 'object') return argumentPart(init, path);
  }
  return argumentPart(arg, path);
}

/**
 * A call whose arguments are all constants or values that cannot carry SQL (`deepJSONBSet('data', ['a', 'b'])`,
 * `getDBConf('database')`, `generateFXConversionSQL()`): no request reaches what it returns. A helper of the
 * program's own modules makes its text from those constants; any other call computes a value from the
 * program's state (configuration, caches, the database), which counts as a stored value (`sql.storedValues`).
 */
function derivedFromConstants(ev: StringEvaluator, list: readonly Node[], depth: number): boolean {
  return list.every((arg) => holdsNoRequest(ev, arg, depth));
}

/** A constant, a value that cannot carry SQL, or an object literal of those (`{ id }` with `id: number`). */
function holdsNoRequest(ev: StringEvaluator, arg: Node, depth: number): boolean {
  const target = unwrap(arg);
  if (target.type === 'object' && depth < MAX_DEPTH) {
    return target.namedChildren.every((member) => {
      if (!member || member.type === 'comment') return true;
      const value = member.type === 'pair' ? member.childForFieldName('value') : member.type === 'shorthand_property_identifier' ? member : undefined;
      return !!value && holdsNoRequest(ev, value, depth + 1);
    });
  }
  return ev.readsSafe(target, depth);
}

function bareCall(ev: StringEvaluator, name: string, list: Node[], depth: number): Evaluation {
  if (NUMERIC_FUNCTIONS.has(name)) return SAFE;
  if (name === 'String') return list[0] ? reshaped(ev.evaluate(list[0], depth + 1)) : constant('', true);
  const module = ev.imports.moduleOf(name);
  if (quotesForSql({ name, receiver: '', module }) || GENERATOR_MODULES.has(module ?? '')) return SAFE;
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
