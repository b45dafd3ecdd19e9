import type { AppHeaderFacts, SettingsHeaderFacts } from '../model/headers';
import type { DriverId } from '../rules/sql/sinks';
import type { PythonFileFacts } from '../languages/python/python-facts';
import type { RubyFileFacts } from '../languages/ruby/ruby-facts';
import type { PhpFileFacts } from '../languages/php/php-facts';
import type { GrammarName } from '../languages';
import type { LanguageId, LineRange } from '../types';

/**
 * Per-file facts about Express-style apps, extracted once from a parsed file and kept after its tree is
 * dropped. Offsets are UTF-16 offsets into the file's text. Everything here is plain data (no tree nodes),
 * so the index can hold a whole project's facts and rules can read them without re-parsing other files.
 */

export interface Span {
  start: number;
  end: number;
}

/** An object a framework factory creates: an app or a router. */
export type ObjectKind = 'express-app' | 'express-router' | 'koa-app' | 'koa-router' | 'fastify-app';

/**
 * A symbolic value: where a value comes from within its file (`root`), then a chain of property reads
 * (`path`). `()` in a path marks a call of the member before it (`router.routes()` is `['routes', '()']`).
 */
export interface ValueRef {
  root: ValueRoot;
  path: string[];
}

export type ValueRoot =
  /** `facts.objects[index]`, created in this file. */
  | { kind: 'object'; index: number }
  /** `facts.imports[index]`. */
  | { kind: 'import'; index: number }
  /** Parameter `index` of `facts.functions[fn]`. */
  | { kind: 'param'; fn: number; index: number }
  /** `facts.functions[index]` itself. */
  | { kind: 'function'; index: number }
  /**
   * What calling `callee` returns; `fnArg` is the first function passed to it (`catchAsync(fn)`); `passed` is the
   * function of this file named as its first argument (`memoize(query)`), which the call returns when `callee`
   * passes calls through.
   */
  | { kind: 'call'; callee: ValueRef; fnArg?: number; passed?: number }
  /** An object literal, by property name; `spreads` are the objects spread into it (`{ ...helpers, x }`). */
  | { kind: 'literal'; props: Record<string, ValueRef>; spreads?: ValueRef[] }
  /** An array literal (`module.exports = [helmet(), cors()]`); `strings` are its string items (a list of paths). */
  | { kind: 'array'; items: ValueRef[]; strings?: string[] }
  | { kind: 'unknown' };

export interface ImportFact {
  /** Module specifier as written: `'./app'`, `'express'`. */
  source: string;
  /** `'='` for `require()` (the whole `module.exports`), `'default'`, `'*'` (namespace) or an export name. */
  name: string;
  /** The statement that imports, for quick fixes that add an import beside it. */
  span: Span;
  style: 'esm' | 'cjs';
  /** Source of that statement, capped: lets a fix in another file import the same binding. */
  text: string;
}

export interface ObjectFact {
  kind: ObjectKind;
  /** The factory call (`express()`, `new Router()`). */
  span: Span;
  /** Route prefix given at creation (`new Router({ prefix: '/api' })`). */
  prefix?: string;
  /** The expression the object is stored in (`app`, `this.app`), when it is stored by a simple assignment. */
  boundTo?: string;
  /** The statement holding the factory call, when the object is stored (`const app = express();`). */
  statement?: Span;
}

/** One argument of a registration call (middleware, handler, router, options object); `text` is its source, capped. */
export type ArgFact =
  /** An identifier or property chain: `requireAuth`, `auth.required`, `this.router`. */
  | { kind: 'ref'; name: string; ref: ValueRef; span: Span; text: string }
  /** A call: `helmet()`, `passport.authenticate('jwt')`; `name` is the innermost callee of a chain (`jwt` in `jwt(o).unless(p)`). */
  | { kind: 'call'; name: string; callee: ValueRef; result: ValueRef; args: ArgFact[]; span: Span; text: string }
  | { kind: 'function'; index: number; span: Span }
  | { kind: 'array'; items: ArgFact[]; span: Span }
  | { kind: 'object'; props: Record<string, ArgFact>; span: Span }
  | { kind: 'string'; value: string; span: Span }
  /** Anything else (literals, spreads, expressions); `text` is its source, capped. */
  | { kind: 'other'; span: Span; text: string };

/**
 * A registration call, in source order: `app.use(...)`, `router.post(path, ...)`, `app.listen()`,
 * `fastify.register(plugin)`, or a plain call that passes an app along (`configureSecurity(app)`).
 */
