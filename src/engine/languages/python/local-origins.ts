import type { Node } from '@vscode/tree-sitter-wasm';
import type { ValueOrigin } from '../../model/sql';
import { escapeRegExp } from '../../text';
import { requestOrigin } from './origins';
import type { PyArgCode, PyOriginCode } from './python-facts';
import { CONSTANT_NAME, named, plainStringValue, unwrapPy } from './syntax';

/**
 * Where a value a call passes comes from, read from the calling function's own code when the file is indexed
 * (the rule reads it later for the callee, in another file). Two origins per value: the value's, and that of
 * what iterating it gives — for a dict, its keys, which SQL built from column names uses (`for k in d`,
 * `", ".join(d.keys())`). A dict's keys are constant when every way the function puts a key in it spells
 * the key out: a dict literal's keys, `d["k"] = ...`, `d.update({"k": ...})`, `d.update(k=...)`,
 * `d.setdefault("k", ...)`; `pop`, `get` and reads change nothing. Keys copied from another dict have that
 * dict's key origin (`for k, v in other.items(): d[k] = v`), so keys of request data stay request data.
 * A name is found by searching the function's text for it, so only the places that name it are read.
 */

export interface ArgOrigins {
  readonly value: PyOriginCode;
  readonly items: PyOriginCode;
}

const RANK: readonly PyOriginCode[] = ['r', 'u', 'k', 's', 'c'];
const MAX_DEPTH = 6;
const CONSTANT: ArgOrigins = { value: 'c', items: 'c' };
const UNKNOWN: ArgOrigins = { value: 'u', items: 'u' };
const NO_MENTIONS: readonly number[] = [];

export function worseCode(a: PyOriginCode, b: PyOriginCode): PyOriginCode {
  return RANK.indexOf(a) <= RANK.indexOf(b) ? a : b;
}

function worse(a: ArgOrigins, b: ArgOrigins): ArgOrigins {
  return { value: worseCode(a.value, b.value), items: worseCode(a.items, b.items) };
}

function both(code: PyOriginCode): ArgOrigins {
  return { value: code, items: code };
}

export function argCode(o: ArgOrigins): PyArgCode {
  return `${o.value}${o.items}`;
}

/** The origin a code stands for in the shared model. */
export function originOfCode(code: PyOriginCode): ValueOrigin {
  return code === 'c' ? 'constant' : code === 's' ? 'stored' : code === 'r' ? 'request' : 'unknown';
}


function codeOfOrigin(origin: ValueOrigin): PyOriginCode {
  return origin === 'request' ? 'r' : origin === 'unknown' ? 'u' : origin === 'stored' ? 's' : 'c';
}

