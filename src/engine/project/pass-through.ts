import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES, unwrap } from '../ast';
import { escapeRegExp } from '../text';

/**
 * Pass-through wrappers: functions that return a function calling the one they are given with the arguments
 * they get (`const cached = memoize(query)`: `cached(x)` runs `query(x)`, or answers from a cache what an
 * earlier `query(x)` returned). A call of what they return is a call of the wrapped function with the same
 * arguments, so the wrapped function's callers are followed through them. Known packages are data rows; a
 * project's own wrapper is told by what its code does (`forwardsFirstParameter`).
 */

/** A package function that passes calls through to its first argument: the package, then members (`_.memoize`). */
interface PassThroughRow {
  readonly name: string;
  readonly path: readonly string[];
}

const PASS_THROUGH_PACKAGES: readonly PassThroughRow[] = [
  // lodash and underscore: memoize caches by the first argument, once calls once; both hand the arguments on
  ...['lodash', 'lodash-es', 'underscore'].flatMap((name) => [{ name, path: ['memoize'] }, { name, path: ['once'] }]),
  ...['lodash/memoize', 'lodash/once', 'lodash.memoize', 'lodash.once', 'lodash-es/memoize', 'lodash-es/once'].map((name) => ({ name, path: [] })),
  // single-purpose memoizers and once-wrappers, each exporting the wrapper itself
  ...['once', 'onetime', 'p-memoize', 'mem', 'memoize', 'memoizee', 'memoize-one', 'fast-memoize', 'micro-memoize', 'moize', 'p-once'].map((name) => ({ name, path: [] })),
  { name: 'p-memoize', path: ['default'] },
  // Node's util.deprecate(fn, message) warns once and calls fn with the same arguments
  ...['util', 'node:util'].map((name) => ({ name, path: ['deprecate'] })),
];

/** Whether a package value (`lodash` then `memoize`) is a wrapper that passes calls through to its first argument. */
export function isPassThroughPackage(name: string, path: readonly string[]): boolean {
  return PASS_THROUGH_PACKAGES.some((row) => row.name === name && row.path.length === path.length && row.path.every((p, i) => p === path[i]));
}

/** The name a parameter binds when it is a plain name (`fn`, TypeScript's `fn: Fn`). */
function parameterName(param: Node | undefined): string | undefined {
  const target = param?.type === 'required_parameter' || param?.type === 'optional_parameter' ? param.childForFieldName('pattern') : param;
  return target?.type === 'identifier' ? target.text : undefined;
}

function parametersOf(fn: Node): Node[] {
  const single = fn.childForFieldName('parameter');
  if (single) return [single];
  return (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => p !== null && p.type !== 'comment');
}

/**
 * How a function takes its arguments, when it names each of them plainly: `(...args)` gives `rest`, `(req, res, next)`
 * gives `names` (TypeScript's `this: T` declares the receiver's type, not an argument); `undefined` for defaults,
 * destructuring or anything else that changes what it received.
 */
function argumentNames(fn: Node): { rest?: string; names?: string[] } | undefined {
  const params = parametersOf(fn).filter((p) => p.childForFieldName('pattern')?.type !== 'this');
  const targets = params.map((p) => (p.type === 'required_parameter' ? p.childForFieldName('pattern') : p));
  const last = targets[targets.length - 1];
  const restName = last?.type === 'rest_pattern' ? last.namedChildren[0] : undefined;
  if (targets.length === 1 && restName?.type === 'identifier') return { rest: restName.text };
  const names = targets.map((t) => (t?.type === 'identifier' ? t.text : undefined));
  return names.length > 0 && names.every((n) => n !== undefined) ? { names: names as string[] } : undefined;
}

/** Text that may change what a name holds: `x = ...`, `x[i] = ...`, `x += ...`, `x.push(...)`, `x++`. */
function mayChange(name: string, text: string): boolean {
  const id = escapeRegExp(name);
  return new RegExp(String.raw`(?<![\w$.])${id}\s*(?:\[[^\]]*\]\s*)?(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=(?![=>])|(?<![\w$.])${id}\s*\.\s*(?:push|pop|shift|unshift|splice|sort|reverse|fill|copyWithin)\s*\(|(?:\+\+|--)\s*${id}(?![\w$])|(?<![\w$.])${id}\s*(?:\+\+|--)`).test(text);
}

/**
 * Whether `text` calls `name` (`name(`, `name.apply`), where it is not part of a longer word or a member:
 * what the regular expression `(?<![\w$.])name\s*(?:\(|\.\s*apply\b)` finds, without making one per function.
 */
