import type { ArgFact, FileFacts, FunctionFact, ValueRef } from './facts';
import { isPassThroughPackage } from './pass-through';

/** The files a model reasons over, and how their imports resolve. */
export interface FileSet {
  readonly files: ReadonlyMap<string, FileFacts>;
  resolveImport(fromFile: string, specifier: string): string | undefined;
}

/** A value followed across files to where it comes from. */
export type Resolved =
  /** An app or router, `key` = `<file>#<object index>`; `path` are property reads and calls after it. */
  | { kind: 'object'; key: string; path: string[] }
  /** A function; `wrapper` names the package call around it (`fp` from fastify-plugin), if any. */
  | { kind: 'function'; file: string; index: number; path: string[]; wrapper?: string }
  | { kind: 'param'; file: string; fn: number; index: number; path: string[] }
  /** A value from an npm package: `{ name: 'helmet', path: ['hsts', '()'] }` for `helmet.hsts()`. */
  | { kind: 'package'; name: string; path: string[] }
  /** An array literal; its items are refs of `file`. */
  | { kind: 'array'; file: string; items: ValueRef[]; strings?: string[] }
  | { kind: 'unknown' };

const UNKNOWN: Resolved = { kind: 'unknown' };
const MAX_DEPTH = 24;

export function objectKey(file: string, index: number): string {
  return `${file}#${index}`;
}

export function paramKey(file: string, fn: number, index: number): string {
  return `${file}#fn${fn}:${index}`;
}

function withPath(ref: ValueRef, path: readonly string[]): ValueRef {
  return path.length ? { root: ref.root, path: [...ref.path, ...path] } : ref;
}

/**
 * Follows values through imports, exports (CommonJS and ESM, re-exports, object literals), factory calls
 * and wrapper calls. Results for the facts' own value objects are memoised per resolver.
 */
export class ValueResolver {
  private readonly memo = new WeakMap<ValueRef, Resolved>();

  constructor(private readonly set: FileSet) {}

  resolve(file: string, ref: ValueRef): Resolved {
    let result = this.memo.get(ref);
    if (!result) {
      result = this.resolveAt(file, ref, 0);
      this.memo.set(ref, result);
    }
    return result;
  }

  /** What `name` exported by the file a specifier written in `fromFile` refers to is, followed by `path`. */
  resolveImported(fromFile: string, source: string, name: string, path: readonly string[]): Resolved {
    const target = this.set.resolveImport(fromFile, source);
    if (!target) return UNKNOWN;
    return this.lookupExport(target, name, path, 0);
  }

  /** The function an argument denotes (inline, referenced, or wrapped: `catchAsync(async (req, res) => ...)`). */
  functionOf(file: string, arg: ArgFact): { file: string; fact: FunctionFact } | undefined {
    let resolved: Resolved = UNKNOWN;
    if (arg.kind === 'function') resolved = { kind: 'function', file, index: arg.index, path: [] };
    else if (arg.kind === 'ref') resolved = this.resolve(file, arg.ref);
    else if (arg.kind === 'call') resolved = this.resolve(file, arg.result);
    if (resolved.kind !== 'function' || resolved.path.length) return undefined;
    const fact = this.set.files.get(resolved.file)?.functions[resolved.index];
    return fact ? { file: resolved.file, fact } : undefined;
  }

