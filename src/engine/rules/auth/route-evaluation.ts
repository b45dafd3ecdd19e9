import type { AppGraph } from '../../project/app-graph';
import type { ArgFact, EventFact, FileFacts, FunctionFact, NestControllerFact, NestMiddlewareFact, NestRouteFact, ValueRef } from '../../project/facts';
import { joinPath, type MiddlewareUse, type RouteInstance } from '../../project/route-walker';
import { authNameMatcher } from './auth-names';
import type { AuthOptions } from './auth-options';
import { callsCheck, canStopRequest, hasInHandlerCheck, passesEveryone, rejectsCaller } from './handler-checks';
import { isAuthDecorator, isAuthGuardName, isPublicDecorator, NON_AUTH_GUARD_NAME } from './nest-guards';
import { routeNeed, type RouteNeed } from './route-policy';
import { specCovers } from '../../project/extract-nest-middleware';

export type UnmetNeed = Exclude<RouteNeed, { kind: 'public' } | { kind: 'none' }>;

/** A route of the analysed file that needs a check and has none. */
export interface UnprotectedRoute {
  event: EventFact;
  instance: RouteInstance;
  need: UnmetNeed;
  /** An auth middleware of the same chain registered after the route, which never runs for it. */
  registeredAfter?: MiddlewareUse;
}

/**
 * Decides, with memoised results, whether middleware arguments check authentication or authorization.
 * A middleware counts by its name, by wrapping one that counts (`asyncHandler(auth.jwt)`), by the array
 * or spread it sits in, or by what its body does: it ends the request with 401/403 or a redirect to a
 * log-in page, or it calls a check. A route's own handler counts only with an identity check in its body.
 */
export class AuthMiddlewareJudge {
  private readonly memo = new Map<ArgFact, boolean>();
  private readonly handlerMemo = new Map<ArgFact, boolean>();
  private readonly isAuthName: (name: string) => boolean;

  constructor(private readonly graph: AppGraph, options: AuthOptions) {
    this.isAuthName = authNameMatcher(options.middleware);
  }

  /** True when a middleware (anything that runs before the handler) checks the caller. */
  isAuth(file: string, arg: ArgFact): boolean {
    return this.memoised(this.memo, file, arg, true);
  }

  /** True when a route's last function (its handler) checks the caller before acting. */
  handlerChecks(file: string, arg: ArgFact): boolean {
    return this.memoised(this.handlerMemo, file, arg, false);
  }

  /** `false` is stored first so that a middleware that (through arrays or wrappers) reaches itself ends. */
  private memoised(memo: Map<ArgFact, boolean>, file: string, arg: ArgFact, middleware: boolean): boolean {
    let result = memo.get(arg);
    if (result === undefined) {
      memo.set(arg, false);
      result = this.compute(file, arg, middleware);
      memo.set(arg, result);
    }
    return result;
  }

  private compute(file: string, arg: ArgFact, middleware: boolean): boolean {
    if (arg.kind === 'array') return arg.items.some((item) => this.isAuth(file, item));
    // The name is a hint; a body the index can read decides: one that always passes the request on checks
    // nothing, whatever it is called (`verify.jwtChallenges()` only records solved challenges).
    if ((arg.kind === 'ref' || arg.kind === 'call') && this.isAuthName(arg.name)) return !this.namedCheckPassesEveryone(file, arg, middleware);
    // Middleware packages about something else stay so whatever they are given: `cors(getCorsOptions())`.
    if (arg.kind === 'call' && this.isNonCheckPackage(file, arg)) return false;
    // A wrapper around a check is that check: `asyncHandler(auth.jwt)`, `compose([session, requireUser])`.
    if (arg.kind === 'call' && arg.args.some((inner) => inner.kind !== 'string' && this.isAuth(file, inner))) return true;
    if (arg.kind === 'call' && arg.args.some(declaresCheck)) return true;
    const value = arg.kind === 'ref' ? this.graph.resolver.resolve(file, arg.ref) : arg.kind === 'call' ? this.graph.resolver.resolve(file, arg.result) : undefined;
    if (value?.kind === 'array') return value.items.some((item) => this.resolvedChecks(value.file, item, middleware));
    const fn = this.graph.resolver.functionOf(file, arg);
    return fn !== undefined && this.checks(fn.fact, middleware);
  }

  /** The name a reference carries: `ensureLoggedIn` for an import of it, or for a call of one (`ensureLoggedIn()`). */
  private refName(file: string, ref: ValueRef): string | undefined {
    if (ref.root.kind === 'call') return this.refName(file, ref.root.callee);
    if (ref.root.kind !== 'import') return undefined;
    const imported = this.graph.set.files.get(file)?.imports[ref.root.index];
    if (!imported) return undefined;
    return [imported.name === '=' || imported.name === 'default' || imported.name === '*' ? '' : imported.name, ...ref.path.filter((p) => p !== '()')].filter(Boolean).join('.');
  }

