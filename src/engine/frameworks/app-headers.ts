import type { Node } from '@vscode/tree-sitter-wasm';
import type { AppHeaderFacts, HeaderApp, HeaderFramework, HeaderProtection, HeaderTarget, SecurityHeader } from '../model/headers';
import type { PyNodes } from '../languages/python/py-nodes';
import { argumentsOf, dottedName, importsOf, parametersOf, plainStringValue, type PythonImport } from '../languages/python/syntax';
import { ASGI_APP_CONSTRUCTORS, ASGI_HEADER_PACKAGES, ASGI_INCLUDES, HEADER_OBJECT_CONSTRUCTORS } from './fastapi/fastapi-headers';
import { FLASK_APP_CONSTRUCTORS, FLASK_HEADER_PACKAGES, FLASK_INCLUDES, FLASK_RESPONSE_HOOKS } from './flask/flask-headers';
import { headersSetInPythonCode } from './header-code';

const APP_CONSTRUCTORS = new Map(Object.entries({ ...FLASK_APP_CONSTRUCTORS, ...ASGI_APP_CONSTRUCTORS }));
const HEADER_PACKAGES = new Map(Object.entries({ ...FLASK_HEADER_PACKAGES, ...ASGI_HEADER_PACKAGES }));
const HEADER_OBJECTS = new Map(Object.entries(HEADER_OBJECT_CONSTRUCTORS));
const INCLUDES = new Set([...FLASK_INCLUDES, ...ASGI_INCLUDES]);
/** Route decorators of Flask and FastAPI (`@app.route('/x')`, `@app.get('/x')`). */
const ROUTE_METHODS: ReadonlySet<string> = new Set(['route', 'get', 'post', 'put', 'patch', 'delete', 'api_route', 'websocket']);
interface Scope {
  params: ReadonlySet<string>;
  moduleLevel: boolean;
}

const MODULE_SCOPE: Scope = { params: new Set(), moduleLevel: true };
/** What the extractor reads, and the definitions that open a scope around it, found with the file's one walk (see `PyNodes`). */
const READ_TYPES: readonly string[] = ['assignment', 'call', 'decorated_definition', 'function_definition', 'class_definition'];

/**
 * Reads a Python file's web apps (Flask, FastAPI, Starlette) and what makes them send security headers, in
 * one pass over its nodes: header packages applied to an app, response hooks and HTTP middleware whose code sets
 * headers, module-level names that set headers when used elsewhere, and uses of imported names that may.
 */
class AppHeaderExtractor {
  private readonly imports = new Map<string, PythonImport>();
  /** Classes of this file that extend an app class (`class Redash(Flask)`). */
  private readonly appClasses = new Map<string, HeaderFramework>();
  private readonly facts: AppHeaderFacts = { apps: [], protections: [], pending: [], setters: [], mounted: [], imports: [] };

  constructor(private readonly root: Node, private readonly text: string, private readonly nodes: PyNodes) {}

  run(): AppHeaderFacts {
    // imports anywhere (an app factory often imports its modules inside the function)
    for (const statement of this.nodes.below(this.root, ['import_statement', 'import_from_statement'])) {
      for (const imported of importsOf(statement)) {
        if (!this.imports.has(imported.local) || statement.parent?.type === 'module') this.imports.set(imported.local, imported);
        if (imported.name) this.facts.imports.push({ name: imported.local, module: imported.module, imported: imported.name });
      }
    }
    for (const statement of this.root.namedChildren) {
      const definition = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (definition?.type === 'class_definition') {
        this.appSubclass(definition);
        this.setterDefinition(definition, 'class');
      }
      else if (definition?.type === 'function_definition') this.setterDefinition(definition, 'function');
    }
    this.readInOrder();
    return this.facts;
  }

  /** `flask.Flask` for `Flask` imported from flask, `fastapi.FastAPI` for `fastapi.FastAPI` after `import fastapi`. */
  private qualified(node: Node | null | undefined): string | undefined {
    const name = dottedName(node);
    if (!name) return undefined;
    const [first, ...rest] = name.split('.');
    const imported = this.imports.get(first);
    if (!imported) return name;
    return [imported.module, ...(imported.name ? [imported.name] : []), ...rest].join('.');
  }

  private target(node: Node | null | undefined, scope: Scope): HeaderTarget {
    const name = dottedName(node);
    if (!name) return { kind: 'other', text: node?.text.slice(0, 80) ?? '' };
    if (scope.params.has(name)) return { kind: 'param', name };
    return { kind: 'name', name };
  }

  private setterOf(name: string): { what: string; headers: readonly SecurityHeader[] | 'all' } | undefined {
    return this.facts.setters.find((s) => s.name === name);
  }

