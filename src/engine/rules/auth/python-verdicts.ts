import { djangoRoutes } from '../../frameworks/django/django-routes';
import { fastapiRoutes } from '../../frameworks/fastapi/fastapi-routes';
import { flaskRoutes } from '../../frameworks/flask/flask-routes';
import { mergeShapes } from '../../frameworks/python-handlers';
import { PythonProject } from '../../languages/python/modules';
import type { BackendRoute, HandlerShape, RouteGuard, VerdictKind } from '../../model/routes';
import type { FileFacts } from '../../project/facts';
import type { AuthOptions } from './auth-options';
import { changesNothing, handlerNeed } from './python-handler-needs';
import { routeNeed, type RouteDescription, type RouteNeed } from './route-policy';

/** A route of the neutral model with its verdict: the same vocabulary as the JavaScript routes. */
export interface ModelVerdict {
  route: BackendRoute;
  need: RouteNeed;
  kind: VerdictKind;
  detail: string;
  /** The check that protects it. */
  guard?: RouteGuard;
  /** The methods no check covers, when checks cover the others (a guarded `post` beside an open `put`). */
  openMethods?: string[];
}

/** Every Flask, Django and FastAPI route of the project's Python files. */
export function pythonRoutes(files: Iterable<FileFacts>, rootDir?: string): BackendRoute[] {
  const project = new PythonProject(files);
  if (!project.files.size) return [];
  return [...flaskRoutes(project, rootDir), ...djangoRoutes(project, rootDir), ...fastapiRoutes(project, rootDir)];
}

const WIDER: Record<RouteGuard['level'], number> = { app: 0, router: 1, route: 2, handler: 3 };

/**
 * The checks that run for a route: an opening (`AllowAny`, `@login_not_required`) cancels the checks declared
 * at a wider level; a check that lets some methods through (`IsAuthenticatedOrReadOnly`) leaves those open.
 */
function effectiveChecks(route: BackendRoute): { checks: RouteGuard[]; opening?: RouteGuard } {
  let checks: RouteGuard[] = [];
  let opening: RouteGuard | undefined;
  for (const guard of route.guards) {
    if (guard.role === 'opens') {
      opening = guard;
      checks = checks.filter((c) => WIDER[c.level] >= WIDER[guard.level] && c.level !== 'app');
    } else checks.push(guard);
  }
  return { checks, opening };
}

function isAdminPath(path: string): boolean {
  return path.split('/').some((s) => /^admin(?:istration)?$/i.test(s));
}

/**
 * The need as the view's body shows it, where the method or path alone claims a change or a sensitive read:
 * a first-run setup step, a signed or random link, a view that only redirects or touches no stored data; a
 * POST that changes nothing is judged by what it reads.
 */
function bodyNeed(whole: BackendRoute, description: RouteDescription, need: RouteNeed, options: AuthOptions): RouteNeed {
  if (need.kind !== 'state-changing' && need.kind !== 'sensitive') return need;
  // the methods judged here without the others (a guarded post beside an open get): their own code decides
  const own = description.methods.length < whole.methods.length ? description.methods.map((m) => whole.methodShapes?.[m]) : [];
  const route = own.length && own.every((s) => s) ? { ...whole, handlerShape: mergeShapes(own as HandlerShape[]) } : whole;
  const shown = handlerNeed(route);
  if (shown) return shown;
  return need.kind === 'state-changing' && changesNothing(route) ? routeNeed({ ...description, methods: ['get'] }, options) : need;
}

function judge(route: BackendRoute, options: AuthOptions): ModelVerdict {
  const { checks, opening } = effectiveChecks(route);
  // Methods no check covers (`IsAuthenticatedOrReadOnly` covers all but the safe ones).
  const full = checks.filter((c) => !c.exceptMethods);
  const open = full.length ? [] : route.methods.filter((m) => !checks.some((c) => !c.exceptMethods?.includes(m)));
  const description = { methods: full.length ? route.methods : open, fullPath: route.fullPath, publicReason: route.publicReason, handlerName: route.handlerName, handlerCode: route.handlerCode };
  const need = bodyNeed(route, description, routeNeed(description, options), options);
  const guard = full[0] ?? checks[0];
  if (guard && isAdminPath(route.fullPath) && !checks.some((c) => c.privilege)) {
    return { route, need: { kind: 'admin' }, kind: 'unprotected', detail: `only ${guard.name}, a sign-in check, guards an admin route`, guard };
  }
  if (full.length) return { route, need, kind: 'protected', detail: `${guard.name} (${guard.level} level)`, guard };
  if (opening && !checks.length) return { route, need: { kind: 'public', reason: `declared public: ${opening.name}` }, kind: 'public', detail: `declared public (${opening.name})` };
  if (checks.length && !open.length) return { route, need, kind: 'protected', detail: `${guard.name} (${guard.level} level)`, guard };
  if (need.kind === 'public') return { route, need, kind: 'public', detail: need.reason };
  if (need.kind === 'none') return { route, need, kind: checks.length ? 'protected' : 'no-check-needed', detail: checks.length ? `${guard.name} (${guard.level} level; ${open.join('/').toUpperCase()} left open for reading)` : need.reason, guard };
  return { route, need, kind: 'unprotected', detail: 'no check runs before the view', ...(checks.length && open.length ? { openMethods: open } : {}) };
}

/**
 * Verdicts for the project's Python routes. `wholeProject`: the routes are the whole project's, so an app
 * none of whose routes checks anyone is said to have no authentication at all (one note, not a finding per route).
 */
export function pythonVerdicts(routes: readonly BackendRoute[], options: AuthOptions, wholeProject: boolean): ModelVerdict[] {
  const verdicts = routes.map((r) => judge(r, options));
  if (!wholeProject) return verdicts;
  const byApp = new Map<string, ModelVerdict[]>();
  for (const v of verdicts) byApp.set(v.route.app, [...(byApp.get(v.route.app) ?? []), v]);
  const projectHasConcept = verdicts.some((v) => v.kind === 'protected');
  for (const list of byApp.values()) {
    if (list.some((v) => v.kind === 'protected')) continue;
    // A blueprint or router no app is seen mounting belongs to the project at large.
    if (projectHasConcept && list.every((v) => v.route.unmounted)) continue;
    for (const v of list) if (v.kind === 'unprotected') { v.kind = 'no-auth-app'; v.detail = 'the app has no authentication at all: every route is public'; }
  }
  return verdicts;
}

/** The guard the project's protected routes use most (decorators first): what a fix adds and messages suggest. */
export function projectGuard(verdicts: readonly ModelVerdict[], framework: BackendRoute['framework']): RouteGuard | undefined {
  const counts = new Map<string, { guard: RouteGuard; count: number }>();
  for (const v of verdicts) {
    if (v.kind !== 'protected' || !v.guard || v.route.framework !== framework || v.guard.level === 'handler') continue;
    const entry = counts.get(v.guard.name) ?? { guard: v.guard, count: 0 };
    entry.count++;
    counts.set(v.guard.name, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.guard;
}
