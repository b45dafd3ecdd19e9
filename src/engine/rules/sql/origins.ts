import type { Node } from '@vscode/tree-sitter-wasm';
import { unwrap } from '../../ast';
import type { Binding } from './scope';
import { lastName, parameterNodes } from './syntax';

/**
 * Where a value comes from, when that says whether an attacker can shape it:
 * - the program's own modules (`import { LabelChannel } from './schema'`, `require('./config')`): fixed
 *   when the program loads, before any request exists;
 * - the operator's configuration (`process.env.TABLE`): set by whoever runs the program;
 * - the database (`const { rows } = await pool.query(...)`, `await User.findAll()`, the parent object a
 *   GraphQL resolver receives): data the application stored or the catalog holds. Splicing it into SQL can
 *   still be second-order injection when users wrote it, so `sql.storedValues: true` flags these.
 * Request data (`req.*`, handler and resolver arguments) has none of these origins and stays unknown.
 */

/** `process.env.X`, `import.meta.env.X`. */
export function isEnvironmentRead(node: Node): boolean {
  return /^(?:process\s*\.\s*env|import\s*\.\s*meta\s*\.\s*env)\b/.test(node.text);
}

/** `require('m')`, `require('m').x`, `await import('m')`. */
function isModuleLoad(node: Node): boolean {
  const target = unwrap(node);
  return /^(?:await\s+)?(?:require\s*\(\s*['"`][^'"`]+['"`]\s*\)|import\s*\(\s*['"`][^'"`]+['"`]\s*\))(?:\s*\.\s*[\w$]+)*$/.test(target.text);
}

/** A name bound to a module or to something a module exports. */
export function holdsModule(binding: Binding): boolean {
  if (binding.kind === 'import') return true;
  const init = declaredValue(binding);
  return (binding.kind === 'const' || binding.kind === 'pattern') && !!init && isModuleLoad(init);
}

/** Methods that read rows or records back (drivers, query builders, ORMs). */
const STORED_READ_METHODS: ReadonlySet<string> = new Set([
  'query', 'execute', 'findAll', 'findOne', 'findByPk', 'findAndCountAll', 'findOrCreate', 'findMany', 'findFirst', 'findUnique',
  'findFirstOrThrow', 'findUniqueOrThrow', 'findBy', 'findOneBy', 'findOneOrFail', 'getMany', 'getOne', 'getRawMany', 'getRawOne',
  'first', 'select', 'all', 'get', 'many', 'one', 'any', 'oneOrNone', 'manyOrNone', 'pluck',
]);

/** A receiver chain that reaches the database: a handle, a repository, a model (`models.User`, `User`, `prisma.user`). */
const DATABASE_CHAIN = /(?:^|[.\s(])(?:db|database|knex|prisma|sequelize|pool|conn|connection|manager|repository|repo|queryRunner|dataSource|trx|tx|models?)\b/i;
/** Built-in objects named like models. */
const BUILT_INS = /^(?:Promise|Object|Array|JSON|Math|Reflect|Date|Buffer|Intl|Number|String|Map|Set|WeakMap|URL|URLSearchParams|Request|Response|Headers|FormData)$/;
/** Driver clients run SQL with `query`/`execute`; their `get` may as well be HTTP. */
const CLIENT_CHAIN = /client\b/i;

function declaredValue(binding: Binding): Node | undefined {
  if (binding.init) return binding.init;
  return binding.kind === 'pattern' ? binding.declarator?.childForFieldName('value') ?? undefined : undefined;
}

/** DataLoader's reads: a loader returns the rows its batch function read (`loaders.Collective.byId.load(id)`). */
const LOADER_METHODS: ReadonlySet<string> = new Set(['load', 'loadMany']);
/** `loaders.User.byId`, `ctx.loader`, `userLoader` (not `uploader`). */
const LOADER_CHAIN = /(?:^|[.\s(])(?:[lL]oaders?|\w+Loaders?)\b/;

/**
 * `await pool.query(...)`, `(await db.query(...)).rows`, `await models.User.findAll(...)`: whatever the
 * arguments, what comes back is rows the database holds (a `where` built from the request selects rows, it
 * does not write their values).
 */
export function isStoredRead(node: Node): boolean {
  let target = unwrap(node);
  for (;;) {
    if (target.type === 'await_expression') target = unwrap(target.namedChildren[0] ?? target);
    else if (target.type === 'member_expression' || target.type === 'subscript_expression') target = unwrap(target.childForFieldName('object') ?? target);
    else break;
    if (target.type === 'call_expression') break;
  }
  let callee = target.type === 'call_expression' ? target.childForFieldName('function') : undefined;
  // `await db.query<Row>(...)` parses as a call of `await db.query` in TypeScript
  if (callee?.type === 'await_expression') callee = callee.namedChildren[0];
  if (callee?.type !== 'member_expression') return false;
  const method = callee.childForFieldName('property')?.text ?? '';
  const object = callee.childForFieldName('object');
  if (object && LOADER_METHODS.has(method) && LOADER_CHAIN.test(object.text)) return true;
  if (!object || !STORED_READ_METHODS.has(method)) return false;
  const receiver = lastName(object);
  return DATABASE_CHAIN.test(object.text) || (/^[A-Z]/.test(receiver) && !BUILT_INS.test(receiver)) || ((method === 'query' || method === 'execute') && CLIENT_CHAIN.test(object.text));
}

/** A variable holding what a database read returned. */
export function holdsStoredRows(binding: Binding): boolean {
  const value = declaredValue(binding);
  return (binding.kind === 'const' || binding.kind === 'let' || binding.kind === 'var' || binding.kind === 'pattern') && !!value && isStoredRead(value);
}

/** The first parameter of a GraphQL resolver (`resolve(parent, args, context)`): the object the parent field loaded. */
export function isResolverParent(binding: Binding): boolean {
  const param = binding.param;
  if (binding.kind !== 'param' || param?.index !== 0 || param.arrayCallback) return false;
  const fn = param.fn;
  if (parameterNodes(fn).length < 2) return false;
  if (fn.type === 'method_definition') return fn.childForFieldName('name')?.text === 'resolve';
  const holder = fn.parent;
  return holder?.type === 'pair' && holder.childForFieldName('key')?.text === 'resolve';
}

/** `req.body.x`, `request.query`, `ctx.request.body`, `ctx.params.id`: the request a handler receives. */
const REQUEST_READ = /^(?:req|request|_req)(?:\s*\??\.\s*[\w$]+|\s*\[[^\]]*\])*$|^ctx\s*\??\.\s*(?:request|query|params|headers|cookies)\b/;

/**
 * Request data: a read of the request a route handler receives, or the arguments of a GraphQL resolver
 * (`resolve(parent, args)`). `binding` is what the expression's root name is bound to, when known.
 */
export function isRequestRead(node: Node, binding?: Binding): boolean {
  if (REQUEST_READ.test(node.text)) return true;
  const param = binding?.param;
  if (binding?.kind !== 'param' || param?.index !== 1 || param.arrayCallback) return false;
  const fn = param.fn;
  if (fn.type === 'method_definition') return fn.childForFieldName('name')?.text === 'resolve';
  const holder = fn.parent;
  return holder?.type === 'pair' && holder.childForFieldName('key')?.text === 'resolve';
}