  /**
   * Assignments, calls and decorated definitions in document order (what each reads depends on what came before
   * it: apps, setters), each in its scope: the parameters of the functions around it, and whether it runs at
   * module level. Scopes are open from a definition's start to its end (its parameters' defaults included).
   */
  private readInOrder(): void {
    const open: Array<{ end: number; scope: Scope }> = [];
    for (const node of this.nodes.below(this.root, READ_TYPES)) {
      while (open.length && open[open.length - 1].end <= node.startIndex) open.pop();
      const scope = open.length ? open[open.length - 1].scope : MODULE_SCOPE;
      switch (node.type) {
        case 'assignment': this.assignment(node, scope); break;
        case 'call': this.call(node, scope); break;
        case 'decorated_definition': this.decorated(node, scope); break;
        case 'function_definition':
          open.push({ end: node.endIndex, scope: { params: new Set([...scope.params, ...parametersOf(node).filter((p) => !p.splat).map((p) => p.name)]), moduleLevel: false } });
          break;
        case 'class_definition': open.push({ end: node.endIndex, scope: { ...scope, moduleLevel: false } }); break;
        default: break;
      }
    }
  }

  /** `class Redash(Flask)`: the project's own app class, created like the framework's. */
  private appSubclass(node: Node): void {
    const name = node.childForFieldName('name')?.text;
    const bases = node.childForFieldName('superclasses')?.namedChildren ?? [];
    const framework = bases.map((b) => APP_CONSTRUCTORS.get(this.qualified(b) ?? '')).find(Boolean);
    if (name && framework) this.appClasses.set(name, framework);
  }

  private setterDefinition(node: Node, kind: 'class' | 'function'): void {
    const name = node.childForFieldName('name')?.text;
    const body = node.childForFieldName('body');
    if (!name || !body) return;
    const headers = headersSetInPythonCode(body.text);
    if (headers === 'all' || headers.length) this.facts.setters.push({ name, what: `${kind} ${name}`, headers });
  }

