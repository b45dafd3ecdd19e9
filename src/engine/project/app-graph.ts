import type { ArgFact, EventFact, FileFacts, ObjectFact, ObjectKind } from './facts';
import { ROUTE_METHODS, SERVE_CALLS } from './frameworks';
import { objectKey, paramKey, ValueResolver, type FileSet, type Resolved } from './value-resolver';
import { importersByFile } from './importers';
import { RouteWalker, type RouteInstance } from './route-walker';

/** One registration on an app or router, in the order it runs; plain calls that pass the holder on are inlined. */
export interface TraceEntry {
  file: string;
  event: EventFact;
  /** For plain calls kept in the trace (`http.createServer(app)`): which argument is the holder. */
  argIndex?: number;
}

export interface AppSummary {
  key: string;
  file: string;
  object: ObjectFact;
  /** Every registration on the app, in execution order: its own file first, then files that import it. */
  trace: TraceEntry[];
  /** `listen()`, `http.createServer(app)`, `serverless(app)`. */
  served: boolean;
  /** The app leaves its file: exported, returned from an exported function, or stored on a class instance. */
  exported: boolean;
  /** Apps that mount this one (`parent.use('/admin', this)`). */
  mountedIn: string[];
}

const ROUTE_METHOD_SET = new Set(ROUTE_METHODS);
const MOUNT_MEMBERS = new Set(['routes', 'middleware']);

export function isAppKind(kind: ObjectKind): boolean {
  return kind.endsWith('-app');
}

/**
 * Whether a file's facts put anything of the app graph in that file: an app it creates, or a call it makes
 * (a registration, a mount, `listen`). Apps and the trace of registrations reaching them are made of these
 * alone, so a rule reporting only on apps and registrations has nothing in a file without them, whatever
 * the other files hold.
 */
export function placesAppFacts(facts: FileFacts): boolean {
  return facts.events.length > 0 || facts.objects.some((object) => isAppKind(object.kind));
}

/**
 * The cross-file model of a project's web apps: which registrations reach each app or router, in which
 * order, through imports, exports, router mounting and functions that receive an app. Built from facts
 * only; independent of configuration, so one graph serves every rule and every analysed file.
 */
export class AppGraph {
  readonly resolver: ValueResolver;
  private buckets: Map<string, TraceEntry[]> | undefined;
  private readonly holderOfEvent = new Map<EventFact, string>();
  private readonly traces = new Map<string, TraceEntry[]>();
  private appList: AppSummary[] | undefined;
  private instances: RouteInstance[] | undefined;
  private importers: Map<string, string[]> | undefined;

  constructor(readonly set: FileSet) {
    this.resolver = new ValueResolver(set);
  }

  /** The app or router an object key names. */
  object(key: string): { file: string; fact: ObjectFact } | undefined {
    const hash = key.lastIndexOf('#');
    const file = key.slice(0, hash);
    const fact = this.set.files.get(file)?.objects[Number(key.slice(hash + 1))];
    return fact ? { file, fact } : undefined;
  }

  private liveFiles(): FileFacts[] {
    return [...this.set.files.values()].filter((f) => !f.isTest && !f.skipped);
  }

  /** Registrations grouped by what they register on: an object key or a function parameter key. */
  private bucketMap(): Map<string, TraceEntry[]> {
    if (this.buckets) return this.buckets;
    const buckets = new Map<string, TraceEntry[]>();
    const add = (key: string, entry: TraceEntry): void => {
      const list = buckets.get(key);
      if (list) list.push(entry); else buckets.set(key, [entry]);
      if (entry.argIndex === undefined) this.holderOfEvent.set(entry.event, key);
    };
    for (const facts of this.liveFiles()) {
      for (const event of facts.events) {
        if (event.target) {
          const key = this.holderKey(this.resolver.resolve(facts.fileName, event.target));
          if (key) add(key, { file: facts.fileName, event });
          continue;
        }
        event.args.forEach((arg, argIndex) => {
          if (arg.kind !== 'ref') return;
          const key = this.holderKey(this.resolver.resolve(facts.fileName, arg.ref));
          if (key) add(key, { file: facts.fileName, event, argIndex });
        });
      }
    }
    for (const [key, entries] of buckets) {
      const own = key.slice(0, key.lastIndexOf('#'));
      entries.sort((a, b) => (a.file === b.file ? 0 : a.file === own ? -1 : b.file === own ? 1 : a.file < b.file ? -1 : 1) || a.event.span.start - b.event.span.start);
    }
    this.buckets = buckets;
    return buckets;
  }

  private holderKey(value: Resolved): string | undefined {
    if (value.kind === 'object' && value.path.length === 0) return value.key;
    if (value.kind === 'param' && value.path.length === 0) return paramKey(value.file, value.fn, value.index);
    return undefined;
  }

