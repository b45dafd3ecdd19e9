/**
 * One copy of each distinct string in many files' facts. Facts repeat the same names over and over (a
 * `req`, a `router`, a module path imported by every file, the same callee in every call site), and each
 * occurrence read from a tree, or received from another thread, is a string of its own: replacing each by
 * the first equal one met keeps about a seventh less in memory on a large project, and changes nothing
 * that can be read from the facts.
 *
 * Empty arrays are shared the same way: most lists in facts are empty (a function's returns, a value's
 * path, a file's Nest guards), and each empty array is an object of its own (about a fifth of all objects in
 * a large project's facts). They are replaced by one frozen empty array, so that code that would add to a list
 * of the facts fails where it does so, instead of changing every file's facts at once.
 *
 * Short lists of names and the roots of values are shared the same way, by what they hold: a function's
 * parameters (`['req', 'res', 'next']`), a value's path (`['query']`), where a value comes from
 * (`{ kind: 'import', index: 2 }`). Each repeats across many files, and each copy is an object of its own
 * (a list with its elements' store is about 64 bytes, a root about 40). They are frozen too. Values themselves
 * (a root with its path) are shared only within their file (each `share` call), and only those whose root and
 * path are shared: the value resolver remembers what each one resolves to, by identity, and the same value
 * means something else in another file.
 *
 * Lists built by extraction are replaced by exact copies: a list built by `push` keeps room for more (17
 * elements after its first push, 8 bytes each), about 6 MB of a thread's 90 MB of facts at 16,000 files.
 *
 * The table lives as long as its owner (one scan); the extension's index, which lives for the session, does
 * not use one.
 */
const EMPTY: readonly never[] = Object.freeze([]);

/** Lists of names up to this long are shared: longer ones (a file's member names) seldom repeat, and their keys would cost what they spare. */
const MAX_SHARED_LIST = 4;

/** A file's values, by their root and then their path (both shared objects, so compared by identity). */
type FileValues = Map<object, Map<object, object>>;

export class SharedStrings {
  private readonly table = new Map<string, string>();
  /** Shared lists of names and roots of values, by a key made of what they hold (see `listKey`, `rootKey`). */
  private readonly shapes = new Map<string, object>();

  /**
   * Replaces, in place, every string held by `value` (objects and arrays, all the way down) by its shared copy,
   * every empty array by the shared frozen one, short lists of names and roots of values by their shared frozen
   * copies, and values equal to one met before in the same call by that one. A string the table meets first is
   * copied (see `ownCopy`), unless the value was `parsed` from JSON: its strings are then of their own already.
   */
  share<T>(value: T, parsed = false): T {
    if (value !== null && typeof value === 'object') this.shareIn(value as Record<string, unknown>, parsed, new Map());
    return value;
  }

  /** Lists are walked by index: `for...in` would hand over each index as a string, which V8 reads back more slowly. */
  private shareIn(holder: Record<string, unknown> | unknown[], parsed: boolean, values: FileValues): void {
    if (Array.isArray(holder)) {
      for (let i = 0; i < holder.length; i += 1) this.shareAt(holder as unknown as Record<number, unknown>, i, parsed, values);
    } else {
      for (const key in holder) this.shareAt(holder, key, parsed, values);
    }
  }

  /** Shares what `holder[key]` holds (see `share`). */
  private shareAt(holder: Record<string | number, unknown>, key: string | number, parsed: boolean, values: FileValues): void {
    const value = holder[key];
    if (typeof value === 'string') {
      // (`===` compares strings by their characters, so the copy is put back whether or not it is the same one)
      let shared = this.table.get(value);
      if (shared === undefined) {
        shared = parsed ? value : ownCopy(value);
        this.table.set(shared, shared);
      }
      holder[key] = shared;
    } else if (Array.isArray(value)) {
      if (value.length === 0) {
        if ((value as unknown) !== EMPTY) holder[key] = EMPTY;
        return;
      }
      // (a frozen one is shared already, its strings with it)
      if (Object.isFrozen(value)) return;
      this.shareIn(value, parsed, values);
      // A list built by `push` has room for more: 17 elements after its first push, 8 bytes each. Its exact copy
      // frees that room (lists parsed from JSON are exact already).
      const list = parsed ? value : value.slice();
      const shapeKey = listKey(list);
      holder[key] = shapeKey === undefined ? list : this.shape(shapeKey, list, sameList);
    } else if (value !== null && typeof value === 'object') {
      if (Object.isFrozen(value)) return;
      const object = value as Record<string, unknown>;
      this.shareIn(object, parsed, values);
      const shapeKey = rootKey(object);
      if (shapeKey !== undefined) holder[key] = this.shape(shapeKey, object, sameRoot);
      else if (isValue(object)) holder[key] = sharedValue(values, object as { root: object; path: object });
    }
  }