  private resolvedChecks(file: string, item: ValueRef, middleware: boolean): boolean {
    const name = this.refName(file, item);
    if (name && this.isAuthName(name)) return true;
    const value = this.graph.resolver.resolve(file, item);
    const fact = value.kind === 'function' && !value.path.length ? this.graph.set.files.get(value.file)?.functions[value.index] : undefined;
    return fact !== undefined && this.checks(fact, middleware);
  }

  private isNonCheckPackage(file: string, arg: Extract<ArgFact, { kind: 'call' }>): boolean {
    const callee = this.graph.resolver.resolve(file, arg.callee);
    return callee.kind === 'package' && NON_CHECK_PACKAGES.has(callee.name);
  }

  private namedCheckPassesEveryone(file: string, arg: ArgFact, middleware: boolean): boolean {
    const body = this.graph.resolver.functionOf(file, arg)?.fact.bodyText;
    return middleware && body !== undefined && passesEveryone(body);
  }

  /** A function checks auth when its declared name says so or its code checks the caller and ends the request. */
  private checks(fact: FunctionFact, middleware: boolean): boolean {
    if (fact.bodyText !== undefined && middleware && passesEveryone(fact.bodyText)) return false;
    if (fact.name && this.isAuthName(fact.name)) return true;
    if (fact.bodyText === undefined) return false;
    if (hasInHandlerCheck(fact.bodyText)) return true;
    return middleware && (rejectsCaller(fact.bodyText) || callsCheck(fact.bodyText, this.isAuthName));
  }

  /**
   * The name of the list by which a middleware lets this route's path through unchecked, if it does: its
   * code tests the request's path against paths the index can read (`WHITELIST.some((u) => req.path.startsWith(u))`).
   */
  exemptingList(use: MiddlewareUse, fullPath: string): string | undefined {
    const fn = this.graph.resolver.functionOf(use.file, use.arg);
    const exempt = fn?.fact.exemptPaths;
    if (!fn || !exempt) return undefined;
    // `req.path` is relative to where the middleware is mounted.
    const scope = use.scope === '/' ? '' : use.scope;
    const path = scope && fullPath.startsWith(scope) ? fullPath.slice(scope.length) || '/' : fullPath;
    const listed = this.listedPaths(fn.file, exempt.list).some((entry) => (exempt.match === 'prefix' ? entry !== '' && path.startsWith(entry) : path === entry));
    return listed ? exempt.name : undefined;
  }

  /** The strings of a list of paths; `LIST.filter(...)` keeps some of LIST, so LIST's are taken. */
  private listedPaths(file: string, ref: ValueRef): string[] {
    let list = ref;
    if (list.root.kind === 'call' && !list.path.length && list.root.callee.path[list.root.callee.path.length - 1] === 'filter') {
      list = { root: list.root.callee.root, path: list.root.callee.path.slice(0, -1) };
    }
    const value = this.graph.resolver.resolve(file, list);
    return value.kind === 'array' ? value.strings ?? [] : [];
  }

  /**
   * False for a check whose body the index reads and which never stops a request: it verifies who the caller
   * is and lets everyone on (`updateAuthenticatedUsers()`), so it is no sign-in requirement and never the
   * check a route missed by being registered before it.
   */
  stopsRequests(file: string, arg: ArgFact): boolean {
    const body = this.handlerCode(file, arg);
    return body === undefined || canStopRequest(body);
  }

  /**
   * The code of a handler: its function's, and for a wrapper call (`asyncHandler(auth.createAdminUser)`)
   * also the code of the handlers it wraps, which is what runs for the request.
   */
  handlerCode(file: string, arg: ArgFact | undefined): string | undefined {
    if (!arg) return undefined;
    const own = this.graph.resolver.functionOf(file, arg)?.fact.bodyText;
    if (arg.kind !== 'call') return own;
    const wrapped = arg.args.flatMap((inner) => (inner.kind === 'ref' || inner.kind === 'function' ? [this.graph.resolver.functionOf(file, inner)?.fact.bodyText] : []))
      .filter((code): code is string => code !== undefined);
    return wrapped.length ? [own ?? '', ...wrapped].join('\n') : own;
  }
}

/**
 * Middleware packages that shape requests and responses and authenticate nobody: CORS only tells
 * browsers which pages may read an answer (any other client is served), the rest parse, log or compress.
 */
const NON_CHECK_PACKAGES: ReadonlySet<string> = new Set(['cors', '@koa/cors', '@fastify/cors', 'helmet', 'compression', 'morgan', 'body-parser', 'cookie-parser', 'express-session', 'express-rate-limit', 'koa-body', 'koa-bodyparser']);

/** Options that ask the call to check the caller: `withApi(handler, { user: true })`, `protect({ roles: ['admin'] })`. */
const DECLARED_CHECK_FLAGS = /^(?:user|auth|authenticated|authRequired|requireAuth|requiresAuth|requireUser|loginRequired|requireLogin|admin|administrator|isAdmin|protected)$/;
const DECLARED_ROLE_KEYS = /^(?:roles?|permissions?)$/;

