import path = require('path');
import type { FileFacts } from '../../project/facts';
import type { PyAssignment, PyClass, PyFunction, PythonFileFacts } from './python-facts';
import { classCode } from './class-code';

/** What a Python name refers to, across the project's files. */
export type PySymbol =
  | { kind: 'function'; file: string; fn: PyFunction }
  | { kind: 'class'; file: string; cls: PyClass }
  | { kind: 'assignment'; file: string; assignment: PyAssignment }
  | { kind: 'module'; file: string }
  /** Imported from a module outside the project (`flask_login.login_required`). */
  | { kind: 'external'; module: string; name: string };

const MAX_HOPS = 8;

/**
 * The project's Python files and the modules they name: resolves a dotted name used in one file to the
 * function, class, assignment or module it refers to, following `import` and `from ... import` (relative
 * ones too) across files, as Python would, without running anything.
 */
export class PythonProject {
  /** Python files by absolute name. */
  readonly files = new Map<string, PythonFileFacts>();
  /** Files by every dotted module name their path can be imported as (`app.views`, `views`). */
  private readonly modules = new Map<string, string[]>();

  constructor(all: Iterable<FileFacts>) {
    for (const facts of all) {
      // Files without facts (an empty `__init__.py`) are still modules that imports go through.
      if (facts.languageId !== 'python' || facts.isTest) continue;
      this.files.set(facts.fileName, facts.python ?? { publicMarks: {}, imports: [], functions: [], classes: [], assignments: [], calls: [] });
      const parts = facts.fileName.replace(/\.py$/, '').split(/[\\/]/).filter(Boolean);
      if (parts[parts.length - 1] === '__init__') parts.pop();
      for (let i = parts.length - 1; i >= 0 && i >= parts.length - 6; i--) {
        const key = parts.slice(i).join('.');
        const list = this.modules.get(key);
        if (list) list.push(facts.fileName); else this.modules.set(key, [facts.fileName]);
      }
    }
  }

  /** The source of `cls`, a class of `file`, as far as the facts keep it (see `classCode`). */
  classCode(file: string, cls: PyClass): string {
    const facts = this.files.get(file);
    return facts ? classCode(facts, cls) : '';
  }

  /** The file a module name written in `fromFile` refers to (`.views`, `..auth`, `app.views`). */
  moduleFile(fromFile: string, module: string): string | undefined {
    const dots = /^\.*/.exec(module)![0].length;
    if (dots) {
      let dir = path.dirname(fromFile);
      for (let i = 1; i < dots; i++) dir = path.dirname(dir);
      const rest = module.slice(dots).split('.').filter(Boolean);
      const base = path.join(dir, ...rest);
      return [`${base}.py`, path.join(base, '__init__.py')].find((f) => this.files.has(f));
    }
    const candidates = this.modules.get(module);
    if (!candidates?.length) return undefined;
    if (candidates.length === 1) return candidates[0];
    // Several files end in the same module path: the one nearest the importing file.
    const common = (f: string) => { let i = 0; while (i < f.length && f[i] === fromFile[i]) i++; return i; };
    return [...candidates].sort((a, b) => common(b) - common(a) || a.length - b.length)[0];
  }

  /** What `name` (dotted) means in `file`. */
  resolve(file: string, name: string, hops = 0): PySymbol | undefined {
    const facts = this.files.get(file);
    if (!facts || hops > MAX_HOPS) return undefined;
    const [head, ...rest] = name.split('.');
    const local = this.definedIn(file, facts, head);
    if (local) return rest.length ? this.member(local, rest, hops) : local;
    for (const imp of facts.imports) {
      if (imp.name === undefined) {
        // `import a.b as c` binds c to a.b; `import a.b` binds a, and `a.b.x` reads x of a.b.
        if (imp.alias !== head) continue;
        const full = imp.module.split('.')[0] === imp.alias ? name : [imp.module, ...rest].join('.');
        return this.resolveAbsolute(file, full, hops);
      }
      if (imp.alias === head) {
        const target = this.exported(file, imp.module, imp.name, hops);
        return target && rest.length ? this.member(target, rest, hops) : target;
      }
    }
    for (const imp of facts.imports) {
      if (imp.name !== '*') continue;
      const moduleFile = this.moduleFile(file, imp.module);
      const found = moduleFile && this.starExports(moduleFile, head) && this.resolve(moduleFile, name, hops + 1);
      if (found && found.kind !== 'external') return found;
    }
    return undefined;
  }

