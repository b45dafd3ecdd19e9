import path = require('path');
import type { PyAssignment, PyFunction, PyValue } from '../languages/python/python-facts';
import type { PythonProject } from '../languages/python/modules';
import type { BackendRoute, RouteFramework, RouteGuard } from '../model/routes';
import { decoratorGuard, joinPaths, normalizedPath } from './python-guards';
import { functionShape, unguessableParams } from './python-handlers';

/**
 * Apps and routers created by calls (`Flask(__name__)`, `Blueprint(...)`, `FastAPI()`, `APIRouter()`), what
 * mounts them on what (`register_blueprint`, `include_router`), and the routes decorated on them: the part
 * Flask and FastAPI share. Each framework gives its names and how a mount adds guards.
 */
export interface AppFramework {
  framework: RouteFramework;
  /** Factory names of apps and of routers (last name of the callee). */
  apps: ReadonlySet<string>;
  routers: ReadonlySet<string>;
  /** Modules the factories come from, to tell them from same-named project functions. */
  module: RegExp;
  /** The method that mounts a router on an app or router, and its prefix keyword. */
  mount: string;
  prefixKeyword: string;
  /** Guards an object declares at creation (`APIRouter(dependencies=[...])`) or a mount adds. */
  creationGuards(project: PythonProject, file: string, call: Extract<PyValue, { kind: 'call' }>): RouteGuard[];
  /** Guards of a route, in the order they run, from its decorators and parameters; `above` are decorators above the route decorator. */
  routeGuards(project: PythonProject, file: string, fn: PyFunction, routeDecorator: number): RouteGuard[];
  /** App-wide hooks that refuse (`@app.before_request`): guards of everything on the object. */
  hookGuards?(project: PythonProject, objectKey: string): RouteGuard[];
}

export interface AppObject {
  key: string;
  file: string;
  name: string;
  isApp: boolean;
  assignment: PyAssignment;
  prefix: string;
  guards: RouteGuard[];
  /** A `# backend-guide-public: <reason>` comment on the statement that creates it: every route of it is public. */
  publicReason?: string;
}

interface Mount { parent: string; child: string; prefix: string; guards: RouteGuard[] }

const ROUTE_DECORATOR = /^(?:route|get|post|put|patch|delete|head|options|api_route)$/;

/** A string a value stands for: a literal, a constant, or a settings attribute (`settings.API_V1_STR`). */
export function stringOf(project: PythonProject, file: string, value: PyValue | undefined, depth = 0): string | undefined {
  if (!value || depth > 4) return undefined;
  if (value.kind === 'string') return value.value;
  if (value.kind !== 'name') return undefined;
  const symbol = project.resolve(file, value.name);
  if (symbol?.kind === 'assignment') return stringOf(project, symbol.file, symbol.assignment.value, depth + 1);
  // `settings.X` where `settings = Settings()` and the class says `X: str = "/api/v1"`.
  const parts = value.name.split('.');
  if (parts.length === 2) {
    const owner = project.resolve(file, parts[0]);
    if (owner?.kind === 'assignment' && owner.assignment.value.kind === 'call') {
      const cls = project.resolve(owner.file, owner.assignment.value.callee);
      if (cls?.kind === 'class') return stringOf(project, cls.file, cls.cls.attrs[parts[1]], depth + 1);
    }
  }
  return undefined;
}

function pathOf(project: PythonProject, file: string, value: PyValue | undefined): string {
  if (!value) return '';
  const known = stringOf(project, file, value);
  if (known !== undefined) return known;
  // `org_scoped_rule("/invite/<token>")`: a project helper that decorates a written path keeps its path.
  if (value.kind === 'call' && project.resolve(file, value.callee)?.kind === 'function') {
    const inner = stringOf(project, file, value.args[0]);
    if (inner !== undefined) return inner;
  }
  return value.kind === 'name' ? `{${value.name}}` : '';
}

function relative(root: string | undefined, file: string): string {
  return root ? path.relative(root, file).split(path.sep).join('/') : path.basename(file);
}

/** Every app and router of one framework in the project, with the mounts between them. */
export class PythonApps {
  readonly objects = new Map<string, AppObject>();
  private readonly mounts: Mount[] = [];

  constructor(private readonly project: PythonProject, private readonly fw: AppFramework, private readonly rootDir?: string) {
    for (const [file, facts] of project.files) {
      for (const assignment of facts.assignments) {
        const value = assignment.value;
        if (value.kind !== 'call') continue;
        const last = value.callee.split('.').pop() ?? '';
        if (!fw.apps.has(last) && !fw.routers.has(last)) continue;
        const symbol = project.resolve(file, value.callee);
        if (symbol && symbol.kind !== 'external') continue;
        if (symbol?.kind === 'external' && !fw.module.test(symbol.module)) continue;
        const key = `${file}#${assignment.target}`;
        this.objects.set(key, {
          key, file, name: assignment.target, isApp: fw.apps.has(last), assignment,
          prefix: pathOf(project, file, value.kwargs[fw.prefixKeyword]), guards: fw.creationGuards(project, file, value),
          publicReason: markAbove(facts.publicMarks, assignment.line),
        });
      }
    }
    for (const [file, facts] of project.files) {
      for (const { call } of facts.calls) {
        if (!call.callee.endsWith(`.${fw.mount}`)) continue;
        const parent = this.objectAt(file, call.callee.slice(0, -fw.mount.length - 1));
        const childValue = call.args[0];
        const child = childValue?.kind === 'name' ? this.objectAt(file, childValue.name) : undefined;
        if (!parent || !child) continue;
        const prefixValue = call.kwargs[fw.prefixKeyword] ?? call.kwargs.prefix;
        this.mounts.push({ parent: parent.key, child: child.key, prefix: prefixValue ? pathOf(project, file, prefixValue) : '\0', guards: fw.creationGuards(project, file, call) });
      }
    }
  }