function declaresCheck(arg: ArgFact): boolean {
  if (arg.kind !== 'object') return false;
  return Object.entries(arg.props).some(([key, value]) => (DECLARED_CHECK_FLAGS.test(key) && value.kind === 'other' && value.text === 'true')
    || (DECLARED_ROLE_KEYS.test(key) && ((value.kind === 'string' && value.value !== '') || (value.kind === 'array' && value.items.length > 0))));
}

function unmet(need: RouteNeed): need is UnmetNeed {
  return need.kind !== 'public' && need.kind !== 'none';
}

/** A NestJS route without a guard. */
export interface UnguardedNestRoute {
  controller: NestControllerFact;
  route: NestRouteFact;
  fullPath: string;
  need: UnmetNeed;
}

/** A Nest route with its verdict, as the Routes view and the rule see it. */
export interface NestRouteVerdict {
  controller: NestControllerFact;
  route: NestRouteFact;
  fullPath: string;
  need: RouteNeed;
  kind: 'protected' | 'public' | 'no-check-needed' | 'unprotected';
  detail: string;
}

/** What guards Nest routes across the project: names of guards, composite decorators and bound middleware. */
export interface NestAuthModel {
  /** An auth guard applied to every route, if any. */
  global?: string;
  /** Guard and decorator names that count as auth beyond the well-known ones. */
  extra: string[];
  /** Auth middleware bound to routes with `forRoutes`. */
  bound: NestMiddlewareFact[];
}

/** Read once per project: every Nest file's verdicts use it. */
export function nestAuthModel(projectFiles: Iterable<FileFacts>, options: AuthOptions): NestAuthModel {
  const files = [...projectFiles].filter((f) => !f.isTest);
  // Project guards that refuse callers, and decorators applying an auth guard, count like the well-known names.
  const guardNames = [...options.middleware, ...files.flatMap((f) => f.nestRefusingGuards ?? []).filter((g) => !NON_AUTH_GUARD_NAME.test(g))];
  const composite = files.flatMap((f) => f.nestCompositeDecorators ?? []).filter((d) => d.guards.some((g) => isAuthGuardName(g, guardNames))).map((d) => d.name);
  return {
    global: files.flatMap((f) => f.globalGuards).find((g) => isAuthGuardName(g, guardNames)),
    extra: [...guardNames, ...composite],
    bound: files.flatMap((f) => f.nestMiddleware ?? []).filter((m) => m.middleware.some((name) => isAuthGuardName(name, options.middleware))),
  };
}

/** Every Nest route of a file with its verdict: a guard (global, class, method, bound middleware), public, no need, or none. */
export function nestRouteVerdicts(current: FileFacts, model: NestAuthModel, options: AuthOptions): NestRouteVerdict[] {
  const result: NestRouteVerdict[] = [];
  for (const controller of current.nestControllers) {
    const classGuard = controller.decorators.find((d) => isAuthDecorator(d, model.extra));
    const classPublic = controller.decorators.find(isPublicDecorator);
    for (const route of controller.routes) {
      const fullPath = joinPath(controller.path, route.path);
      const need = routeNeed({ methods: [route.method], fullPath, publicReason: route.publicReason, handlerName: route.methodName, handlerCode: route.bodyText }, options);
      const verdict = (kind: NestRouteVerdict['kind'], detail: string) => result.push({ controller, route, fullPath, need, kind, detail });
      const methodGuard = route.decorators.find((d) => isAuthDecorator(d, model.extra));
      const marker = route.decorators.find(isPublicDecorator) ?? classPublic;
      const bound = model.bound.find((m) => m.routes.some((spec) => specCovers(spec, controller.name, route.method, fullPath)));
      if (marker) verdict('public', `@${marker.name}()`);
      else if (methodGuard ?? classGuard) verdict('protected', `@${(methodGuard ?? classGuard)!.name}(${(methodGuard ?? classGuard)!.argNames.join(', ')})`);
      else if (model.global) verdict('protected', `global guard ${model.global}`);
      else if (bound) verdict('protected', `${bound.middleware.join(', ')} (bound in a module with forRoutes)`);
      else if (route.bodyText && hasInHandlerCheck(route.bodyText)) verdict('protected', 'a check inside the handler');
      else if (need.kind === 'public') verdict('public', need.reason);
      else if (need.kind === 'none') verdict('no-check-needed', need.reason);
      else verdict('unprotected', 'no guard on the method, the controller or the app');
    }
  }
  return result;
}

/** Nest routes of a file that need a check and have none. */
export function unguardedNestRoutes(current: FileFacts, model: NestAuthModel, options: AuthOptions): UnguardedNestRoute[] {
  return nestRouteVerdicts(current, model, options).filter((v) => v.kind === 'unprotected' && unmet(v.need))
    .map((v) => ({ controller: v.controller, route: v.route, fullPath: v.fullPath, need: v.need as UnmetNeed }));
}