export function callsName(text: string, name: string): boolean {
  const spaceFrom = (at: number) => {
    let next = at;
    while (next < text.length && /\s/.test(text[next])) next += 1;
    return next;
  };
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (at > 0 && /[\w$.]/.test(text[at - 1])) continue;
    const next = spaceFrom(at + name.length);
    if (text[next] === '(') return true;
    if (text[next] !== '.') continue;
    const member = spaceFrom(next + 1);
    if (text.startsWith('apply', member) && !/\w/.test(text[member + 5] ?? '')) return true;
  }
  return false;
}

function innermostFunction(node: Node, outer: Node): Node | undefined {
  for (let at = node.parent; at && at.startIndex >= outer.startIndex; at = at.parent) {
    if (at.startIndex === outer.startIndex && at.endIndex === outer.endIndex) return undefined;
    if (FUNCTION_TYPES.has(at.type)) return at;
  }
  return undefined;
}

/**
 * The function a use of the wrapped parameter hands every argument to, unchanged and in order: `fn(...args)` or
 * `fn.apply(this, args)` inside `(...args) => ...`, `fn(req, res, next)` inside `(req, res, next) => ...`;
 * `undefined` for any other use.
 */
function forwardingFunction(use: Node, wrapper: Node): Node | undefined {
  const inner = innermostFunction(use, wrapper);
  const taken = inner && argumentNames(inner);
  const body = inner?.childForFieldName('body');
  if (!inner || !taken || !body || [taken.rest, ...taken.names ?? []].some((n) => n !== undefined && mayChange(n, body.text))) return undefined;
  const parent = use.parent;
  if (parent?.type === 'call_expression' && parent.childForFieldName('function')?.startIndex === use.startIndex) {
    const args = argumentsOf(parent);
    if (taken.rest) return args.length === 1 && args[0].type === 'spread_element' && args[0].namedChildren[0]?.text === taken.rest ? inner : undefined;
    return args.length === taken.names?.length && args.every((a, i) => a.type === 'identifier' && a.text === taken.names?.[i]) ? inner : undefined;
  }
  const call = parent?.type === 'member_expression' && parent.childForFieldName('property')?.text === 'apply' ? parent.parent : undefined;
  const args = call?.type === 'call_expression' ? argumentsOf(call) : [];
  return taken.rest && args.length === 2 && args[0].type === 'this' && args[1].text === taken.rest ? inner : undefined;
}

function argumentsOf(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => a !== null && a.type !== 'comment');
}

/** What a function returns (not what functions nested in it do); `undefined` when some return gives nothing. */
function returnedValues(fn: Node): Node[] | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  if (body.type !== 'statement_block') return [body];
  const values: Node[] = [];
  for (const statement of body.descendantsOfType('return_statement')) {
    if (!statement || innermostFunction(statement, fn)) continue;
    const value = statement.namedChildren.find((c) => c !== null && c.type !== 'comment');
    if (!value) return undefined;
    values.push(unwrap(value));
  }
  return values;
}

/** The function a returned value is: written in place, or a `const` of the wrapper's own body holding one. */
function returnedFunction(value: Node, wrapper: Node): Node | undefined {
  if (FUNCTION_TYPES.has(value.type)) return value;
  if (value.type !== 'identifier') return undefined;
  for (const declarator of wrapper.descendantsOfType('variable_declarator')) {
    const init = declarator?.childForFieldName('value');
    if (declarator?.childForFieldName('name')?.text === value.text && init && FUNCTION_TYPES.has(unwrap(init).type) && !innermostFunction(declarator, wrapper)) {
      return unwrap(init);
    }
  }
  return undefined;
}

/**
 * Whether `fn` is a pass-through wrapper of its first parameter: it returns a function, and every use of the
 * parameter hands it all of such a function's arguments unchanged (`func(...args)`, `func.apply(this, args)`,
 * `(req, res, next) => func(req, res, next).catch(next)`). Anything else done with the parameter (stored, given other arguments, shadowed)
 * says nothing of how it is called.
 */
export function forwardsFirstParameter(fn: Node): boolean {
  const name = parameterName(parametersOf(fn)[0]);
  const body = fn.childForFieldName('body');
  // (most functions never call their first parameter: told from the text before the tree is walked)
  if (!name || !body || !callsName(body.text, name)) return false;
  const forwarding = new Set<number>();
  for (const id of body.descendantsOfType(['identifier', 'shorthand_property_identifier'])) {
    if (!id || id.text !== name) continue;
    const inner = forwardingFunction(id, fn);
    if (!inner) return false;
    forwarding.add(inner.startIndex);
  }
  const returned = returnedValues(fn);
  return !!returned && returned.length > 0 && returned.every((value) => forwarding.has(returnedFunction(value, fn)?.startIndex ?? -1));
}
