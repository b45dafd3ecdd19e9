import type { PyClass, PyFunction } from '../../languages/python/python-facts';
import type { PythonProject } from '../../languages/python/modules';
import type { RouteGuard } from '../../model/routes';
import { handlerGuard } from '../python-apps';
import { methodInChain, ownMethod, type ClassLink } from '../python-classes';
import { appliedDecorators, decoratorsGuards } from './view-decorators';

/**
 * The checks of a Django class-based view, read along its method resolution order as Django runs it:
 * `dispatch` of the nearest class first, each `super().dispatch(...)` leading to the next link, the library's
 * access mixins (`LoginRequiredMixin`...) where the chain reaches them, then the method handler for the
 * request's method with its own decorators. A check on `dispatch` covers every method; one on `post` only POST.
 */

/** Django's access mixins, and the method each asks before letting a request through. */
const AUTH_MIXINS: Record<string, { privilege: boolean; test?: string }> = {
  LoginRequiredMixin: { privilege: false }, PermissionRequiredMixin: { privilege: true, test: 'has_permission' },
  UserPassesTestMixin: { privilege: true, test: 'test_func' },
  StaffuserRequiredMixin: { privilege: true }, SuperuserRequiredMixin: { privilege: true }, GroupRequiredMixin: { privilege: true, test: 'check_membership' },
};

