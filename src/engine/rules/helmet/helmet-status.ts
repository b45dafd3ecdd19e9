import type { AppGraph, AppSummary, TraceEntry } from '../../project/app-graph';
import type { ArgFact } from '../../project/facts';
import { ROUTE_METHODS } from '../../project/frameworks';
import type { Resolved } from '../../project/value-resolver';
import { headersOfPackageCall, headersSetInCode, MAIN_HEADERS, STATIC_MIDDLEWARE, type SecurityHeader } from './header-middleware';

/** What an app does about security headers, read from its trace. */
export interface HelmetAssessment {
  /** `helmet()` (or a configured equivalent) is applied. */
  full: boolean;
  /** Headers set by individual middlewares. */
  covered: Set<SecurityHeader>;
  /** Main headers nothing sets (empty when `full`). */
  missing: SecurityHeader[];
  /** The first `use` that sets headers, and the argument that does. */
  firstHeaderUse?: { entry: TraceEntry; arg: ArgFact };
  /** A route, router mount or static file middleware registered before `firstHeaderUse`. */
  responderBefore?: TraceEntry;
  /** `app.disable('x-powered-by')` and `app.set('x-powered-by', false)` calls. */
  poweredBy: TraceEntry[];
  /** The first `use` of each file that registers middleware on the app. */
  middlewareFiles: TraceEntry[];
}

/** Routes that answer with content; CORS preflight (`app.options('*', cors())`) does not count. */
const CONTENT_ROUTE_METHODS = new Set(ROUTE_METHODS.filter((m) => m !== 'options'));

function flatten(args: readonly ArgFact[]): ArgFact[] {
  return args.flatMap((a) => (a.kind === 'array' ? flatten(a.items) : [a]));
}

function valueOf(graph: AppGraph, file: string, arg: ArgFact): Resolved {
  if (arg.kind === 'call') return graph.resolver.resolve(file, arg.result);
  if (arg.kind === 'ref') return graph.resolver.resolve(file, arg.ref);
  return { kind: 'unknown' };
}

/** The package call an argument makes: `helmet.hsts()` is `{ name: 'helmet', member: ['hsts'] }`. */
function packageCall(value: Resolved): { name: string; member: string[] } | undefined {
  if (value.kind !== 'package' || value.path[value.path.length - 1] !== '()') return undefined;
  return { name: value.name, member: value.path.slice(0, -1) };
}

function headersOfValue(graph: AppGraph, value: Resolved, depth = 0): readonly SecurityHeader[] | 'all' {
  if (value.kind === 'array' && depth < 3) {
    const found = new Set<SecurityHeader>();
    for (const item of value.items) {
      const headers = headersOfValue(graph, graph.resolver.resolve(value.file, item), depth + 1);
      if (headers === 'all') return 'all';
      headers.forEach((h) => found.add(h));
    }
    return [...found];
  }
  const call = packageCall(value);
  if (call) return headersOfPackageCall(call.name, call.member) ?? [];
  if (value.kind === 'function' && !value.path.length) {
    const body = graph.set.files.get(value.file)?.functions[value.index]?.bodyText;
    return body ? headersSetInCode(body) : [];
  }
  return [];
}

function headersOf(graph: AppGraph, file: string, arg: ArgFact, equivalents: readonly string[]): readonly SecurityHeader[] | 'all' {
  if ((arg.kind === 'call' || arg.kind === 'ref') && equivalents.includes(arg.name)) return 'all';
  const value = valueOf(graph, file, arg);
  const call = packageCall(value);
  if (call && equivalents.includes(call.name)) return 'all';
  if (arg.kind === 'function') {
    const body = graph.set.files.get(file)?.functions[arg.index]?.bodyText;
    return body ? headersSetInCode(body) : [];
  }
  return headersOfValue(graph, value);
}

function isStaticMiddleware(graph: AppGraph, file: string, arg: ArgFact): boolean {
  const call = packageCall(valueOf(graph, file, arg));
  return !!call && STATIC_MIDDLEWARE.some((s) => s.package === call.name && s.member.length === call.member.length && s.member.every((m, i) => m === call.member[i]));
}

function respondsLikeRoute(graph: AppGraph, entry: TraceEntry): boolean {
  const { event, file } = entry;
  if (CONTENT_ROUTE_METHODS.has(event.method)) return true;
  if (event.method !== 'use') return false;
  return event.args.some((arg) => graph.mountedObject(file, arg) !== undefined || isStaticMiddleware(graph, file, arg));
}

function isPoweredByOff(entry: TraceEntry): boolean {
  const { event } = entry;
  if (!/^x-powered-by$/i.test(event.path ?? '')) return false;
  if (event.method === 'disable') return true;
  const value = event.args[0];
  return event.method === 'set' && value?.kind === 'other' && value.text === 'false';
}

/** Reads an app's trace: which headers it sets, where, and in which order relative to its routes. */
export function assessApp(graph: AppGraph, app: AppSummary, equivalents: readonly string[]): HelmetAssessment {
  const covered = new Set<SecurityHeader>();
  let full = false;
  let firstHeaderUse: HelmetAssessment['firstHeaderUse'];
  let responderBefore: TraceEntry | undefined;
  const poweredBy: TraceEntry[] = [];
  const middlewareFiles = new Map<string, TraceEntry>();
  for (const entry of app.trace) {
    const { event, file } = entry;
    if (isPoweredByOff(entry)) poweredBy.push(entry);
    if (event.method === 'use' && !middlewareFiles.has(file)) middlewareFiles.set(file, entry);
    if (event.method === 'use') {
      for (const arg of flatten(event.args)) {
        const headers = headersOf(graph, file, arg, equivalents);
        if (headers === 'all') full = true;
        else headers.forEach((h) => covered.add(h));
        if ((headers === 'all' || headers.length) && !firstHeaderUse) firstHeaderUse = { entry, arg };
      }
    }
    if (!firstHeaderUse && !responderBefore && respondsLikeRoute(graph, entry)) responderBefore = entry;
  }
  return {
    full,
    covered,
    missing: full ? [] : MAIN_HEADERS.filter((h) => !covered.has(h)),
    firstHeaderUse,
    responderBefore: firstHeaderUse ? responderBefore : undefined,
    poweredBy,
    middlewareFiles: [...middlewareFiles.values()],
  };
}
