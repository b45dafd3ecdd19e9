import type { FileFacts } from '../../project/facts';
import { callsUnread } from './call-site-facts';
import { PythonProject } from './modules';
import type { PyArgCode, PyCallSite, PyOriginCode, PyValue } from './python-facts';

/**
 * The callers Python functions have across the project's files, from the call sites each file's facts list
 * (`call-site-facts.ts`). A top-level function's callers are the calls that resolve to it through imports
 * (`from m import f`, `import m; m.f()`); a method's are every call of a method of its name on any object
 * (`x.upsert(...)`, `Db().upsert(...)`): a superset, since which class an object has is not followed, so a
 * caller is never missed. A function is out of sight when some file hands on a function or method of its
 * name as a value (`map(f, xs)`, `callback=db.upsert`, `handler = db.upsert`), or when a decorator other than
 * `staticmethod`/`classmethod` wraps it (a task, a route, a signal receiver is called where no call shows),
 * or when its name is one whose calls the facts leave unread (`get`, `update`: `callsUnread`).
 * Test files are not among the project's Python modules: their calls count neither way.
 */

/** A call in another file and what it passes for one parameter. */
export interface PyForeignArgument {
  readonly file: string;
  readonly site: PyCallSite;
  /** `undefined`: the call leaves the parameter out (it takes its default), or spreads `*args` (`spread`). */
  readonly arg?: PyArgCode;
  readonly spread: boolean;
}

/** The function being asked about, as its own file's syntax tells it. */
export interface PyCallee {
  readonly file: string;
  readonly name: string;
  /** Methods are called on an object: the first parameter (`self`) is not passed. */
  readonly method: boolean;
  /** The parameter by name, and where a positional argument for it stands in a call. */
  readonly param: { readonly name: string; readonly position: number };
}

const TRANSPARENT_DECORATORS = new Set(['staticmethod', 'classmethod']);

function namesIn(value: PyValue): string[] {
  if (value.kind === 'name') return [value.name.slice(value.name.lastIndexOf('.') + 1)];
  if (value.kind === 'list') return value.items.flatMap(namesIn);
  if (value.kind === 'dict') return value.entries.flatMap(([, v]) => namesIn(v));
  return [];
}

export class PythonCallers {
  private readonly project: PythonProject;
  /** Call sites by the callee's last name, with the file each is in. */
  private readonly byName = new Map<string, { file: string; site: PyCallSite }[]>();
  private readonly handedOn = new Set<string>();

  constructor(all: Iterable<FileFacts>) {
    this.project = new PythonProject(all);
    for (const [file, facts] of this.project.files) {
      for (const site of facts.callSites ?? []) {
        const name = site.callee.slice(site.callee.lastIndexOf('.') + 1);
        const list = this.byName.get(name);
        if (list) list.push({ file, site }); else this.byName.set(name, [{ file, site }]);
      }
      for (const name of facts.handedOn ?? []) this.handedOn.add(name);
      for (const assignment of facts.assignments) for (const name of namesIn(assignment.value)) this.handedOn.add(name);
    }
  }

  /**
   * What every call in other files than `callee.file` passes for the parameter, or `undefined` when the
   * function's callers are out of sight (or its file is not one of the project's Python modules).
   */
  argumentsFor(callee: PyCallee): PyForeignArgument[] | undefined {
    if (!this.inSight(callee.file, callee.name, callee.method)) return undefined;
    const calls = (this.byName.get(callee.name) ?? []).filter(({ file, site }) => file !== callee.file && this.reaches(file, site, callee));
    return calls.map(({ file, site }) => {
      const arg = site.kwargs?.[callee.param.name] ?? site.args[callee.param.position];
      return { file, site, arg, spread: !arg && !!site.splat };
    });
  }

  /**
   * The origin of the keys of a function's `**kwargs`: the keyword names its calls write (`c`) when every call,
   * in any file, is in sight and none spreads a dict into it; `u` otherwise.
   */
  keywordNamesOrigin(file: string, fn: { name: string; method: boolean }): PyOriginCode {
    if (!this.inSight(file, fn.name, fn.method)) return 'u';
    const callee: PyCallee = { file, name: fn.name, method: fn.method, param: { name: '', position: -1 } };
    const calls = (this.byName.get(fn.name) ?? []).filter(({ file: from, site }) => this.reaches(from, site, callee));
    return calls.length > 0 && calls.every(({ site }) => !site.splat) ? 'c' : 'u';
  }

  /** Whether every call of a function can be seen: it is defined in the file, not wrapped by a decorator, never handed on, and its name's calls are read. */
  private inSight(file: string, name: string, method: boolean): boolean {
    const facts = this.project.files.get(file);
    if (!facts || this.handedOn.has(name) || callsUnread(name)) return false;
    const fn = facts.functions.find((f) => f.name === name && !f.nested && !!f.className === method);
    return !!fn && fn.decorators.every((d) => TRANSPARENT_DECORATORS.has(d.name));
  }

  /**
   * Whether a call can be one of the function: any call of a method's name with a receiver; for a plain
   * function, a call that resolves to it through imports, as Python's names reach it.
   */
  private reaches(file: string, site: PyCallSite, callee: PyCallee): boolean {
    if (callee.method) return site.callee.includes('.');
    const target = this.project.resolve(file, site.callee);
    return target?.kind === 'function' && target.file === callee.file && target.fn.name === callee.name;
  }
}
