import type { Node } from '@vscode/tree-sitter-wasm';
import type { ProjectFacts } from '../../project';
import { CallSiteIndex, type ForeignCall } from '../../project/call-site-index';
import { completeCallSite, completeFacts } from '../../project/deferred-calls';
import { emptyFileFacts, type ArgOrigin, type CallArgFact, type FileFacts, type FunctionFact, type ParamPart, type ValueRef } from '../../project/facts';
import { FileValues } from '../../project/file-values';
import { ValueResolver } from '../../project/value-resolver';
import type { Range } from '../../types';
import { mentionedElsewhere, mentionedWhereReachable, mentionsComplete } from '../../project/member-mentions';
import { exportedButUnused } from '../../project/unused-exports';
import { unloadableModule } from '../../project/module-reach';
import { handedOnOrigin } from './graphql-args';
import { importedClass, inheritedTextReturn } from './inherited-methods';
import type { MemberSight } from './own-class-calls';
import type { CrossFileCalls, PackageValue } from './parameter-values';
import { rangeOfLines } from '../../text';

/** A call in another file that passes request data or a value of unknown origin for a parameter. */
export interface UnsafeCaller {
  readonly fileName: string;
  readonly range: Range;
  readonly origin: ArgOrigin;
  /** The request data passed, as written (capped). */
  readonly text?: string;
}

/** What a call passes for a part of a parameter, from the origins recorded at the call. */
function originAt(site: ForeignCall['site'], part: ParamPart, resolve?: (ref: ValueRef) => PackageValue | undefined): { origin: ArgOrigin; arg?: CallArgFact } {
  if (site.spreadAt !== undefined && part.index >= site.spreadAt) return { origin: 'unknown' };
  const arg = site.args?.[part.index];
  // left out: the parameter takes its default
  if (!arg) return { origin: 'constant' };
  // a resolver's `args` handed on: a key the call does not write is what the schema declares it
  const declared = arg.schema && resolve && part.path.length === 1 && !(arg.props && Object.hasOwn(arg.props, part.path[0])) ? handedOnOrigin(arg.schema, part.path[0], resolve) : undefined;
  if (declared) return { origin: declared, arg };
  if (part.path.length === 0 || !arg.props) return { origin: arg.origin, arg };
  const key = part.path[0];
  return { origin: Object.hasOwn(arg.props, key) ? arg.props[key] : arg.rest ?? 'constant', arg };
}

/** The object literal a call passes for a part of a parameter (`{ where: { id } }` for `opts.where`), as recorded. */
function objectAt(arg: CallArgFact | undefined, path: readonly string[]): CallArgFact | undefined {
  let current = arg;
  for (const key of path) current = current?.nested && Object.hasOwn(current.nested, key) ? current.nested[key] : undefined;
  return current;
}

/** Function `index` of `file` (`indexed`, as indexed) with its text returns, when they can be had: the same function (its span) in the facts read again. */
function completeFunction(project: ProjectFacts, file: string, index: number, indexed: FunctionFact | undefined): FunctionFact | undefined {
  const complete = indexed && completeFacts(project, file)?.functions[index];
  return complete?.span.start === indexed?.span.start && complete?.span.end === indexed?.span.end ? complete : undefined;
}

/**
 * The project's calls across files, as the evaluator of one file needs them: what other files pass to this
 * file's published functions, and what the functions this file imports from others return as text. The
 * project-wide index of call sites is built once per snapshot of the project's facts and shared.
 */
export class ProjectCalls implements CrossFileCalls {
  private readonly index: CallSiteIndex;
  private readonly resolver: ValueResolver;
  private values: FileValues | undefined;
  private unloadable: boolean | undefined;

  constructor(
    private readonly fileName: string,
    private readonly project: ProjectFacts,
    /** The analysed file's facts, as of its current text (read on first need). */
    private readonly currentFacts: () => FileFacts,
    private readonly root: Node,
    private readonly text: string,
  ) {
    this.index = project.memo('call-site-index', () => new CallSiteIndex(project, (file, position, site) => completeCallSite(project, file, position, site)));
    this.resolver = project.memo('value-resolver', () => new ValueResolver(project));
  }

