import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// Where a value comes from: the operator's configuration and the database are not request data (unless
// `sql.storedValues` asks for second-order checks); request data and unseen callers' arguments are. A call
// given only constants computes its result from the program's own state, so it counts as a stored value; a
// call given request data, or made on it, passes the request data on.
// (Query builders' own output: sql-builder-fragments.test.ts.)

const concatenated = 'concatenated';
const stored = { sql: { storedValues: true } };

runRuleTests(sqlConcatenation, {
  valid: [
    // configuration
    'db.query(`SELECT * FROM ${process.env.DB_SCHEMA}.users WHERE id = $1`, [id]);',
    'const config = require("config");\ndb.query(`SET statement_timeout = ${config.database.timeout}`);',
    // rows read back from the database, and catalog names
    'async function copy(pool) {\n  const { rows } = await pool.query("SELECT tablename FROM pg_tables WHERE schemaname = \'public\'");\n  for (const row of rows) await pool.query(`TRUNCATE "${row.tablename}"`);\n}',
    'async function order(ids) {\n  const found = await sequelize.query("SELECT id FROM collectives WHERE active");\n  const list = found.map((r) => r.id);\n  return sequelize.literal(`CASE id ${list.map((id, i) => `WHEN ${id} THEN ${i}`).join(" ")} END`);\n}',
    'async function owner(id) { const user = await User.findByPk(id); return db.query(`SELECT * FROM logs WHERE owner = \'${user.email}\'`); }',
    { code: 'async function ranked() {\n  const found = await sequelize.query<{ id: number }>("SELECT id FROM collectives", { type: QueryTypes.SELECT });\n  return sequelize.literal(`CASE id ${found.map((r, i) => `WHEN ${r.id} THEN ${i}`).join(" ")} END`);\n}', languageId: 'typescript' },
    // calls given only constants: configuration, caches and lookups of the program's own state
    'async function total() {\n  const rates = await getFxRates("USD", ["AUD", "EUR"]);\n  return db.query(`SELECT amount / ${rates.AUD} FROM t`);\n}',
    'async function total() {\n  const rates = await getFxRates("USD", ["AUD", "EUR"]);\n  const cases = Object.entries(rates).map(([code, rate]) => `WHEN currency = \'${code}\' THEN amount / ${rate}`);\n  return db.query(`SELECT CASE ${cases.join(" ")} END FROM t`);\n}',
    'async function reset(client) {\n  const { database, username } = getDBConf("database");\n  await client.query(`CREATE DATABASE ${database} OWNER ${username}`);\n}',
    'function conf(name) {\n  let parsed = parseUrl(lookup(settings, [name, "url"]));\n  return { ...parsed, ...overrides(name) };\n}\nexport async function reset(client) {\n  const { database } = conf("database");\n  await client.query(`DROP DATABASE ${database}`);\n}',
    { code: 'export async function drop(id: number) {\n  const { data: row } = await lookup({ id, cascade: false });\n  return db.query(`DROP FUNCTION ${row.signature}`);\n}', languageId: 'typescript' },
    { code: "import { literal } from 'pg-format';\nexport class Functions {\n  constructor(private query: (sql: string) => Promise<any>) {}\n  async retrieve({ id }: { id: number }) {\n    return this.query(`SELECT * FROM pg_proc WHERE oid = ${literal(id)}`);\n  }\n  async remove(id: number) {\n    const { data: func } = await this.retrieve({ id });\n    return this.query(`DROP FUNCTION ${func.signature}`);\n  }\n}", languageId: 'typescript' },
    'class Store { async purge() { const table = this.tableName(); return this.pool.query(`DELETE FROM ${table}`); } }',
    // GraphQL arguments the schema declares as an enum or a number: the server checked them before the resolver ran
    "const { GraphQLList, GraphQLInt, GraphQLString, GraphQLEnumType } = require('graphql');\nconst Role = new GraphQLEnumType({ name: 'Role', values: { ADMIN: {}, MEMBER: {} } });\nconst fields = {\n  members: {\n    type: MemberList,\n    args: { role: { type: new GraphQLList(Role) }, limit: { type: GraphQLInt }, search: { type: GraphQLString } },\n    resolve(collective, args) {\n      return sequelize.query(`SELECT * FROM members WHERE ${args.role.map((r) => `role = '${r}'`).join(' OR ')} LIMIT ${args.limit}`);\n    },\n  },\n};\nmodule.exports = fields;",
    {
      name: 'an enum another project file builds',
      fileName: '/p/src/fields.js',
      files: { '/p/src/enums.js': "const { GraphQLEnumType } = require('graphql');\nexports.Role = new GraphQLEnumType({ name: 'Role', values: { ADMIN: {}, MEMBER: {} } });\n" },
      code: "const { GraphQLList } = require('graphql');\nconst { Role } = require('./enums');\nmodule.exports = { members: { type: MemberList, args: { role: { type: new GraphQLList(Role) } }, resolve: (c, args) => sequelize.query(`SELECT * FROM members WHERE role IN (${args.role.map((r) => `'${r}'`).join(',')})`) } };\n",
    },
    // the parent object a GraphQL resolver receives
    'const fields = { members: { type: MemberList, resolve: async (collective, args) => Member.findAll({ attributes: [[sequelize.literal(`"CollectiveId" = ${collective.ParentCollectiveId}`), "inherited"]] }) } };',
  ],
  invalid: [
    // request data stays flagged wherever it comes in
    {
      name: 'express request data',
      code: 'app.get("/u", (req, res) => db.query(`SELECT * FROM users WHERE name = \'${req.query.name}\'`));',
      errors: [{ messageId: concatenated, messageIncludes: ['req.query.name'] }],
    },
    {
      name: 'koa request body',
      code: 'router.post("/u", async (ctx) => { await db.query("DELETE FROM users WHERE id = " + ctx.request.body.id); });',
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'fastify request body',
      code: 'fastify.post("/u", async (request, reply) => pool.query(`UPDATE users SET name = \'${request.body.name}\'`));',
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'GraphQL resolver arguments',
      code: 'const fields = { members: { type: MemberList, resolve: async (collective, args) => sequelize.query(`SELECT * FROM members WHERE role = \'${args.role}\'`) } };',
      errors: [{ messageId: concatenated, messageIncludes: ['args.role'] }],
    },
    {
      name: 'a GraphQL String argument stays request data',
      code: "const { GraphQLList, GraphQLInt, GraphQLString, GraphQLEnumType } = require('graphql');\nconst Role = new GraphQLEnumType({ name: 'Role', values: { ADMIN: {}, MEMBER: {} } });\nconst fields = {\n  members: {\n    type: MemberList,\n    args: { role: { type: new GraphQLList(Role) }, limit: { type: GraphQLInt }, search: { type: GraphQLString } },\n    resolve(collective, args) {\n      return sequelize.query(`SELECT * FROM members WHERE name = '${args.search}'`);\n    },\n  },\n};\nmodule.exports = fields;",
      errors: [{ messageId: concatenated, messageIncludes: ['args.search'] }],
    },
    {
      name: 'an exported handler parameter',
      code: 'export async function search(term) { return db.query(`SELECT * FROM items WHERE title LIKE \'%${term}%\'`); }',
      errors: [{ messageId: concatenated }],
    },
    // second-order checks on request
    {
      name: 'stored rows, with sql.storedValues',
      code: 'async function owner(id) { const user = await User.findByPk(id); return db.query(`SELECT * FROM logs WHERE owner = \'${user.email}\'`); }',
      options: stored,
      errors: [{ messageId: concatenated, messageIncludes: ['user.email'] }],
    },
    {
      name: 'configuration, with sql.storedValues',
      code: 'db.query(`SELECT * FROM ${process.env.DB_SCHEMA}.users WHERE id = $1`, [id]);',
      options: stored,
      errors: [{ messageId: 'identifier' }],
    },
    {
      name: 'a call given request data passes it on',
      code: 'app.get("/u", async (req, res) => { const name = await normalize(req.query.name); res.json(await db.query("SELECT * FROM users WHERE name = \'" + name + "\'")); });',
      errors: [{ messageId: concatenated, messageIncludes: ['name'] }],
    },
    {
      name: 'an object of request data given to a call',
      code: 'app.delete("/f/:id", async (req, res) => {\n  const { data: row } = await lookup({ id: req.params.id });\n  await db.query(`DROP FUNCTION ${row.signature}`);\n});',
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'a method called on request data',
      code: 'export async function POST(request) { const form = await request.formData(); return db.query(`SELECT * FROM t WHERE q = \'${form.get("q")}\'`); }',
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'Next.js cookies() reads the request without being handed it',
      code: 'import { cookies } from "next/headers";\nexport async function GET() {\n  const sort = cookies().get("sort").value;\n  return db.query(`SELECT * FROM t WHERE owner = \'${sort}\'`);\n}',
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'a call given only constants, with sql.storedValues',
      code: 'async function total() {\n  const rates = await getFxRates("USD", ["AUD", "EUR"]);\n  return db.query(`SELECT * FROM t WHERE code = \'${rates.code}\'`);\n}',
      options: stored,
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'a closure that reads the request it was made in',
      code: 'app.get("/u", (req, res) => {\n  const pick = () => req.query.name;\n  db.query(`SELECT * FROM users WHERE name = \'${pick()}\'`);\n});',
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'a method that reads what its object keeps',
      code: 'class Search {\n  constructor(req) { this.req = req; }\n  term() { return this.req.query.q; }\n  run() { return db.query(`SELECT * FROM t WHERE title = \'${this.term()}\'`); }\n}',
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'a non-database call named like a read',
      code: 'async function f(term) { const all = await Promise.all([fetchA(), fetchB()]); return db.query(`SELECT * FROM t WHERE a = \'${all[0]}\'`); }',
      errors: [{ messageId: concatenated }],
    },
  ],
});
