import type { Node } from '@vscode/tree-sitter-wasm';
import type { ValueOrigin } from '../../model/sql';
import { type PyParameter, type PyTree, attributeChain, calleeOf, named, parametersOf, plainStringValue, unwrapPy } from './syntax';

/**
 * Where Python values come from, as data: request objects of Flask, Django, FastAPI/Starlette and Django REST
 * framework; route handlers and their parameters; calls whose result cannot carry SQL syntax.
 */

export interface Origin {
  readonly origin: ValueOrigin;
  readonly why: string;
}

/** Names a request object goes by (`request` in Flask, Django and FastAPI; `self.request` in class-based views). */
const REQUEST_NAMES = new Set(['request', 'req']);
/** What of a request the client writes. */
const REQUEST_PARTS = new Set([
  'args', 'form', 'values', 'json', 'get_json', 'data', 'get_data', 'cookies', 'headers', 'files', 'view_args', 'path', 'full_path', 'url',
  'base_url', 'query_string', 'GET', 'POST', 'body', 'COOKIES', 'META', 'FILES', 'query_params', 'path_params', 'path_info', 'get_full_path',
  'content_params', 'stream', 'environ', 'params', 'match_info', 'query', 'post', 'text', 'get_argument', 'get_query_argument', 'get_body_argument',
]);
/** What of a request the server sets (the signed-in user, the session it keeps): not written by the client as is. */
const SERVER_PARTS = new Set(['user', 'session', 'auth', 'method', 'scheme', 'app', 'state', 'remote_user', 'site']);

/** Tornado handlers read request data through their own methods. */
const HANDLER_READERS = new Set(['get_argument', 'get_arguments', 'get_query_argument', 'get_body_argument', 'get_cookie', 'get_secure_cookie']);

/** An expression that reads request data, server-kept request state, or configuration; `undefined` for anything else. */
export function requestOrigin(node: Node): Origin | undefined {
  const { root, path } = attributeChain(node);
  if (root.type !== 'identifier') return undefined;
  let parts = path;
  if (root.text === 'self' && path[0] === 'request') parts = path.slice(1);
  else if (root.text === 'self' && HANDLER_READERS.has(path[0] ?? '')) return { origin: 'request', why: `self.${path[0]}()` };
  else if (!REQUEST_NAMES.has(root.text)) return configOrigin(root.text, path);
  const part = parts[0];
  if (part === undefined) return undefined;
  if (REQUEST_PARTS.has(part)) return { origin: 'request', why: `request.${part}` };
  if (SERVER_PARTS.has(part)) return { origin: 'stored', why: `request.${part}` };
  return undefined;
}

/** Names configuration goes by: set by whoever deploys or administers the app (a data source's connection settings). */
const CONFIG_NAMES = new Set(['settings', 'config', 'configuration', 'conf', 'CONFIG', 'SETTINGS', 'app_config']);

/** Calls that return rows read from the database: second-order values, `stored`. */
export const QUERY_RESULT_CALLS = new Set(['fetchall', 'fetchone', 'fetchmany', 'fetchrow', 'fetchval', 'fetch_all', 'fetch_one', 'fetch_val', 'scalar', 'scalars', 'scalar_one', 'one_or_none', 'first', 'all', 'values_list', 'mappings']);

/** Settings, configuration and the environment: written by whoever deploys the app (not flagged by default). */
function configOrigin(root: string, path: readonly string[]): Origin | undefined {
  if (root === 'settings' || (root === 'os' && (path[0] === 'environ' || path[0] === 'getenv')) || ((root === 'app' || root === 'current_app') && path[0] === 'config')) {
    return { origin: 'stored', why: 'configuration' };
  }
  if (root === 'session' || (root === 'g' && path.length > 0) || root === 'current_user') return { origin: 'stored', why: root };
  const configured = [root, ...path].find((part) => CONFIG_NAMES.has(part));
  if (configured) return { origin: 'stored', why: `configuration (${configured})` };
  // Django model metadata (`Model._meta.db_table`) names the model's own table
  // and SQLAlchemy's (`Model.__table__.columns`, `Model.__tablename__`)
  if (path.some((part) => part === '_meta' || part === '__table__' || part === '__tablename__')) return { origin: 'constant', why: 'model metadata' };
  return undefined;
}

/** Calls whose result is a number or a boolean. */
export const NUMERIC_CALLS = new Set(['int', 'float', 'bool', 'len', 'round', 'abs', 'ord', 'hash', 'id', 'Decimal', 'uuid4', 'uuid1', 'UUID', 'time', 'randint', 'count', 'isdigit', 'isnumeric', 'timestamp', 'toordinal']);
/** Methods of a string whose result holds the same characters as the receiver (what it was, it stays). */
export const TEXT_PRESERVING_METHODS = new Set(['strip', 'lstrip', 'rstrip', 'lower', 'upper', 'title', 'capitalize', 'casefold', 'encode', 'decode', 'zfill', 'ljust', 'rjust', 'center', 'swapcase', 'expandtabs']);
/** Driver and framework functions that quote or escape a value for SQL. */
export const QUOTING_CALLS = new Set(['escape_string', 'escape', 'quote_ident', 'quote_name', 'quote_identifier', 'literal', 'mogrify', 'getquoted', 'escape_literal', 'escape_identifier', 'quote', 'sql_quote', 'escape_like']);
/** Calls that build SQL objects instead of text: psycopg's `sql` module, SQLAlchemy Core and ORM expressions. */
export const SQL_OBJECT_CALLS = new Set(['SQL', 'Identifier', 'Literal', 'Placeholder', 'Composed', 'text', 'select', 'insert', 'update', 'delete', 'and_', 'or_', 'not_', 'bindparam', 'func', 'table', 'column']);
/** Calls of time and randomness: names built from them are generated by the code. */
export const GENERATED_CALLS = new Set(['uuid4', 'token_hex', 'token_urlsafe', 'now', 'utcnow', 'today', 'strftime', 'isoformat', 'hexdigest', 'getpid']);

