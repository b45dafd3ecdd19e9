import type { PyClass } from '../languages/python/python-facts';
import type { PythonProject } from '../languages/python/modules';

/** A link of a class's inheritance: a project class (with its facts) or a library base known only by name. */
export interface ClassLink { file: string; cls?: PyClass; name: string }

/** A class's bases, flattened through the project's own classes (depth-limited), nearest first. */
export function classChain(project: PythonProject, file: string, cls: PyClass): ClassLink[] {
  const out: ClassLink[] = [{ file, cls, name: cls.name }];
  const queue = [{ file, cls }];
  const seen = new Set<string>([`${file}#${cls.name}`]);
  while (queue.length && out.length < 24) {
    const current = queue.shift()!;
    for (const base of current.cls.bases) {
      const symbol = project.resolve(current.file, base);
      if (symbol?.kind === 'class' && !seen.has(`${symbol.file}#${symbol.cls.name}`)) {
        seen.add(`${symbol.file}#${symbol.cls.name}`);
        out.push({ file: symbol.file, cls: symbol.cls, name: symbol.cls.name });
        queue.push({ file: symbol.file, cls: symbol.cls });
      } else if (!symbol || symbol.kind === 'external') out.push({ file: current.file, name: base.split('.').pop() ?? base });
    }
  }
  return out;
}
