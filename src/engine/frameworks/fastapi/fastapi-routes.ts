import type { PyFunction, PyParam } from '../../languages/python/python-facts';
import type { PythonProject } from '../../languages/python/modules';
import type { BackendRoute, RouteGuard } from '../../model/routes';
import { dependencyListGuards, dependencyRefuses, paramDependencies } from '../python-guards';
import { decoratorGuards, handlerGuard, PythonApps, type AppFramework } from '../python-apps';
import { classChain } from '../python-classes';

const PRIVILEGE = /admin|superuser|staff|role|perm|scope|owner/i;

/** Parameters that depend on a refusing dependency: `user: User = Depends(get_current_user)`, `user: CurrentUser`. */
function parameterGuards(project: PythonProject, file: string, params: readonly PyParam[]): RouteGuard[] {
  const guards: RouteGuard[] = [];
  for (const param of params) {
    for (const target of paramDependencies(project, file, param.default, param.annotation)) {
      const effect = dependencyRefuses(project, target.file, target.name);
      if (effect) guards.push({ name: `Depends(${target.name})`, level: 'route', role: 'checks', effect, privilege: PRIVILEGE.test(target.name) });
    }
  }
  return guards;
}

/**
 * Dependencies declared as class attributes of a class-based view (fastapi-utils `@cbv`, or a project's own
 * `@controller(router)`): `user: User = Depends(get_current_user)` on the class or a base is resolved for every
 * route method of the class. The nearest class that names an attribute decides it (a subclass may override it).
 */
function classGuards(project: PythonProject, file: string, fn: PyFunction): RouteGuard[] {
  const cls = fn.className ? project.files.get(file)?.classes.find((c) => c.name === fn.className) : undefined;
  if (!cls || fn.params[0]?.name !== 'self') return [];
  const guards: RouteGuard[] = [];
  const decided = new Set<string>();
  for (const link of classChain(project, file, cls)) {
    for (const [attr, value] of Object.entries(link.cls?.attrs ?? {})) {
      if (decided.has(attr)) continue;
      decided.add(attr);
      for (const target of paramDependencies(project, link.file, value, undefined)) {
        const effect = dependencyRefuses(project, target.file, target.name);
        if (effect) guards.push({ name: `Depends(${target.name}) on ${link.name}`, level: 'route', role: 'checks', effect, privilege: PRIVILEGE.test(target.name) });
      }
    }
  }
  return guards;
}

export const FASTAPI: AppFramework = {
  framework: 'fastapi',
  apps: new Set(['FastAPI']),
  routers: new Set(['APIRouter']),
  module: /^fastapi\b/,
  mount: 'include_router',
  prefixKeyword: 'prefix',
  creationGuards: (project, file, call) => dependencyListGuards(project, file, call.kwargs.dependencies, 'router'),
  routeGuards: (project, file, fn, routeDecorator) => [
    ...dependencyListGuards(project, file, fn.decorators[routeDecorator].call?.kwargs.dependencies, 'route'),
    ...classGuards(project, file, fn),
    ...parameterGuards(project, file, fn.params),
    ...decoratorGuards(project, file, fn, routeDecorator),
    ...handlerGuard(fn),
  ],
};

/** Every FastAPI route of the project, with the dependencies of its app, routers, include_router calls, decorator and parameters. */
export function fastapiRoutes(project: PythonProject, rootDir?: string): BackendRoute[] {
  return new PythonApps(project, FASTAPI, rootDir).routes();
}
