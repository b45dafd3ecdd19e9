import type { Node } from '@vscode/tree-sitter-wasm';
import type { ClassMembers } from './classes';
import type { Binding, ScopeIndex } from './scope';
import { unwrap } from '../../ast';
import { argumentList } from './syntax';
import { matchAllIn } from '../../text';
import { staticMemberCalls, staticMemberOf } from './static-member-calls';

/**
 * What a parameter is given, when every call of its function is in sight: a function this file neither
 * exports nor hands out (each use of its name is a direct call), or a private method (`#m`, TypeScript's
 * `private`) called as `this.m(...)`. The parameter then holds one of the arguments those calls pass, so a
 * helper only ever called with constants builds SQL from constants. A function the file exports, or hands
 * out in an exported object (`module.exports = { helper }`, `return { helper }`), is published: calls in other
 * files count as well, and the project's facts say what those pass. A function handed out any other way (a
 * callback, a public method) keeps parameters of unknown value.
 */

/** Calls followed per function; past this the parameter is left unknown. */
const MAX_CALLS = 40;

/** One call's argument for the parameter: the expression, or `undefined` when the call leaves it out. */
export type CallerArgument = Node | undefined;

/** What the calls of a function in this file pass for one parameter. */
export interface CallerArguments {
  readonly args: readonly CallerArgument[];
  /** Other files may call the function as well (it is exported, or handed out in an object). */
  readonly published: boolean;
}

const NAME_TYPES: ReadonlySet<string> = new Set(['identifier', 'property_identifier', 'private_property_identifier']);
const TEXT_TYPES: ReadonlySet<string> = new Set(['string', 'string_fragment', 'template_string', 'comment', 'regex', 'regex_pattern', 'escape_sequence']);
const DECLARATION_TYPES: ReadonlySet<string> = new Set(['function_declaration', 'generator_function_declaration']);
const EXPRESSION_TYPES: ReadonlySet<string> = new Set(['arrow_function', 'function_expression', 'function']);

/** Whether a callee returns a function that calls its first argument with the arguments it gets (`memoize`). */
export type PassThroughTest = (callee: Node) => boolean;

/** The arguments every call in the file passes for `binding`; `undefined` when some caller may be out of sight. */
export function callerArguments(scopes: ScopeIndex, classes: ClassMembers, text: string, binding: Binding, passesThrough?: PassThroughTest): CallerArguments | undefined {
  const param = binding.param;
  if (binding.kind !== 'param' || !param || param.arrayCallback || param.index < 0) return undefined;
  const callers = callsOf(scopes, classes, text, param.fn, passesThrough);
  if (!callers || callers.calls.length > MAX_CALLS) return undefined;
  const args: CallerArgument[] = [];
  for (const call of callers.calls) {
    const list = argumentList(call);
    if (list.slice(0, param.index + 1).some((a) => a.type === 'spread_element')) return undefined;
    args.push(list[param.index]);
  }
  return { args, published: callers.published };
}

/** Every call of `fn` in the file, when all its uses are direct calls or hand it to other files. */
export function callsOf(scopes: ScopeIndex, classes: ClassMembers, text: string, fn: Node, passesThrough?: PassThroughTest): { calls: Node[]; published: boolean } | undefined {
  const path = scopes.ancestry.pathTo(fn.startIndex, fn.endIndex);
  const at = path.findIndex((n) => n.startIndex === fn.startIndex && n.endIndex === fn.endIndex && n.type === fn.type);
  if (at < 1) return undefined;
  const parent = path[at - 1];
  const staticMember = staticMemberOf(fn, parent);
  if (staticMember) {
    const calls = staticMemberCalls(classes, scopes.ancestry, text, staticMember, (start, length) => callAt(scopes, start, length));
    return calls && { calls, published: false };
  }
  if (fn.type === 'method_definition') {
    const calls = classes.callableOnlyInClass(fn) ? privateMethodCalls(scopes, classes, text, fn) : undefined;
    return calls && { calls, published: false };
  }
  let name: Node | null | undefined;
  let statement: Node | undefined;
  if (DECLARATION_TYPES.has(fn.type)) {
    name = fn.childForFieldName('name');
    statement = fn;
  } else if (EXPRESSION_TYPES.has(fn.type) && parent.type === 'variable_declarator') {
    name = parent.childForFieldName('name');
    statement = path[at - 2];
  }
  const holder = statement && path[path.indexOf(statement) - 1];
  if (name?.type !== 'identifier' || !holder) return undefined;
  // resolved from outside the function: a declaration's own name also stands inside it
  return callsOfName(scopes, name, path.slice(0, at), holder.type === 'export_statement', passesThrough, 0);
}

