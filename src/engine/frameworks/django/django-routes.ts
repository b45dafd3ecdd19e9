import path = require('path');
import type { PyAssignment, PyValue } from '../../languages/python/python-facts';
import type { PythonProject } from '../../languages/python/modules';
import type { BackendRoute, RouteGuard } from '../../model/routes';
import { markAbove } from '../python-apps';
import { answeringFunctions, functionShape, mergeShapes, unguessableParams } from '../python-handlers';
import { decoratorGuard, joinPaths, normalizedPath } from '../python-guards';
import { djangoSettings, type DjangoSettings } from './django-settings';
import { viewFacts, viewSetRoutes, type DjangoView } from './django-views';

/**
 * Django routes: URLconfs (`urlpatterns` of `path`, `re_path`, `url`, `include`) walked from the root URLconf
 * (`ROOT_URLCONF`, else every URLconf no other includes) down to function and class views, DRF routers
 * (`router.register`) expanded into their ViewSet actions, views judged with the project's settings.
 */

const ROUTE_CALLS = /(?:^|\.)(?:path|re_path|url)$/;
const ROUTER_FACTORIES = /(?:^|\.)(?:DefaultRouter|SimpleRouter|ExtendedSimpleRouter|NestedSimpleRouter|NestedDefaultRouter|ExtendedDefaultRouter)$/;
const MAX_DEPTH = 8;

type Call = Extract<PyValue, { kind: 'call' }>;

interface Walk {
  project: PythonProject;
  settings: DjangoSettings;
  routes: BackendRoute[];
  app: string;
  appLabel: string;
  visited: Set<string>;
}

function relative(root: string | undefined, file: string): string {
  return root ? path.relative(root, file).split(path.sep).join('/') : path.basename(file);
}

/** The entries of a URLconf's `urlpatterns` (every `=` and `+=`), flattened. */
function patternsOf(project: PythonProject, file: string): { items: PyValue[] }[] {
  return project.assignmentsOf(file, 'urlpatterns').map((assignment) => ({ items: flatten(assignment.value) }));
}

function flatten(value: PyValue): PyValue[] {
  return value.kind === 'list' ? value.items.flatMap(flatten) : [value];
}

function isUrlconf(project: PythonProject, file: string): boolean {
  return project.assignmentsOf(file, 'urlpatterns').length > 0;
}

function push(walk: Walk, file: string, call: Call, fullPath: string, view: DjangoView, wrappers: RouteGuard[], methodsOverride?: string[], unguessable?: string[]): void {
  const facts = viewFacts(walk.project, view, walk.settings, wrappers);
  // The URLconf entry (or the router registration) is where the route is declared: findings go there.
  const firstLine = call.text.split('\n')[0];
  const viewFn = view.kind === 'function' ? view.fn : undefined;
  const methods = methodsOverride ?? facts.methods;
  // each answering method's shape once: together they are the view's, apart they judge methods checked apart
  const shapes = answeringFunctions(walk.project, view, methods).map((fn) => functionShape(walk.project, view.file, fn));
  walk.routes.push({
    framework: 'django', methods, fullPath: normalizedPath(fullPath).replace(/(.)\/$/, '$1') || '/', file,
    reportStart: call.start, reportEnd: call.start + firstLine.length,
    reportAt: [call.line, call.column, call.line, call.column + firstLine.length],
    handlerName: facts.name, handlerFile: facts.file, handlerCode: facts.code,
    guards: facts.guards, publicReason: facts.publicReason ?? markAbove(walk.project.files.get(file)?.publicMarks ?? {}, call.line) ?? (facts.signIn ? 'a sign-in or account view of django.contrib.auth' : undefined),
    app: walk.app, appLabel: walk.appLabel,
    decoratorAt: viewFn ? { file: view.file, offset: viewFn.defLineStart, indent: viewFn.indent } : undefined,
    handlerShape: shapes.length ? mergeShapes(shapes) : undefined,
    methodShapes: view.kind === 'class' && shapes.length > 1 ? Object.fromEntries(methods.map((m, i) => [m, shapes[i]])) : undefined,
    unguessableParams: unguessable,
  });
}

