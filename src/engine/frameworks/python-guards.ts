import type { PyDecorator, PyValue } from '../languages/python/python-facts';
import type { PythonProject, PySymbol } from '../languages/python/modules';
import type { RouteGuard, GuardLevel } from '../model/routes';
import { isDependencyCallee } from '../languages/python/origins';
import { refusalIn } from '../languages/python/refusals';

/**
 * Guards of Python auth libraries, as data: decorators that refuse a caller who is not signed in (or lacks a
 * permission). A decorator the project defines itself is judged by its body instead (`refusalIn`).
 */
const LIBRARY_MODULES = /^(?:flask_login|flask_security|flask_user|flask_jwt_extended|flask_jwt|flask_httpauth|flask_praetorian|flask_principal|django\.contrib\.auth|django\.contrib\.admin|django\.contrib\.auth\.decorators|rest_framework|fastapi_users|authlib)\b/;
const SIGN_IN_DECORATORS: ReadonlySet<string> = new Set(['login_required', 'jwt_required', 'fresh_jwt_required', 'auth_required', 'auth_token_required', 'http_auth_required', 'token_required', 'auth_required_decorator']);
const PRIVILEGE_DECORATORS: ReadonlySet<string> = new Set(['permission_required', 'user_passes_test', 'staff_member_required', 'superuser_required', 'roles_required', 'roles_accepted', 'permissions_required', 'permissions_accepted', 'admin_required']);
/** Decorators that declare a view public on purpose (Django 5.1 with `LoginRequiredMiddleware`). */
const OPENING_DECORATORS: ReadonlySet<string> = new Set(['login_not_required']);
/** Flask-HTTPAuth objects: `auth = HTTPBasicAuth()`, then `@auth.login_required`. */
const HTTP_AUTH_CLASSES = /(?:^|\.)(?:HTTPBasicAuth|HTTPTokenAuth|HTTPDigestAuth|MultiAuth)$/;
/** FastAPI security schemes: used as a dependency, they answer 401/403 when the credential is missing. */
const SECURITY_SCHEMES = /(?:^|\.)(?:OAuth2PasswordBearer|OAuth2AuthorizationCodeBearer|OAuth2|HTTPBearer|HTTPBasic|HTTPDigest|APIKeyHeader|APIKeyCookie|APIKeyQuery|OpenIdConnect)$/;
const PRIVILEGE_WORDS = /admin|superuser|staff|role|perm|scope|owner/i;

function isOptional(call: Extract<PyValue, { kind: 'call' }> | undefined): boolean {
  const optional = call?.kwargs.optional;
  return optional?.kind === 'name' && optional.name === 'True';
}

function lastName(name: string): string {
  return name.split('.').pop() ?? name;
}

/** What a decorator on a view or route does for access control: a guard, an opening, or nothing. */
export function decoratorGuard(project: PythonProject, file: string, decorator: PyDecorator, level: GuardLevel = 'route'): RouteGuard | undefined {
  const guard = judgeDecorator(project, file, decorator, level);
  if (!guard || guard.role !== 'checks' || (decorator.call && decorator.call.args.length + Object.keys(decorator.call.kwargs).length > 0)) return guard;
  const symbol = project.resolve(file, decorator.name.split('.')[0]);
  const text = decorator.call ? `${decorator.name}()` : decorator.name;
  return { ...guard, decorator: symbol?.kind === 'external' && !decorator.name.includes('.') ? { text, module: symbol.module, name: symbol.name } : { text } };
}

/**
 * A decorator built from another (`def require_admin(fn): return require_permission("admin")(fn)`) refuses when
 * the one it returns does: a project function that refuses, or a project class whose code does (its `__call__`).
 */