  argumentsFor(fn: Node, part: ParamPart): readonly ArgOrigin[] | undefined {
    const calls = this.foreignCalls(fn);
    return calls?.map((call) => originAt(call.site, part, (ref) => this.packageOfResolved(call.file, ref)).origin);
  }

  argumentKeysKnown(fn: Node, part: ParamPart): number | undefined {
    const calls = this.foreignCalls(fn);
    const known = calls?.every(({ site }) => {
      if (site.spreadAt !== undefined && site.spreadAt <= part.index) return false;
      const object = objectAt(site.args?.[part.index], part.path);
      return !!object?.props && !object.rest;
    });
    return known ? calls?.length : undefined;
  }

  /** The calls in other files that pass request data or unknown values for a part of a parameter of `fn`. */
  unsafeCallers(fn: Node, part: ParamPart): UnsafeCaller[] {
    return (this.foreignCalls(fn) ?? [])
      .map((call) => ({ call, ...originAt(call.site, part, (ref) => this.packageOfResolved(call.file, ref)) }))
      .filter(({ origin }) => origin === 'request' || origin === 'unknown')
      .map(({ call, origin, arg }) => ({ fileName: call.file, range: rangeOfLines(call.site.at), origin, text: arg?.text }));
  }

  readonly memberSight: MemberSight = {
    mentionedElsewhere: (name) => mentionedElsewhere(this.project, this.fileName, name),
    reachableMention: (name) => mentionedWhereReachable(this.project, this.fileName, name),
    importedClass: (name) => importedClass(this.project, this.fileName, this.scratch(), name),
  };

  get complete(): boolean {
    return !this.project.partial && mentionsComplete(this.project);
  }

  exportedButUnused(fn: Node): boolean {
    const index = this.indexedFunction(fn);
    return index !== undefined && exportedButUnused(this.project, this.index, this.fileName, index);
  }

  moduleUnloadable(): boolean {
    this.unloadable ??= unloadableModule(this.project, this.fileName);
    return this.unloadable;
  }

  textReturnOf(callee: Node): readonly ParamPart[] | undefined {
    return this.importedFunction(callee, true)?.textReturn ?? inheritedTextReturn(this.project, this.fileName, this.scratch(), callee);
  }

  propertyReturnOf(callee: Node, property: string): readonly ParamPart[] | undefined {
    const properties = this.importedFunction(callee, true)?.propertyReturns;
    return properties && Object.hasOwn(properties, property) ? properties[property] : undefined;
  }

  forwardsOf(callee: Node): boolean {
    return this.importedFunction(callee, false)?.forwards === true;
  }

  readsStoredOf(callee: Node): boolean {
    return this.importedFunction(callee, true)?.readsStored === true;
  }

  /**
   * The facts of the function another project file defines under `callee`, when it is one this file imports;
   * with `returns`, with its text returns (read on demand when its file's facts deferred them).
   */
  private importedFunction(callee: Node, returns: boolean): FunctionFact | undefined {
    const scratch = this.scratch();
    const ref = scratch.refOf(callee);
    if (ref.root.kind !== 'import') return undefined;
    const imported = scratch.importOf(ref.root.index);
    const resolved = imported ? this.resolver.resolveImported(this.fileName, imported.source, imported.name, ref.path) : undefined;
    if (resolved?.kind !== 'function' || resolved.path.length > 0) return undefined;
    const indexed = this.project.files.get(resolved.file)?.functions[resolved.index];
    return returns ? completeFunction(this.project, resolved.file, resolved.index, indexed) : indexed;
  }

  packageValueOf(node: Node): PackageValue | undefined {
    return this.packageOfRef(this.scratch().refOf(node), 0);
  }

  /** The package value a reference of another file's facts stands for. */
  private packageOfResolved(file: string, ref: ValueRef): PackageValue | undefined {
    const resolved = this.resolver.resolve(file, ref);
    return resolved.kind === 'package' ? { name: resolved.name, path: resolved.path } : undefined;
  }

