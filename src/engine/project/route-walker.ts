import type { AppGraph, AppSummary, TraceEntry } from './app-graph';
import type { ArgFact, EventFact, ObjectKind } from './facts';
import { DIRECTORY_LISTING_MODULES } from './frameworks';
import { paramKey, type Resolved } from './value-resolver';

export type Framework = 'express' | 'koa' | 'fastify' | 'next';
export type MiddlewareLevel = 'app' | 'router' | 'mount' | 'route' | 'hook';

/** A middleware (or Fastify hook) on the way to a route, with the path prefix it is limited to. */
export interface MiddlewareUse {
  file: string;
  arg: ArgFact;
  event: EventFact;
  level: MiddlewareLevel;
  scope: string;
}

/** One route as a request reaches it: full path, and the middleware that runs before its handler. */
export interface RouteInstance {
  file: string;
  event: EventFact;
  framework: Framework;
  /** Lower-case HTTP methods (`del` normalised to `delete`). */
  methods: string[];
  fullPath: string;
  /** Middleware that runs before the handler, outermost first: app, mounts, router, then the route's own. */
  applied: MiddlewareUse[];
  /** Middleware of the same chain registered after the route: it never runs for it. */
  later: MiddlewareUse[];
  /** `code`: the handler's code when the route model reads more than its function (a Next.js handler and the functions it hands the request to). */
  handler?: { file: string; arg: ArgFact; code?: string };
  /** A directory listing mounted with `use` (`app.use('/ftp', serveIndex('ftp'))`): every file under it is readable. */
  listsDirectory?: boolean;
  /** No app was found to mount the route's router or call its function: only its own middleware is known. */
  detached: boolean;
  /** The app the walk started from (or, for a detached route, the router or parameter holding it). */
  root: string;
}

interface WalkContext {
  prefix: string;
  applied: MiddlewareUse[];
  later: MiddlewareUse[];
  framework: Framework;
  detached: boolean;
  root: string;
  level: 'app' | 'router';
  stack: ReadonlySet<string>;
}

const FASTIFY_HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']);
const FASTIFY_PLUGIN_WRAPPERS = new Set(['fastify-plugin']);
const FASTIFY_ROUTE_OPTIONS = new Set([...FASTIFY_HOOKS, 'schema', 'handler', 'config', 'url', 'method', 'onSend', 'onResponse']);
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'head']);