/** How many pass-through wrappers deep (`once(memoize(f))`) the calls of a function are followed. */
const MAX_WRAPPERS = 3;

/** Every call of the function `name` declares, and of the pass-through wrappers held in `const`s around it. */
function callsOfName(scopes: ScopeIndex, name: Node, ancestors: readonly Node[], exported: boolean, passesThrough: PassThroughTest | undefined, depth: number): { calls: Node[]; published: boolean } | undefined {
  let published = exported;
  const resolution = scopes.resolve(name, ancestors);
  if (!resolution || resolution.writes.length > 0) return undefined;
  const calls: Node[] = [];
  for (const read of resolution.reads) {
    const call = callAt(scopes, read.start, name.text.length);
    if (call === 'not-code') continue; // the name inside a string or comment
    if (call === 'published') { published = true; continue; }
    const wrapped = call || !passesThrough || depth >= MAX_WRAPPERS ? undefined : wrapperCalls(scopes, read.start, name.text.length, passesThrough, depth);
    if (wrapped) { calls.push(...wrapped.calls); published ||= wrapped.published; continue; }
    if (!call) return undefined;
    calls.push(call);
  }
  return { calls, published };
}

/**
 * `const cached = memoize(fn)` or `export default memoize(fn)`, with `memoize` a pass-through wrapper: the calls
 * of `cached` are calls of `fn` with the same arguments, and exporting it publishes `fn`.
 */
function wrapperCalls(scopes: ScopeIndex, start: number, length: number, passesThrough: PassThroughTest, depth: number): { calls: Node[]; published: boolean } | undefined {
  const path = scopes.ancestry.pathTo(start, start + length);
  const at = path.length - 1;
  const [list, call, holder] = [path[at - 1], path[at - 2], path[at - 3]];
  const first = list?.type === 'arguments' ? list.namedChildren.find((a) => a !== null && a.type !== 'comment') : undefined;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  if (first?.startIndex !== start || !callee || !passesThrough(callee)) return undefined;
  if (holder?.type === 'export_statement') return holder.childForFieldName('value')?.startIndex === call.startIndex ? { calls: [], published: true } : undefined;
  const declaration = path[at - 4];
  const name = holder?.type === 'variable_declarator' && holder.childForFieldName('value')?.startIndex === call.startIndex ? holder.childForFieldName('name') : undefined;
  if (name?.type !== 'identifier' || declaration?.type !== 'lexical_declaration' || !/^const\b/.test(declaration.text)) return undefined;
  return callsOfName(scopes, name, path.slice(0, at - 3), path[at - 5]?.type === 'export_statement', passesThrough, depth + 1);
}