  /** The app or router a name in a file refers to. */
  objectAt(file: string, name: string): AppObject | undefined {
    const symbol = this.project.resolve(file, name);
    return symbol?.kind === 'assignment' ? this.objects.get(`${symbol.file}#${symbol.assignment.target}`) : undefined;
  }

  /** The app an object is served by, the prefix before its routes and the guards of the objects on the way (outermost first). */
  private chain(object: AppObject): { root: AppObject; prefix: string; guards: RouteGuard[] } {
    const seen = new Set<string>();
    let current = object;
    let prefix = '';
    let guards: RouteGuard[] = [...this.hooks(current), ...current.guards];
    for (;;) {
      seen.add(current.key);
      const mount = this.mounts.find((m) => m.child === current.key);
      const parent = mount && this.objects.get(mount.parent);
      if (!mount || !parent || seen.has(parent.key) || seen.size > 12) break;
      // Flask's `url_prefix` at registration replaces the blueprint's own; FastAPI's `prefix` comes before the router's.
      const given = mount.prefix !== '\0';
      const segment = this.fw.framework === 'flask' ? (given ? mount.prefix : current.prefix) : joinPaths(given ? mount.prefix : '', current.prefix);
      prefix = joinPaths(segment, prefix);
      guards = [...this.hooks(parent), ...parent.guards, ...mount.guards, ...guards];
      current = parent;
    }
    return { root: current, prefix: joinPaths(current.prefix, prefix), guards };
  }

  /** Hooks are looked up once per object: every route under it shares them. */
  private readonly hookCache = new Map<string, RouteGuard[]>();

  private hooks(object: AppObject): RouteGuard[] {
    let guards = this.hookCache.get(object.key);
    if (!guards) this.hookCache.set(object.key, guards = this.fw.hookGuards?.(this.project, object.key) ?? []);
    return guards;
  }

  /** Every route decorated on the framework's objects. */
  routes(): BackendRoute[] {
    const routes: BackendRoute[] = [];
    for (const [file, facts] of this.project.files) {
      for (const fn of facts.functions) {
        fn.decorators.forEach((decorator, index) => {
          const parts = decorator.name.split('.');
          const method = parts.pop() ?? '';
          if (!ROUTE_DECORATOR.test(method) || !parts.length || !decorator.call) return;
          const object = this.objectAt(file, parts.join('.'));
          if (!object) return;
          const { root, prefix, guards } = this.chain(object);
          const call = decorator.call;
          const methodsValue = call.kwargs.methods;
          const methods = method === 'route' || method === 'api_route'
            ? methodsValue?.kind === 'list' ? methodsValue.items.map((m) => (m.kind === 'string' ? m.value.toLowerCase() : 'all')) : ['get']
            : [method];
          const own = pathOf(this.project, file, call.args[0] ?? call.kwargs.rule ?? call.kwargs.path);
          const fullPath = normalizedPath(joinPaths(prefix, own)).replace(/(.)\/$/, '$1');
          routes.push({
            framework: this.fw.framework, methods, fullPath, file,
            reportStart: fn.nameStart, reportEnd: fn.nameEnd, reportAt: fn.nameAt,
            handlerName: fn.name, handlerFile: file, handlerCode: fn.code,
            guards: [...guards, ...this.fw.routeGuards(this.project, file, fn, index)],
            publicReason: fn.publicReason ?? markAbove(facts.publicMarks, fn.nameAt[0]) ?? root.publicReason ?? object.publicReason, app: root.key,
            appLabel: root.isApp ? `${root.name} (${relative(this.rootDir, root.file)})` : `routes of ${root.name} (${relative(this.rootDir, root.file)}; no app seen mounting it)`,
            unmounted: !root.isApp, appAt: root.isApp ? { file: root.file, start: root.assignment.start, end: root.assignment.end } : undefined,
            decoratorAt: { file, offset: fn.defLineStart, indent: fn.indent },
            handlerShape: functionShape(this.project, file, fn), unguessableParams: unguessableParams(joinPaths(prefix, own), fn),
            misplacedGuard: fn.decorators.slice(0, index).map((d) => decoratorGuard(this.project, file, d)).find((g) => g?.role === 'checks')?.name,
          });
        });
      }
    }
    return routes;
  }
}

/** A `# backend-guide-public: <reason>` comment on a line or the line above it. */
export function markAbove(marks: Record<number, string>, line: number): string | undefined {
  return marks[line] ?? marks[line - 1];
}

/** Guards of the decorators below the route decorator (those above it wrap a function Flask already registered). */
export function decoratorGuards(project: PythonProject, file: string, fn: PyFunction, routeDecorator: number): RouteGuard[] {
  return fn.decorators.slice(routeDecorator + 1).map((d) => decoratorGuard(project, file, d)).filter((g): g is RouteGuard => !!g);
}

/** A refusal inside the handler itself, as a guard. */
export function handlerGuard(fn: PyFunction): RouteGuard[] {
  return fn.checksCaller && fn.refuses ? [{ name: 'a check inside the handler', level: 'handler', role: 'checks', effect: fn.refuses, privilege: /\b(?:is_admin|is_staff|is_superuser|role|has_perm|admin)\b/.test(fn.code) }] : [];
}