  /**
   * Whether `from module import *` binds `name`: the names its `__all__` lists (every `=` and `+=` of it at
   * module level), or without one, every name not starting with an underscore.
   */
  private starExports(moduleFile: string, name: string): boolean {
    const all = this.assignmentsOf(moduleFile, '__all__').filter((a) => !a.inFunction);
    if (!all.length) return !name.startsWith('_');
    return all.some((a) => a.value.kind !== 'list' || a.value.items.some((i) => i.kind !== 'string' || i.value === name));
  }

  /** `a.b.c.x` read as the longest module prefix, then names inside it. */
  private resolveAbsolute(file: string, full: string, hops: number): PySymbol | undefined {
    const parts = full.split('.');
    for (let i = parts.length; i > 0; i--) {
      const moduleFile = this.moduleFile(file, parts.slice(0, i).join('.'));
      if (!moduleFile) continue;
      const module: PySymbol = { kind: 'module', file: moduleFile };
      return i === parts.length ? module : this.member(module, parts.slice(i), hops);
    }
    return { kind: 'external', module: parts.slice(0, -1).join('.') || parts[0], name: parts[parts.length - 1] };
  }

  /** `name` as module `module` (written in `fromFile`) exports it. */
  private exported(fromFile: string, module: string, name: string | undefined, hops: number): PySymbol | undefined {
    const moduleFile = this.moduleFile(fromFile, module);
    if (!moduleFile) {
      // A package without `__init__.py` (a namespace package, or `from . import views` in a bare folder).
      const sub = name && this.moduleFile(fromFile, module.endsWith('.') ? `${module}${name}` : `${module}.${name}`);
      return sub ? { kind: 'module', file: sub } : { kind: 'external', module, name: name ?? '' };
    }
    if (!name) return { kind: 'module', file: moduleFile };
    return this.resolve(moduleFile, name, hops + 1) ?? this.submodule(moduleFile, module, name, fromFile);
  }

  private submodule(moduleFile: string, module: string, name: string, fromFile: string): PySymbol | undefined {
    const sub = this.moduleFile(fromFile, module.endsWith('.') ? `${module}${name}` : `${module}.${name}`)
      ?? [path.join(path.dirname(moduleFile), `${name}.py`), path.join(path.dirname(moduleFile), name, '__init__.py')].find((f) => this.files.has(f));
    return sub ? { kind: 'module', file: sub } : undefined;
  }

  private member(symbol: PySymbol, rest: string[], hops: number): PySymbol | undefined {
    if (symbol.kind === 'module') {
      return this.resolve(symbol.file, rest.join('.'), hops + 1) ?? this.submodule(symbol.file, '', rest[0], symbol.file);
    }
    if (symbol.kind === 'external') return { kind: 'external', module: `${symbol.module}.${symbol.name}`, name: rest.join('.') };
    return undefined;
  }

  /** A top-level function or class, or the last assignment of a name, in one file. */
  private definedIn(file: string, facts: PythonFileFacts, name: string): PySymbol | undefined {
    const fn = facts.functions.find((f) => f.name === name && !f.nested && !f.className);
    if (fn) return { kind: 'function', file, fn };
    const cls = facts.classes.find((c) => c.name === name);
    if (cls) return { kind: 'class', file, cls };
    const assignments = facts.assignments.filter((a) => a.target === name && !a.augmented);
    const assignment = assignments.find((a) => !a.inFunction) ?? assignments[0];
    return assignment ? { kind: 'assignment', file, assignment } : undefined;
  }

  /** Every module-level and function-level assignment of a name in one file (`urlpatterns`, `urlpatterns +=`). */
  assignmentsOf(file: string, name: string): PyAssignment[] {
    return this.files.get(file)?.assignments.filter((a) => a.target === name) ?? [];
  }
}
