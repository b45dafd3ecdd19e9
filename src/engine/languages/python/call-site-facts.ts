import type { Node } from '@vscode/tree-sitter-wasm';
import { LocalOrigins, argCode } from './local-origins';
import type { PyNodes } from './py-nodes';
import type { PyCallSite } from './python-facts';
import type { LineIndex } from '../../text';
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

/**
 * Method names of Python's own types and of `logging`, called far more often than any project method: their
 * calls are not read (a fifth of all calls in real projects), so a project function of one of these names has
 * callers out of sight, as without project facts.
 */
const UNREAD_METHOD_NAMES: ReadonlySet<string> = new Set([
  'get', 'append', 'join', 'format', 'split', 'pop', 'lower', 'upper', 'write', 'items', 'keys', 'values', 'encode', 'decode', 'update',
  'replace', 'startswith', 'endswith', 'strip', 'lstrip', 'rstrip', 'extend', 'insert', 'remove', 'setdefault', 'copy', 'add', 'discard',
  'read', 'close', 'group', 'match', 'search', 'sub', 'findall', 'compile', 'debug', 'info', 'warn', 'warning', 'error', 'exception', 'critical', 'log',
  'isdigit', 'count', 'index', 'find', 'rfind', 'splitlines', 'sort', 'dumps', 'loads', 'exists', 'rsplit', 'partition', 'title',
]);

/** Whether calls of a function or method of this name are left unread (so its callers are out of sight). */
export function callsUnread(name: string): boolean {
  return UNREAD_METHOD_NAMES.has(name) || BUILTINS.has(name);
}

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

/** A function's name, and whether it is a method (defined in a class body). */
function functionOf(fn: Node): { name: string; method: boolean } {
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  return { name: fn.childForFieldName('name')?.text ?? '', method: holder?.parent?.type === 'class_definition' };
}

export function readCallSites(root: Node, lines: LineIndex, found: PyNodes): { callSites: PyCallSite[]; handedOn: string[] } {
  const callSites: PyCallSite[] = [];
  const handedOn = new Set<string>();
  // one walk of the tree for both (document order: a function comes before the calls inside it)
  const nodes = found.below(root, ['function_definition', 'call']);
  const functions = nodes.filter((n) => n.type === 'function_definition');
  const scopes = new EnclosingFunctions(root, functions);
  for (const call of nodes) {
    if (callSites.length >= MAX_SITES) break;
    if (call.type !== 'call') continue;
    const called = call.childForFieldName('function');
    const list = call.childForFieldName('arguments');
    if (!called || list?.type !== 'argument_list') continue;
    const args = named(list);
    if (args.length === 0) continue;
    const calledType = called.type;
    const name = calledType === 'identifier' ? called.text : calledType === 'attribute' ? called.childForFieldName('attribute')?.text : undefined;
    const read = !!name && !(calledType === 'identifier' ? BUILTINS.has(name) : UNREAD_METHOD_NAMES.has(name));
    // `Db().upsert(...)`: a method of what an expression gives, known by its name only
    const callee = read ? dottedName(called) ?? (calledType === 'attribute' ? `*.${name}` : undefined) : undefined;
    const site: PyCallSite | undefined = callee ? { callee, line: lines.positionAt(call.startIndex).line, args: [] } : undefined;
    const origins = site && scopes.originsAt(call.startIndex);
    for (const arg of args) {
      const type = arg.type;
      if (type === 'list_splat' || type === 'dictionary_splat') {
        if (site) site.splat = true;
        continue;
      }
      const keyword = type === 'keyword_argument';
      const value = keyword ? arg.childForFieldName('value') : arg;
      if (!value) continue;
      const valueType = keyword ? value.type : type;
      if (valueType === 'identifier') handedOn.add(value.text);
      else if (valueType === 'attribute') {
        const attribute = value.childForFieldName('attribute');
        if (attribute) handedOn.add(attribute.text);
      }
      if (!site || !origins) continue;
      const code = argCode(origins.of(value));
      if (!keyword) site.args.push(code);
      else {
        const key = arg.childForFieldName('name');
        if (key) (site.kwargs ??= {})[key.text] = code;
      }
    }
    if (site && origins && [...site.args, ...Object.values(site.kwargs ?? {})].some((code) => code.includes('k'))) site.from = functionOf(origins.scope);
    if (site) callSites.push(site);
  }
  return { callSites, handedOn: [...handedOn] };
}