/** `views.index`, `Index.as_view()`, `login_required(views.index)`: the view an entry reaches and the wrappers around it. */
function viewOf(walk: Walk, file: string, value: PyValue | undefined, wrappers: RouteGuard[] = [], depth = 0, viewPrefix = ''): { view: DjangoView; wrappers: RouteGuard[] } | undefined {
  if (!value || depth > 4) return undefined;
  if (value.kind === 'string') {
    // Django before 1.10: the view as a dotted string (`'app.views.index'`), after `patterns('app.views', ...)`'s prefix.
    const dotted = viewPrefix ? `${viewPrefix}.${value.value}` : value.value;
    const cut = dotted.lastIndexOf('.');
    const module = cut > 0 ? walk.project.moduleFile(file, dotted.slice(0, cut)) : undefined;
    const symbol = module && walk.project.resolve(module, dotted.slice(cut + 1));
    return symbol && symbol.kind === 'function' ? { view: { kind: 'function', file: symbol.file, fn: symbol.fn }, wrappers } : undefined;
  }
  if (value.kind === 'name') {
    const symbol = walk.project.resolve(file, value.name);
    if (symbol?.kind === 'function') return { view: { kind: 'function', file: symbol.file, fn: symbol.fn }, wrappers };
    if (symbol?.kind === 'class') return { view: { kind: 'class', file: symbol.file, cls: symbol.cls }, wrappers };
    return undefined;
  }
  if (value.kind !== 'call') return undefined;
  if (value.callee.endsWith('.as_view')) {
    const symbol = walk.project.resolve(file, value.callee.slice(0, -'.as_view'.length));
    if (symbol?.kind !== 'class') return undefined;
    const actionsValue = value.args[0];
    const actions = actionsValue?.kind === 'dict' ? Object.fromEntries(actionsValue.entries.map(([k, v]) => [k, v.kind === 'string' ? v.value : ''])) : undefined;
    return { view: { kind: 'class', file: symbol.file, cls: symbol.cls, actions }, wrappers };
  }
  // A decorator applied in the URLconf: `login_required(views.profile)`, `staff_member_required(View.as_view())`.
  const guard = decoratorGuard(walk.project, file, { name: value.callee, start: value.start, end: value.start });
  return viewOf(walk, file, value.args[0], guard ? [...wrappers, guard] : wrappers, depth + 1);
}

/** The URLconf module `include(...)` names, or the router whose `.urls` it takes. */
function walkInclude(walk: Walk, file: string, target: PyValue | undefined, prefix: string, wrappers: RouteGuard[], depth: number): void {
  if (!target) return;
  if (target.kind === 'list') return walkInclude(walk, file, target.items[0], prefix, wrappers, depth);
  if (target.kind === 'string') {
    const module = walk.project.moduleFile(file, target.value);
    if (module) walkUrlconf(walk, module, prefix, wrappers, depth + 1);
    return;
  }
  if (target.kind !== 'name') return;
  if (target.name.endsWith('.urls')) {
    const owner = target.name.slice(0, -'.urls'.length);
    const router = walk.project.resolve(file, owner);
    if (router?.kind === 'assignment' && router.assignment.value.kind === 'call' && ROUTER_FACTORIES.test(router.assignment.value.callee)) {
      walkRouter(walk, router.file, router.assignment, prefix, wrappers);
      return;
    }
    if (router?.kind === 'module' && isUrlconf(walk.project, router.file)) return walkUrlconf(walk, router.file, prefix, wrappers, depth + 1);
  }
  const symbol = walk.project.resolve(file, target.name);
  if (symbol?.kind === 'module') walkUrlconf(walk, symbol.file, prefix, wrappers, depth + 1);
  else if (symbol?.kind === 'assignment') walkEntries(walk, symbol.file, flatten(symbol.assignment.value), prefix, wrappers, depth + 1);
}

