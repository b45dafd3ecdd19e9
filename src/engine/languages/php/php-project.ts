import type { ProjectFacts } from '../../project';
import { mergeResults, type KeyedResult } from '../keyed-result';
import type { PhpClassFact } from './php-facts';

/**
 * The project's PHP classes, as the PHP front end asks for them: what `$x->m()` returns when `$x` is declared
 * as class `X`. The object may be an `X` or any subclass, so the answer merges `X`'s own (or inherited)
 * method with every override in the project's subclasses, and the worst one decides. No answer when a class
 * is declared twice (which one loads is unknown) or the method is not found in the project (a parent
 * outside it, a trait, an interface). Built once per snapshot.
 */
export class PhpProject {
  private readonly classes = new Map<string, PhpClassFact | null>();
  private readonly subclasses = new Map<string, string[]>();

  constructor(project: ProjectFacts) {
    for (const facts of project.files.values()) {
      for (const fact of facts.php?.classes ?? []) {
        const key = fact.name.toLowerCase();
        this.classes.set(key, this.classes.has(key) ? null : fact);
        const parent = fact.extends?.toLowerCase();
        if (parent) this.subclasses.set(parent, [...this.subclasses.get(parent) ?? [], key]);
      }
    }
  }

  /** What `$x->method()` returns for `$x` declared as `className` (fully qualified); `undefined` when the project cannot tell. */
  resultOf(className: string, method: string): KeyedResult | undefined {
    const own = this.definedFrom(className.toLowerCase(), method);
    if (!own) return undefined;
    const results = [own];
    const queue = [...this.subclasses.get(className.toLowerCase()) ?? []];
    const seen = new Set<string>();
    while (queue.length > 0 && seen.size < 1000) {
      const name = queue.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const fact = this.classes.get(name);
      if (fact === null) return undefined;
      const override = fact?.methods.find((m) => m.name.toLowerCase() === method.toLowerCase());
      if (override) results.push(override.result);
      queue.push(...this.subclasses.get(name) ?? []);
    }
    return mergeResults(results);
  }

  /** The method as the class has it: its own, or the nearest ancestor's in the project. */
  private definedFrom(className: string, method: string): KeyedResult | undefined {
    const seen = new Set<string>();
    for (let name: string | undefined = className; name && !seen.has(name); name = this.classes.get(name)?.extends?.toLowerCase()) {
      seen.add(name);
      const fact = this.classes.get(name);
      if (!fact) return undefined;
      const found = fact.methods.find((m) => m.name.toLowerCase() === method.toLowerCase());
      if (found) return found.result;
    }
    return undefined;
  }
}

/** The PHP view of the project, shared through the snapshot; `undefined` without project facts. */
export function phpProjectOf(project: ProjectFacts | undefined): PhpProject | undefined {
  return project?.files ? project.memo('php-project', () => new PhpProject(project)) : undefined;
}