export interface EventFact {
  /** The method called on `target` (`use`, `get`, `listen`, ...); empty for a plain call. */
  method: string;
  /** The receiver, for method calls. */
  target?: ValueRef;
  /** The function called, for plain calls. */
  callee?: ValueRef;
  /** Dotted text of the callee: `app.use`, `http.createServer`, `configureSecurity`. */
  calleeName: string;
  /** Literal path argument of routes and path-scoped `use` (from `route('/x')` for `route('/x').get(...)`). */
  path?: string;
  /** Further paths of one registration (`router.get(['/a', '/b'], h)`), shown beside `path`. */
  otherPaths?: string[];
  /** Arguments after the path (for plain calls: every argument). */
  args: ArgFact[];
  span: Span;
  /** Where a finding about this call is shown (`router.post('/users'`). */
  reportSpan: Span;
  /** `reportSpan` as lines and characters, for related locations shown from other files (`rangeOfLines` gives the `Range`). */
  reportAt: LineRange;
  /** Offset where a new first handler argument goes (right after the path argument), for quick fixes. */
  handlerInsertAt?: number;
  /** Reason from a `// backend-guide-public: <reason>` comment above or beside the call. */
  publicReason?: string;
}

export interface FunctionFact {
  name?: string;
  /** Parameter names; `''` for destructured or otherwise unnamed parameters. */
  params: string[];
  span: Span;
  /** Source text of handler-like functions (`(req, res)`, `(ctx, next)`, `(request, reply)`), capped. */
  bodyText?: string;
  /** What the function returns (`return app;`, or an arrow function's expression body). */
  returns: ValueRef[];
  /**
   * What the function returns when that is text made of constants and quoted values except for these parts
   * of its parameters (`ifStr(cond, fragment)` returns its second parameter or `''`): a call's result is then
   * safe for SQL when the arguments for them are. Absent when the function returns anything else.
   */
  textReturn?: ParamPart[];
  /**
   * When every return is an object literal (`return { sqlConditions, sanitizedTerm }`): for each property, what
   * `textReturn` would say of the values written for it. Properties holding anything else are absent.
   */
  propertyReturns?: Record<string, ParamPart[]>;
  /** `textReturn` or `propertyReturns` holds only while values read back from the database or configuration count as safe. */
  readsStored?: boolean;
  /** The function returns a function that calls its first parameter with the arguments it is given (`memoize(fn)`). */
  forwards?: true;
  /**
   * A list of paths the function lets through unchecked, tested against the request's path
   * (`WHITELIST.some((u) => req.path.startsWith(u))` is `prefix`, `PUBLIC.includes(req.path)` is `exact`).
   */
  exemptPaths?: { name: string; list: ValueRef; match: 'prefix' | 'exact' };
}

/** A parameter, or a property of it (`props.schemaFilter` is `{ index: 0, path: ['schemaFilter'] }`). */
export interface ParamPart {
  index: number;
  path: string[];
}

/**
 * Where an argument's value comes from, as far as SQL text built from it goes: a constant, a value that
 * cannot carry SQL (quoted or escaped, a number), request data, or anything else.
 */
export type ArgOrigin = 'constant' | 'quoted' | 'request' | 'unknown';

export interface CallArgFact {
  origin: ArgOrigin;
  /** For an object literal: each property's origin (the last one written wins) and what a spread in it may add. */
  props?: Record<string, ArgOrigin>;
  rest?: ArgOrigin;
  /** For an object literal: the properties whose values are object literals too, read the same way (a few levels deep). */
  nested?: Record<string, CallArgFact>;
  /** Source text of request data, capped, for messages. */
  text?: string;
  /**
   * The argument is a GraphQL resolver's `args` (or an object literal spreading it): where the schema declares
   * a key that `props` does not write, its declaration's writers, last first (see `graphql-args.ts`).
   */
  schema?: SchemaSourceFact[];
}

/** One writer of a resolver's arguments declaration: a key with its type (`safe` when read in place), or an object from elsewhere. */
export interface SchemaSourceFact {
  key?: string;
  safe?: true;
  type?: ValueRef;
  object?: ValueRef;
  /** `omit` / `pick` calls the writer went through, with their callee. */
  filters?: { kind: 'omit' | 'pick'; keys: string[]; helper: ValueRef }[];
}

/**
 * A use of a value another project file defines (`helper(x)`, `utils.make(trx).run('a')`), so that a function's
 * callers can be followed across files: a call with the origin of each argument, or a use other than a call
 * (`list.map(helper)`, `register(utils)`) after which the value's callers are no longer all in sight.
 */
