import type { Node } from '@vscode/tree-sitter-wasm';
import { LocalOrigins, argCode } from './local-origins';
import type { PyArgCode, PyCallSite } from './python-facts';
import { dottedName, named } from './syntax';

/**
 * A Python file's calls with arguments, and what each argument holds as far as the calling function shows
 * (`local-origins.ts`), as small data for the project index: a function's callers in other files are then
 * read without parsing those files again. Also the names the file hands on as values (`callback=db.upsert`),
 * whose calls cannot be seen.
 */

const MAX_SITES = 4000;
/** Calls of builtins: never a project function. */
const BUILTINS = new Set(['print', 'len', 'str', 'int', 'float', 'bool', 'isinstance', 'hasattr', 'getattr', 'setattr', 'list', 'dict', 'set', 'tuple', 'range', 'enumerate', 'zip', 'sorted', 'min', 'max', 'sum', 'any', 'all', 'repr', 'type', 'super', 'open', 'map', 'filter', 'iter', 'next', 'round', 'abs', 'format']);

/** The innermost function holding an offset, from the file's functions in text order (ranges nest). */
class EnclosingFunctions {
  private readonly origins = new Map<number, LocalOrigins>();
  private readonly module: LocalOrigins;

  constructor(root: Node, private readonly functions: readonly Node[]) {
    this.module = new LocalOrigins(root);
  }

  originsAt(offset: number): LocalOrigins {
    let low = 0;
    let high = this.functions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.functions[mid].startIndex <= offset) low = mid + 1; else high = mid;
    }
    for (let i = low - 1; i >= 0; i--) {
      const fn = this.functions[i];
      if (fn.endIndex < offset) continue;
      let origins = this.origins.get(fn.id);
      if (!origins) {
        origins = new LocalOrigins(fn, this.module);
        this.origins.set(fn.id, origins);
      }
      return origins;
    }
    return this.module;
  }
}

/** The last name of a callee or a value handed on (`db.upsert` gives `upsert`). */
function lastName(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text;
  return undefined;
}

export function readCallSites(root: Node): { callSites: PyCallSite[]; handedOn: string[] } {
  const callSites: PyCallSite[] = [];
  const handedOn = new Set<string>();
  const functions = root.descendantsOfType('function_definition').filter((f): f is Node => !!f);
  const scopes = new EnclosingFunctions(root, functions);
  for (const call of root.descendantsOfType('call')) {
    if (!call || callSites.length >= MAX_SITES) break;
    const called = call.childForFieldName('function');
    const list = call.childForFieldName('arguments');
    if (!called || list?.type !== 'argument_list') continue;
    const args = named(list);
    if (args.length === 0) continue;
    const name = lastName(called);
    // `Db().upsert(...)`: a method of what an expression gives, known by its name only
    const callee = dottedName(called) ?? (called.type === 'attribute' && name ? `*.${name}` : undefined);
    for (const arg of args) {
      const value = arg.type === 'keyword_argument' ? arg.childForFieldName('value') : arg;
      const handed = value && lastName(value);
      if (handed) handedOn.add(handed);
    }
    if (!callee || (called.type === 'identifier' && BUILTINS.has(callee))) continue;
    const origins = scopes.originsAt(call.startIndex);
    const site: PyCallSite = { callee, line: call.startPosition.row, args: [] };
    const code = (node: Node): PyArgCode => argCode(origins.of(node));
    for (const arg of args) {
      if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') site.splat = true;
      else if (arg.type === 'keyword_argument') {
        const key = arg.childForFieldName('name');
        const value = arg.childForFieldName('value');
        if (key && value) (site.kwargs ??= {})[key.text] = code(value);
      } else site.args.push(code(arg));
    }
    callSites.push(site);
  }
  return { callSites, handedOn: [...handedOn] };
}