  /** Registrations on an object or parameter, with functions it is passed to inlined at the call. */
  traceOf(holder: string, stack: ReadonlySet<string> = new Set([holder])): TraceEntry[] {
    const cached = this.traces.get(holder);
    if (cached) return cached;
    const result: TraceEntry[] = [];
    for (const entry of this.bucketMap().get(holder) ?? []) {
      if (entry.event.method !== '' || entry.argIndex === undefined) {
        result.push(entry);
        continue;
      }
      const callee = this.resolver.resolve(entry.file, entry.event.callee ?? { root: { kind: 'unknown' }, path: [] });
      if (callee.kind === 'function' && callee.path.length === 0) {
        const inner = paramKey(callee.file, callee.index, entry.argIndex);
        if (!stack.has(inner)) result.push(...this.traceOf(inner, new Set([...stack, inner])));
      } else {
        result.push(entry);
      }
    }
    if (stack.size === 1) this.traces.set(holder, result);
    return result;
  }

  /** The key of an app or router an argument denotes, and whether it is a Koa `router.routes()` mount. */
  mountedObject(file: string, arg: ArgFact): string | undefined {
    let value: Resolved = { kind: 'unknown' };
    if (arg.kind === 'ref') value = this.resolver.resolve(file, arg.ref);
    else if (arg.kind === 'call') value = this.resolver.resolve(file, arg.result);
    if (value.kind !== 'object') return undefined;
    if (value.path.length === 0) return value.key;
    return value.path.length === 2 && MOUNT_MEMBERS.has(value.path[0]) && value.path[1] === '()' ? value.key : undefined;
  }

  isServeCall(entry: TraceEntry): boolean {
    if (entry.event.method !== '') return false;
    return SERVE_CALLS.some((p) => p.test(entry.event.calleeName));
  }

  /** Files that import `file` by a specifier the project resolves (skipped files, which are not parsed, excepted). */
  importersOf(file: string): readonly string[] {
    this.importers ??= importersByFile(this.set, (facts) => facts.imports.map((i) => i.source));
    return this.importers.get(file) ?? [];
  }

  /** Every app created outside test files, with its trace and how it leaves its file. */
  apps(): AppSummary[] {
    if (this.appList) return this.appList;
    const apps: AppSummary[] = [];
    for (const facts of this.liveFiles()) {
      facts.objects.forEach((object, index) => {
        if (!isAppKind(object.kind)) return;
        const key = objectKey(facts.fileName, index);
        const trace = this.traceOf(key);
        apps.push({
          key, file: facts.fileName, object, trace,
          served: trace.some((e) => e.event.method === 'listen' || this.isServeCall(e)),
          exported: this.isExported(facts, key, object) || trace.some((e) => e.file !== facts.fileName),
          mountedIn: [],
        });
      });
    }
    const byKey = new Map(apps.map((a) => [a.key, a]));
    for (const app of apps) {
      for (const entry of app.trace) {
        if (entry.event.method !== 'use') continue;
        for (const arg of entry.event.args) {
          const child = byKey.get(this.mountedObject(entry.file, arg) ?? '');
          if (child && child !== app) child.mountedIn.push(app.key);
        }
      }
    }
    this.appList = apps;
    return apps;
  }

  private isExported(facts: FileFacts, key: string, object: ObjectFact): boolean {
    if (object.boundTo?.startsWith('this.')) return true;
    const reaches = (value: Resolved): boolean => value.kind === 'object' && value.key === key && value.path.length === 0;
    for (const ref of Object.values(facts.exports)) {
      if (reaches(this.resolver.resolve(facts.fileName, ref))) return true;
      if (ref.root.kind === 'literal' && Object.values(ref.root.props).some((p) => reaches(this.resolver.resolve(facts.fileName, p)))) return true;
      const fn = this.resolver.resolve(facts.fileName, ref);
      if (fn.kind === 'function' && fn.path.length === 0 && reaches(this.resolver.resolve(fn.file, { root: { kind: 'function', index: fn.index }, path: ['()'] }))) return true;
    }
    return false;
  }

  /** Every route registration with the middleware that runs before it, through mounts and plugins. */
  routeInstances(): RouteInstance[] {
    if (!this.instances) {
      this.bucketMap();
      this.instances = new RouteWalker(this).walkAll(this.apps(), this.routeHolders());
    }
    return this.instances;
  }

  /** Holders (objects or parameters) of route registrations, for routes no app reaches. */
  private routeHolders(): Map<EventFact, string> {
    const holders = new Map<EventFact, string>();
    for (const [event, holder] of this.holderOfEvent) {
      if (ROUTE_METHOD_SET.has(event.method) || event.method === 'route') holders.set(event, holder);
    }
    return holders;
  }
}

export type { RouteInstance } from './route-walker';
