import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// Value origins the code declares or shows, beyond request data and constants:
// - rows a call reads back from the database (an ORM finder, a DataLoader), also through a helper of another file;
// - TypeScript types that hold only numbers, booleans or literals (also in collections and object shapes), and the
//   key type a DataLoader gives its batch function;
// - an ORM data type's own serialiser (Sequelize's `DataTypes.X.stringify`);
// - a property of what another file's function returns, when its text is placeholders and constant arguments;
// - connection settings that travel with the password handed to a connection opener.
// Each class has a counterpart that must stay flagged.

const concatenated = 'concatenated';
const ts = 'typescript' as const;
const lines = (...parts: string[]): string => parts.join('\n');

/** An exported helper that fetches an account by id or slug, through an ORM model or a DataLoader. */
const fetchHelper = lines(
  "import models from '../models';",
  'export const fetchAccount = async (input, { loaders = null } = {}) => {',
  '  const byId = (id) => (loaders ? loaders.Account.byId.load(id) : models.Account.findByPk(id));',
  '  let account;',
  '  if (input.id) account = await byId(input.id);',
  '  else if (input.slug) account = await models.Account.findOne({ where: { slug: input.slug } });',
  "  else throw new Error('id or slug');",
  '  return account;',
  '};',
);

/** An exported function returning SQL fragments with named placeholders, a table alias spliced from a parameter. */
const searchHelper = lines(
  'export const searchConditions = (term: string, table?: string) => {',
  "  let sqlConditions = '';",
  "  const field = (name) => (table ? `${table}.\"${name}\"` : `\"${name}\"`);",
  "  if (term[0] === '@') sqlConditions = `AND ${field('slug')} ILIKE :term || '%'`;",
  "  else if (term) sqlConditions = `AND ${field('tsv')} @@ to_tsquery('simple', :term)`;",
  "  return { sqlConditions, term: term.trim(), raw: `name = '${term}'` };",
  '};',
);

/** A resolver file that calls the fetch helper and splices `spliced` into its query. */
function usingFetch(call: string, spliced: string) {
  return {
    fileName: '/p/src/graphql/logs.ts',
    languageId: ts,
    files: { '/p/src/lib/fetch.ts': fetchHelper },
    code: lines(
      "import { fetchAccount } from '../lib/fetch';",
      'export const logs = async (args, req) => {',
      `  ${call};`,
      `  return sequelize.query(\`SELECT * FROM logs WHERE "AccountId" = \${${spliced}}\`);`,
      '};',
    ),
  };
}

/** A query file that calls the search helper with `alias` for the table and splices the returned `property`. */
function usingSearch(alias: string, property: string) {
  return {
    fileName: '/p/src/queries/expenses.ts',
    languageId: ts,
    // (a resolver passes arguments of unknown origin: an exported function nothing calls would never run)
    files: { '/p/src/lib/search.ts': searchHelper, '/p/src/resolvers.ts': "import { search } from './queries/expenses';\nexport const resolve = (_: unknown, args: any) => search(args);\n" },
    code: lines(
      "import { searchConditions } from '../lib/search';",
      'export async function search(args) {',
      `  const conditions = searchConditions(args.searchTerm, ${alias});`,
      `  return sequelize.query(\`SELECT * FROM expenses WHERE 1 = 1 \${conditions.${property}}\`, { replacements: { term: conditions.term } });`,
      '}',
    ),
  };
}