/** `this.#m(...)` / `this.m(...)` calls of a private method inside its class; any other mention hides a caller. */
function privateMethodCalls(scopes: ScopeIndex, classes: ClassMembers, text: string, method: Node): Node[] | undefined {
  const cls = classes.enclosingClass(method);
  const name = method.childForFieldName('name')?.text;
  if (!cls || !name) return undefined;
  const calls: Node[] = [];
  const mention = new RegExp(`(?<![\\w$#])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  for (const match of matchAllIn(mention, text, cls.startIndex, cls.endIndex)) {
    if (match.index === method.childForFieldName('name')?.startIndex) continue;
    const call = callAt(scopes, match.index, name.length);
    if (call === 'not-code') continue;
    if (!call || call === 'published' || !/\bthis\s*\.\s*$/.test(text.slice(Math.max(0, match.index - 8), match.index))) return undefined;
    calls.push(call);
  }
  return calls;
}

/**
 * The call whose callee ends with the name at `start`; `not-code` when the name there is text in a string or
 * comment; `published` when the name is handed to other files (an export, a property of an object literal).
 */
function callAt(scopes: ScopeIndex, start: number, length: number): Node | 'not-code' | 'published' | undefined {
  const path = scopes.ancestry.pathTo(start, start + length);
  const name = path[path.length - 1];
  if (TEXT_TYPES.has(name.type)) return 'not-code';
  if (isPublication(path)) return 'published';
  if (!NAME_TYPES.has(name.type) || name.startIndex !== start) return undefined;
  for (let i = path.length - 2; i > 0; i--) {
    const node = path[i];
    if (node.type === 'call_expression') {
      const callee = node.childForFieldName('function');
      return callee && callee.endIndex === start + length ? node : undefined;
    }
    if (node.type !== 'member_expression') return undefined;
  }
  return undefined;
}

/**
 * `export { f }`, `export default f`, `module.exports = f`, `exports.f = f`, and `{ f }` or `{ name: f }` (an object
 * literal, which the project's facts follow when it is exported or returned).
 */
function isPublication(path: readonly Node[]): boolean {
  const name = path[path.length - 1];
  const parent = path[path.length - 2];
  if (!parent) return false;
  if (name.type === 'shorthand_property_identifier') return parent.type === 'object';
  if (name.type !== 'identifier') return false;
  switch (parent.type) {
    case 'export_specifier': return true;
    case 'export_statement': return parent.childForFieldName('value')?.startIndex === name.startIndex;
    case 'pair': return parent.childForFieldName('value')?.startIndex === name.startIndex && path[path.length - 3]?.type === 'object';
    case 'assignment_expression': {
      const left = parent.childForFieldName('left');
      return parent.childForFieldName('right')?.startIndex === name.startIndex && !!left && /^(?:module\s*\.\s*)?exports\b/.test(left.text);
    }
    default: return false;
  }
}

/** Where a parameter's name sits inside its parameter, and the default written for it there. */
export interface ParameterPart {
  /** `[]` for `(x)`, `['a']` for `({ a })`, `({ b: a })` and `({ a = 1 })`. */
  readonly path: readonly string[];
  /** `({ a = 1 })`: what the name holds when the argument has no `a`. */
  readonly defaultValue?: Node;
}

const PARAMETER_HOLDERS: ReadonlySet<string> = new Set(['formal_parameters', 'arrow_function']);

/** The part of its parameter a parameter binding names; `undefined` inside arrays, rest patterns or nested defaults. */
export function parameterPart(scopes: ScopeIndex, binding: Binding): ParameterPart | undefined {
  if (binding.kind !== 'param') return undefined;
  const path = scopes.ancestry.pathTo(binding.id.startIndex, binding.id.endIndex);
  const keys: string[] = [];
  let defaultValue: Node | undefined;
  for (let i = path.length - 1; i > 0; i--) {
    const node = path[i];
    const parent = path[i - 1];
    if (PARAMETER_HOLDERS.has(parent.type)) return { path: keys, defaultValue };
    switch (node.type) {
      case 'shorthand_property_identifier_pattern':
      case 'identifier':
        if (parent.type === 'object_pattern' || parent.type === 'object_assignment_pattern') keys.unshift(node.text);
        break;
      case 'object_assignment_pattern':
        if (keys.length !== 1) return undefined;
        defaultValue = node.childForFieldName('right') ?? undefined;
        break;
      case 'pair_pattern': {
        const key = node.childForFieldName('key');
        if (!key || key.type !== 'property_identifier' && key.type !== 'string') return undefined;
        keys.unshift(key.type === 'string' ? key.text.slice(1, -1) : key.text);
        break;
      }
      case 'object_pattern': case 'required_parameter': case 'optional_parameter':
        break;
      case 'assignment_pattern':
        if (keys.length > 0) return undefined;
        break;
      default:
        return undefined;
    }
  }
  return undefined;
}

/**
 * What a call passes for a part of a parameter: the argument, or the property of an object literal
 * (`f({ a: 1 })` passes `1` for `({ a })`); `undefined` when the part is left out, `null` when it cannot be told
 * (a spread may supply it, or the argument is not an object literal).
 */
export function argumentPart(arg: Node | undefined, path: readonly string[]): Node | undefined | null {
  if (path.length === 0 || !arg) return arg;
  const object = unwrap(arg);
  if (object.type !== 'object') return null;
  let found: Node | undefined | null;
  for (const member of object.namedChildren) {
    if (!member || member.type === 'comment') continue;
    if (member.type === 'spread_element') { found = null; continue; }
    const key = member.type === 'shorthand_property_identifier' ? member : member.childForFieldName('key') ?? member.childForFieldName('name');
    const keyText = key?.type === 'string' ? key.text.slice(1, -1) : key?.text;
    if (keyText !== path[0]) continue;
    found = member.type === 'pair' ? member.childForFieldName('value') ?? null : member.type === 'shorthand_property_identifier' ? member : null;
  }
  return found ? argumentPart(found, path.slice(1)) : found;
}