/** Calls whose result cannot carry SQL syntax. */
const NUMERIC_BUILTINS = new Set(['int', 'float', 'len', 'bool', 'round', 'abs', 'hash', 'id', 'ord']);
/** Calls that keep the items of what they are given. */
const ITEM_PRESERVING = new Set(['list', 'tuple', 'set', 'sorted', 'frozenset', 'reversed']);
/** Methods of a dict or list that add nothing to it. */
const READING_METHODS = new Set(['pop', 'get', 'keys', 'values', 'items', 'copy', 'clear', 'remove', 'discard', 'sort', 'index', 'count', 'popitem']);
/** Text after a name that shows a read: a call of it, a comparison, or a method that adds nothing to it. */
const READ_AFTER = /^\s*(?:\(|==|!=|\.(?!(?:update|setdefault|append|add|insert|extend)\b))/;
const PARAMETER_PARENTS = new Set(['parameters', 'lambda_parameters', 'typed_parameter', 'list_splat_pattern', 'dictionary_splat_pattern']);

/** The origins of values in one scope (a function, or the module): each name's, once. */
export class LocalOrigins {
  private readonly names = new Map<string, ArgOrigins>();
  /** The scope's words, each with where it stands (see `mentionsOf`). */
  private readonly mentions = new Map<string, number[]>();
  private readonly active = new Set<string>();
  private text: string | undefined;

  /** `outer`: the module's, for names a function does not bind. */
  constructor(readonly scope: Node, private readonly outer?: LocalOrigins) {}

  of(expression: Node, depth = 0): ArgOrigins {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const n = unwrapPy(expression);
    switch (n.type) {
      case 'integer': case 'float': case 'true': case 'false': case 'none': case 'comparison_operator': case 'not_operator':
        return CONSTANT;
      case 'string': case 'concatenated_string': {
        if (plainStringValue(n) !== undefined) return CONSTANT;
        const parts = n.descendantsOfType('interpolation').flatMap((i) => (i ? named(i).slice(0, 1) : []));
        return both(parts.reduce<PyOriginCode>((code, p) => worseCode(code, this.of(p, depth + 1).value), 'c'));
      }
      case 'identifier': return CONSTANT_NAME.test(n.text) ? CONSTANT : this.name(n.text, n.startIndex, depth);
      case 'attribute': case 'subscript': {
        const source = requestOrigin(n);
        if (source) return both(codeOfOrigin(source.origin));
        const last = n.type === 'attribute' ? n.childForFieldName('attribute')?.text ?? '' : '';
        return CONSTANT_NAME.test(last) ? CONSTANT : UNKNOWN;
      }
      case 'call': return this.call(n, depth);
      // a dict is never SQL text itself: only its keys are read
      case 'dictionary': return { value: 'u', items: this.itemsOf(named(n).map((pair) => (pair.type === 'pair' ? pair.childForFieldName('key') : pair)), depth) };
      case 'list': case 'tuple': case 'set': return both(this.itemsOf(named(n), depth));
      case 'list_comprehension': case 'set_comprehension': case 'generator_expression': {
        const body = n.childForFieldName('body');
        const item = body ? this.of(body, depth + 1).value : 'u';
        return { value: item, items: item };
      }
      case 'binary_operator': {
        const [left, right] = [n.childForFieldName('left'), n.childForFieldName('right')];
        if (!left || !right) return UNKNOWN;
        const operator = n.childForFieldName('operator')?.text;
        if (operator === '+' || operator === '%' || operator === '|') return worse(this.of(left, depth + 1), this.of(right, depth + 1));
        if (operator === '*') return this.of(left, depth + 1);
        return CONSTANT;
      }
      case 'conditional_expression': case 'boolean_operator': {
        const sides = n.type === 'conditional_expression' ? [named(n)[0], named(n)[2]] : [n.childForFieldName('left'), n.childForFieldName('right')];
        return sides.reduce<ArgOrigins>((o, side) => (side ? worse(o, this.of(side, depth + 1)) : UNKNOWN), CONSTANT);
      }
      default: return UNKNOWN;
    }
  }

  /** The origin of a dict's keys or a list's items: `**d` and `*l` add what iterating them gives. */
  private itemsOf(keys: readonly (Node | null)[], depth: number): PyOriginCode {
    let items: PyOriginCode = 'c';
    for (const key of keys) {
      if (!key) continue;
      const type = key.type;
      const inner = type === 'dictionary_splat' || type === 'list_splat' ? named(key)[0] : undefined;
      items = worseCode(items, inner ? this.of(inner, depth + 1).items : type === 'dictionary_splat' || type === 'list_splat' ? 'u' : this.of(key, depth + 1).value);
    }
    return items;
  }

  private call(call: Node, depth: number): ArgOrigins {
    const source = requestOrigin(call);
    if (source) return both(codeOfOrigin(source.origin));
    const fn = call.childForFieldName('function');
    const args = call.childForFieldName('arguments');
    const list = args?.type === 'argument_list' ? named(args) : [];
    const first = list[0];
    if (fn?.type === 'identifier') {
      if (NUMERIC_BUILTINS.has(fn.text)) return CONSTANT;
      if (fn.text === 'str' && first) return both(this.of(first, depth + 1).value);
      if (ITEM_PRESERVING.has(fn.text)) return first ? { value: 'u', items: this.of(first, depth + 1).items } : CONSTANT;
      if (fn.text === 'dict') return { value: 'u', items: this.addedKeys(list, depth) };
    }
    if (fn?.type === 'attribute') {
      const object = fn.childForFieldName('object');
      const method = fn.childForFieldName('attribute')?.text;
      if (object && (method === 'keys' || method === 'copy')) return { value: 'u', items: this.of(object, depth + 1).items };
    }
    return UNKNOWN;
  }

  /** The origin of the keys `dict(...)` or `d.update(...)` adds: keyword names are spelled out. */
  private addedKeys(args: readonly Node[], depth: number): PyOriginCode {
    let keys: PyOriginCode = 'c';
    for (const arg of args) {
      if (arg.type === 'keyword_argument') continue;
      const inner = arg.type === 'dictionary_splat' || arg.type === 'list_splat' ? named(arg)[0] : arg;
      keys = worseCode(keys, inner ? this.of(inner, depth + 1).items : 'u');
    }
    return keys;
  }

  /**
   * A name's origins where it is read (offset `at`): every place the scope binds it or adds to it, from the
   * last plain assignment that every path to the read goes through (`d = {...}` earlier in a block that holds
   * the read) on; the module's when the scope does not bind it.
   */
  private name(name: string, at: number, depth: number): ArgOrigins {
    const mentions = this.mentionsOf(name);
    const from = this.dominatingAssignment(name, mentions, at);
    const key = `${name}@${from}`;
    const known = this.names.get(key);
    if (known) return known;
    if (this.active.has(key)) return UNKNOWN;
    this.active.add(key);
    try {
      const found = this.bindings(name, mentions, from, depth) ?? this.outer?.name(name, this.outer.scope.endIndex, depth + 1) ?? UNKNOWN;
      this.names.set(key, found);
      return found;
    } finally {
      this.active.delete(key);
    }
  }

  /**
   * Where the scope's text names `name` (offsets in the file), found by text search alone: a word of the text
   * (a run of word characters) that is the name and does not follow a dot. The words are listed once per scope
   * (the module's scope is asked about many names, and its text is the whole file).
   */
  private mentionsOf(name: string): readonly number[] {
    this.text ??= this.scope.text;
    if (!/^\w+$/.test(name)) return this.searched(name);
    if (this.mentions.size === 0) {
      for (const match of this.text.matchAll(/\w+/g)) {
        if (match.index > 0 && this.text[match.index - 1] === '.') continue;
        const at = this.scope.startIndex + match.index;
        const list = this.mentions.get(match[0]);
        if (list) list.push(at);
        else this.mentions.set(match[0], [at]);
      }
    }
    return this.mentions.get(name) ?? NO_MENTIONS;
  }

  /** As `mentionsOf`, for a name with characters outside `\w` (a name in other scripts), by a search of its own. */
  private searched(name: string): number[] {
    const found: number[] = [];
    for (const match of this.text!.matchAll(new RegExp(`(?<![\\w.])${escapeRegExp(name)}(?!\\w)`, 'g'))) found.push(this.scope.startIndex + match.index);
    return found;
  }

  /** The identifier at a mention, when it is one of this scope's (for the module, outside its functions). */
  private identifierAt(name: string, at: number): Node | undefined {
    const id = this.scope.descendantForIndex(at, at + name.length);
    if (id?.type !== 'identifier' || id.text !== name || !id.parent || (this.outer === undefined && insideFunction(id, this.scope))) return undefined;
    return id;
  }

  /** What follows a mention in the text. */
  private after(name: string, at: number): string {
    const offset = at - this.scope.startIndex + name.length;
    return this.text!.slice(offset, offset + 24);
  }

  /**
   * The start of the last `name = ...` before `at` whose statement sits in a block that holds `at` (so every
   * path to the read passes it, loops aside: what the loop adds after the read is still counted), or 0.
   */
  private dominatingAssignment(name: string, mentions: readonly number[], at: number): number {
    for (let i = mentions.length - 1; i >= 0; i--) {
      if (mentions[i] >= at || !/^\s*=(?!=)/.test(this.after(name, mentions[i]))) continue;
      const id = this.identifierAt(name, mentions[i]);
      const assignment = id?.parent;
      if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.id !== id!.id) continue;
      const statement = assignment.parent;
      const block = statement?.type === 'expression_statement' ? statement.parent : null;
      if (block && statement!.endIndex <= at && block.startIndex <= at && at < block.endIndex) return mentions[i];
    }
    return 0;
  }

  /**
   * The origins of what binds a name from `from` on, and of what is added to it; `undefined` when nothing binds
   * it. Once both are unknown nothing can make them known again, so the rest is not read (request data found
   * later then reads as unknown, which is flagged all the same).
   */
  private bindings(name: string, mentions: readonly number[], from: number, depth: number): ArgOrigins | undefined {
    let value: PyOriginCode | undefined;
    let items: PyOriginCode = 'c';
    for (const at of mentions) {
      if (at < from) continue;
      if ((value === 'u' || value === 'r') && (items === 'u' || items === 'r')) break;
      // a call of it, or a method that only reads it: nothing to learn
      if (READ_AFTER.test(this.after(name, at))) continue;
      const id = this.identifierAt(name, at);
      const role = id ? this.roleOf(id, id.parent!, depth) : undefined;
      if (role === undefined) continue;
      if (role !== 'binds-unknown' && 'added' in role) {
        items = worseCode(items, role.added);
        continue;
      }
      const bound = role === 'binds-unknown' ? UNKNOWN : role;
      value = value === undefined ? bound.value : worseCode(value, bound.value);
      items = worseCode(items, bound.items);
    }
    return value === undefined ? undefined : { value, items };
  }

  /** What one mention of a name does to it: binds it (to what), adds keys or items to it, or nothing (a read). */
  private roleOf(id: Node, parent: Node, depth: number): ArgOrigins | { added: PyOriginCode } | 'binds-unknown' | undefined {
    const isField = (node: Node, field: string): boolean => node.childForFieldName(field)?.id === id.id;
    switch (parent.type) {
      case 'assignment': case 'augmented_assignment': {
        if (!isField(parent, 'left')) return undefined;
        const right = parent.childForFieldName('right');
        return right ? this.of(right, depth + 1) : undefined;
      }
      case 'default_parameter': case 'typed_default_parameter': return isField(parent, 'name') ? 'binds-unknown' : undefined;
      case 'for_statement': case 'for_in_clause': {
        if (!isField(parent, 'left')) return undefined;
        const right = parent.childForFieldName('right');
        return right ? both(this.of(right, depth + 1).items) : 'binds-unknown';
      }
      case 'pattern_list': case 'tuple_pattern': return this.unpacked(id, parent, depth);
      case 'subscript': {
        // `d["k"] = v`: a key added
        const holder = parent.parent;
        const index = parent.childForFieldName('subscript');
        if (!isField(parent, 'value') || !holder || !index || !(holder.type === 'assignment' || holder.type === 'augmented_assignment') || holder.childForFieldName('left')?.id !== parent.id) return undefined;
        return { added: this.of(index, depth + 1).value };
      }
      case 'attribute': return isField(parent, 'object') ? this.methodCall(parent, depth) : undefined;
      case 'named_expression': return isField(parent, 'name') ? (parent.childForFieldName('value') ? this.of(parent.childForFieldName('value')!, depth + 1) : 'binds-unknown') : undefined;
      // the function's own `**kwargs`: its keys are the keyword names its callers write
      case 'dictionary_splat_pattern': return parent.parent?.type === 'parameters' && parent.parent.parent?.id === this.scope.id ? { value: 'u', items: 'k' } : 'binds-unknown';
      case 'as_pattern_target': case 'global_statement': case 'nonlocal_statement': case 'aliased_import': case 'dotted_name': case 'list_pattern': case 'list_splat_pattern':
        return 'binds-unknown';
      default: return PARAMETER_PARENTS.has(parent.type) ? 'binds-unknown' : undefined;
    }
  }

  /** `for k, v in d.items():` binds `k` to d's keys; any other unpacking binds values of unknown origin. */
  private unpacked(id: Node, pattern: Node, depth: number): ArgOrigins | 'binds-unknown' {
    const loop = pattern.parent;
    const right = loop && (loop.type === 'for_statement' || loop.type === 'for_in_clause') && loop.childForFieldName('left')?.id === pattern.id ? loop.childForFieldName('right') : null;
    const fn = right?.type === 'call' ? right.childForFieldName('function') : null;
    if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'items' && named(pattern)[0]?.id === id.id) {
      const object = fn.childForFieldName('object');
      return object ? both(this.of(object, depth + 1).items) : 'binds-unknown';
    }
    return 'binds-unknown';
  }

  /** `d.update(...)`, `d.setdefault(k, ...)`, `l.append(x)`, ...: what a method call adds to the name. */
  private methodCall(attribute: Node, depth: number): { added: PyOriginCode } | undefined {
    const call = attribute.parent;
    const method = attribute.childForFieldName('attribute')?.text ?? '';
    if (call?.type !== 'call' || call.childForFieldName('function')?.id !== attribute.id || READING_METHODS.has(method)) return undefined;
    const args = call.childForFieldName('arguments');
    const list = args?.type === 'argument_list' ? named(args) : [];
    switch (method) {
      case 'update': return { added: this.addedKeys(list, depth) };
      case 'setdefault': case 'append': case 'add': return { added: list[0] ? this.of(list[0], depth + 1).value : 'c' };
      case 'insert': return { added: list[1] ? this.of(list[1], depth + 1).value : 'c' };
      case 'extend': return { added: list[0] ? this.of(list[0], depth + 1).items : 'c' };
      default: return undefined;
    }
  }
}

function insideFunction(node: Node, root: Node): boolean {
  for (let p = node.parent; p && p.id !== root.id; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda') return true;
  return false;
}
