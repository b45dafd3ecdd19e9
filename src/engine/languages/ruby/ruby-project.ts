import type { ValueOrigin } from '../../model/sql';
import type { ProjectFacts } from '../../project';
import { worstOrigin } from '../sql-text-builder';
import { mergeResults, type RubyResult } from './method-results';
import type { RubyCallFact, RubyClassFact, RubyMethodFact } from './ruby-facts';

/** A call fact, with whether its file is a Rails helper (where helper methods answer calls without a receiver). */
interface IndexedCall extends RubyCallFact {
  readonly helper: boolean;
}

/** Rails view helpers: every module under app/helpers is mixed into the views and the other helpers. */
const HELPERS_FOLDER = /(?:^|[\\/])app[\\/]helpers[\\/]/;

export function isRailsHelper(fileName: string): boolean {
  return HELPERS_FOLDER.test(fileName);
}

interface IndexedMethod extends RubyMethodFact {
  readonly helper: boolean;
}

/**
 * The project's Ruby methods and calls, as the Ruby front end asks for them: what a method called without a
 * receiver returns, given the class the call is in (its own methods, its superclasses' and the modules they
 * include, and in a helper the Rails helper modules), and what the project's calls pass to `def self.x` of a
 * class or module. Every definition that may answer counts, and the worst one decides. Built once per snapshot.
 */
export class RubyProject {
  private readonly methods = new Map<string, IndexedMethod[]>();
  private readonly classes = new Map<string, RubyClassFact[]>();
  private readonly calls = new Map<string, IndexedCall[]>();

  /** Some file's methods or calls went unseen: no answer can count on every definition and call. */
  private readonly incomplete: boolean = false;

  constructor(project: ProjectFacts) {
    for (const [fileName, facts] of project.files) {
      if (!facts.ruby) continue;
      if (!facts.ruby.complete) this.incomplete = true;
      const helper = isRailsHelper(fileName);
      for (const method of facts.ruby.methods) push(this.methods, method.name, { ...method, helper });
      for (const fact of facts.ruby.classes) push(this.classes, fact.name, fact);
      for (const call of facts.ruby.calls) push(this.calls, `${call.owner}.${call.method}`, { ...call, helper });
    }
  }

  /** The class, its superclasses and the modules any of them includes, by name. */
  private ancestry(className: string): Set<string> {
    const seen = new Set<string>();
    const queue = [className];
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      for (const fact of this.classes.get(name) ?? []) queue.push(...fact.includes, ...(fact.superclass ? [fact.superclass] : []));
    }
    return seen;
  }

  /**
   * What `name(...)` returns in class `className` ('' outside any), `inHelper` when the call is in a Rails
   * helper (or through `helpers.`); `undefined` when no project definition may answer.
   */
  resultOf(className: string, name: string, inHelper: boolean): RubyResult | undefined {
    if (this.incomplete) return undefined;
    const owners = this.ancestry(className);
    const candidates = (this.methods.get(name) ?? []).filter((m) => !m.singleton && (owners.has(m.owner) || (inHelper && m.helper)));
    return candidates.length > 0 ? mergeResults(candidates.map((m) => m.result)) : undefined;
  }

  /**
   * The worst origin the project's calls `owner.method(...)` pass at `position` (and after it, for `*rest`);
   * `undefined` when the project has no such call. A call that passes nothing there, or spreads a list, passes
   * an unknown value.
   */
  passedTo(owner: string, method: string, position: number, rest: boolean): ValueOrigin | undefined {
    const calls = this.calls.get(`${owner}.${method}`);
    if (this.incomplete || !calls || calls.length === 0) return undefined;
    const origins = calls.flatMap((call): ValueOrigin[] => {
      const passed = rest ? call.args.slice(position) : call.args.slice(position, position + 1);
      return call.splat || (!rest && passed.length === 0) ? [...passed, 'unknown'] : passed;
    });
    return worstOrigin(origins);
  }

  /**
   * What the project's calls `owner.method(...)` pass at `position`, key by key when a call passes what a
   * project method returns (a hash whose keys have their own origins); `undefined` when no call names it.
   */
  resultPassedTo(owner: string, method: string, position: number): RubyResult | undefined {
    const calls = this.calls.get(`${owner}.${method}`);
    if (this.incomplete || !calls || calls.length === 0) return undefined;
    return mergeResults(calls.map((call): RubyResult => {
      const refs = call.results?.[position];
      const read = refs?.map((r) => this.resultOf(r.className, r.method, r.viaHelpers || call.helper));
      if (read && read.every((r) => r)) return mergeResults(read as RubyResult[]);
      const origin: ValueOrigin = position < call.args.length ? call.args[position] : 'unknown';
      return { origin, keys: {}, elements: origin };
    }));
  }
}

/** A class or module name by its last segment (`Mod::ModController` is `ModController`). */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The Ruby view of the project, shared through the snapshot; `undefined` without project facts. */
export function rubyProjectOf(project: ProjectFacts | undefined): RubyProject | undefined {
  return project?.files ? project.memo('ruby-project', () => new RubyProject(project)) : undefined;
}
