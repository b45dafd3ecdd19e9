import { DRIVER_MODULES } from '../rules/sql/sinks';
import { escapeRegExp } from '../text';
import type { ObjectKind } from './facts';

/**
 * What the fact extractor knows about Node web frameworks, as data: which calls create apps and routers,
 * which method calls register middleware and routes. Adding a framework is a change here, with a test.
 */

export interface FactoryPattern {
  /** Package the factory is imported from. */
  module: string;
  /** Import names that hold the factory (`=` is `require()`, `default`, `*` a namespace import, or a named export). */
  imports: readonly string[];
  /** Property path after the imported value (`['Router']` for `express.Router()`). */
  member: readonly string[];
  kind: ObjectKind;
  /** `new` is accepted as well as a plain call; `only-new` requires it. */
  call: 'call' | 'new' | 'either';
}

const EXPRESS_IMPORTS = ['=', 'default', '*'];

export const FACTORIES: readonly FactoryPattern[] = [
  { module: 'express', imports: EXPRESS_IMPORTS, member: [], kind: 'express-app', call: 'call' },
  { module: 'express', imports: EXPRESS_IMPORTS, member: ['Router'], kind: 'express-router', call: 'either' },
  { module: 'express', imports: ['Router'], member: [], kind: 'express-router', call: 'either' },
  { module: 'koa', imports: ['=', 'default', 'Koa'], member: [], kind: 'koa-app', call: 'new' },
  { module: 'koa-router', imports: ['=', 'default'], member: [], kind: 'koa-router', call: 'either' },
  { module: '@koa/router', imports: ['=', 'default', 'Router'], member: [], kind: 'koa-router', call: 'either' },
  { module: 'fastify', imports: ['=', 'default', 'fastify', 'Fastify'], member: [], kind: 'fastify-app', call: 'call' },
];

/** Packages whose import makes a file worth scanning for factories. */
export const FRAMEWORK_MODULES: readonly string[] = [...new Set(FACTORIES.map((f) => f.module))];

/** HTTP route methods, per framework family (`del` is koa-router's alias of `delete`). */
export const ROUTE_METHODS: readonly string[] = ['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head'];

/** Method calls recorded as registration events. */
export const EVENT_METHODS: readonly string[] = [
  ...ROUTE_METHODS, 'use', 'route', 'listen', 'register', 'addHook', 'disable', 'set', 'enable', 'prefix',
];

/** Methods that return their receiver, so `router.get(...).post(...)` registers both on `router`. */
export const CHAINABLE_METHODS: readonly string[] = [...ROUTE_METHODS, 'use', 'route', 'prefix', 'set', 'disable', 'enable'];

/** Receivers that are never apps or routers, skipped before any name lookup (`req.get(...)`, `map.set(...)`). */
export const NON_APP_RECEIVERS: ReadonlySet<string> = new Set([
  'req', 'res', 'request', 'response', 'reply', 'ctx', 'context', 'next', 'headers', 'params', 'query', 'body', 'map', 'cache',
  'config', 'process', 'JSON', 'Object', 'Reflect', 'Math', 'window', 'document', 'localStorage', 'sessionStorage', 'axios',
  'client', 'db', 'redis', 'store', 'env', 'url', 'searchParams', 'formData', 'cookies', 'history', 'state', 'props', 'this.state',
]);

/**
 * Parameter names under which functions usually receive an app or router (`function setup(app) { ... }`),
 * so that plain calls passing them on (`configureSecurity(app)`) are recorded.
 */
export const APP_PARAM_NAMES: ReadonlySet<string> = new Set([
  'app', 'application', 'server', 'router', 'api', 'fastify', 'instance', 'expressApp', 'koaApp', 'srv', 'web', 'httpApp', 'appInstance',
]);

/** Plain calls that serve an app over the network (`http.createServer(app)`, `serverless(app)`). */
/** Middleware that lists a directory's files and serves them: mounted with `use`, it is a GET route of its own. */
export const DIRECTORY_LISTING_MODULES: ReadonlySet<string> = new Set(['serve-index']);

export const SERVE_CALLS: readonly RegExp[] = [/(?:^|\.)create(?:Secure)?Server$/, /^serverless$/, /^(?:serverless|awsServerlessExpress)\.\w+$/, /^(?:createHandler|handle|toNodeHandler)$/];

/** Folders of test, fixture and mock code, matched on paths relative to the project root. */
export const TEST_FOLDER_PATTERN = /(?:^|\/)(?:__tests__|__mocks__|tests?|specs?|e2e|cypress|fixtures?|\w*mocks?|(?:tests?|e2e)[-_][\w-]+)\//i;
/** Folders that mean tests wherever they are, even when the project root is unknown. */
export const UNAMBIGUOUS_TEST_FOLDER_PATTERN = /(?:^|\/)(?:__tests__|__mocks__)\//;
/** File names of tests: `app.test.js`, `users.spec.ts`, `app.e2e-spec.ts`. */
export const TEST_FILE_PATTERN = /\.(?:test|spec|e2e-spec|e2e|cy)\.[cm]?[jt]sx?$/i;
/** Python test modules as pytest and unittest find them: `test_users.py`, `users_test.py`, `tests.py`, `conftest.py`. */
export const PYTHON_TEST_FILE_PATTERN = /(?:^|\/)(?:test_[^/]*|[^/]*_tests?|tests|conftest)\.py$/i;

