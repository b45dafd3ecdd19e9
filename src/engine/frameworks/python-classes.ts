import type { PyClass, PyFunction } from '../languages/python/python-facts';
import type { PythonProject } from '../languages/python/modules';

/** A link of a class's inheritance: a project class (with its facts) or a library base known only by name. */
export interface ClassLink { file: string; cls?: PyClass; name: string }

const MAX_LINKS = 24;
const MAX_DEPTH = 12;

function keyOf(link: ClassLink): string {
  return link.cls ? `${link.file}#${link.cls.name}` : `lib:${link.name}`;
}

/**
 * Python's C3 merge: repeatedly take the first head that appears in no other list's tail. Undefined when the
 * lists admit no consistent order (Python itself would refuse such a class).
 */
function merge(lists: ClassLink[][]): ClassLink[] | undefined {
  const pending = lists.map((l) => [...l]).filter((l) => l.length);
  const out: ClassLink[] = [];
  while (pending.length) {
    const head = pending.map((l) => l[0]).find((candidate) => !pending.some((l) => l.slice(1).some((x) => keyOf(x) === keyOf(candidate))));
    if (!head) return undefined;
    out.push(head);
    for (const list of pending) if (keyOf(list[0]) === keyOf(head)) list.shift();
    for (let i = pending.length - 1; i >= 0; i--) if (!pending[i].length) pending.splice(i, 1);
  }
  return out;
}

/** The links a class's written bases resolve to, in the order written. */
function directBases(project: PythonProject, file: string, cls: PyClass): ClassLink[] {
  return cls.bases.flatMap((base): ClassLink[] => {
    const symbol = project.resolve(file, base);
    if (symbol?.kind === 'class') return [{ file: symbol.file, cls: symbol.cls, name: symbol.cls.name }];
    if (!symbol || symbol.kind === 'external') return [{ file, name: base.split('.').pop() ?? base }];
    return [];
  });
}

function linearize(project: PythonProject, link: ClassLink, stack: Set<string>, memo: Map<string, ClassLink[]>): ClassLink[] {
  const key = keyOf(link);
  const known = memo.get(key);
  if (known) return known;
  if (!link.cls || stack.has(key) || stack.size >= MAX_DEPTH) return [link];
  stack.add(key);
  const bases = directBases(project, link.file, link.cls);
  const parents = bases.map((b) => linearize(project, b, stack, memo));
  stack.delete(key);
  // An order Python would reject: fall back to each base's line in turn, without repeats.
  const merged = merge([...parents, bases]) ?? parents.flat().filter((l, i, all) => all.findIndex((x) => keyOf(x) === keyOf(l)) === i);
  const order = [link, ...merged].slice(0, MAX_LINKS);
  memo.set(key, order);
  return order;
}

/**
 * A class's method resolution order, through the project's own classes (library bases are leaves known by name):
 * the class first, then its bases in the order Python looks methods up (C3), so the first link defining a
 * method is the one that runs, and `super()` inside it leads to the next link.
 */
export function classChain(project: PythonProject, file: string, cls: PyClass): ClassLink[] {
  return linearize(project, { file, cls, name: cls.name }, new Set(), new Map());
}

/** The method `name` a link defines itself, when it is a project class. */
export function ownMethod(project: PythonProject, link: ClassLink, name: string): PyFunction | undefined {
  return link.cls ? project.files.get(link.file)?.functions.find((f) => f.className === link.cls!.name && f.name === name) : undefined;
}

/** The method `name` as an instance of the chain's first class finds it: the nearest link defining it. */
export function methodInChain(project: PythonProject, chain: readonly ClassLink[], name: string): { fn: PyFunction; file: string; index: number } | undefined {
  for (let index = 0; index < chain.length; index++) {
    const fn = ownMethod(project, chain[index], name);
    if (fn) return { fn, file: chain[index].file, index };
  }
  return undefined;
}