  private resolveAt(file: string, ref: ValueRef, depth: number): Resolved {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const facts = this.set.files.get(file);
    if (!facts) return UNKNOWN;
    const root = ref.root;
    switch (root.kind) {
      case 'object':
        return { kind: 'object', key: objectKey(file, root.index), path: ref.path };
      case 'param':
        return { kind: 'param', file, fn: root.fn, index: root.index, path: ref.path };
      case 'function':
        return this.applyPath({ kind: 'function', file, index: root.index, path: [] }, ref.path, depth);
      case 'import': {
        const imported = facts.imports[root.index];
        if (!imported) return UNKNOWN;
        const target = this.set.resolveImport(file, imported.source);
        if (!target) {
          const member = imported.name === '=' || imported.name === 'default' || imported.name === '*' ? [] : [imported.name];
          return { kind: 'package', name: imported.source, path: [...member, ...ref.path] };
        }
        return this.lookupExport(target, imported.name, ref.path, depth + 1);
      }
      case 'call': {
        if (root.fnArg !== undefined) {
          const callee = this.resolveAt(file, root.callee, depth + 1);
          const wrapper = callee.kind === 'package' ? callee.name : undefined;
          return this.applyPath({ kind: 'function', file, index: root.fnArg, path: [], wrapper }, ref.path, depth);
        }
        const callee = this.resolveAt(file, root.callee, depth + 1);
        if (root.passed !== undefined && this.passesThrough(callee)) return this.applyPath({ kind: 'function', file, index: root.passed, path: [] }, ref.path, depth);
        return this.applyPath(callee, ['()', ...ref.path], depth);
      }
      case 'array': {
        if (!ref.path.length) return { kind: 'array', file, items: root.items, ...(root.strings ? { strings: root.strings } : {}) };
        const [first, ...rest] = ref.path;
        const item = /^\d+$/.test(first) ? root.items[Number(first)] : undefined;
        return item ? this.resolveAt(file, withPath(item, rest), depth + 1) : UNKNOWN;
      }
      case 'literal': {
        const [first, ...rest] = ref.path;
        if (first === undefined) return UNKNOWN;
        // own properties only: a path may name `constructor` or `toString`
        const prop = Object.hasOwn(root.props, first) ? root.props[first] : undefined;
        if (prop) return this.resolveAt(file, withPath(prop, rest), depth + 1);
        // `{ ...helpers, x }`: a property not written in place may come from what is spread, the last one first
        for (const spread of [...(root.spreads ?? [])].reverse()) {
          const found = this.resolveAt(file, withPath(spread, ref.path), depth + 1);
          if (found.kind !== 'unknown') return found;
        }
        return UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  /** A package wrapper or project function that returns a function calling its first argument with the same arguments. */
  private passesThrough(callee: Resolved): boolean {
    if (callee.kind === 'package') return isPassThroughPackage(callee.name, callee.path);
    return callee.kind === 'function' && callee.path.length === 0 && this.set.files.get(callee.file)?.functions[callee.index]?.forwards === true;
  }

  /** Applies property reads and calls to a resolved value; calling a known function yields what it returns. */
  private applyPath(value: Resolved, path: readonly string[], depth: number): Resolved {
    let current = value;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      if (current.kind === 'unknown' || current.kind === 'array') return UNKNOWN;
      if (current.kind === 'function' && current.path.length === 0) {
        // what the call returns, read with the rest of the path (a returned object literal: `return { helper }`)
        return segment === '()' ? this.returnOf(current.file, current.index, path.slice(i + 1), depth + 1) : UNKNOWN;
      }
      current = { ...current, path: [...current.path, segment] } as Resolved;
    }
    return current;
  }

  private returnOf(file: string, index: number, path: readonly string[], depth: number): Resolved {
    const fact = this.set.files.get(file)?.functions[index];
    for (const ref of fact?.returns ?? []) {
      const resolved = this.resolveAt(file, withPath(ref, path), depth + 1);
      if (resolved.kind !== 'unknown') return resolved;
    }
    return UNKNOWN;
  }

  private lookupExport(target: string, name: string, path: readonly string[], depth: number): Resolved {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const facts = this.set.files.get(target);
    if (!facts) return UNKNOWN;
    const exports = facts.exports;
    const [first, ...rest] = path;
    switch (name) {
      case '=':
        if (exports['=']) return this.resolveAt(target, withPath(exports['='], path), depth + 1);
        if (first !== undefined && first !== '()') return this.lookupExport(target, first, rest, depth + 1);
        return exports.default ? this.resolveAt(target, withPath(exports.default, path), depth + 1) : UNKNOWN;
      case 'default': {
        const value = exports.default ?? exports['='];
        return value ? this.resolveAt(target, withPath(value, path), depth + 1) : UNKNOWN;
      }
      case '*':
        return first !== undefined ? this.lookupExport(target, first, rest, depth + 1) : UNKNOWN;
      default: {
        if (Object.hasOwn(exports, name)) return this.resolveAt(target, withPath(exports[name], path), depth + 1);
        if (exports['=']) return this.resolveAt(target, withPath(exports['='], [name, ...path]), depth + 1);
        for (const source of facts.reexportAll) {
          const next = this.set.resolveImport(target, source);
          const found = next ? this.lookupExport(next, name, path, depth + 1) : UNKNOWN;
          if (found.kind !== 'unknown') return found;
        }
        return UNKNOWN;
      }
    }
  }
}