/** `router.register(r'users', UserViewSet)`: the ViewSet's collection, item and `@action` routes under the prefix. */
function walkRouter(walk: Walk, file: string, router: PyAssignment, prefix: string, wrappers: RouteGuard[]): void {
  const facts = walk.project.files.get(file);
  for (const { call } of facts?.calls ?? []) {
    if (call.callee !== `${router.target}.register`) continue;
    const route = call.args[0] ?? call.kwargs.prefix;
    const viewValue = call.args[1] ?? call.kwargs.viewset;
    const symbol = viewValue?.kind === 'name' ? walk.project.resolve(file, viewValue.name) : undefined;
    if (route?.kind !== 'string' || symbol?.kind !== 'class') continue;
    for (const sub of viewSetRoutes(walk.project, symbol.file, symbol.cls)) {
      push(walk, file, call, joinPaths(prefix, route.value, sub.suffix), { kind: 'class', file: symbol.file, cls: symbol.cls }, wrappers, sub.methods);
    }
  }
}

function walkEntries(walk: Walk, file: string, items: PyValue[], prefix: string, wrappers: RouteGuard[], depth: number, viewPrefix = ''): void {
  if (depth > MAX_DEPTH) return;
  for (const item of items) {
    if (item.kind === 'call' && /(?:^|\.)patterns$/.test(item.callee)) {
      const first = item.args[0];
      walkEntries(walk, file, item.args.slice(1), prefix, wrappers, depth + 1, first?.kind === 'string' ? first.value : '');
      continue;
    }
    if (item.kind === 'name' && item.name.endsWith('.urls')) { walkInclude(walk, file, item, prefix, wrappers, depth); continue; }
    if (item.kind !== 'call' || !ROUTE_CALLS.test(item.callee)) continue;
    const route = item.args[0] ?? item.kwargs.route;
    const routeText = route?.kind === 'string' ? route.value : '';
    const target = item.args[1] ?? item.kwargs.view;
    const full = joinPaths(prefix, normalizedPath(routeText));
    if (target?.kind === 'call' && /(?:^|\.)include$/.test(target.callee)) { walkInclude(walk, file, target.args[0], full, wrappers, depth); continue; }
    if (target?.kind === 'name' && target.name === 'admin.site.urls') continue;
    const found = viewOf(walk, file, target, wrappers, 0, viewPrefix);
    if (found) push(walk, file, item, full, found.view, found.wrappers, undefined, unguessableParams(routeText));
  }
}

function walkUrlconf(walk: Walk, file: string, prefix: string, wrappers: RouteGuard[], depth: number): void {
  const key = `${file}\0${prefix}`;
  if (walk.visited.has(key) || depth > MAX_DEPTH) return;
  walk.visited.add(key);
  for (const { items } of patternsOf(walk.project, file)) walkEntries(walk, file, items, prefix, wrappers, depth);
}

/** Every Django route of the project, from its root URLconfs. */
export function djangoRoutes(project: PythonProject, rootDir?: string): BackendRoute[] {
  const urlconfs = [...project.files.keys()].filter((f) => isUrlconf(project, f));
  if (!urlconfs.length) return [];
  const settings = djangoSettings(project);
  const included = new Set<string>();
  for (const file of urlconfs) {
    for (const { items } of patternsOf(project, file)) {
      for (const item of items.flatMap((i) => (i.kind === 'call' && /(?:^|\.)patterns$/.test(i.callee) ? i.args.slice(1) : [i]))) {
        const target = item.kind === 'call' ? item.args[1] : undefined;
        const inner = target?.kind === 'call' && /(?:^|\.)include$/.test(target.callee) ? target.args[0] : undefined;
        const first = inner?.kind === 'list' ? inner.items[0] : inner;
        const module = first?.kind === 'string' ? project.moduleFile(file, first.value) : first?.kind === 'name' ? resolvedModule(project, file, first.name) : undefined;
        if (module) included.add(module);
      }
    }
  }
  const configured = settings.rootUrlconfs.map((m) => project.moduleFile(urlconfs[0], m)).filter((f): f is string => !!f);
  const roots = configured.length ? [...new Set(configured)] : urlconfs.filter((f) => !included.has(f));
  const routes: BackendRoute[] = [];
  for (const root of roots) {
    const label = `Django URLconf (${relative(rootDir, root)})`;
    walkUrlconf({ project, settings, routes, app: `django:${path.dirname(path.dirname(root))}`, appLabel: label, visited: new Set() }, root, '', [], 0);
  }
  return routes;
}

function resolvedModule(project: PythonProject, file: string, name: string): string | undefined {
  const symbol = project.resolve(file, name);
  return symbol?.kind === 'module' ? symbol.file : undefined;
}
