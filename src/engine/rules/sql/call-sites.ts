import type { Node } from '@vscode/tree-sitter-wasm';
import { isPrivateMethod, type ClassMembers } from './classes';
import type { Binding, ScopeIndex } from './scope';
import { argumentList } from './syntax';
import { matchAllIn } from '../../text';

/**
 * What a parameter is given, when every call of its function is in sight: a function this file neither
 * exports nor hands out (each use of its name is a direct call), or a private method (`#m`, TypeScript's
 * `private`) called as `this.m(...)`. The parameter then holds one of the arguments those calls pass, so a
 * helper only ever called with constants builds SQL from constants. A function other files can call (an
 * export, a public method, a callback) keeps parameters of unknown value.
 */

/** Calls followed per function; past this the parameter is left unknown. */
const MAX_CALLS = 40;

/** One call's argument for the parameter: the expression, or `undefined` when the call leaves it out. */
export type CallerArgument = Node | undefined;

const NAME_TYPES: ReadonlySet<string> = new Set(['identifier', 'property_identifier', 'private_property_identifier']);
const TEXT_TYPES: ReadonlySet<string> = new Set(['string', 'string_fragment', 'template_string', 'comment', 'regex', 'regex_pattern', 'escape_sequence']);
const DECLARATION_TYPES: ReadonlySet<string> = new Set(['function_declaration', 'generator_function_declaration']);
const EXPRESSION_TYPES: ReadonlySet<string> = new Set(['arrow_function', 'function_expression', 'function']);

/** The arguments every call in the file passes for `binding`; `undefined` when some caller may be out of sight. */
export function callerArguments(scopes: ScopeIndex, classes: ClassMembers, text: string, binding: Binding): readonly CallerArgument[] | undefined {
  const param = binding.param;
  if (binding.kind !== 'param' || !param || param.arrayCallback || param.index < 0) return undefined;
  const calls = callsOf(scopes, classes, text, param.fn);
  if (!calls || calls.length === 0 || calls.length > MAX_CALLS) return undefined;
  const values: CallerArgument[] = [];
  for (const call of calls) {
    const args = argumentList(call);
    if (args.slice(0, param.index + 1).some((a) => a.type === 'spread_element')) return undefined;
    values.push(args[param.index]);
  }
  return values;
}

/** Every call of `fn`, when all its uses in the file are direct calls. */
function callsOf(scopes: ScopeIndex, classes: ClassMembers, text: string, fn: Node): Node[] | undefined {
  const path = scopes.ancestry.pathTo(fn.startIndex, fn.endIndex);
  const at = path.findIndex((n) => n.startIndex === fn.startIndex && n.endIndex === fn.endIndex && n.type === fn.type);
  if (at < 1) return undefined;
  const parent = path[at - 1];
  if (fn.type === 'method_definition') return isPrivateMethod(fn) ? privateMethodCalls(scopes, classes, text, fn) : undefined;
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
  if (name?.type !== 'identifier' || !holder || holder.type === 'export_statement') return undefined;
  // resolved from outside the function: a declaration's own name also stands inside it
  const resolution = scopes.resolve(name, path.slice(0, at));
  if (!resolution || resolution.writes.length > 0) return undefined;
  const calls: Node[] = [];
  for (const read of resolution.reads) {
    const call = callAt(scopes, read.start, name.text.length);
    if (call === 'not-code') continue; // the name inside a string or comment
    if (!call) return undefined;
    calls.push(call);
  }
  return calls;
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
    if (!call || !/\bthis\s*\.\s*$/.test(text.slice(Math.max(0, match.index - 8), match.index))) return undefined;
    calls.push(call);
  }
  return calls;
}

/** The call whose callee ends with the name at `start`; `not-code` when the name there is text in a string or comment. */
function callAt(scopes: ScopeIndex, start: number, length: number): Node | 'not-code' | undefined {
  const path = scopes.ancestry.pathTo(start, start + length);
  const name = path[path.length - 1];
  if (TEXT_TYPES.has(name.type)) return 'not-code';
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