export function joinPath(prefix: string, path: string): string {
  const joined = `/${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function isWildcard(path: string | undefined): boolean {
  return path === undefined || /(?:\*|\(\.\*\))$/.test(path);
}

function stripWildcard(path: string): string {
  return path.replace(/\/?(?:\*|\(\.\*\))$/, '');
}

/** True when middleware limited to `scope` runs for requests to `fullPath`. */
export function scopeMatches(scope: string, fullPath: string): boolean {
  const s = scope.split('/').filter(Boolean);
  const f = fullPath.split('/').filter(Boolean);
  return s.length <= f.length && s.every((segment, i) => segment === f[i] || segment.startsWith(':') || segment === '*');
}

function frameworkOf(kind: ObjectKind | undefined): Framework {
  if (kind?.startsWith('koa')) return 'koa';
  if (kind?.startsWith('fastify')) return 'fastify';
  return 'express';
}

function flatten(args: readonly ArgFact[]): ArgFact[] {
  return args.flatMap((a) => (a.kind === 'array' ? flatten(a.items) : [a]));
}

/** Walks apps and their mounted routers and plugins in registration order, producing route instances. */
export class RouteWalker {
  private readonly reached = new Set<EventFact>();
  private readonly out: RouteInstance[] = [];

  constructor(private readonly graph: AppGraph) {}

  walkAll(apps: readonly AppSummary[], holders: ReadonlyMap<EventFact, string>): RouteInstance[] {
    for (const app of apps) {
      if (app.mountedIn.length) continue;
      const framework = frameworkOf(app.object.kind);
      this.walk(app.trace, { prefix: this.ownPrefix(app.key, app.trace), applied: [], later: [], framework, detached: false, root: app.key, level: 'app', stack: new Set([app.key]) });
    }
    const pending = new Set<string>();
    for (const [event, holder] of holders) if (!this.reached.has(event)) pending.add(holder);
    for (const holder of pending) {
      const trace = this.graph.traceOf(holder);
      if (trace.some((e) => this.reached.has(e.event))) continue;
      const framework = this.graph.object(holder) ? frameworkOf(this.graph.object(holder)?.fact.kind) : trace.some((e) => e.event.method === 'addHook' || e.event.method === 'register' || e.event.method === 'route') ? 'fastify' : 'express';
      this.walk(trace, { prefix: this.ownPrefix(holder, trace), applied: [], later: [], framework, detached: true, root: holder, level: 'router', stack: new Set([holder]) });
    }
    return this.out;
  }

  private ownPrefix(key: string, trace: readonly TraceEntry[]): string {
    return this.graph.object(key)?.fact.prefix ?? trace.find((e) => e.event.method === 'prefix')?.event.path ?? '';
  }

  private walk(items: readonly TraceEntry[], ctx: WalkContext): void {
    const here: { pos: number; use: MiddlewareUse }[] = [];
    const hooks: MiddlewareUse[] = [];
    const scopeOf = (path: string | undefined): string => joinPath(ctx.prefix, stripWildcard(path ?? ''));
    items.forEach((entry, pos) => {
      const { event, file } = entry;
      this.reached.add(event);
      if (event.method === 'use') {
        for (const arg of event.args) if (!this.graph.mountedObject(file, arg)) here.push({ pos, use: { file, arg, event, level: ctx.level, scope: scopeOf(event.path) } });
      } else if (event.method === 'all' && isWildcard(event.path)) {
        for (const arg of flatten(event.args)) here.push({ pos, use: { file, arg, event, level: ctx.level, scope: scopeOf(event.path) } });
      } else if (event.method === 'addHook' && FASTIFY_HOOKS.has(event.path ?? '')) {
        for (const arg of event.args) hooks.push({ file, arg, event, level: 'hook', scope: ctx.prefix });
      } else if (event.method === 'register') {
        const plugin = this.plugin(entry);
        if (plugin?.leaksHooks) {
          for (const inner of this.graph.traceOf(plugin.holder)) {
            if (inner.event.method === 'addHook' && FASTIFY_HOOKS.has(inner.event.path ?? '')) {
              for (const arg of inner.event.args) hooks.push({ file: inner.file, arg, event: inner.event, level: 'hook', scope: ctx.prefix });
            }
          }
        }
      }
    });
    const before = (pos: number): MiddlewareUse[] => [...ctx.applied, ...hooks, ...here.filter((h) => h.pos < pos).map((h) => h.use)];
    const after = (pos: number): MiddlewareUse[] => [...ctx.later, ...here.filter((h) => h.pos > pos).map((h) => h.use)];
    items.forEach((entry, pos) => {
      const { event, file } = entry;
      if (HTTP_METHODS.has(event.method) || event.method === 'del' || event.method === 'route') {
        if (event.method === 'all' && isWildcard(event.path)) return;
        this.addInstance(entry, ctx, before(pos), after(pos));
      } else if (event.method === 'use') {
        const mountLevel: MiddlewareUse[] = [];
        for (const arg of event.args) {
          const child = this.graph.mountedObject(file, arg);
          if (!child && this.listsDirectory(file, arg)) this.addInstance(entry, ctx, before(pos), after(pos), { handler: arg, routeLevel: mountLevel.map((u) => u.arg) });
          if (!child) { mountLevel.push({ file, arg, event, level: 'mount', scope: scopeOf(event.path) }); continue; }
          if (ctx.stack.has(child)) continue;
          const trace = this.graph.traceOf(child);
          this.walk(trace, {
            ...ctx,
            prefix: joinPath(scopeOf(event.path), this.ownPrefix(child, trace)),
            applied: [...before(pos), ...mountLevel],
            later: after(pos),
            level: 'router',
            stack: new Set([...ctx.stack, child]),
          });
        }
      } else if (event.method === 'register') {
        const plugin = this.plugin(entry);
        if (!plugin || ctx.stack.has(plugin.holder)) return;
        this.walk(this.graph.traceOf(plugin.holder), {
          ...ctx, prefix: joinPath(ctx.prefix, plugin.prefix), applied: before(pos), later: after(pos), framework: 'fastify', level: 'router', stack: new Set([...ctx.stack, plugin.holder]),
        });
      }
    });
  }

  /** A Fastify plugin registered by `register(plugin, { prefix })`: its parameter holder, prefix and encapsulation. */
  private plugin(entry: TraceEntry): { holder: string; prefix: string; leaksHooks: boolean } | undefined {
    const [pluginArg, options] = entry.event.args;
    const resolver = this.graph.resolver;
    const value: Resolved | undefined = pluginArg?.kind === 'function' ? { kind: 'function', file: entry.file, index: pluginArg.index, path: [] }
      : pluginArg?.kind === 'ref' ? resolver.resolve(entry.file, pluginArg.ref)
        : pluginArg?.kind === 'call' ? resolver.resolve(entry.file, pluginArg.result) : undefined;
    if (value?.kind !== 'function' || value.path.length) return undefined;
    const prefixArg = options?.kind === 'object' ? options.props.prefix : undefined;
    return {
      holder: paramKey(value.file, value.index, 0),
      prefix: prefixArg?.kind === 'string' ? prefixArg.value : '',
      leaksHooks: value.wrapper !== undefined && FASTIFY_PLUGIN_WRAPPERS.has(value.wrapper),
    };
  }

  /** `serveIndex('ftp')`: a call of a directory-listing middleware's factory. */
  private listsDirectory(file: string, arg: ArgFact): boolean {
    if (arg.kind !== 'call') return false;
    let callee = arg.callee;
    while (callee.root.kind === 'call') callee = callee.root.callee;
    const imported = callee.root.kind === 'import' ? this.graph.set.files.get(file)?.imports[callee.root.index] : undefined;
    return imported !== undefined && DIRECTORY_LISTING_MODULES.has(imported.source);
  }

  /** `listing`: a directory listing mounted with `use`, served for GET with the middleware before it on the same call. */
  private addInstance(entry: TraceEntry, ctx: WalkContext, applied: MiddlewareUse[], later: MiddlewareUse[], listing?: { handler: ArgFact; routeLevel: ArgFact[] }): void {
    const { event, file } = entry;
    let methods = [listing ? 'get' : event.method === 'del' ? 'delete' : event.method];
    let path = event.path ?? '';
    let args = listing ? [] : flatten(event.args);
    let handler: ArgFact | undefined = listing?.handler;
    const routeLevel: ArgFact[] = listing ? [...listing.routeLevel] : [];
    const options = args.find((a): a is Extract<ArgFact, { kind: 'object' }> => a.kind === 'object');
    // Express and Koa routes never take an options object; one with Fastify's keys is a Fastify route.
    const fastify = ctx.framework === 'fastify' || (options !== undefined && Object.keys(options.props).some((k) => FASTIFY_ROUTE_OPTIONS.has(k)));
    if (fastify && options) {
      for (const hook of FASTIFY_HOOKS) {
        const value = options.props[hook];
        if (value) routeLevel.push(...flatten([value]));
      }
      if (event.method === 'route') {
        const method = options.props.method;
        methods = method?.kind === 'string' ? [method.value.toLowerCase()] : method?.kind === 'array' ? method.items.flatMap((m) => (m.kind === 'string' ? [m.value.toLowerCase()] : [])) : [];
        const url = options.props.url ?? options.props.path;
        path = url?.kind === 'string' ? url.value : '';
      }
      handler = options.props.handler;
      args = args.filter((a) => a !== options);
    }
    if (!handler && args.length) {
      handler = args[args.length - 1];
      routeLevel.push(...args.slice(0, -1));
    }
    const fullPath = joinPath(ctx.prefix, path);
    const scoped = (list: MiddlewareUse[]): MiddlewareUse[] => list.filter((u) => scopeMatches(u.scope, fullPath));
    this.out.push({
      file, event, framework: fastify ? 'fastify' : ctx.framework, methods, fullPath,
      applied: [...scoped(applied), ...routeLevel.map((arg): MiddlewareUse => ({ file, arg, event, level: 'route', scope: fullPath }))],
      later: scoped(later),
      handler: handler ? { file, arg: handler } : undefined,
      detached: ctx.detached,
      root: ctx.root,
      ...(listing ? { listsDirectory: true } : {}),
    });
  }
}