export interface CallSiteFact {
  callee: ValueRef;
  /** Absent for a use that is not a call, and for a call whose arguments were deferred (`arity`). */
  args?: CallArgFact[];
  /**
   * A call whose arguments the facts pass did not read (`FileFacts.deferred`): how many it passes before any
   * spread. `completeFacts` reads their origins from the file's text again.
   */
  arity?: number;
  /** A spread argument (`f(...rest)`) at this position: it and the arguments after it are unknown. */
  spreadAt?: number;
  /** Where the call or use is, for related locations shown from the callee's file (`rangeOfLines` gives the `Range`). */
  at: LineRange;
}

export interface DecoratorFact {
  name: string;
  /** Identifier or callee names among the arguments: `JwtAuthGuard`, `AuthGuard` (from `AuthGuard('jwt')`). */
  argNames: string[];
  /** First string argument (`@Get(':id')`). */
  path?: string;
  span: Span;
}

export interface NestRouteFact {
  /** Lower-case HTTP method of the route decorator (`get`, `post`, ..., `all`). */
  method: string;
  path: string;
  methodName: string;
  decorators: DecoratorFact[];
  /** The route decorator (`@Post()`), where findings are shown. */
  reportSpan: Span;
  /** 1-based line of the route decorator, for lists that point at the route (the Routes view, `backend-guide routes`). */
  line: number;
  /** Start of the line holding the method's first decorator, for inserting a decorator or comment above it. */
  lineStart: number;
  indent: string;
  bodyText?: string;
  publicReason?: string;
}

/** A `forRoutes` entry: a path (with `*` and `:params`) and method, or a controller class. */
export interface NestRouteSpec {
  path?: string;
  method?: string;
  controller?: string;
}

/** Middleware a Nest module binds to routes: `consumer.apply(AuthMiddleware).forRoutes(...)`. */
export interface NestMiddlewareFact {
  middleware: string[];
  routes: NestRouteSpec[];
}

/** A project decorator that applies guards: `export const Auth = () => applyDecorators(UseGuards(JwtGuard))`. */
export interface NestCompositeDecoratorFact {
  name: string;
  guards: string[];
}

export interface NestControllerFact {
  name: string;
  path: string;
  decorators: DecoratorFact[];
  routes: NestRouteFact[];
  span: Span;
}

/** Which kind of Next.js file: an App Router `route.ts`, a Pages Router API handler, or the root `middleware.ts` / `proxy.ts`. */
export type NextFileKind = 'app-route' | 'pages-api' | 'middleware';

/** A Next.js route handler a file exports: `export async function POST(req)`, `export const GET = withAuth(h)`, `export default handler`. */
export interface NextHandlerFact {
  /** Lower-case HTTP methods it answers; empty when a Pages handler never says which (it answers all alike). */
  methods: string[];
  /** The handler itself: a function, a reference, or a call when nothing callable is passed to the outermost call. */
  handler: ArgFact;
  /** Calls wrapped around the handler, outermost first (`withAuth` in `withAuth(async (req) => ...)`), without the handler argument. */
  wrappers: ArgFact[];
  /** The handler's code followed by that of the functions of its file it hands the request to, when it does. */
  code?: string;
  /** From `export` to the exported name (`export async function POST`), where findings are shown. */
  reportSpan: Span;
  /** `reportSpan` as lines and characters (see `EventFact.reportAt`). */
  reportAt: LineRange;
  publicReason?: string;
}

/** A Next.js middleware (`middleware.ts`, Next 16's `proxy.ts`): what it runs and which paths `config.matcher` gives it. */
export interface NextMiddlewareFact {
  /** The exported middleware, described by name (`middleware() in middleware.ts`, `next-auth/middleware`). */
  handler: ArgFact;
  /** `config.matcher` patterns as written; `undefined` when there is none (it runs for every path) or it is not a literal. */
  matcher?: string[];
  /** `config.matcher` is there but not made of literals: which paths it covers is unknown. */
  matcherUnknown?: boolean;
}

export interface NextFileFacts {
  kind: NextFileKind;
  handlers: NextHandlerFact[];
  middleware?: NextMiddlewareFact;
}