  packageValueAt(node: Node, path: readonly string[]): PackageValue | undefined {
    const ref = this.scratch().refOf(node);
    return ref.root.kind === 'unknown' ? undefined : this.packageOfRef({ root: ref.root, path: [...ref.path, ...path] }, 0);
  }

  private packageOfRef(ref: ValueRef, depth: number): PackageValue | undefined {
    const root = ref.root;
    if (depth > 4) return undefined;
    if (root.kind === 'call' && root.fnArg === undefined) {
      const callee = this.packageOfRef(root.callee, depth + 1);
      return callee && { name: callee.name, path: [...callee.path, '()', ...ref.path] };
    }
    if (root.kind !== 'import') return undefined;
    const imported = this.scratch().importOf(root.index);
    if (!imported) return undefined;
    if (!this.project.resolveImport(this.fileName, imported.source)) {
      const member = imported.name === '=' || imported.name === 'default' || imported.name === '*' ? [] : [imported.name];
      return { name: imported.source, path: [...member, ...ref.path] };
    }
    const resolved = this.resolver.resolveImported(this.fileName, imported.source, imported.name, ref.path);
    return resolved.kind === 'package' ? { name: resolved.name, path: resolved.path } : undefined;
  }

  /** Reads references of this file's own text (its facts as indexed may be older than the text). */
  private scratch(): FileValues {
    this.values ??= new FileValues(emptyFileFacts(this.fileName, this.project.files.get(this.fileName)?.languageId ?? 'typescript', '', false, false), this.root, this.text);
    return this.values;
  }

  /**
   * What this file's findings may rest on in other files, as text: what their calls pass to this file's
   * functions, and what the functions of the files it imports return (and whether they pass calls through). A finding remembered in the editor
   * is replayed only while this stays the same.
   */
  evidenceKey(): string {
    const indexed = this.project.files.get(this.fileName);
    if (!indexed) return '';
    const callers = indexed.functions.map((_, i) => {
      const found = this.index.callersWithArguments(this.fileName, i);
      return found ? `${found.handedOn}:${found.calls.map((c) => JSON.stringify(c.site.args)).join('|')}` : '';
    });
    const targets = new Set(indexed.imports.map((i) => this.project.resolveImport(this.fileName, i.source)).filter((t): t is string => !!t));
    const returns = [...targets].map((t) => JSON.stringify(completeFacts(this.project, t)?.functions.map((f) => [f.textReturn ?? f.propertyReturns ?? null, f.readsStored ?? false, f.forwards ?? false]) ?? []));
    // which exported functions nothing can call: a mention of one in another file brings its findings back
    const unused = this.complete ? indexed.functions.map((_, i) => (exportedButUnused(this.project, this.index, this.fileName, i) ? i : '')).join(',') : 'incomplete';
    return `${callers.join(';')}#${returns.join(';')}#${unused}`;
  }

  /** The calls other files make of `fn`; `undefined` when some of its callers are out of sight. */
  private foreignCalls(fn: Node): readonly ForeignCall[] | undefined {
    const index = this.indexedFunction(fn);
    const callers = index === undefined ? undefined : this.index.callersWithArguments(this.fileName, index);
    return callers && !callers.handedOn ? callers.calls : undefined;
  }

  /** The index of `fn` among the indexed facts' functions (those the call-site index was built from). */
  private indexedFunction(fn: Node): number | undefined {
    const current = this.currentFacts();
    const here = current.functions.findIndex((f) => f.span.start === fn.startIndex && f.span.end === fn.endIndex);
    if (here < 0) return undefined;
    const indexed = this.project.files.get(this.fileName);
    if (!indexed || indexed === current) return indexed ? here : undefined;
    // the text changed since it was indexed (an editor buffer): the same function, told by name and parameters
    const { name, params } = current.functions[here];
    const same = (f: FunctionFact): boolean => f.name === name && f.params.join() === params.join();
    const matches = indexed.functions.flatMap((f, i) => (same(f) ? [i] : []));
    return matches.length === 1 && name ? matches[0] : undefined;
  }
}
