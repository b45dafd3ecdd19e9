import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// Constants that reach SQL text by another way than a `const` next to the query: through parameters,
// class fields, getters and methods, mapped lists, loops, other modules; and names generated in code.

const concatenated = 'concatenated';

runRuleTests(sqlConcatenation, {
  valid: [
    // the keys of an object picked with a constant list are some of that list
    "const { pick } = require('lodash');\nfunction members(where) {\n  let cond = '';\n  Object.keys(pick(where, ['HostCollectiveId', 'ParentCollectiveId'])).forEach((key) => {\n    cond += `AND c.\"${key}\" = :${key} `;\n  });\n  return sequelize.query(`SELECT * FROM c WHERE true ${cond}`, { replacements: where });\n}\nmodule.exports = { members };",
    // a loop over object literals of constants, also pushed in a local function whose result is destructured
    { code: "export async function list(kind: string) {\n  for (const ob of [{ field: 'fc.name' }, { field: 'fc.\"createdAt\"' }]) await db.query(`SELECT * FROM t ORDER BY ${ob.field}`);\n}", languageId: 'typescript' },
    { code: "export async function list(kind: string, sort: string) {\n  const build = () => {\n    const orderBy: { field: string }[] = [];\n    switch (kind) {\n      case 'NAME': orderBy.push({ field: 'fc.name' }); break;\n      default: orderBy.push({ field: FIELD });\n    }\n    return { orderBy, extra: [] };\n  };\n  const { orderBy } = build();\n  for (const ob of orderBy) await db.query(`SELECT * FROM t ORDER BY ${ob.field} ASC`);\n}", languageId: 'typescript' },
    // a parameter every caller in the file gives a constant
    'function purge(table) { return db.query(`DELETE FROM ${table} WHERE expires_at < now()`); }\npurge("sessions");\npurge("tokens");',
    'const count = async (table, where = "1 = 1") => db.query(`SELECT count(*) FROM ${table} WHERE ${where}`);\ncount("users");\ncount("orders", "paid = true");',
    'function exists(sql) { return db.query(`SELECT EXISTS (${sql}) AS found`); }\nfunction active(sql) { return exists(sql); }\nactive("SELECT 1 FROM tiers WHERE active");\nexists("SELECT 1 FROM members");',
    'function any(queries) {\n  const list = Array.isArray(queries) ? queries : [queries];\n  return db.query(`SELECT ${list.map((q) => `EXISTS (${q})`).join(" OR ")} AS found`);\n}\nany("SELECT 1 FROM a");\nany(["SELECT 1 FROM b", "SELECT 1 FROM c"]);',
    { code: 'class Store {\n  async #drop(table: string) { await this.db.query(`DROP TABLE IF EXISTS ${table}`); }\n  async reset() { await this.#drop("cache"); await this.#drop("jobs"); }\n}', languageId: 'typescript' },
    'const select = fields => `SELECT ${fields} FROM collectives`.replace(/\\s+/g, " ");\ndb.query(`${select("count(*)")} LIMIT 1`);',
    // a field set from constants only, a getter or method that only returns constants
    { code: 'export class Saver {\n  tableName = "checkpoints";\n  async load(id: string) { return this.pool.query(`SELECT * FROM ${this.tableName} WHERE id = $1`, [id]); }\n}', languageId: 'typescript' },
    { code: 'class Audit {\n  private readonly table: string;\n  constructor() { this.table = "audit_log"; }\n  add(e: string) { return this.db.query(`INSERT INTO ${this.table} (event) VALUES ($1)`, [e]); }\n}', languageId: 'typescript' },
    'class Vectors {\n  operators = { l2: "<->", cosine: "<=>" };\n  search(v) { return pool.query(`SELECT id, embedding ${this.operators.cosine} $1 AS d FROM items ORDER BY d`, [v]); }\n}',
    'class Vectors {\n  get operator() { switch (this.kind) { case "l2": return "<->"; default: return "<=>"; } }\n  search(v) { return pool.query(`SELECT id FROM items ORDER BY embedding ${this.operator} $1`, [v]); }\n}',
    'class Store {\n  static table() { return process.env.STORE_TABLE || "store"; }\n  count() { return pool.query(`SELECT count(*) FROM "${Store.table()}"`); }\n}',
    'class Batch {\n  placeholders(row, width) { const marks = []; for (let i = 0; i < width; i++) marks.push(`$${row * width + i + 1}`); return `(${marks.join(", ")})`; }\n  insert(rows) { const values = rows.map((_, j) => this.placeholders(j, 3)).join(", "); return pool.query(`INSERT INTO t (a, b, c) VALUES ${values}`, rows.flat()); }\n}',
    // a constant list mapped, destructured in a loop, filtered by lodash
    'const KINDS = ["CONTRIBUTION", "ADDED_FUNDS"];\nconst list = KINDS.map((kind) => `\'${kind}\'`).join(",");\ndb.query(`SELECT * FROM t WHERE kind IN (${list})`);',
    'const RULES = [[Session, "30 days"], [Token, "1 year"]];\nasync function purge() { for (const [model, period] of RULES) await model.destroy({ where: sequelize.literal(`created_at < NOW() - INTERVAL \'${period}\'`) }); }',
    'const { compact } = require("lodash");\nconst cols = compact([withEmail && "email", "name"]);\ndb.query(`SELECT ${cols.join(", ")} FROM users`);',
    // the program's own modules: fixed before any request
    { code: 'import { channel } from "./schema/events";\nawait conn.query(`LISTEN ${channel}`);', languageId: 'typescript' },
    'const config = require("./config");\ndb.query(`SELECT * FROM ${config.db.schema}.users WHERE id = $1`, [id]);',
    // a helper from another module called with constants only
    { code: 'import { jsonbSet } from "../lib/sql";\nawait db.query(`UPDATE expenses SET data = ${jsonbSet("data", ["sent", "at"], ":now")} WHERE id = :id`);', languageId: 'typescript' },
    // TypeScript types a parameter by its default value; typed arrays of numbers
    { code: 'export async function refresh(db: Db, timeoutMs = 10 * MINUTE) { await db.query(`SET statement_timeout = ${timeoutMs}`); }', languageId: 'typescript' },
    { code: 'export const hostFilter = (ids?: number[]) => sequelize.literal(`"HostCollectiveId" IN (${ids.join(",")})`);', languageId: 'typescript' },
    // names generated in code
    'const crypto = require("crypto");\nconst name = "tmp_" + crypto.randomBytes(8).toString("hex");\ndb.query(`CREATE TABLE ${name} (id int)`);',
    'const { v4: uuidv4 } = require("uuid");\ndb.query(`CREATE DATABASE "test_${uuidv4()}"`);',
    'db.query(`CREATE SCHEMA backup_${Date.now()}`);',
  ],
  invalid: [
    {
      name: 'a long run of += lines: one finding, every line that adds request data a related place',
      code: `const mysql = require("mysql");\nfunction f(req) {\n  let q = "SELECT * FROM t WHERE a = " + req.query.a;\n${Array.from({ length: 400 }, (_, i) => (i % 2 ? `  q += " AND k${i} = 1";\n` : `  q += " AND c${i} = " + req.query.v${i};\n`)).join('')}  return db.query(q);\n}\nmodule.exports = f;\n`,
      errors: [{ messageId: concatenated, messageIncludes: ['req.query.a'], related: [3, ...Array.from({ length: 200 }, (_, i) => 4 + 2 * i)].map((line) => ({ line })) }],
    },
    {
      name: 'the keys of an object the caller gives',
      code: "const { pick } = require('lodash');\nfunction members(where) {\n  let cond = '';\n  Object.keys(where).forEach((key) => {\n    cond += `AND c.\"${key}\" = :${key} `;\n  });\n  return sequelize.query(`SELECT * FROM c WHERE true ${cond}`, { replacements: where });\n}\nmodule.exports = { members };",
      errors: [{ messageId: concatenated, messageIncludes: ['key'] }],
    },
    {
      name: 'a loop over pushed object literals, one of them holding a parameter',
      languageId: 'typescript',
      code: "export async function list(kind: string, sort: string) {\n  const build = () => {\n    const orderBy: { field: string }[] = [];\n    switch (kind) {\n      case 'NAME': orderBy.push({ field: 'fc.name' }); break;\n      default: orderBy.push({ field: sort });\n    }\n    return { orderBy, extra: [] };\n  };\n  const { orderBy } = build();\n  for (const ob of orderBy) await db.query(`SELECT * FROM t ORDER BY ${ob.field} ASC`);\n}",
      errors: [{ messageId: 'identifier', messageIncludes: ['ob.field'] }],
    },
    {
      name: 'an exported function: its callers are out of sight',
      code: 'export function purge(table) { return db.query(`DELETE FROM ${table} WHERE expired`); }\npurge("sessions");',
      errors: [{ messageId: 'identifier', line: 1 }],
    },
    {
      name: 'a function handed out as a value may be called with anything',
      code: 'function purge(table) { return db.query(`DELETE FROM ${table} WHERE expired`); }\npurge("sessions");\nmodule.exports = { purge };',
      errors: [{ messageId: 'identifier', line: 1 }],
    },
    {
      name: 'one caller passes request data',
      code: 'function find(name) { return db.query(`SELECT * FROM users WHERE name = \'${name}\'`); }\nfind("admin");\napp.get("/u", (req, res) => find(req.query.name));',
      errors: [{ messageId: concatenated, line: 1 }],
    },
    {
      name: 'a public method may be called from anywhere',
      code: 'export class Repo {\n  drop(table: string) { return this.db.query(`DROP TABLE ${table}`); }\n  reset() { return this.drop("cache"); }\n}',
      languageId: 'typescript',
      errors: [{ messageId: 'identifier', line: 2 }],
    },
    {
      name: 'a field also set from a constructor argument',
      code: 'class Saver {\n  table = "checkpoints";\n  constructor(options) { this.table = options.table; }\n  load(id) { return this.pool.query(`SELECT * FROM ${this.table} WHERE id = $1`, [id]); }\n}',
      errors: [{ messageId: 'identifier', line: 4 }],
    },
    {
      name: 'a field written from outside the class',
      code: 'class Saver {\n  table = "checkpoints";\n  load(id) { return this.pool.query(`SELECT * FROM ${this.table} WHERE id = $1`, [id]); }\n}\nconst s = new Saver();\ns.table = req.query.t;',
      errors: [{ messageId: 'identifier', line: 3 }],
    },
    {
      name: 'a list mapped with request data',
      code: 'const KINDS = ["A", "B"];\ndb.query(`SELECT * FROM t WHERE kind IN (${KINDS.map((k) => `\'${k}${req.query.suffix}\'`).join(",")})`);',
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'a helper from another module called with request data',
      code: 'const { jsonbSet } = require("../lib/sql");\ndb.query(`UPDATE t SET data = ${jsonbSet("data", [req.body.key], ":v")} WHERE id = 1`);',
      errors: [{ messageId: concatenated, line: 2 }],
    },
    {
      name: 'in JavaScript a default value does not fix the type',
      code: 'async function refresh(db, timeoutMs = 600000) { await db.query(`SET statement_timeout = ${timeoutMs}`); }\nmodule.exports = { refresh };',
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'a generated prefix with request data after it',
      code: 'db.query(`CREATE TABLE tmp_${Date.now()}_${req.query.suffix} (id int)`);',
      errors: [{ messageId: concatenated, messageIncludes: ['req.query.suffix'] }],
    },
  ],
});