export interface FileFacts {
  fileName: string;
  languageId: LanguageId;
  /** Hash of the text the facts were extracted from; rules compare it with the text they analyse. */
  textHash: string;
  /** Test and fixture files: their apps and routes are not part of the running application. */
  isTest: boolean;
  /** True when a quick text scan showed the file cannot hold app facts, so it was not parsed. */
  skipped: boolean;
  imports: ImportFact[];
  /** Export name to value; `'='` is `module.exports` as a whole. */
  exports: Record<string, ValueRef>;
  /** Sources of `export * from '...'`. */
  reexportAll: string[];
  objects: ObjectFact[];
  functions: FunctionFact[];
  events: EventFact[];
  nestControllers: NestControllerFact[];
  /** Guards applied to every Nest route: `app.useGlobalGuards(new X())`, `{ provide: APP_GUARD, useClass: X }`. */
  globalGuards: string[];
  /** Middleware bound to Nest routes in modules' `configure(consumer)`. */
  nestMiddleware: NestMiddlewareFact[];
  /** Guard classes whose `canActivate` refuses callers (throws Unauthorized/Forbidden, answers 401/403). */
  nestRefusingGuards: string[];
  /** Decorators that apply guards through `applyDecorators(UseGuards(...))`. */
  nestCompositeDecorators: NestCompositeDecoratorFact[];
  /**
   * The SQL drivers the file imports (`require('pg')`, `import mysql from 'mysql2'`), by driver id: a module
   * that creates the pool tells the files importing it which placeholders their queries take.
   */
  sqlDrivers: DriverId[];
  /** Calls and other uses of values imported from other project files. */
  callSites: CallSiteFact[];
  /** Next.js route handlers or middleware, for files the file-system router serves. */
  next?: NextFileFacts;
  /** Python: the file's web apps and what makes them send security headers. */
  headers?: AppHeaderFacts;
  /** Python: the header settings of a Django settings module. */
  settings?: SettingsHeaderFacts;
  /** Python files: imports, functions, classes, assignments and calls the Flask, Django and FastAPI extractors read. */
  python?: PythonFileFacts;
  /** Ruby files: classes and what they include, what methods return, calls on classes and modules (read by the SQL front end). */
  ruby?: RubyFileFacts;
  /** PHP files: classes, what they extend and what their methods return (read by the SQL front end). */
  php?: PhpFileFacts;
  /** JavaScript/TypeScript: what the methods of exported classes return as text, by export name (read by subclasses in other files). */
  classes?: Record<string, ClassFact>;
  /**
   * The facts pass left out what is costly and seldom read (call arguments' origins, functions' and exported
   * classes' text returns): `completeFacts` reads them from the file's text again when a rule asks (see `deferred-calls.ts`).
   */
  deferred?: DeferredFacts;
  /** JavaScript/TypeScript files outside tests: the member names the text mentions (see `memberMentions`). */
  memberNames?: string[];
  /** JavaScript/TypeScript files outside tests: the path-like words of its strings, which may name modules it loads (see `pathNamesOf`). */
  pathNames?: string[];
  /** The file loads modules by paths it builds (`require(path.join(__dirname, name))`). */
  loadsComputed?: true;
}

/** What reading a file's deferred facts again takes. */
export interface DeferredFacts {
  /** The grammars its parse ran: the same parse again needs them loaded. */
  grammars: GrammarName[];
}

/** An exported class, as a subclass in another file sees the methods it inherits. */
export interface ClassFact {
  /** What each instance method returns as text (see `FunctionFact.textReturn`), for the methods that return only text. */
  textReturns: Record<string, ParamPart[]>;
  /** The members the class's own code calls or reads on `this`: a subclass that overrides one may change what those methods return. */
  thisMembers: string[];
  /** The class extends another (`extends Base`): its methods may override ones that code out of sight calls. */
  extends?: true;
}

export interface PackageFacts {
  /** Absolute path of the folder holding package.json. */
  dir: string;
  fileName: string;
  /** Names in dependencies, devDependencies, peerDependencies and optionalDependencies. */
  dependencies: ReadonlySet<string>;
  /** False when package.json could not be read as JSON; dependencies are then unknown. */
  readable: boolean;
  /** What the package hands to whoever loads it (`main`, `exports`, `bin`, ...), as written; absent for requirement files. */
  entries?: string[];
  /** The other string values of package.json (its `scripts` commands first), which may name modules to run; absent for requirement files. */
  launches?: string[];
  /** The package's `name`, by which other packages of a workspace import its modules (`@acme/db/src/queries`). */
  name?: string;
  /** The package says how it starts: an entry (`main`, `exports`, `bin`) or a `start` script. */
  declaresStart?: boolean;
}

export function emptyFileFacts(fileName: string, languageId: LanguageId, textHash: string, isTest: boolean, skipped: boolean): FileFacts {
  return { fileName, languageId, textHash, isTest, skipped, imports: [], exports: {}, reexportAll: [], objects: [], functions: [], events: [], nestControllers: [], globalGuards: [], nestMiddleware: [], nestRefusingGuards: [], nestCompositeDecorators: [], sqlDrivers: [], callSites: [] };
}
