import type { PyClass, PyDecorator, PyFunction, PyValue } from '../../languages/python/python-facts';
import type { PythonProject } from '../../languages/python/modules';
import type { RouteGuard } from '../../model/routes';
import { handlerGuard } from '../python-apps';
import { classChain } from '../python-classes';
import { classViewGuards } from './class-view-guards';
import type { DjangoSettings } from './django-settings';
import { decoratorsGuards } from './view-decorators';

/** A view as a URLconf entry reaches it: a function or a class, in its file. */
export type DjangoView =
  | { kind: 'function'; file: string; fn: PyFunction }
  | { kind: 'class'; file: string; cls: PyClass; actions?: Record<string, string> };

/** What a view declares: the methods it answers, its guards in order, whether Django REST framework serves it. */
export interface ViewFacts {
  methods: string[];
  guards: RouteGuard[];
  name: string;
  code: string;
  publicReason?: string;
  file: string;
  /** A sign-in or account view of `django.contrib.auth`. */
  signIn?: boolean;
}

const SAFE = ['get', 'head', 'options'];
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Class-based views of Django and DRF by the methods they answer (as data). */
const GENERIC_METHODS: Record<string, string[]> = {
  View: [], TemplateView: ['get'], RedirectView: ['get'], ListView: ['get'], DetailView: ['get'], ArchiveIndexView: ['get'],
  FormView: ['get', 'post'], CreateView: ['get', 'post'], UpdateView: ['get', 'post'], DeleteView: ['get', 'post'],
  APIView: [], GenericAPIView: [], ViewSet: [], GenericViewSet: [],
  ListAPIView: ['get'], RetrieveAPIView: ['get'], CreateAPIView: ['post'], DestroyAPIView: ['delete'], UpdateAPIView: ['put', 'patch'],
  ListCreateAPIView: ['get', 'post'], RetrieveUpdateAPIView: ['get', 'put', 'patch'], RetrieveDestroyAPIView: ['get', 'delete'],
  RetrieveUpdateDestroyAPIView: ['get', 'put', 'patch', 'delete'],
  ModelViewSet: ['get', 'post', 'put', 'patch', 'delete'], ReadOnlyModelViewSet: ['get'],
  ListModelMixin: ['get'], RetrieveModelMixin: ['get'], CreateModelMixin: ['post'], UpdateModelMixin: ['put', 'patch'], DestroyModelMixin: ['delete'],
};
const DRF_BASES = /^(?:APIView|GenericAPIView|ViewSet|GenericViewSet|ModelViewSet|ReadOnlyModelViewSet|ViewSetMixin|\w+APIView)$/;
/** `django.contrib.auth` views: signing in, out and recovering a password are public by design. */
const AUTH_VIEWS = /^(?:LoginView|LogoutView|PasswordResetView|PasswordResetDoneView|PasswordResetConfirmView|PasswordResetCompleteView|ObtainAuthToken|TokenObtainPairView|TokenRefreshView|TokenVerifyView|obtain_auth_token|obtain_jwt_token|refresh_jwt_token)$/;
const PRIVILEGE_PERMISSIONS = /IsAdminUser|DjangoModelPermissions|DjangoObjectPermissions|Admin|Staff|Superuser|Owner|Role|Perm/;
const READ_ONLY_OPEN = /OrReadOnly|OrAnonReadOnly/;
const WRITES = /\.(?:save|delete|create|update|bulk_create|bulk_update|get_or_create|update_or_create|set_password)\s*\(|\bsession\.(?:add|delete|commit)\s*\(|request\.method\s*==\s*['"](?:POST|PUT|PATCH|DELETE)|\brequest\.(?:POST|FILES)\b/;

function permissionNames(value: PyValue | undefined): string[] | undefined {
  if (value?.kind !== 'list') return undefined;
  return value.items.map((i) => (i.kind === 'name' ? i.name : i.kind === 'call' ? i.callee : i.kind === 'other' ? i.text : ''));
}

/** DRF permission classes as guards: `AllowAny` (or an empty list) opens the view, the others check. */
export function permissionGuards(names: readonly string[], level: RouteGuard['level']): RouteGuard[] {
  const shown = names.map((n) => n.split('.').pop()).join(', ');
  if (!names.length || names.every((n) => /(?:^|\.)AllowAny$/.test(n))) return [{ name: `permission_classes = [${shown}]`, level, role: 'opens' }];
  const open = names.every((n) => READ_ONLY_OPEN.test(n));
  return [{ name: `permission_classes = [${shown}]`, level, role: 'checks', effect: 'rejects', privilege: names.some((n) => PRIVILEGE_PERMISSIONS.test(n)), exceptMethods: open ? SAFE : undefined }];
}

function declaredMethods(decorators: readonly PyDecorator[]): string[] | undefined {
  for (const d of decorators) {
    const last = d.name.split('.').pop();
    if (last === 'require_POST') return ['post'];
    if (last === 'require_GET' || last === 'require_safe') return ['get'];
    if ((last === 'require_http_methods' || last === 'api_view') && d.call) {
      const list = d.call.args[0] ?? d.call.kwargs.http_method_names;
      if (list?.kind === 'list') return list.items.map((i) => (i.kind === 'string' ? i.value.toLowerCase() : 'all'));
      if (last === 'api_view') return ['get'];
    }
    if (last === 'api_view') return ['get'];
  }
  return undefined;
}

/** `return create_check(request)`: a view that hands the request to another view function of the project. */
const DELEGATION = /\breturn\s+([A-Za-z_][\w.]*)\s*\(\s*request\b/g;

/**
 * A dispatching view (`if request.method == "POST": return create_check(request)` ... `return get_checks(request)`)
 * is guarded when every view it hands the request to is: each of its `return` statements delegates, and each
 * target's own decorators or in-body check refuses. The weakest target's guard is the view's.
 */
function delegatedGuards(project: PythonProject, file: string, fn: PyFunction): RouteGuard[] {
  const returns = fn.code.match(/\breturn\b[^\n]*/g) ?? [];
  const targets = [...fn.code.matchAll(DELEGATION)].map((m) => m[1]);
  if (!targets.length || targets.length !== returns.length) return [];
  let weakest: RouteGuard | undefined;
  for (const name of new Set(targets)) {
    const symbol = project.resolve(file, name);
    if (symbol?.kind !== 'function' || symbol.fn === fn) return [];
    const guard = [...decoratorsGuards(project, symbol.file, symbol.fn.decorators), ...handlerGuard(symbol.fn)].find((g) => g.role === 'checks');
    if (!guard) return [];
    if (!weakest || (weakest.privilege && !guard.privilege)) weakest = guard;
  }
  return weakest ? [{ ...weakest, name: `${weakest.name} (on the views it dispatches to)`, level: 'handler' }] : [];
}

/** What a view declares, with the project's settings (LoginRequiredMiddleware, DRF default permissions) applied. */
export function viewFacts(project: PythonProject, view: DjangoView, settings: DjangoSettings, wrappers: RouteGuard[]): ViewFacts {
  const middleware: RouteGuard[] = settings.loginRequiredMiddleware ? [{ name: 'LoginRequiredMiddleware', level: 'app', role: 'checks', effect: 'redirects' }] : [];
  const defaults = settings.defaultPermissions ? permissionGuards(settings.defaultPermissions, 'app') : [];
  if (view.kind === 'function') {
    const { fn, file } = view;
    const isApi = fn.decorators.some((d) => /(?:^|\.)api_view$/.test(d.name));
    const perms = fn.decorators.find((d) => /(?:^|\.)permission_classes$/.test(d.name));
    const permGuards = perms ? permissionGuards(permissionNames(perms.call?.args[0]) ?? [], 'route') : isApi ? defaults : [];
    const methods = declaredMethods(fn.decorators) ?? (WRITES.test(fn.code) ? ['get', 'post'] : ['get']);
    const own = [...permGuards, ...decoratorsGuards(project, file, fn.decorators), ...handlerGuard(fn)];
    return {
      methods, name: fn.name, code: fn.code, publicReason: fn.publicReason, file, signIn: AUTH_VIEWS.test(fn.name),
      guards: [...middleware, ...wrappers, ...(own.some((g) => g.role === 'checks') ? own : [...own, ...delegatedGuards(project, file, fn)])],
    };
  }
  const chain = classChain(project, view.file, view.cls);
  const baseNames = chain.map((c) => c.name);
  const guards: RouteGuard[] = [...middleware, ...wrappers];
  const isApi = baseNames.some((n) => DRF_BASES.test(n));
  if (isApi) {
    const declared = chain.map((c) => c.cls?.attrs.permission_classes).find((v) => v !== undefined);
    const overrides = chain.some((c) => c.cls?.methods.includes('get_permissions'));
    if (overrides) guards.push({ name: 'get_permissions()', level: 'route', role: 'checks', effect: 'rejects' });
    else guards.push(...(declared ? permissionGuards(permissionNames(declared) ?? [], 'route') : defaults));
  }
  const methods = classMethods(view, chain);
  const { guards: classGuards, openCode: code } = classViewGuards(project, view.file, view.cls, chain, methods);
  guards.push(...classGuards);
  // A check inside a handler method covers that method only (above); one inside a helper (`get_object`) covers all.
  const own = project.files.get(view.file)?.functions.filter((f) => f.className === view.cls.name && !HTTP_METHODS.includes(f.name)) ?? [];
  const inHandler = own.flatMap((f) => handlerGuard(f)).slice(0, 1);
  return { methods, guards: [...guards, ...inHandler], name: view.cls.name, code, publicReason: view.cls.publicReason, file: view.file, signIn: baseNames.some((n) => AUTH_VIEWS.test(n)) };
}

function classMethods(view: Extract<DjangoView, { kind: 'class' }>, chain: ReturnType<typeof classChain>): string[] {
  if (view.actions) return Object.keys(view.actions).map((m) => m.toLowerCase());
  const methods = new Set<string>();
  for (const link of chain) {
    for (const m of link.cls?.methods ?? []) if (HTTP_METHODS.includes(m)) methods.add(m);
    for (const m of GENERIC_METHODS[link.name] ?? []) methods.add(m);
  }
  return methods.size ? [...methods] : ['get'];
}

/** The actions a ViewSet answers, by route (`list`, `create` on the collection; `retrieve`... on the item) and its `@action` extras. */
export function viewSetRoutes(project: PythonProject, file: string, cls: PyClass): { suffix: string; methods: string[] }[] {
  const chain = classChain(project, file, cls);
  const methods = new Set<string>();
  for (const link of chain) {
    for (const m of link.cls?.methods ?? []) methods.add(m);
    for (const m of GENERIC_METHODS[link.name] ?? []) methods.add(m === 'get' ? 'get' : m);
    if (/^(?:ModelViewSet)$/.test(link.name)) ['list', 'create', 'retrieve', 'update', 'partial_update', 'destroy'].forEach((m) => methods.add(m));
    if (link.name === 'ReadOnlyModelViewSet') ['list', 'retrieve'].forEach((m) => methods.add(m));
    const mixinActions: Record<string, string[]> = { ListModelMixin: ['list'], CreateModelMixin: ['create'], RetrieveModelMixin: ['retrieve'], UpdateModelMixin: ['update', 'partial_update'], DestroyModelMixin: ['destroy'] };
    (mixinActions[link.name] ?? []).forEach((m) => methods.add(m));
  }
  const collection = [methods.has('list') && 'get', methods.has('create') && 'post'].filter((m): m is string => !!m);
  const detail = [methods.has('retrieve') && 'get', methods.has('update') && 'put', methods.has('partial_update') && 'patch', methods.has('destroy') && 'delete'].filter((m): m is string => !!m);
  const routes: { suffix: string; methods: string[] }[] = [];
  if (collection.length) routes.push({ suffix: '', methods: collection });
  if (detail.length) routes.push({ suffix: ':pk', methods: detail });
  for (const fn of project.files.get(file)?.functions.filter((f) => f.className === cls.name) ?? []) {
    const action = fn.decorators.find((d) => /(?:^|\.)(?:action|detail_route|list_route)$/.test(d.name));
    if (!action) continue;
    const detailFlag = action.call?.kwargs.detail;
    const list = action.call?.kwargs.methods;
    const urlPath = action.call?.kwargs.url_path;
    const segment = urlPath?.kind === 'string' ? urlPath.value : fn.name;
    const isDetail = action.name.endsWith('detail_route') || (detailFlag?.kind === 'name' && detailFlag.name === 'True');
    routes.push({ suffix: isDetail ? `:pk/${segment}` : segment, methods: list?.kind === 'list' ? list.items.map((i) => (i.kind === 'string' ? i.value.toLowerCase() : 'all')) : ['get'] });
  }
  if (!routes.length) routes.push({ suffix: '', methods: ['get'] });
  return routes;
}
