import type { PythonProject } from '../../languages/python/modules';
import type { BackendRoute, RouteGuard } from '../../model/routes';
import { decoratorGuards, handlerGuard, PythonApps, type AppFramework } from '../python-apps';

/** Hook decorators that run before every request of the object (`before_app_request`: of the whole app). */
/** A hook that asks what the caller may do, not only who they are. */
const PRIVILEGE_CODE = /\b(?:is_admin|is_staff|is_superuser|has_role|has_perm\w*|roles?|permissions?|admin)\b/;

const BEFORE_HOOKS = /^(?:before_request|before_app_request)$/;

/**
 * A `before_request` function on the app or a blueprint that refuses callers guards every route under it:
 * `@bp.before_request` decorated, or registered by call (`app.before_request(check_login)`).
 */
function beforeRequestGuards(project: PythonProject, objectKey: string): RouteGuard[] {
  const guards: RouteGuard[] = [];
  for (const [hookFile, facts] of project.files) {
    for (const fn of facts.functions) {
      const hook = fn.decorators.find((d) => {
        const parts = d.name.split('.');
        const method = parts.pop() ?? '';
        if (!BEFORE_HOOKS.test(method)) return false;
        const owner = project.resolve(hookFile, parts.join('.'));
        return owner?.kind === 'assignment' && `${owner.file}#${owner.assignment.target}` === objectKey;
      });
      if (hook && fn.refuses) guards.push({ name: `${hook.name.split('.').pop()} ${fn.name}()`, level: 'app', role: 'checks', effect: fn.refuses, privilege: PRIVILEGE_CODE.test(fn.code) });
    }
    for (const { call } of facts.calls) {
      const parts = call.callee.split('.');
      if (!BEFORE_HOOKS.test(parts.pop() ?? '') || call.args[0]?.kind !== 'name') continue;
      const owner = project.resolve(hookFile, parts.join('.'));
      if (owner?.kind !== 'assignment' || `${owner.file}#${owner.assignment.target}` !== objectKey) continue;
      const target = project.resolve(hookFile, call.args[0].name);
      if (target?.kind === 'function' && target.fn.refuses) guards.push({ name: `before_request ${target.fn.name}()`, level: 'app', role: 'checks', effect: target.fn.refuses, privilege: PRIVILEGE_CODE.test(target.fn.code) });
    }
  }
  return guards;
}

export const FLASK: AppFramework = {
  framework: 'flask',
  apps: new Set(['Flask']),
  routers: new Set(['Blueprint']),
  module: /^flask\b/,
  mount: 'register_blueprint',
  prefixKeyword: 'url_prefix',
  creationGuards: () => [],
  routeGuards: (project, file, fn, routeDecorator) => [...decoratorGuards(project, file, fn, routeDecorator), ...handlerGuard(fn)],
  hookGuards: beforeRequestGuards,
};

/** Every Flask route of the project: `@app.route`, `@bp.route`, `@app.get`..., with the blueprint prefixes and hooks on the way. */
export function flaskRoutes(project: PythonProject, rootDir?: string): BackendRoute[] {
  return new PythonApps(project, FLASK, rootDir).routes();
}
