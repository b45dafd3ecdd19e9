import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// The quick fix "Use a parameterized query": output per driver, merging with what is already there, and
// the cases where a rewrite would be a guess, so none is offered. The tester also re-analyses every
// output: it must parse and the finding must be gone.

const mysql = 'const mysql = require("mysql");\n';
const pg = 'const { Pool } = require("pg");\n';
const e = [{ messageId: 'concatenated' }];

runRuleTests(sqlConcatenation, {
  valid: [],
  invalid: [
    // placeholders in the driver's style
    {
      name: 'mysql: ? and a values array',
      code: `${mysql}db.query("SELECT * FROM users WHERE id = " + id);`,
      errors: e,
      output: `${mysql}db.query("SELECT * FROM users WHERE id = ?", [id]);`,
    },
    {
      name: 'mysql: the callback stays last',
      code: `${mysql}db.query("SELECT * FROM users WHERE id = " + req.params.id, (err, rows) => res.json(rows));`,
      errors: e,
      output: `${mysql}db.query("SELECT * FROM users WHERE id = ?", [req.params.id], (err, rows) => res.json(rows));`,
    },
    {
      name: 'mysql: a quoted value loses its quotes',
      code: `${mysql}db.query("SELECT * FROM users WHERE name = '" + name + "' AND age > " + age);`,
      errors: e,
      output: `${mysql}db.query("SELECT * FROM users WHERE name = ? AND age > ?", [name, age]);`,
    },
    {
      name: 'mysql: "..." is a string in MySQL',
      code: `${mysql}db.query('UPDATE users SET email = "' + email + '" WHERE id = ' + id);`,
      errors: e,
      output: `${mysql}db.query('UPDATE users SET email = ? WHERE id = ?', [email, id]);`,
    },
    {
      name: 'mysql2 execute: template literal keeps its quotes',
      code: 'const mysql = require("mysql2/promise");\nawait conn.execute(`SELECT * FROM t WHERE a = ${a} AND b = \'${b}\'`);',
      errors: e,
      output: 'const mysql = require("mysql2/promise");\nawait conn.execute(`SELECT * FROM t WHERE a = ? AND b = ?`, [a, b]);',
    },
    {
      name: 'pg: $1..$n',
      code: `${pg}pool.query(\`SELECT * FROM users WHERE email = '\${email}' AND org = \${org}\`);`,
      errors: e,
      output: `${pg}pool.query(\`SELECT * FROM users WHERE email = $1 AND org = $2\`, [email, org]);`,
    },
    {
      name: 'pg-promise: $1 with the values array',
      code: 'const pgp = require("pg-promise")();\ndb.one("SELECT * FROM products WHERE id = \'" + productId + "\';");',
      errors: e,
      output: 'const pgp = require("pg-promise")();\ndb.one("SELECT * FROM products WHERE id = $1;", [productId]);',
    },
    {
      name: 'sqlite3: params before the callback',
      code: 'const sqlite3 = require("sqlite3");\ndb.all("SELECT * FROM notes WHERE owner = \'" + owner + "\'", (err, rows) => cb(rows));',
      errors: e,
      output: 'const sqlite3 = require("sqlite3");\ndb.all("SELECT * FROM notes WHERE owner = ?", [owner], (err, rows) => cb(rows));',
    },
    {
      name: 'sqlite3: a named second argument may be values or a callback',
      code: 'const sqlite3 = require("sqlite3");\ndb.each("SELECT title FROM notes WHERE owner = " + owner, onRow, done);',
      errors: e,
      output: null,
    },
    {
      name: 'sqlite3 each with function callbacks',
      code: 'const sqlite3 = require("sqlite3");\ndb.each("SELECT title FROM notes WHERE owner = " + owner, (e, row) => {}, () => {});',
      errors: e,
      output: 'const sqlite3 = require("sqlite3");\ndb.each("SELECT title FROM notes WHERE owner = ?", [owner], (e, row) => {}, () => {});',
    },
    {
      name: 'better-sqlite3: values go to the statement call',
      code: 'import Database from "better-sqlite3";\nconst row = db.prepare("SELECT * FROM kv WHERE key = \'" + key + "\'").get();',
      languageId: 'typescript',
      errors: e,
      output: 'import Database from "better-sqlite3";\nconst row = db.prepare("SELECT * FROM kv WHERE key = ?").get(key);',
    },
    {
      name: 'knex whereRaw: ? and bindings',
      code: 'const knex = require("knex")({});\nknex("t").whereRaw("region = \'" + region + "\'");',
      errors: e,
      output: 'const knex = require("knex")({});\nknex("t").whereRaw("region = ?", [region]);',
    },
    {
      name: 'knex raw: ?? binds a table name',
      code: 'const knex = require("knex")({});\nknex.raw(`SELECT * FROM ${table} WHERE id = ${id}`);',
      errors: e,
      output: 'const knex = require("knex")({});\nknex.raw(`SELECT * FROM ?? WHERE id = ?`, [table, id]);',
    },
    {
      name: 'sequelize: replacements inserted first in the options',
      code: 'const { QueryTypes } = require("sequelize");\nsequelize.query("SELECT * FROM users WHERE id = " + id, { type: QueryTypes.SELECT });',
      errors: e,
      output: 'const { QueryTypes } = require("sequelize");\nsequelize.query("SELECT * FROM users WHERE id = ?", { replacements: [id], type: QueryTypes.SELECT });',
    },
    {
      name: 'sequelize: options added',
      code: 'const { Sequelize } = require("sequelize");\nsequelize.query(`DELETE FROM sessions WHERE token = \'${token}\'`);',
      errors: e,
      output: 'const { Sequelize } = require("sequelize");\nsequelize.query(`DELETE FROM sessions WHERE token = ?`, { replacements: [token] });',
    },
    {
      name: 'sequelize: existing replacements merged in order',
      code: 'const { Sequelize } = require("sequelize");\nsequelize.query("SELECT * FROM t WHERE a = " + a + " AND b = ?", { replacements: [b] });',
      errors: e,
      output: 'const { Sequelize } = require("sequelize");\nsequelize.query("SELECT * FROM t WHERE a = ? AND b = ?", { replacements: [a, b] });',
    },
    {
      name: 'sequelize: a multi-line options object keeps its layout',
      code: 'const { Sequelize } = require("sequelize");\nsequelize.query("SELECT * FROM t WHERE a = " + a, {\n  type: "SELECT",\n});',
      errors: e,
      output: 'const { Sequelize } = require("sequelize");\nsequelize.query("SELECT * FROM t WHERE a = ?", {\n  replacements: [a],\n  type: "SELECT",\n});',
    },
    {
      name: 'sequelize: a multi-line options object in a file with CR-only line breaks keeps its layout and its breaks',
      code: 'const { Sequelize } = require("sequelize");\rsequelize.query("SELECT * FROM t WHERE a = " + a, {\r  type: "SELECT",\r});',
      errors: e,
      output: 'const { Sequelize } = require("sequelize");\rsequelize.query("SELECT * FROM t WHERE a = ?", {\r  replacements: [a],\r  type: "SELECT",\r});',
    },
    {
      name: 'mssql: named inputs on the request',
      code: 'const sql = require("mssql");\nawait pool.request().query(`SELECT * FROM Items WHERE Sku = \'${sku}\' AND Bin = ${req.query.bin}`);',
      errors: e,
      output: 'const sql = require("mssql");\nawait pool.request().input(\'sku\', sku).input(\'bin\', req.query.bin).query(`SELECT * FROM Items WHERE Sku = @sku AND Bin = @bin`);',
    },
    {
      name: 'mssql: a name already used gets a number',
      code: 'const sql = require("mssql");\nrequest.input("id", 1).query("SELECT * FROM t WHERE a = @id AND b = " + id);',
      errors: e,
      output: 'const sql = require("mssql");\nrequest.input("id", 1).input(\'id2\', id).query("SELECT * FROM t WHERE a = @id AND b = @id2");',
    },
    {
      name: 'TypeORM query builder: named parameters',
      code: 'import { Repository } from "typeorm";\nrepo.createQueryBuilder("u").where("u.name = \'" + name + "\'").getOne();',
      languageId: 'typescript',
      errors: e,
      output: 'import { Repository } from "typeorm";\nrepo.createQueryBuilder("u").where("u.name = :name", { name }).getOne();',
    },
    {
      name: 'TypeORM query builder: parameters merged',
      code: 'import { Repository } from "typeorm";\nqb.andWhere(`u.age > ${req.query.age} AND u.org = :org`, { org });',
      languageId: 'typescript',
      errors: e,
      output: 'import { Repository } from "typeorm";\nqb.andWhere(`u.age > :age AND u.org = :org`, { org, age: req.query.age });',
    },
    {
      name: 'Prisma: the tagged $queryRaw',
      code: 'import { PrismaClient } from "@prisma/client";\nawait prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE email = \'${email}\'`);',
      languageId: 'typescript',
      errors: e,
      output: 'import { PrismaClient } from "@prisma/client";\nawait prisma.$queryRaw`SELECT * FROM "User" WHERE email = ${email}`;',
    },
    {
      name: 'Prisma: $executeRawUnsafe with existing $1',
      code: 'import { PrismaClient } from "@prisma/client";\nawait prisma.$executeRawUnsafe<number>("UPDATE t SET a = $1 WHERE b = " + b, a);',
      languageId: 'typescript',
      errors: e,
      output: 'import { PrismaClient } from "@prisma/client";\nawait prisma.$executeRaw<number>`UPDATE t SET a = ${a} WHERE b = ${b}`;',
    },
    {
      name: 'Prisma: $queryRaw called like a function',
      code: 'import { PrismaClient } from "@prisma/client";\nprisma.$queryRaw("SELECT * FROM t WHERE id = " + id);',
      languageId: 'typescript',
      errors: e,
      output: 'import { PrismaClient } from "@prisma/client";\nprisma.$queryRaw`SELECT * FROM t WHERE id = ${id}`;',
    },
    {
      name: 'oracledb: :1..:n',
      code: 'const oracledb = require("oracledb");\nconn.execute("SELECT * FROM emp WHERE name = \'" + name + "\'");',
      errors: e,
      output: 'const oracledb = require("oracledb");\nconn.execute("SELECT * FROM emp WHERE name = :1", [name]);',
    },
    {
      name: 'postgres.js unsafe: $1',
      code: 'const postgres = require("postgres");\nsql.unsafe("SELECT * FROM m WHERE channel = \'" + channel + "\'");',
      errors: e,
      output: 'const postgres = require("postgres");\nsql.unsafe("SELECT * FROM m WHERE channel = $1", [channel]);',
    },
    {
      name: 'driver from configuration for a shared db module',
      code: 'const db = require("./db");\ndb.query("SELECT * FROM t WHERE id = " + id);',
      options: { sql: { driver: 'pg' } },
      errors: e,
      output: 'const db = require("./db");\ndb.query("SELECT * FROM t WHERE id = $1", [id]);',
    },
    {
      name: 'TypeORM dataSource.query follows the file\'s SQL driver',
      code: 'import { DataSource } from "typeorm";\nimport "pg";\nawait dataSource.query(`SELECT * FROM t WHERE id = \'${id}\'`);',
      languageId: 'typescript',
      errors: e,
      output: 'import { DataSource } from "typeorm";\nimport "pg";\nawait dataSource.query(`SELECT * FROM t WHERE id = $1`, [id]);',
    },
    // merging with values already there
    {
      name: 'mysql: a new ? between existing ones',
      code: `${mysql}db.query("SELECT * FROM t WHERE a = ? AND b = " + b + " AND c = ?", [a, c], cb);`,
      errors: e,
      output: `${mysql}db.query("SELECT * FROM t WHERE a = ? AND b = ? AND c = ?", [a, b, c], cb);`,
    },
    {
      name: 'mysql: new values appended after existing ones',
      code: `${mysql}db.query("SELECT * FROM t WHERE a = ? AND b = " + b, [\n  a,\n]);`,
      errors: e,
      output: `${mysql}db.query("SELECT * FROM t WHERE a = ? AND b = ?", [\n  a, b,\n]);`,
    },
    {
      name: 'pg: numbering continues after $2',
      code: `${pg}pool.query("SELECT * FROM t WHERE a = $1 AND b = $2 AND c = " + c, [a, b]);`,
      errors: e,
      output: `${pg}pool.query("SELECT * FROM t WHERE a = $1 AND b = $2 AND c = $3", [a, b, c]);`,
    },
    {
      name: 'pg: an empty values array',
      code: `${pg}pool.query("SELECT * FROM t WHERE c = " + c, []);`,
      errors: e,
      output: `${pg}pool.query("SELECT * FROM t WHERE c = $1", [c]);`,
    },
    {
      name: 'variable: a value read through a pure method moves to the call',
      code: `${mysql}function f(req) {\n  const q = "SELECT * FROM t WHERE name = '" + req.query.name.trim() + "'";\n  return db.query(q);\n}`,
      errors: [{ messageId: 'concatenated', line: 4 }],
      output: `${mysql}function f(req) {\n  const q = "SELECT * FROM t WHERE name = ?";\n  return db.query(q, [req.query.name.trim()]);\n}`,
    },
    {
      name: 'pg: a ? inside a quoted literal is text, not a placeholder',
      code: `${pg}pool.query("SELECT * FROM t WHERE note = 'why?' AND id = " + id);`,
      errors: e,
      output: `${pg}pool.query("SELECT * FROM t WHERE note = 'why?' AND id = $1", [id]);`,
    },
    // the SQL in a variable: the declaration and the call are both rewritten
    {
      name: 'variable: declaration rewritten, values at the call',
      code: `${pg}async function f(req) {\n  const q = \`SELECT * FROM users WHERE name = '\${req.query.name}'\`;\n  return pool.query(q);\n}`,
      errors: [{ messageId: 'concatenated', line: 4 }],
      output: `${pg}async function f(req) {\n  const q = \`SELECT * FROM users WHERE name = $1\`;\n  return pool.query(q, [req.query.name]);\n}`,
    },
    {
      name: 'variable: var with a callback',
      code: `${mysql}function find(name, cb) {\n  var sql = "SELECT * FROM users WHERE name = '" + name + "'";\n  connection.query(sql, function (err, rows) { cb(rows); });\n}`,
      errors: [{ messageId: 'concatenated', line: 4 }],
      output: `${mysql}function find(name, cb) {\n  var sql = "SELECT * FROM users WHERE name = ?";\n  connection.query(sql, [name], function (err, rows) { cb(rows); });\n}`,
    },
    // values inside SQL string literals
    {
      name: 'LIKE pattern: one parameter holds the whole literal',
      code: 'const pgp = require("pg-promise")();\ndb.many("SELECT * FROM p WHERE name ILIKE \'%" + q + "%\' OR body ILIKE \'%" + q + "%\'");',
      errors: e,
      output: 'const pgp = require("pg-promise")();\ndb.many("SELECT * FROM p WHERE name ILIKE $1 OR body ILIKE $2", [`%${q}%`, `%${q}%`]);',
    },
    {
      name: 'two values in one literal',
      code: `${mysql}db.query("SELECT * FROM t WHERE full_name = '" + first + " " + last + "'");`,
      errors: e,
      output: `${mysql}db.query("SELECT * FROM t WHERE full_name = ?", [\`\${first} \${last}\`]);`,
    },
    {
      name: 'doubled quotes inside the literal become plain quotes in the value',
      code: `${mysql}db.query("SELECT * FROM t WHERE note = 'it''s " + word + "'");`,
      errors: e,
      output: `${mysql}db.query("SELECT * FROM t WHERE note = ?", [\`it's \${word}\`]);`,
    },
    {
      name: 'constants stay in the text',
      code: `${mysql}const TABLE = "users";\ndb.query("SELECT * FROM " + TABLE + " WHERE id = " + id);`,
      errors: e,
      output: `${mysql}const TABLE = "users";\ndb.query(\`SELECT * FROM \${TABLE} WHERE id = ?\`, [id]);`,
    },
    {
      name: 'numbers become parameters too',
      code: `${pg}pool.query("SELECT * FROM t WHERE a = '" + a + "' LIMIT " + Number(n));`,
      errors: e,
      output: `${pg}pool.query("SELECT * FROM t WHERE a = $1 LIMIT $2", [a, Number(n)]);`,
    },
    {
      name: 'a constant string in the SQL stays as it is',
      code: `${mysql}db.query('SELECT * FROM t WHERE a = "x" AND b = ' + b);`,
      errors: e,
      output: `${mysql}db.query('SELECT * FROM t WHERE a = "x" AND b = ?', [b]);`,
    },
    // layout: long or multi-line SQL is laid out by sql-formatter
    {
      name: 'a concatenation over several lines becomes a formatted template',
      code: `${mysql}function find(req) {\n  const sql = "SELECT id, name FROM users " +\n    "WHERE name = '" + req.query.name + "' " +\n    "ORDER BY created_at DESC";\n  return connection.query(sql);\n}`,
      errors: [{ messageId: 'concatenated', line: 6 }],
      output: `${mysql}function find(req) {\n  const sql = \`\n    SELECT\n      id,\n      name\n    FROM\n      users\n    WHERE\n      name = ?\n    ORDER BY\n      created_at DESC\n  \`;\n  return connection.query(sql, [req.query.name]);\n}`,
    },
    {
      name: 'a multi-line template keeps its own layout',
      code: `${pg}pool.query(\`\n  SELECT *\n  FROM orders\n  WHERE user_id = \${userId}\n\`);`,
      errors: e,
      output: `${pg}pool.query(\`\n  SELECT *\n  FROM orders\n  WHERE user_id = $1\n\`, [userId]);`,
    },
    {
      name: 'long one-line SQL is laid out',
      code: `${pg}pool.query("SELECT o.id, o.total, c.name, c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = '" + status + "'");`,
      errors: e,
      output: `${pg}pool.query(\`\n  SELECT\n    o.id,\n    o.total,\n    c.name,\n    c.email\n  FROM\n    orders o\n    JOIN customers c ON c.id = o.customer_id\n  WHERE\n    o.status = $1\n\`, [status]);`,
    },
    // no fix where the rewrite would be a guess
    { name: 'no driver known', code: 'db.query("SELECT * FROM t WHERE id = " + id);', errors: e, output: null },
    { name: 'two SQL drivers imported', code: `${mysql}${pg}db.query("SELECT * FROM t WHERE id = " + id);`, errors: e, output: null },
    { name: 'a table name cannot be a parameter', code: `${mysql}db.query("SELECT * FROM " + table + " WHERE id = 1");`, errors: [{ messageId: 'identifier' }], output: null },
    { name: 'an IN list', code: `${mysql}db.query("SELECT * FROM t WHERE id IN (" + ids.join(",") + ")");`, errors: e, output: null },
    { name: 'values argument is a variable', code: `${mysql}db.query("SELECT * FROM t WHERE a = ? AND b = " + b, params);`, errors: e, output: null },
    { name: 'placeholders and values do not line up', code: `${mysql}db.query("SELECT * FROM t WHERE a = ? AND b = " + b, [a, c]);`, errors: e, output: null },
    { name: 'pg text with ? placeholders', code: `${pg}pool.query("SELECT * FROM t WHERE a = ? AND b = " + b, [a]);`, errors: e, output: null },
    { name: 'the variable is used elsewhere too', code: `${mysql}const q = "SELECT * FROM t WHERE a = " + a;\nlogger.info(q);\ndb.query(q);`, errors: [{ messageId: 'concatenated', line: 4 }], output: null },
    { name: 'the variable is built over several statements', code: `${mysql}let q = "SELECT * FROM t";\nq += " WHERE a = " + a;\ndb.query(q);`, errors: [{ messageId: 'concatenated', line: 4 }], output: null },
    { name: 'a value is reassigned before the call', code: `${mysql}let a = x;\nconst q = "SELECT * FROM t WHERE a = " + a;\na = y;\ndb.query(q);`, errors: [{ messageId: 'concatenated', line: 5 }], output: null },
    { name: 'a value destructured again before the call', code: `${mysql}let a = x;\nconst q = "SELECT * FROM t WHERE a = " + a;\n[a] = next();\ndb.query(q);`, errors: [{ messageId: 'concatenated', line: 5 }], output: null },
    { name: 'a catch binding of the same name between the SQL and the call', code: `${mysql}function f(id) {\n  const q = "SELECT * FROM t WHERE id = " + id;\n  try { run(); } catch (id) { log(id); }\n  return db.query(q);\n}`, errors: [{ messageId: 'concatenated', line: 5 }], output: null },
    { name: 'a value that calls a function would run later', code: `${mysql}function f(req) {\n  const q = "INSERT INTO t (id) VALUES (" + nextId(req.body) + ")";\n  audit();\n  return db.query(q);\n}`, errors: [{ messageId: 'concatenated', line: 5 }], output: null },
    { name: 'mysql: a ? inside a quoted literal would be taken for a placeholder', code: `${mysql}db.query("SELECT * FROM t WHERE note = 'why?' AND id = " + id);`, errors: e, output: null },
    { name: 'a format function', code: 'const util = require("util");\nconst mysql = require("mysql");\ndb.query(util.format("SELECT * FROM t WHERE a = %s", a));', errors: e, output: null },
    { name: 'a join', code: `${mysql}db.query(["SELECT * FROM t WHERE a =", a].join(" "));`, errors: e, output: null },
    { name: 'a mysql query object', code: `${mysql}db.query({ sql: "SELECT * FROM t WHERE a = " + a, timeout: 1000 });`, errors: e, output: null },
    { name: 'exec takes no parameters', code: 'const sqlite3 = require("sqlite3");\ndb.exec("DELETE FROM t WHERE id = " + id);', errors: e, output: null },
    { name: 'Sequelize.literal takes no parameters', code: 'const { Sequelize } = require("sequelize");\nSequelize.literal("(SELECT 1 FROM t WHERE a = " + a + ")");', errors: e, output: null },
    { name: 'a value inside a SQL comment', code: `${mysql}db.query("SELECT * FROM t -- " + note + "\\nWHERE a = 1");`, errors: e, output: null },
    { name: 'a backslash escape inside the literal', code: `${mysql}db.query("SELECT * FROM t WHERE a = 'x\\\\\\\\" + a + "'");`, errors: e, output: null },
    { name: 'mssql pool.query has no inputs', code: 'const sql = require("mssql");\npool.query("SELECT * FROM t WHERE a = " + a);', errors: e, output: null },
    { name: 'TypeORM parameters that are not an object', code: 'import "typeorm";\nqb.where("u.a = " + a, params);', languageId: 'typescript', errors: e, output: null },
    { name: 'better-sqlite3 statement kept in a variable', code: 'import Database from "better-sqlite3";\nconst stmt = db.prepare("SELECT * FROM t WHERE a = " + a);', languageId: 'typescript', errors: e, output: null },
    { name: 'Prisma with a constant that would become a parameter', code: 'import { PrismaClient } from "@prisma/client";\nprisma.$queryRawUnsafe(`SELECT * FROM ${TABLE} WHERE id = ${id}`);', languageId: 'typescript', errors: e, output: null },
    { name: 'a sequelize bind option', code: 'const { Sequelize } = require("sequelize");\nsequelize.query("SELECT * FROM t WHERE a = " + a, { bind: [b] });', errors: e, output: null },
  ],
});