/** Type annotations that admit no SQL syntax. */
const SAFE_TYPES = /^(?:int|float|bool|complex|Decimal|decimal\.Decimal|UUID|uuid\.UUID|date|datetime|datetime\.\w+|time|timedelta|conint\(.*\)|confloat\(.*\)|PositiveInt|NonNegativeInt|StrictInt|StrictBool|Optional\[(?:int|float|bool|UUID)\]|(?:int|float|bool|UUID)\s*\|\s*None)$/;
/** FastAPI parameter declarations that read the request. */
const FASTAPI_REQUEST_DEFAULTS = new Set(['Query', 'Path', 'Body', 'Form', 'Header', 'Cookie', 'File']);
/** FastAPI dependencies: the result of the app's own code (the current user, a session), not client text as is. */
const FASTAPI_DEPENDENCIES = new Set(['Depends', 'Security']);

/** Whether a callee (`Depends`, `fastapi.Security`) declares a FastAPI dependency. */
export function isDependencyCallee(callee: string): boolean {
  return FASTAPI_DEPENDENCIES.has(callee.slice(callee.lastIndexOf('.') + 1));
}
/** Decorator methods that register a route (Flask, FastAPI, Starlette, Sanic, aiohttp route tables). */
const ROUTE_DECORATORS = new Set(['route', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'api_route', 'websocket', 'view']);
const FLASK_NUMERIC_CONVERTERS = new Set(['int', 'float', 'uuid']);

/** The route path of a function registered with a route decorator (`@app.get("/u/{id}")`), or `undefined`. */
export function routePathOf(tree: PyTree, fn: Node): string | undefined {
  for (const decorator of tree.decorators(fn)) {
    const call = named(decorator)[0];
    if (call?.type !== 'call') continue;
    const { name, receiver } = calleeOf(call);
    if (!receiver || !ROUTE_DECORATORS.has(name)) continue;
    const first = named(call.childForFieldName('arguments') ?? call)[0];
    const path = first ? plainStringValue(first) : undefined;
    if (path !== undefined && path.startsWith('/')) return path;
    if (name === 'route' || name === 'api_route') return path ?? '';
  }
  return undefined;
}

/** Django views: `def view(request, ...)`, and methods `def get(self, request, ...)` of class-based views. */
function isDjangoView(params: readonly PyParameter[]): boolean {
  const first = params[0]?.name === 'self' ? params[1] : params[0];
  return first?.name === 'request';
}

/** Where a parameter's value comes from, as far as its function's own declaration shows. */
export function parameterOrigin(tree: PyTree, fn: Node, param: PyParameter): Origin | undefined {
  if (param.splat) return { origin: 'unknown', why: `*${param.name} of ${functionName(fn)}` };
  const type = param.type?.text.replace(/\s+/g, ' ');
  if (type && SAFE_TYPES.test(type)) return { origin: 'numeric', why: `parameter typed ${type}` };
  if (type && /^Literal\[/.test(type)) return { origin: 'allowed', why: `parameter typed ${type}` };
  const defaultCall = param.default && unwrapPy(param.default).type === 'call' ? calleeOf(unwrapPy(param.default)).name : undefined;
  if (defaultCall && FASTAPI_DEPENDENCIES.has(defaultCall)) return { origin: 'stored', why: `a ${defaultCall}() dependency` };
  if (defaultCall && FASTAPI_REQUEST_DEFAULTS.has(defaultCall)) return { origin: 'request', why: `${defaultCall}() parameter of a route` };
  if (fn.type !== 'function_definition') return undefined;
  const params = parametersOf(fn);
  if ((param.name === 'self' || param.name === 'cls') && param.index === 0) return { origin: 'stored', why: param.name };
  const path = routePathOf(tree, fn);
  if (path !== undefined) {
    const converter = new RegExp(`<(\\w+)(?:\\([^)]*\\))?:${param.name}>`).exec(path)?.[1];
    if (converter && FLASK_NUMERIC_CONVERTERS.has(converter)) return { origin: 'numeric', why: `<${converter}:${param.name}> route converter` };
    return { origin: 'request', why: `parameter of the route handler ${functionName(fn)}` };
  }
  if (isDjangoView(params) && param.name !== 'request') return { origin: 'request', why: `URL parameter of the view ${functionName(fn)}` };
  return undefined;
}

export function functionName(fn: Node): string {
  return fn.childForFieldName('name')?.text ?? 'lambda';
}

/** A function whose name says it is private to its module or class (`_helper`, not `__init__`). */
export function isPrivateFunction(fn: Node): boolean {
  const name = functionName(fn);
  return name.startsWith('_') && !name.endsWith('__');
}