/** Who is asking: the requester's identity, session or permissions. */
const REQUESTER = /\brequest\.(?:user|auth|session)\b|\bis_authenticated\b|\bis_anonymous\b|\bhas_perms?\s*\(|\bis_staff\b|\bis_superuser\b|\bget_user\s*\(/;
const PRIVILEGE = /\bhas_perms?\s*\(|\bis_staff\b|\bis_superuser\b|\bpermission|\brole\b|\bis_admin\b/;
/** A test that lets everyone through: its only answer is `True`. */
const ALWAYS_TRUE = /^[^\n]*:\s*(?:\n\s*(?:"""[\s\S]*?"""|'''[\s\S]*?'''|#[^\n]*))*\s*\n?\s*return\s+True\s*$/;

/** The methods of the chain (`self.can_view()`) and the project functions (`can_view(request)`) a piece of code calls. */
function calledFunctions(project: PythonProject, chain: readonly ClassLink[], file: string, code: string): PyFunction[] {
  const found: PyFunction[] = [];
  for (const m of code.matchAll(/\bself\.(\w+)\s*\(/g)) {
    const method = methodInChain(project, chain, m[1]);
    if (method) found.push(method.fn);
  }
  for (const m of code.matchAll(/(?<![.\w])([A-Za-z_]\w*)\s*\(/g)) {
    const symbol = m[1] === 'super' ? undefined : project.resolve(file, m[1]);
    if (symbol?.kind === 'function') found.push(symbol.fn);
  }
  return found;
}

/** The code a condition runs: its own text and the functions it calls. */
function conditionCode(project: PythonProject, chain: readonly ClassLink[], file: string, condition: string): string {
  return [condition, ...calledFunctions(project, chain, file, condition).map((f) => f.code)].join('\n');
}

/** The check a `dispatch` (or a gate the Python facts found in it) makes on the requester, if any. */
function dispatchCheck(project: PythonProject, chain: readonly ClassLink[], link: ClassLink, dispatch: PyFunction): RouteGuard | undefined {
  const shown = `${link.name}.dispatch()`;
  if (dispatch.refuses) return { name: shown, level: 'route', role: 'checks', effect: dispatch.refuses, privilege: PRIVILEGE.test(dispatch.code) };
  // `self.check_access(request)` before handing over, where that method refuses the requester itself.
  const refusing = calledFunctions(project, chain, link.file, dispatch.code).find((f) => f !== dispatch && f.checksCaller && f.refuses);
  if (refusing?.refuses) return { name: `${shown} → ${refusing.name}()`, level: 'route', role: 'checks', effect: refusing.refuses, privilege: PRIVILEGE.test(refusing.code) };
  return gateCheck(project, chain, link, dispatch);
}

/** A method that hands over to the one it overrides only when a condition on the requester holds. */
function gateCheck(project: PythonProject, chain: readonly ClassLink[], link: ClassLink, fn: PyFunction): RouteGuard | undefined {
  if (!fn.gate) return undefined;
  const code = conditionCode(project, chain, link.file, fn.gate.condition);
  return REQUESTER.test(code) ? { name: `${link.name}.${fn.name}()`, level: 'route', role: 'checks', effect: fn.gate.effect, privilege: PRIVILEGE.test(code) } : undefined;
}

/** A library access mixin whose test the project overrides to let everyone in (`def test_func(self): return True`). */
function opensMixin(project: PythonProject, chain: readonly ClassLink[], test: string | undefined): boolean {
  const found = test ? methodInChain(project, chain, test) : undefined;
  return !!found && ALWAYS_TRUE.test(found.fn.code.trim());
}

/** The checks that run for every method: `dispatch` overrides, access mixins and decorators on `dispatch`. */
function dispatchGuards(project: PythonProject, chain: readonly ClassLink[]): RouteGuard[] {
  const guards: RouteGuard[] = [];
  for (const link of chain) {
    if (!link.cls) {
      const mixin = AUTH_MIXINS[link.name];
      if (mixin && !opensMixin(project, chain, mixin.test)) guards.push({ name: link.name, level: 'route', role: 'checks', effect: 'redirects', privilege: mixin.privilege });
      continue;
    }
    const dispatch = ownMethod(project, link, 'dispatch');
    if (!dispatch) continue;
    guards.push(...decoratorsGuards(project, link.file, dispatch.decorators));
    const check = dispatchCheck(project, chain, link, dispatch);
    if (check) guards.push(check);
    // A `dispatch` that never calls `super().dispatch(...)` replaces the rest of the chain's.
    if (!dispatch.passesOn) break;
  }
  return guards;
}

/** Which link's attribute `method` a request reaches: the first link defining it or decorating it by name. */
function ownerOf(project: PythonProject, chain: readonly ClassLink[], method: string): number {
  return chain.findIndex((link) => !!ownMethod(project, link, method) || appliedDecorators(link.cls?.decorators ?? []).some((a) => a.method === method));
}

/**
 * Checks per handler method: `@method_decorator(login_required, name='post')` on a class,
 * `@method_decorator(login_required)` on `post` itself, a check inside `post`'s body, or a `post` override that
 * hands over to `super().post(...)` only for a requester who passes. Each covers its method and leaves the others open.
 */
function handlerGuards(project: PythonProject, chain: readonly ClassLink[], methods: readonly string[]): Map<string, RouteGuard> {
  const guarded = new Map<string, RouteGuard>();
  for (const method of methods) {
    const index = ownerOf(project, chain, method);
    if (index < 0) continue;
    const link = chain[index];
    const onClass = appliedDecorators(link.cls?.decorators ?? []).filter((a) => a.method === method).map((a) => a.decorator);
    const own = ownMethod(project, link, method);
    const guard = decoratorsGuards(project, link.file, [...onClass, ...(own?.decorators ?? [])]).find((g) => g.role === 'checks')
      ?? (own && (handlerGuard(own)[0] ?? gateCheck(project, chain, link, own)));
    if (guard) guarded.set(method, guard);
  }
  return guarded;
}

/** Decorators on the classes of the chain that apply to the whole view (`name='dispatch'`, or a plain class decorator). */
function classDecoratorGuards(project: PythonProject, chain: readonly ClassLink[]): RouteGuard[] {
  return chain.flatMap((link) => {
    const whole = appliedDecorators(link.cls?.decorators ?? []).filter((a) => a.method === undefined || a.method === 'dispatch').map((a) => a.decorator);
    return decoratorsGuards(project, link.file, whole);
  });
}

export interface ClassViewGuards {
  guards: RouteGuard[];
  /** The view's code a request of an unguarded method can run: the class without its guarded handlers. */
  openCode: string;
}

/** The guards of a class-based view for the methods it answers, and the code its unguarded methods run. */
export function classViewGuards(project: PythonProject, file: string, cls: PyClass, chain: readonly ClassLink[], methods: readonly string[]): ClassViewGuards {
  const guards = [...classDecoratorGuards(project, chain), ...dispatchGuards(project, chain)];
  const guarded = handlerGuards(project, chain, methods);
  let openCode = project.classCode(file, cls);
  const first = [...guarded.values()][0];
  if (first) {
    const open = methods.filter((m) => !guarded.has(m));
    guards.push({ ...first, name: `${first.name} on ${[...guarded.keys()].join(', ')}`, exceptMethods: open.length ? open : undefined });
    for (const method of guarded.keys()) {
      const own = ownMethod(project, { file, cls, name: cls.name }, method);
      if (own && open.length) openCode = openCode.replace(own.code, '');
    }
  }
  return { guards, openCode };
}
