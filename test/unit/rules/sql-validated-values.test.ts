import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// Values checked before they reach SQL text: a choice between literals, an allow-list, a pattern that keeps
// out SQL syntax, a conversion to a number. Checks that let SQL syntax through are not enough.

runRuleTests(sqlConcatenation, {
  valid: [
    // a ternary over allowed literals, on both a knex and a mysql path
    'const dir = req.query.dir === "asc" ? "ASC" : "DESC";\nknex("items").orderByRaw(`created_at ${dir}`);',
    'const mysql = require("mysql2");\nconst order = req.query.order === "name" ? "name" : "id";\nconnection.query(`SELECT * FROM items ORDER BY ${order}`);',
    // an allow-list check that returns or throws
    'function list(req, res) {\n  const sort = req.query.sort;\n  if (!["name", "price"].includes(sort)) return res.status(400).end();\n  return db.query(`SELECT * FROM items ORDER BY ${sort}`);\n}',
    // a pattern that keeps out quotes, spaces and semicolons, then throws
    'function useSchema(client, schema) {\n  if (!/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error("bad schema");\n  return client.query(`SET search_path TO "${schema}"`);\n}\nmodule.exports = { useSchema };',
    'function connect(pool, schema) {\n  if (schema && !/^[a-z_]+$/i.test(schema)) throw new Error("schema");\n  pool.on("connect", (client) => { if (schema) client.query(`SET search_path TO "${schema}",public;`); });\n}\nmodule.exports = { connect };',
    'const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;\nfunction byId(id) { if (!UUID.test(id)) return null; return db.query(`SELECT * FROM t WHERE id = \'${id}\'`); }\nmodule.exports = { byId };',
    { code: 'export class Saver {\n  sanitize(name: string): string {\n    name = name.trim().toLowerCase();\n    if (!/^[a-zA-Z0-9_]+$/.test(name)) { throw new Error("Invalid table name"); }\n    return name;\n  }\n  load(table: string) { return this.pool.query(`SELECT * FROM ${this.sanitize(table)} WHERE id = $1`, [1]); }\n}', languageId: 'typescript' },
    // converted to a number
    'db.query(`SELECT * FROM t LIMIT ${parseInt(req.query.limit, 10)} OFFSET ${Number(req.query.offset)}`);',
  ],
  invalid: [
    {
      name: 'a ternary that can still pick the request value',
      code: 'const order = req.query.order === "name" ? "name" : req.query.order;\nconnection.query(`SELECT * FROM items ORDER BY ${order}`);',
      errors: [{ messageId: 'identifier', line: 2 }],
    },
    {
      name: 'a pattern that lets anything through',
      code: 'function useSchema(client, schema) {\n  if (!/^.+$/.test(schema)) throw new Error("empty");\n  return client.query(`SET search_path TO "${schema}"`);\n}\nmodule.exports = { useSchema };',
      errors: [{ messageId: 'concatenated', line: 3 }],
    },
    {
      name: 'a negated class only keeps out what it names',
      code: 'function find(name) {\n  if (!/^[^;]+$/.test(name)) throw new Error("no");\n  return db.query(`SELECT * FROM users WHERE name = \'${name}\'`);\n}\nmodule.exports = { find };',
      errors: [{ messageId: 'concatenated', line: 3 }],
    },
    {
      name: 'an unanchored pattern matches part of the value',
      code: 'function find(name) {\n  if (!/[a-z]+/.test(name)) throw new Error("no");\n  return db.query(`SELECT * FROM users WHERE name = \'${name}\'`);\n}\nmodule.exports = { find };',
      errors: [{ messageId: 'concatenated', line: 3 }],
    },
    {
      name: 'a test whose result is ignored',
      code: 'function find(name) {\n  /^[a-z]+$/.test(name);\n  return db.query(`SELECT * FROM users WHERE name = \'${name}\'`);\n}\nmodule.exports = { find };',
      errors: [{ messageId: 'concatenated', line: 3 }],
    },
    {
      name: 'a range that spans quotes and spaces',
      code: 'function find(name) {\n  if (!/^[ -~]+$/.test(name)) throw new Error("no");\n  return db.query(`SELECT * FROM users WHERE name = \'${name}\'`);\n}\nmodule.exports = { find };',
      errors: [{ messageId: 'concatenated', line: 3 }],
    },
  ],
});