/**
 * True for test, fixture and mock files. Folder names count only below the project root (a project that
 * itself lives under a `test/` folder is not all tests); without a root only unambiguous folders count.
 */
export function isTestFileName(fileName: string, rootDir?: string): boolean {
  const normalized = withSlashes(fileName);
  if (TEST_FILE_PATTERN.test(normalized) || PYTHON_TEST_FILE_PATTERN.test(normalized) || UNAMBIGUOUS_TEST_FOLDER_PATTERN.test(normalized)) return true;
  const below = belowRoot(normalized, rootDir);
  return below !== undefined && TEST_FOLDER_PATTERN.test(below);
}

/**
 * A path with `/` separators relative to the project root; a relative path as given; `undefined` for an
 * absolute path outside a known root, whose folder names say nothing about the project.
 */
export function pathBelowRoot(fileName: string, rootDir?: string): string | undefined {
  return belowRoot(withSlashes(fileName), rootDir);
}

/** `pathBelowRoot` of a path with `/` separators already. */
function belowRoot(normalized: string, rootDir: string | undefined): string | undefined {
  const root = rootDir === undefined ? undefined : rootWithSlash(rootDir);
  if (root && normalized.startsWith(root)) return normalized.slice(root.length);
  return normalized.startsWith('/') || /^[A-Za-z]:\//.test(normalized) ? undefined : normalized;
}

/** `path` with `/` for each `\\` (the same string when it has none: most paths, asked about for every file by several rules). */
function withSlashes(path: string): string {
  return path.includes('\\') ? path.split('\\').join('/') : path;
}

/** The last root asked about, and it with `/` separators and one `/` at its end: a scan asks about one root. */
let lastRoot: { given: string; normalized: string } | undefined;

function rootWithSlash(rootDir: string): string {
  if (lastRoot?.given !== rootDir) lastRoot = { given: rootDir, normalized: withSlashes(rootDir).replace(/\/?$/, '/') };
  return lastRoot.normalized;
}

/** Folders of developer tools and usage examples (`scripts/`, `examples/`), on paths relative to the project root. */
const DEVELOPER_FOLDER_PATTERN = /(?:^|\/)(?:\.?scripts?|examples?)\//i;

/**
 * True for a file in a folder of developer scripts or usage examples: a server there is a tool run by hand
 * or an example of a library's use, not the deployed app. Judged below the project root only, like tests.
 */
export function isDeveloperFileName(fileName: string, rootDir?: string): boolean {
  const below = pathBelowRoot(fileName, rootDir);
  return below !== undefined && DEVELOPER_FOLDER_PATTERN.test(below);
}

/**
 * A quick text test run before parsing: files that mention none of these cannot hold facts the rules read,
 * so the index does not parse them. What passes: framework and middleware packages, registrations
 * (`.use(`, `.listen(`, `.register(`, `.addHook(`, `.route(`), route calls with a path literal
 * (`.post('/x'`, `` .get(`${base}/x` ``, koa's named `.get('name', '/x'`), request-handler parameter lists
 * (`(req, res)`, `(ctx)`, `(request: Request`), re-exports and exported calls, and SQL driver modules named
 * in quotes (the module creating the pool says which placeholders its importers' queries take). Utility,
 * model, validator and front-end files are typically skipped (`map.get(key)` is not a route).
 */
export const MAY_HOLD_FACTS = new RegExp([
  String.raw`express|koa|fastify|nestjs|helmet|lusca|passport|jwt|NextApiRequest|NextRequest`,
  String.raw`\.(?:use|listen|register|addHook|route)\s*\(`,
  String.raw`\.(?:get|post|put|patch|delete|del|all|head|options)\s*\(\s*(?:['"\`](?:\/|\$\{|\*|['"\`])|['"\`][\w.-]+['"\`]\s*,\s*['"\`]\/)`,
  String.raw`\(\s*(?:req|request|ctx|_req)\s*(?::\s*[\w.<>]+\s*)?[,)]`,
  String.raw`export\s*(?:\*|\{[^}]*\}\s*from)`,
  // a list of paths (a middleware elsewhere may let them through unchecked)
  String.raw`(?:(?:const|let|var)\s+[\w$]+|exports\.[\w$]+)\s*=\s*\[\s*['"\`]\/`,
  String.raw`(?:module\.exports\s*=|export\s+default)\s*(?:require\b|[\w$.]+\s*\()`,
  `['"](?:${Object.values(DRIVER_MODULES).flat().map(escapeRegExp).join('|')})['"]`,
].join('|'));
