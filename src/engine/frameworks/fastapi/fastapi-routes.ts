import type { PyParam } from '../../languages/python/python-facts';
import type { PythonProject } from '../../languages/python/modules';
import type { BackendRoute, RouteGuard } from '../../model/routes';
import { dependencyListGuards, dependencyRefuses, paramDependencies } from '../python-guards';
import { decoratorGuards, handlerGuard, PythonApps, type AppFramework } from '../python-apps';

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
    ...parameterGuards(project, file, fn.params),
    ...decoratorGuards(project, file, fn, routeDecorator),
    ...handlerGuard(fn),
  ],
};

/** Every FastAPI route of the project, with the dependencies of its app, routers, include_router calls, decorator and parameters. */
export function fastapiRoutes(project: PythonProject, rootDir?: string): BackendRoute[] {
  return new PythonApps(project, FASTAPI, rootDir).routes();
}
