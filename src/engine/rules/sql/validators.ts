import type { Node } from '@vscode/tree-sitter-wasm';
import { memberChain, unwrap } from '../../ast';
import { escapeRegExp, matchAllIn } from '../../text';
import { emptyValueOr, ifHolds } from './allow-lists';
import { SAFE, type Evaluation } from './pieces';
import type { StringEvaluator } from './string-building';

/**
 * Values checked by a known validator before they reach SQL text: `if (!validate(id)) throw ...` (uuid), or a
 * loop that throws on any element whose part fails the check, before the same array is walked again to build
 * the text (`for (const d of list) if (d.id && !isUUID(d.id)) throw ...`, then `list.forEach((d) => ids += d.id)`).
 * A validator here returns true only for text of a fixed shape (a UUID, digits, letters and digits), so past
 * such a check the value cannot carry SQL. A check whose result is not acted on (no throw or return), or a
 * check that only skips one element of a loop, proves nothing about the value read afterwards.
 */

/** Functions that accept only text of a fixed shape that keeps out quotes, spaces and SQL syntax, by module. */
export const VALIDATING_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  uuid: ['validate'],
  validator: ['isUUID', 'isInt', 'isNumeric', 'isFloat', 'isDecimal', 'isAlphanumeric', 'isAlpha', 'isHexadecimal', 'isMongoId', 'isBoolean', 'isISO8601', 'isDate', 'isULID'],
};

/**
 * Where a text negates a call on a plain name or property (`!validate(id)`, `!isUUID(d.id)`), by the argument as
 * written: a guard can only stand at one of these, so most reads are told apart without a search. Read once.
 */
export class NegatedChecks {
  private byArgument: Map<string, number[]> | undefined;

  constructor(private readonly text: string) {}

  /** Whether an argument `test` accepts (`argument === 'id'`, or ending in `.id`) is checked somewhere in `from`..`before`. */
  within(test: (argument: string) => boolean, from: number, before: number): boolean {
    if (!this.byArgument) {
      this.byArgument = new Map();
      for (const m of this.text.matchAll(/!\s*[\w$]+(?:\s*\.\s*[\w$]+)?\s*\(\s*([\w$]+(?:\s*\.\s*[\w$]+)*)\s*\)/g)) {
        const key = m[1].replace(/\s+/g, '');
        const list = this.byArgument.get(key) ?? [];
        list.push(m.index);
        this.byArgument.set(key, list);
      }
    }
    for (const [argument, offsets] of this.byArgument) if (test(argument) && offsets.some((at) => at >= from && at < before)) return true;
    return false;
  }
}

/** `!v(x)`, optionally after `x &&` or `!x ||` (which only let an empty value through), as the whole condition of an `if`. */
function guardPattern(checked: string): RegExp {
  const name = escapeRegExp(checked);
  const emptyOr = emptyValueOr(name);
  return new RegExp(`\\bif\\s*\\(\\s*${emptyOr}!\\s*([\\w$]+(?:\\s*\\.\\s*[\\w$]+)?)\\s*\\(\\s*${name}\\s*\\)\\s*\\)\\s*\\{?\\s*(?:throw|return)\\b`, 'g');
}

/** Whether a callee, as written (`validate`, `uuid.validate`, `validator.isUUID`), is a known validator of this file's imports. */
function isValidator(ev: StringEvaluator, callee: string): boolean {
  const parts = callee.split('.').map((p) => p.trim());
  const module = ev.imports.moduleOf(parts[0]);
  if (module === undefined) return false;
  if (parts.length === 2) return VALIDATING_FUNCTIONS[module]?.includes(parts[1]) ?? false;
  // `import isUUID from 'validator/lib/isUUID'`
  const [base, , own] = module.split('/');
  if (own && VALIDATING_FUNCTIONS[base]?.includes(own)) return true;
  const listed = VALIDATING_FUNCTIONS[module];
  if (!listed) return false;
  if (listed.includes(parts[0])) return true;
  // `import { validate as isValidId } from 'uuid'`
  const alias = new RegExp(`\\b(${listed.join('|')})\\s+as\\s+${escapeRegExp(parts[0])}\\b`);
  return alias.test(ev.text);
}

/**
 * A guard between `from` and `before` that returns or throws unless the text `checked` passes a validator,
 * standing directly in a block that also holds `inside`.
 */
function guardIn(ev: StringEvaluator, checked: string, from: number, before: number, inside: Node): boolean {
  if (!ev.negatedChecks.within((argument) => argument === checked, from, before)) return false;
  for (const match of matchAllIn(guardPattern(checked), ev.text, from, before)) {
    if (isValidator(ev, match[1].replace(/\s+/g, '')) && ifHolds(ev, match.index, inside)) return true;
  }
  return false;
}

/**
 * What `use` (a name or a property chain, `id` or `d.id`) holds when a known validator vouched for it: directly
 * before it in an enclosing block, or for every element of the array it is an element of.
 */
export function validatedRead(ev: StringEvaluator, use: Node): Evaluation | undefined {
  const chain = memberChain(use);
  if (chain?.root.type !== 'identifier' || chain.path.length > 2) return undefined;
  const resolution = ev.scopes.resolve(chain.root);
  if (!resolution || resolution.writes.length > 0) return undefined;
  const { binding } = resolution;
  const written = [chain.root.text, ...chain.path].join('.');
  if (guardIn(ev, written, binding.scopeStart, use.startIndex, use)) return SAFE;
  const array = binding.param?.arrayCallback && binding.param.index === 0 ? binding.param.arrayOf : binding.loopPart === undefined ? binding.loopOf : undefined;
  return array && chain.path.length > 0 && checkedElements(ev, unwrap(array), chain.path, use) ? SAFE : undefined;
}

/**
 * `for (const d of list) { if (!v(d.id)) throw ... }` before `use`, in a block that holds it, over the same array
 * (a name never written after its declaration): every element's `path` passed the validator.
 */
function checkedElements(ev: StringEvaluator, array: Node, path: readonly string[], use: Node): boolean {
  if (array.type !== 'identifier') return false;
  const resolution = ev.scopes.resolve(array);
  const checked = `.${path.join('.')}`;
  if (!resolution || resolution.writes.length > 0 || !ev.negatedChecks.within((argument) => argument.endsWith(checked), resolution.binding.scopeStart, use.startIndex)) return false;
  const loop = new RegExp(`\\bfor\\s*\\(\\s*(?:const|let|var)\\s+([\\w$]+)\\s+of\\s+${escapeRegExp(array.text)}\\s*\\)`, 'g');
  for (const match of matchAllIn(loop, ev.text, resolution.binding.scopeStart, use.startIndex)) {
    const at = match.index;
    const nodes = ev.scopes.ancestry.pathTo(at, at + 3);
    const level = nodes.findIndex((n) => n.startIndex === at && n.type === 'for_in_statement');
    const holder = nodes[level - 1];
    const statement = nodes[level];
    const body = statement?.childForFieldName('body');
    if (level < 1 || !body || holder.startIndex > use.startIndex || holder.endIndex < use.endIndex || statement.endIndex > use.startIndex) continue;
    // the check must stand directly in the loop's body: nested in a branch, it may not run for every element
    if (guardIn(ev, [match[1], ...path].join('.'), body.startIndex, body.endIndex, body)) return true;
  }
  return false;
}