  private assignment(node: Node, scope: Scope): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const name = dottedName(left);
    if (!name || right?.type !== 'call') return;
    const callee = this.qualified(right.childForFieldName('function'));
    if (!callee) return;
    const framework = APP_CONSTRUCTORS.get(callee) ?? this.appClasses.get(callee);
    if (framework) {
      const statement = node.parent?.type === 'expression_statement' ? node.parent : node;
      const lineStart = this.text.lastIndexOf('\n', statement.startIndex - 1) + 1;
      const app: HeaderApp = { framework, name, span: { start: right.startIndex, end: right.endIndex }, statement: { start: statement.startIndex, end: statement.endIndex }, indent: this.text.slice(lineStart, statement.startIndex), routePaths: [], includesOthers: false };
      this.facts.apps.push(app);
      this.constructorMiddleware(right, name, scope);
      return;
    }
    const pkg = HEADER_PACKAGES.get(callee);
    const holder = HEADER_OBJECTS.get(callee);
    if (scope.moduleLevel && ((pkg && !argumentsOf(right).positional.length && !argumentsOf(right).keywords.has('app')) || holder)) {
      this.facts.setters.push({ name, what: pkg?.what ?? holder!, headers: pkg?.headers ?? 'all' });
    }
  }

  /** `FastAPI(middleware=[Middleware(SecurityHeaders)])`, `Starlette(middleware=[...])`. */
  private constructorMiddleware(call: Node, appName: string, scope: Scope): void {
    const list = argumentsOf(call).keywords.get('middleware');
    if (list?.type !== 'list') return;
    for (const item of list.namedChildren) {
      if (item?.type !== 'call') continue;
      const cls = argumentsOf(item).positional[0];
      if (cls) this.middlewareUse(cls, { kind: 'name', name: appName }, item, scope, 'middleware');
    }
  }

  /** A name handed to the app as middleware or hook: a setter of this file, or an imported name resolved later. */
  private middlewareUse(nameNode: Node, target: HeaderTarget, at: Node, scope: Scope, kind: HeaderProtection['kind']): void {
    const name = dottedName(nameNode);
    if (!name) return;
    const span = { start: at.startIndex, end: at.endIndex };
    const local = this.setterOf(name);
    if (local) {
      this.facts.protections.push({ kind, what: local.what, headers: local.headers, target, span });
      return;
    }
    const [first] = name.split('.');
    const imported = this.imports.get(first);
    if (imported && imported.name && !scope.params.has(first)) this.facts.pending.push({ name: imported.name, module: imported.module, kind, target, span });
  }

  private call(node: Node, scope: Scope): void {
    const fn = node.childForFieldName('function');
    const { positional, keywords } = argumentsOf(node);
    const callee = this.qualified(fn);
    const pkg = callee ? HEADER_PACKAGES.get(callee) : undefined;
    const appArg = positional[0] ?? keywords.get('app');
    if (pkg && appArg) {
      this.facts.protections.push({ kind: 'package', what: pkg.what, headers: pkg.headers, target: this.target(appArg, scope), span: { start: node.startIndex, end: node.endIndex } });
      return;
    }
    if (fn?.type === 'call') this.appliedDecorator(node, scope);
    if (fn?.type !== 'attribute') return;
    const method = fn.childForFieldName('attribute')?.text ?? '';
    const object = fn.childForFieldName('object');
    const receiver = this.target(object, scope);
    if (method === 'init_app' && appArg) this.initApp(object, appArg, node, scope);
    else if (method === 'add_middleware' && positional[0]) this.middlewareUse(positional[0], receiver, node, scope, 'middleware');
    else if (FLASK_RESPONSE_HOOKS.has(method) && positional[0] && node.parent?.type !== 'decorator') this.middlewareUse(positional[0], receiver, node, scope, 'hook');
    else if (INCLUDES.has(method)) this.include(receiver, method, positional);
    else if (method === 'add_url_rule' || method === 'add_api_route') this.route(receiver, plainStringValue(positional[0]));
  }

  /** `app.middleware('http')(set_headers)`: the decorator applied by hand. */
  private appliedDecorator(node: Node, scope: Scope): void {
    const inner = node.childForFieldName('function');
    const decorator = inner?.childForFieldName('function');
    const handler = argumentsOf(node).positional[0];
    if (decorator?.type !== 'attribute' || decorator.childForFieldName('attribute')?.text !== 'middleware' || !handler) return;
    this.middlewareUse(handler, this.target(decorator.childForFieldName('object'), scope), node, scope, 'middleware');
  }

  private initApp(object: Node | null, appArg: Node, node: Node, scope: Scope): void {
    const target = this.target(appArg, scope);
    const span = { start: node.startIndex, end: node.endIndex };
    if (object?.type === 'call') {
      const pkg = HEADER_PACKAGES.get(this.qualified(object.childForFieldName('function')) ?? '');
      if (pkg) this.facts.protections.push({ kind: 'package', what: pkg.what, headers: pkg.headers, target, span });
      return;
    }
    if (object) this.middlewareUse(object, target, node, scope, 'package');
  }

  private include(receiver: HeaderTarget, method: string, positional: readonly Node[]): void {
    if (receiver.kind === 'other') return;
    const app = this.facts.apps.find((a) => a.name === receiver.name);
    if (app) app.includesOthers = true;
    if (method === 'mount') {
      const mounted = dottedName(positional[1]);
      if (mounted) this.facts.mounted.push(mounted);
    }
  }

  private route(receiver: HeaderTarget, path: string | undefined): void {
    if (receiver.kind === 'other' || path === undefined) return;
    this.facts.apps.find((a) => a.name === receiver.name)?.routePaths.push(path);
  }

  private decorated(node: Node, scope: Scope): void {
    const definition = node.childForFieldName('definition');
    if (definition?.type !== 'function_definition') return;
    const body = definition.childForFieldName('body')?.text ?? '';
    for (const decorator of node.namedChildren) {
      if (decorator?.type !== 'decorator') continue;
      const expression = decorator.namedChildren.find((c) => c && c.type !== 'comment');
      const callee = expression?.type === 'call' ? expression.childForFieldName('function') : expression;
      if (callee?.type !== 'attribute') continue;
      const method = callee.childForFieldName('attribute')?.text ?? '';
      const receiver = this.target(callee.childForFieldName('object'), scope);
      const span = { start: decorator.startIndex, end: decorator.endIndex };
      if (FLASK_RESPONSE_HOOKS.has(method) || (method === 'middleware' && expression?.type === 'call')) {
        const headers = headersSetInPythonCode(body);
        if (headers === 'all' || headers.length) this.facts.protections.push({ kind: method === 'middleware' ? 'middleware' : 'hook', what: `${method} ${definition.childForFieldName('name')?.text ?? ''}`.trim(), headers, target: receiver, span });
      } else if (ROUTE_METHODS.has(method) && expression?.type === 'call') {
        this.route(receiver, plainStringValue(argumentsOf(expression).positional[0]));
      }
    }
  }
}

/** The apps and header protections of a parsed Python file; `nodes`, those of its tree (see `PyNodes`). */
export function extractAppHeaders(root: Node, text: string, nodes: PyNodes): AppHeaderFacts {
  return new AppHeaderExtractor(root, text, nodes).run();
}
