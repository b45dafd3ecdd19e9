import type { PyFunction } from '../languages/python/python-facts';
import type { PySymbol, PythonProject } from '../languages/python/modules';
import type { HandlerShape } from '../model/routes';

/**
 * A route handler's shape with the project code it calls: a view that calls `set_config(...)` writes what
 * that function writes. Library calls count by the patterns of the view's own text (an ORM manager, a
 * database session), since their code is not in the project.
 */

const MAX_DEPTH = 3;
const MAX_VISITS = 60;

/** `<uuid:code>` (Django, Flask), `{code:uuid}` (Starlette): parameters that are random identifiers. */
const UUID_PARAM = /<uuid:(\w+)>|\{(\w+):uuid\}/g;

/** Python's built-in functions: calling one reads and writes nothing stored. */
const BUILTINS: ReadonlySet<string> = new Set(['len', 'str', 'int', 'float', 'bool', 'list', 'dict', 'set', 'tuple', 'frozenset', 'isinstance', 'issubclass', 'getattr', 'hasattr', 'range', 'enumerate', 'zip', 'sorted', 'reversed', 'min', 'max', 'sum', 'any', 'all', 'print', 'repr', 'abs', 'round', 'map', 'filter', 'iter', 'next', 'type', 'super', 'format', 'bytes', 'divmod', 'hash', 'id', 'chr', 'ord', 'callable', 'vars']);

interface DataUse {
  reads: boolean;
  writes: boolean;
}

/** `self.helper(...)` in a class view: the class's own method, when it defines it. */
function ownMethod(project: PythonProject, file: string, className: string, name: string): PySymbol | undefined {
  const fn = project.files.get(file)?.functions.find((f) => f.className === className && f.name === name);
  return fn ? { kind: 'function', file, fn } : undefined;
}

/**
 * What a call reaches: `self.helper()` the class's own method, `Model.method()` that method of the project class
 * (never the whole class's code), `Form(...)` the class's own `__init__`, a project function.
 */
function calledSymbol(project: PythonProject, file: string, fn: PyFunction, name: string): PySymbol | undefined {
  if (name.startsWith('self.')) return fn.className ? ownMethod(project, file, fn.className, name.slice(5)) : undefined;
  const symbol = project.resolve(file, name);
  const last = name.split('.').pop() ?? name;
  if (symbol?.kind === 'class' && symbol.cls.name !== last) return ownMethod(project, symbol.file, symbol.cls.name, last);
  // building an object runs its class's `__init__`, not its other methods (a form's lookups run when they are called);
  // with no `__init__` of its own only its bases' run (a library's, or one this follows no further): the class stands
  if (symbol?.kind === 'class') return ownMethod(project, symbol.file, symbol.cls.name, '__init__') ?? symbol;
  return symbol;
}

function followCalls(project: PythonProject, file: string, fn: PyFunction, depth: number, seen: Set<PyFunction>): DataUse {
  const use: DataUse = { reads: fn.shape.readsStoredData, writes: fn.shape.writesStoredData };
  if (depth >= MAX_DEPTH) return use;
  for (const name of fn.shape.calls) {
    if (use.reads && use.writes) break;
    if (seen.size >= MAX_VISITS) break;
    const symbol = calledSymbol(project, file, fn, name);
    // A name the project neither defines nor imports (a star import, a global set elsewhere): its code is unknown.
    if (!symbol && !name.includes('.') && !BUILTINS.has(name)) use.writes = true;
    if (symbol?.kind !== 'function' || seen.has(symbol.fn)) continue;
    seen.add(symbol.fn);
    const inner = followCalls(project, symbol.file, symbol.fn, depth + 1, seen);
    use.reads ||= inner.reads;
    use.writes ||= inner.writes;
  }
  return use;
}

/** The shape of one answering function, with the project code it calls. */
export function functionShape(project: PythonProject, file: string, fn: PyFunction): HandlerShape {
  const use = followCalls(project, file, fn, 0, new Set([fn]));
  return {
    onlyRedirects: fn.shape.onlyRedirects, answers: fn.shape.answers, readsStoredData: use.reads, writesStoredData: use.writes,
    gates: fn.shape.gates, verifiesSignature: fn.shape.verifiesSignature,
  };
}

/** The shape of several answering methods together: what every one does, and the data any one touches. */
export function mergeShapes(shapes: readonly HandlerShape[]): HandlerShape {
  return {
    onlyRedirects: shapes.every((s) => s.onlyRedirects),
    answers: shapes.every((s) => s.answers),
    readsStoredData: shapes.some((s) => s.readsStoredData),
    writesStoredData: shapes.some((s) => s.writesStoredData),
    gates: shapes.every((s) => s.gates.length) ? shapes.flatMap((s) => s.gates) : [],
    verifiesSignature: shapes.every((s) => s.verifiesSignature),
  };
}

/**
 * The functions that answer a view's requests: the function itself, or the methods of a class view, when the
 * class defines every method it answers (an inherited one is not read, so the class gets no shape).
 */
export function answeringFunctions(project: PythonProject, view: { kind: 'function'; fn: PyFunction } | { kind: 'class'; file: string; cls: { name: string } }, methods: readonly string[]): PyFunction[] {
  if (view.kind === 'function') return [view.fn];
  const own = project.files.get(view.file)?.functions.filter((f) => f.className === view.cls.name) ?? [];
  const answering = methods.map((m) => own.find((f) => f.name === m));
  return answering.every((f) => f !== undefined) ? answering as PyFunction[] : [];
}

/** The parameters of a raw route path typed as UUIDs, and those a FastAPI handler annotates as `UUID`. */
export function unguessableParams(rawPath: string, fn?: PyFunction): string[] | undefined {
  const names = [...rawPath.matchAll(UUID_PARAM)].map((m) => m[1] ?? m[2]);
  for (const param of fn?.params ?? []) {
    const annotation = param.annotation?.kind === 'name' ? param.annotation.name : undefined;
    if (annotation && /(?:^|\.)UUID$/.test(annotation) && (rawPath.includes(`{${param.name}}`) || rawPath.includes(`<${param.name}>`))) names.push(param.name);
  }
  return names.length ? names : undefined;
}