function builtFrom(project: PythonProject, file: string, code: string, depth = 0): RouteGuard['effect'] | undefined {
  const name = /^\s*return\s+([A-Za-z_][\w.]*)\s*\(/m.exec(code)?.[1];
  const symbol = name && depth < 4 ? project.resolve(file, name) : undefined;
  if (symbol?.kind === 'class') return refusalIn(project.classCode(symbol.file, symbol.cls));
  if (symbol?.kind !== 'function') return undefined;
  return symbol.fn.refuses ?? builtFrom(project, symbol.file, symbol.fn.code, depth + 1);
}

function judgeDecorator(project: PythonProject, file: string, decorator: PyDecorator, level: GuardLevel): RouteGuard | undefined {
  const shown = `@${decorator.name}${decorator.call ? '(...)' : ''}`;
  const last = lastName(decorator.name);
  if (isOptional(decorator.call)) return undefined;
  const symbol = project.resolve(file, decorator.name);
  if (OPENING_DECORATORS.has(last) && (!symbol || symbol.kind === 'external')) return { name: shown, level, role: 'opens' };
  if (symbol && symbol.kind !== 'external') {
    const refuses = symbol.kind === 'function' ? symbol.fn.refuses ?? builtFrom(project, symbol.file, symbol.fn.code) : undefined;
    if (symbol.kind === 'function' && refuses) {
      return { name: shown, level, role: 'checks', effect: refuses, privilege: PRIVILEGE_WORDS.test(decorator.name) || /\b(?:is_admin|is_staff|is_superuser|role|has_perm)/.test(symbol.fn.code) };
    }
    // `@auth.login_required` on a Flask-HTTPAuth object.
    if (last === 'login_required' && decorator.name.includes('.')) {
      const owner = project.resolve(file, decorator.name.split('.').slice(0, -1).join('.'));
      if (owner?.kind === 'assignment' && owner.assignment.value.kind === 'call' && HTTP_AUTH_CLASSES.test(owner.assignment.value.callee)) {
        return { name: shown, level, role: 'checks', effect: 'rejects', privilege: decorator.call?.kwargs.role !== undefined };
      }
    }
    return undefined;
  }
  const external = symbol?.kind === 'external' ? symbol : undefined;
  // An unresolved name (a star import, a library bound elsewhere) counts by the library's own names.
  if (external && !LIBRARY_MODULES.test(external.module) && !decorator.name.includes('.')) return undefined;
  if (SIGN_IN_DECORATORS.has(last)) return { name: shown, level, role: 'checks', effect: last.includes('jwt') ? 'rejects' : 'redirects', privilege: decorator.call?.kwargs.role !== undefined };
  if (PRIVILEGE_DECORATORS.has(last)) return { name: shown, level, role: 'checks', effect: 'redirects', privilege: true };
  return undefined;
}

/** The function or scheme a `Depends(x)` / `Security(x)` names, when the value is one. */
export function dependencyTarget(value: PyValue | undefined): string | undefined {
  if (value?.kind !== 'call' || !isDependencyCallee(value.callee)) return undefined;
  const first = value.args[0] ?? value.kwargs.dependency;
  if (first?.kind === 'name') return first.name;
  if (first?.kind === 'call') return first.callee;
  return undefined;
}

/**
 * Whether a FastAPI dependency refuses callers: a security scheme (`OAuth2PasswordBearer`), a function whose
 * body raises 401/403 (or that itself depends on one that does), a class whose `__call__` does.
 */
export function dependencyRefuses(project: PythonProject, file: string, name: string, seen = new Set<string>()): RouteGuard['effect'] | undefined {
  const key = `${file}\0${name}`;
  if (seen.has(key) || seen.size > 16) return undefined;
  seen.add(key);
  const symbol: PySymbol | undefined = project.resolve(file, name);
  if (!symbol) return undefined;
  if (symbol.kind === 'assignment') {
    const value = symbol.assignment.value;
    if (value.kind === 'call' && SECURITY_SCHEMES.test(value.callee)) {
      const auto = value.kwargs.auto_error;
      return auto?.kind === 'name' && auto.name === 'False' ? undefined : 'rejects';
    }
    if (value.kind === 'call') return dependencyRefuses(project, symbol.file, value.callee, seen);
    return undefined;
  }
  if (symbol.kind === 'class') return /\b(?:HTTPException|raise)\b[^\n]*(?:401|403|UNAUTHORIZED|FORBIDDEN)/.test(project.classCode(symbol.file, symbol.cls)) ? 'raises' : undefined;
  if (symbol.kind !== 'function') return undefined;
  if (symbol.fn.refuses) return symbol.fn.refuses;
  for (const param of symbol.fn.params) {
    for (const target of paramDependencies(project, symbol.file, param.default, param.annotation)) {
      const effect = dependencyRefuses(project, target.file, target.name, seen);
      if (effect) return effect;
    }
  }
  return undefined;
}

/**
 * The dependencies a parameter declares, each with the file its name is written in: `x = Depends(f)`,
 * `x: Annotated[T, Depends(f)]`, `x: CurrentUser` (an alias of one, perhaps defined in another module).
 */
export function paramDependencies(project: PythonProject, file: string, defaultValue: PyValue | undefined, annotation: PyValue | undefined): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = [];
  const fromDefault = dependencyTarget(defaultValue);
  if (fromDefault) found.push({ file, name: fromDefault });
  const fromAnnotated = (value: PyValue | undefined, where: string): void => {
    if (value?.kind === 'subscript' && /(?:^|\.)Annotated$/.test(value.value)) {
      for (const item of value.items) {
        const target = dependencyTarget(item);
        if (target) found.push({ file: where, name: target });
      }
    }
  };
  fromAnnotated(annotation, file);
  if (annotation?.kind === 'name') {
    const alias = project.resolve(file, annotation.name);
    if (alias?.kind === 'assignment') fromAnnotated(alias.assignment.value, alias.file);
  }
  return found;
}

/** The guards of a `dependencies=[Depends(a), Security(b)]` list, at a level. */
export function dependencyListGuards(project: PythonProject, file: string, list: PyValue | undefined, level: GuardLevel): RouteGuard[] {
  if (list?.kind !== 'list') return [];
  const guards: RouteGuard[] = [];
  for (const item of list.items) {
    const target = dependencyTarget(item);
    const effect = target && dependencyRefuses(project, file, target);
    if (target && effect) guards.push({ name: `Depends(${target})`, level, role: 'checks', effect, privilege: PRIVILEGE_WORDS.test(target) });
  }
  return guards;
}

/** `/users/<int:id>`, `/users/{id}`, `users/(?P<pk>\d+)/$` all become `/users/:id` or `/users/:pk`. */
export function normalizedPath(raw: string): string {
  const path = raw
    .replace(/^\^/, '').replace(/\$$/, '').replace(/\/\?$/, '/')
    .replace(/\(\?P<(\w+)>[^)]*\)/g, ':$1')
    .replace(/<(?:[\w.]+:)?(\w+)>/g, ':$1')
    .replace(/\{(\w+)(?::[^}]*)?\}/g, ':$1')
    .replace(/\([^)]*\)/g, ':param');
  return path;
}

/** Joins route path pieces with single slashes. */
export function joinPaths(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/').replace(/\/{2,}/g, '/');
  return joined.startsWith('/') ? joined : `/${joined}`;
}