  /** The shared frozen copy of `value`, by `key`; `value` itself when it is the first, or when another holds that key (`same` tells). */
  private shape<T extends object>(key: string, value: T, same: (a: T, b: T) => boolean): T {
    const shared = this.shapes.get(key) as T | undefined;
    if (shared === undefined) {
      this.shapes.set(key, Object.freeze(value));
      return value;
    }
    return same(shared, value) ? shared : value;
  }
}

/**
 * `text` as a string of its own. A name or a snippet read from a file is cut from the file's text, and V8 makes
 * a cut of 13 characters or more a view into the whole text, which then stays in memory as long as the cut does:
 * at 16,000 files, the facts kept about 9 MB of file texts that way. `JSON.parse` makes a new string of what it
 * reads, and gives back any string `JSON.stringify` wrote exactly.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * Replaces, in place, every string held by `value` (objects and arrays, all the way down) by a copy of its own
 * (see `ownCopy`), for facts kept without a table: the editor's index, which lives for the session, would
 * otherwise keep the text of every file it indexed.
 */
export function ownStrings<T>(value: T): T {
  if (value !== null && typeof value === 'object') ownStringsIn(value as Record<string, unknown>);
  return value;
}

function ownStringsIn(holder: Record<string, unknown>): void {
  for (const key in holder) {
    const value = holder[key];
    if (typeof value === 'string') holder[key] = ownCopy(value);
    else if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) ownStringsIn(value as Record<string, unknown>);
  }
}

/** For a list of at most `MAX_SHARED_LIST` strings, a key made of them (checked on a hit: a name may hold the separator). */
function listKey(list: readonly unknown[]): string | undefined {
  if (list.length > MAX_SHARED_LIST) return undefined;
  let key = '[';
  for (const item of list) {
    if (typeof item !== 'string') return undefined;
    key += `${item}\u0000`;
  }
  return key;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * For where a value comes from, when that holds nothing but numbers (`{ kind: 'import', index: 2 }`, `{ kind:
 * 'param', fn: 0, index: 1 }`, `{ kind: 'unknown' }`; see `ValueRoot`): a `kind` and at most two numbers, a key.
 */
function rootKey(value: Record<string, unknown>): string | undefined {
  if (typeof value.kind !== 'string') return undefined;
  let key = '{';
  let fields = 0;
  for (const name in value) {
    const field = value[name];
    fields += 1;
    if (fields > 3 || (name !== 'kind' && typeof field !== 'number')) return undefined;
    key += `${name}:${field as string | number},`;
  }
  return key;
}

function sameRoot(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name]);
}

/** A value as a root and a path (see `ValueRef`). */
function isValue(value: Record<string, unknown>): boolean {
  let fields = 0;
  for (const key in value) {
    fields += 1;
    if (fields > 2 || (key !== 'root' && key !== 'path')) return false;
  }
  return fields === 2;
}

/**
 * The value of the file met before with the same root and path, or `value` (then frozen). Only values whose root
 * and path are shared themselves (so equal ones are the same objects) are looked up: others are left as they are.
 */
function sharedValue(values: FileValues, value: { root: object; path: object }): object {
  if (!Object.isFrozen(value.root) || !Object.isFrozen(value.path)) return value;
  let byPath = values.get(value.root);
  if (!byPath) values.set(value.root, (byPath = new Map()));
  const shared = byPath.get(value.path);
  if (shared) return shared;
  byPath.set(value.path, Object.freeze(value));
  return value;
}