runRuleTests(sqlConcatenation, {
  valid: [
    // database values
    'async function owner(id) { return db.query(`SELECT * FROM logs WHERE owner = ${(await User.findByPk(id)).id}`); }',
    'const resolvers = { Query: { logs: async (_, args, { loaders }) => db.query(`SELECT * FROM logs WHERE owner = ${(await loaders.User.byId.load(args.id)).id}`) } };',
    { name: 'an account fetched by a helper of another file', ...usingFetch('const account = await fetchAccount(args.account)', 'account.id') },
    // declared types
    { code: 'export function byIds(ids: readonly number[]) { return db.query(`SELECT * FROM t WHERE id IN (${ids.join(",")})`); }', languageId: ts },
    { code: 'export function one(key: { id: number; version?: number }) { return db.query(`SELECT * FROM t WHERE id = ${key.id} AND v = ${key.version}`); }', languageId: ts },
    { code: 'export async function remove({ id, version = 1 }: { id: number; version?: number }) { return db.query(`DELETE FROM t WHERE id = ${id} AND v = ${version}`); }', languageId: ts },
    { code: 'export async function page(options) {\n  const { limit, offset: skip }: { limit: number; offset: number } = options;\n  return db.query(`SELECT * FROM t LIMIT ${limit} OFFSET ${skip}`);\n}', languageId: ts },
    {
      name: 'types this file declares: an interface and a type alias',
      languageId: ts,
      code: lines(
        'interface Key { id: number; name: string }',
        'type Page = { limit: number; offset?: number };',
        'export async function remove({ id }: Key) { return db.query(`DELETE FROM t WHERE id = ${id}`); }',
        'export async function page(p: Page) { return db.query(`SELECT * FROM t LIMIT ${p.limit} OFFSET ${p.offset}`); }',
        'export async function byKey(key: Key) { return db.query(`SELECT * FROM t WHERE id = ${key.id}`); }',
      ),
    },
    {
      name: 'the entries of a record of numeric keys and sets of numbers',
      languageId: ts,
      code: lines(
        'export function pairs(list: Array<{ a: number; b: number }>) {',
        '  const byA: Record<number, Set<number>> = {};',
        '  list.forEach(({ a, b }) => { (byA[a] ??= new Set()).add(b); });',
        "  const where = Object.entries(byA).map(([a, bs]) => `(a = ${a} AND b IN (${Array.from(bs).join(',')}))`).join(' OR ');",
        '  return db.query(`SELECT * FROM t WHERE ${where}`);',
        '}',
      ),
    },
    {
      name: 'DataLoader keys typed by the declared return type of the function making the loader',
      languageId: ts,
      code: lines(
        "import DataLoader from 'dataloader';",
        "import { uniqBy } from 'lodash';",
        'export const loaders = {',
        '  pairs: (): DataLoader<{ hostId: number; accountId: number }, Row> => {',
        '    return new DataLoader(async (keys) => {',
        "      const where = uniqBy(keys, (k) => `${k.hostId}-${k.accountId}`).map(({ hostId, accountId }) => `(h = ${hostId} AND a = ${accountId})`).join(' OR ');",
        '      return sequelize.query(`SELECT * FROM t WHERE ${where}`);',
        '    });',
        '  },',
        '};',
      ),
    },
    {
      name: 'DataLoader keys typed by the type arguments of the loader',
      languageId: ts,
      code: "import DataLoader from 'dataloader';\nexport const byId = new DataLoader<number, Row>(async (ids) => db.query(`SELECT * FROM t WHERE id IN (${ids.join(',')})`));",
    },
    // ORM serialisers
    {
      name: "Sequelize's RANGE serialiser, imported in a multi-line list",
      languageId: ts,
      code: lines(
        'import {',
        '  DataTypes,',
        '  Range,',
        "} from 'sequelize';",
        'export class Plan {',
        '  static literal(range: Range<Date>): string {',
        '    const type = new DataTypes.RANGE(DataTypes.DATE);',
        '    return `${type.stringify(range, {})}::tstzrange`;',
        '  }',
        '  static count(range) {',
        '    return sequelize.query(`SELECT count(*) FROM t WHERE "createdAt" <@ ${Plan.literal(range)}`);',
        '  }',
        '}',
      ),
    },
    "const { DataTypes } = require('sequelize');\nexports.after = (d) => sequelize.query(`SELECT * FROM t WHERE \"createdAt\" > ${DataTypes.DATE.stringify(d)}`);",
    // placeholder-only fragments of another file's function
    { name: 'fragments with named placeholders and a constant table alias', ...usingSearch(`'"Account"'`, 'sqlConditions') },
    // connection settings
    lines(
      'module.exports = {',
      '  async connect({ server, user, password, schema }) {',
      '    const client = await oracledb.getConnection({ user, password, connectString: server });',
      '    if (schema) await client.execute(`ALTER SESSION SET CURRENT_SCHEMA = ${schema}`);',
      '    return client;',
      '  },',
      '};',
    ),
  ],
  invalid: [
    // database values: request data stays request data; second-order checks on request
    {
      name: 'request data next to a fetched row',
      code: 'app.get("/logs", async (req, res) => db.query(`SELECT * FROM logs WHERE owner = ${(await User.findByPk(req.query.id)).id} AND kind = \'${req.query.kind}\'`));',
      errors: [{ messageId: concatenated, messageIncludes: ['req.query.kind'] }],
    },
    {
      name: 'a fetched row, with sql.storedValues',
      code: 'async function owner(id) { return db.query(`SELECT * FROM logs WHERE owner = \'${(await User.findByPk(id)).email}\'`); }',
      options: { sql: { storedValues: true } },
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'an account fetched by a helper of another file, with sql.storedValues',
      ...usingFetch('const account = await fetchAccount(args.account)', 'account.id'),
      options: { sql: { storedValues: true } },
      errors: [{ messageId: concatenated, messageIncludes: ['account.id'] }],
    },
    {
      name: 'the request object passed to a helper is not a fetched row',
      ...usingFetch('await fetchAccount(args.account)', 'args.account.id'),
      errors: [{ messageId: concatenated, messageIncludes: ['args.account.id'] }],
    },
    // declared types that can carry text
    {
      name: 'a string parameter',
      languageId: ts,
      code: 'export function byName(name: string) { return db.query(`SELECT * FROM t WHERE name = \'${name}\'`); }',
      errors: [{ messageId: concatenated, messageIncludes: ['name'] }],
    },
    {
      name: 'a string member destructured from an annotated parameter',
      languageId: ts,
      code: "export async function remove({ id, name }: { id: number; name: string }) { return db.query(`DELETE FROM t WHERE id = ${id} AND name = '${name}'`); }",
      errors: [{ messageId: concatenated, messageIncludes: ['name'] }],
    },
    {
      name: 'a destructured parameter typed by a type of another file is not read',
      languageId: ts,
      code: "import type { Key } from './types';\nexport async function remove({ id }: Key) { return db.query(`DELETE FROM t WHERE id = ${id}`); }",
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'a string member of a type this file declares',
      languageId: ts,
      code: "interface Key { id: number; name: string }\nexport async function byKey(key: Key) { return db.query(`SELECT * FROM t WHERE id = ${key.id} AND name = '${key.name}'`); }",
      errors: [{ messageId: concatenated, messageIncludes: ['key.name'] }],
    },
    {
      name: 'an interface that extends another is not read',
      languageId: ts,
      code: "interface Base { name: string }\ninterface Key extends Base { id: number }\nexport async function byKey(key: Key) { return db.query(`SELECT * FROM t WHERE name = '${key.name}'`); }",
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'an object type with a string member',
      languageId: ts,
      code: 'export function one(key: { id: number; name: string }) { return db.query(`SELECT * FROM t WHERE name = \'${key.name}\'`); }',
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'the keys of a record keyed by strings',
      languageId: ts,
      code: "export function cols(byName: Record<string, number>) { return db.query(`SELECT ${Object.keys(byName).join(', ')} FROM t`); }",
      errors: [{ messageId: 'identifier' }],
    },
    {
      name: 'DataLoader keys with a string field',
      languageId: ts,
      code: lines(
        "import DataLoader from 'dataloader';",
        'export const bySlug = (): DataLoader<{ id: number; slug: string }, Row> =>',
        "  new DataLoader(async (keys) => db.query(`SELECT * FROM t WHERE ${keys.map(({ id, slug }) => `(id = ${id} AND slug = '${slug}')`).join(' OR ')}`));",
      ),
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'a loader class that is not DataLoader gives no key type',
      languageId: ts,
      code: "import Batcher from './batcher';\nexport const byId = (): Batcher<number, Row> => new Batcher(async (ids) => db.query(`SELECT * FROM t WHERE id IN (${ids.join(',')})`));",
      errors: [{ messageId: concatenated }],
    },
    // serialisers of other things
    {
      name: 'JSON.stringify is not an ORM serialiser',
      code: 'app.post("/s", (req, res) => db.query(`SELECT * FROM t WHERE doc = \'${JSON.stringify(req.body)}\'`));',
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'stringify of a type from another module',
      code: "const Types = require('./types');\nexports.after = (d) => db.query(`SELECT * FROM t WHERE at > ${new Types.RANGE().stringify(d)}`);",
      errors: [{ messageId: concatenated }],
    },
    // fragments whose spliced part is not constant
    { name: 'a fragment function given a table alias the caller does not fix', ...usingSearch('args.table', 'sqlConditions'), errors: [{ messageId: concatenated }] },
    { name: 'a returned property that splices the search term itself', ...usingSearch(`'"Account"'`, 'raw'), errors: [{ messageId: concatenated }] },
    // a password handed to something that opens no connection
    {
      name: 'settings next to a password that is only verified',
      code: lines(
        'async function login({ username, password, tenant }) {',
        '  const ok = await verify({ username, password });',
        '  await db.query(`SET search_path = ${tenant}`);',
        '  return ok;',
        '}',
        'module.exports = { login };',
      ),
      errors: [{ messageId: concatenated, messageIncludes: ['tenant'] }],
    },
  ],
});
