import type { CallSiteFact, FileFacts, ValueRef } from './facts';
import { ValueResolver, type FileSet } from './value-resolver';

/** A call of a function from another file, with the file it is in and its place in that file's `callSites`. */
export interface ForeignCall {
  readonly file: string;
  readonly site: CallSiteFact;
  readonly position: number;
}

/** A call site with its arguments' origins read (see `completeCallSite`), `undefined` when they cannot be had. */
export type CompleteCallSite = (file: string, position: number, site: CallSiteFact) => CallSiteFact | undefined;

/** Whether a use of a value is a call (its arguments read, or deferred), not a value handed on. */
function isCall(site: CallSiteFact): boolean {
  return site.args !== undefined || site.arity !== undefined;
}

/** What the project shows of the callers a function has in other files. */
export interface ForeignCallers {
  readonly calls: readonly ForeignCall[];
  /** Some file hands the function on (a callback, an alias, its whole module): its callers are not all in sight. */
  readonly handedOn: boolean;
}

const NO_CALLERS: ForeignCallers = { calls: [], handedOn: false };
/** How deep the walk from a file's exports to the functions they publish goes. */
const MAX_EXPORT_DEPTH = 6;

function functionKey(file: string, index: number): string {
  return `${file}#${index}`;
}

/**
 * The callers every published function has in other project files, computed once per snapshot of the
 * project's facts: each file's recorded uses of imported values are resolved to the function they reach,
 * in one pass over all uses. A function is published when its file's exports reach it (`export function f`,
 * `module.exports = { f }`, a function an exported function returns); only published functions have callers
 * in other files, the others keep theirs out of sight.
 */
export class CallSiteIndex {
  private readonly callers = new Map<string, { calls: ForeignCall[]; handedOn: boolean }>();
  /** Files a whole module object of which is handed on (`register(require('./db'))`): every function in them is. */
  private readonly handedOnFiles = new Set<string>();
  private readonly published = new Map<string, ReadonlySet<number>>();

  /** @param complete Reads the arguments of a call whose facts deferred them; without it such calls count as handed on. */
  constructor(private readonly set: FileSet, private readonly complete: CompleteCallSite = (_file, _position, site) => (site.args ? site : undefined)) {
    const resolver = new ValueResolver(set);
    for (const [file, facts] of set.files) {
      facts.callSites.forEach((site, position) => this.add(file, facts, site, position, resolver));
    }
  }

  /**
   * The callers in other files of function `index` of `file`; `undefined` when the file's exports do not reach
   * it (its callers, if any, are out of sight).
   */
  callersOf(file: string, index: number): ForeignCallers | undefined {
    if (!this.publishedIn(file).has(index)) return undefined;
    const found = this.callers.get(functionKey(file, index)) ?? NO_CALLERS;
    return this.handedOnFiles.has(file) || this.calledByFramework(file, index) ? { calls: found.calls, handedOn: true } : found;
  }

  /**
   * `callersOf`, with the origins of every call's arguments read (on demand when the caller's facts deferred
   * them); a call whose arguments cannot be read makes the function's callers out of sight (handed on).
   */
  callersWithArguments(file: string, index: number): ForeignCallers | undefined {
    const found = this.callersOf(file, index);
    if (!found || found.handedOn) return found;
    const calls: ForeignCall[] = [];
    for (const call of found.calls) {
      const site = this.complete(call.file, call.position, call.site);
      if (!site) return { calls: found.calls, handedOn: true };
      calls.push(site === call.site ? call : { ...call, site });
    }
    return { calls, handedOn: false };
  }

  /**
   * A request handler (`(req, res) => ...`) or what a Next.js route file exports: the framework calls it with
   * requests, whatever calls the project's own files make of it.
   */
  private calledByFramework(file: string, index: number): boolean {
    const facts = this.set.files.get(file);
    return facts?.functions[index]?.bodyText !== undefined || facts?.next !== undefined;
  }

  private add(file: string, facts: FileFacts, site: CallSiteFact, position: number, resolver: ValueResolver): void {
    const { root, path } = site.callee;
    if (root.kind === 'import' && path.length === 0 && !isCall(site)) {
      const imported = facts.imports[root.index];
      const target = imported && (imported.name === '=' || imported.name === '*' || imported.name === 'default') ? this.set.resolveImport(file, imported.source) : undefined;
      if (target) this.handedOnFiles.add(target);
    }
    const resolved = resolver.resolve(file, site.callee);
    if (resolved.kind !== 'function') return;
    const key = functionKey(resolved.file, resolved.index);
    let entry = this.callers.get(key);
    if (!entry) this.callers.set(key, entry = { calls: [], handedOn: false });
    // `f.call(...)`, `f.bind(...)`, or any use but a call: the function goes where its callers cannot be seen
    if (resolved.path.length > 0 || !isCall(site)) entry.handedOn = true;
    else entry.calls.push({ file, site, position });
  }

  private publishedIn(file: string): ReadonlySet<number> {
    let found = this.published.get(file);
    if (!found) {
      const facts = this.set.files.get(file);
      found = facts ? publishedFunctions(facts) : new Set<number>();
      this.published.set(file, found);
    }
    return found;
  }
}

/** The functions a file's exports reach: exported functions, functions in exported objects, functions those return. */
export function publishedFunctions(facts: FileFacts): Set<number> {
  const reached = new Set<number>();
  const visit = (ref: ValueRef, depth: number): void => {
    if (depth > MAX_EXPORT_DEPTH || ref.path.length > 0) return;
    const root = ref.root;
    if (root.kind === 'function' && !reached.has(root.index)) {
      reached.add(root.index);
      for (const returned of facts.functions[root.index]?.returns ?? []) visit(returned, depth + 1);
    } else if (root.kind === 'call' && root.passed !== undefined) {
      // `export default memoize(query)`: published when the callee passes calls through (the resolver tells;
      // otherwise no call reaches `query` through it, and its own file sees it handed on)
      visit({ root: { kind: 'function', index: root.passed }, path: [] }, depth + 1);
    } else if (root.kind === 'literal') {
      for (const prop of Object.values(root.props)) visit(prop, depth + 1);
      for (const spread of root.spreads ?? []) visit(spread, depth + 1);
    }
  };
  for (const ref of Object.values(facts.exports)) visit(ref, 0);
  return reached;
}
