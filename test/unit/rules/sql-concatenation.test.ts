import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// How SQL text gets built, what counts as constant or safe, and what is not SQL at all.
// Sinks have their own table test (sql-sinks.test.ts), quick fixes theirs (sql-fixes.test.ts).

const concatenated = 'concatenated';

runRuleTests(sqlConcatenation, {
  valid: [
    // constants only
    'db.query("SELECT * FROM users WHERE id = ?", [id]);',
    'db.query("SELECT * FROM users WHERE id = " + 42);',
    'db.query("SELECT * FROM users " + "WHERE active = 1");',
    'const TABLE = "users"; db.query("SELECT * FROM " + TABLE + " WHERE id = ?", [id]);',
    'const table = "users"; db.query(`SELECT * FROM ${table} WHERE id = ?`, [id]);',
    'db.query(`SELECT * FROM ${USERS_TABLE} WHERE id = $1`, [id]);',
    'db.query(`SELECT * FROM ${config.TABLE_NAME} WHERE id = $1`, [id]);',
    'db.query(`SELECT * FROM ${Tables.USERS} WHERE id = $1`, [id]);',
    'const limit = 10; db.query("SELECT * FROM t LIMIT " + limit);',
    'let sql = "SELECT * FROM t"; sql += " WHERE a = 1"; db.query(sql);',
    'function f() { const base = "SELECT * FROM t"; const where = " WHERE a = ?"; return db.query(base + where, [a]); }',
    'db.query(`SELECT * FROM t ORDER BY name ${desc ? "DESC" : "ASC"}`);',
    'const dir = req.query.dir === "desc" ? "DESC" : "ASC"; db.query("SELECT * FROM t ORDER BY id " + dir);',
    'const COLUMNS = { name: "name", date: "created_at" }; db.query("SELECT * FROM t ORDER BY " + (COLUMNS[req.query.sort] || "id"));',
    'const columns = { name: "name", date: "created_at" }; db.query(`SELECT * FROM t ORDER BY ${columns[req.query.sort] ?? "id"}`);',
    'const sort = ["name", "email"].includes(req.query.sort) ? req.query.sort : "id"; db.query("SELECT * FROM t ORDER BY " + sort);',
    'const ALLOWED = new Set(["name", "email"]); const s = ALLOWED.has(req.query.s) ? req.query.s : "id"; db.query(`SELECT * FROM t ORDER BY ${s}`);',
    'function list(sort) { if (!["name", "email"].includes(sort)) throw new Error("sort"); return db.query(`SELECT * FROM t ORDER BY ${sort}`); }',
    'function list(sort) { if (!SORTS.includes(sort)) { return null; } return db.query(`SELECT * FROM t ORDER BY ${sort}`); }',
    'for (const t of ["a", "b"]) db.query(`DELETE FROM ${t} WHERE expired`);',
    'const TABLES = ["a", "b"]; for (const t of TABLES) db.query(`TRUNCATE ${t}`);',
    'function f(kind) { const name = kind === "x" ? "x_table" : "y_table"; return db.query("SELECT * FROM " + name); }',
    // numbers cannot carry SQL
    'db.query("SELECT * FROM t WHERE id = " + parseInt(req.params.id, 10));',
    'db.query(`SELECT * FROM t WHERE id = ${Number(req.params.id)}`);',
    'db.query("SELECT * FROM t LIMIT " + Math.min(100, req.query.n));',
    'db.query("SELECT * FROM t LIMIT " + req.query.n * 1);',
    'db.query("SELECT * FROM t LIMIT " + +req.query.n);',
    'db.query("SELECT * FROM t WHERE n > " + items.length);',
    'db.query("SELECT * FROM t WHERE price < " + price.toFixed(2));',
    'db.query(`SELECT * FROM t WHERE y = ${new Date().getFullYear()}`);',
    'db.query(`SELECT * FROM t WHERE at < ${Date.now()}`);',
    'const id = parseInt(req.params.id); db.query("SELECT * FROM t WHERE id = " + id);',
    'let n = 0; n++; db.query("SELECT * FROM t OFFSET " + n);',
    'db.query("SELECT * FROM t WHERE ok = " + (a === b));',
    { code: 'function f(id: number) { return db.query("SELECT * FROM t WHERE id = " + id); }', languageId: 'typescript' },
    { code: 'function f(dir: "asc" | "desc") { return db.query(`SELECT * FROM t ORDER BY id ${dir}`); }', languageId: 'typescript' },
    { code: 'const n: number = Number(q); db.query(`SELECT * FROM t LIMIT ${n}`);', languageId: 'typescript' },
    'function f(id) { id = parseInt(id, 10); return db.query("SELECT * FROM t WHERE id = " + id); }',
    // placeholder lists
    'db.query(`SELECT * FROM t WHERE id IN (${ids.map(() => "?").join(",")})`, ids);',
    'db.query("SELECT * FROM t WHERE id IN (" + ids.map((_, i) => "$" + (i + 1)).join(", ") + ")", ids);',
    'db.query("SELECT * FROM t WHERE id IN (" + new Array(ids.length).fill("?").join(",") + ")", ids);',
    'db.query(`SELECT * FROM t WHERE id IN (${Array(ids.length).fill("?").join()})`, ids);',
    'db.query(`SELECT * FROM t WHERE id IN (${ids.map(Number).join(",")})`);',
    'const marks = ids.map(() => "?").join(", "); db.query(`DELETE FROM t WHERE id IN (${marks})`, ids);',
    'const ids = ["a", "b"]; db.query(`DELETE FROM t WHERE id IN (\'${ids.join("\',\'")}\')`);',
    'const w = []; const p = []; if (a) { w.push("a = ?"); p.push(a); } db.query("SELECT * FROM t WHERE " + w.join(" AND "), p);',
    'const params = []; let sql = "SELECT * FROM t WHERE 1=1"; if (a) { params.push(a); sql += ` AND a = $${params.length}`; } db.query(sql, params);',
    'const sets = []; for (const k of ["a", "b"]) { sets.push(k + " = ?"); } db.query("UPDATE t SET " + sets.join(", ") + " WHERE id = ?", v);',
    // escapers the drivers ship (see the lesson: trusted, but parameters are preferred)
    'const mysql = require("mysql"); db.query("SELECT * FROM t WHERE a = " + mysql.escape(a));',
    'db.query("SELECT * FROM t WHERE a = " + connection.escape(a) + " AND b = " + pool.escape(b));',
    'db.query("SELECT * FROM t ORDER BY " + connection.escapeId(req.query.sort));',
    'db.query(`SELECT * FROM t WHERE a = ${client.escapeLiteral(a)} ORDER BY ${client.escapeIdentifier(c)}`);',
    'const SqlString = require("sqlstring"); db.query("SELECT * FROM t WHERE a = " + SqlString.escape(a));',
    'const { escape } = require("sqlstring"); db.query("SELECT * FROM t WHERE a = " + escape(a));',
    'const mysql = require("mysql2"); db.query(mysql.format("SELECT * FROM t WHERE a = ?", [a]));',
    'const format = require("pg-format"); db.query(format("SELECT * FROM %I WHERE a = %L", table, a));',
    'const pgp = require("pg-promise")(); db.any(pgp.as.format("SELECT * FROM t WHERE a = $1", [a]));',
    'db.query("SELECT * FROM t WHERE " + knex.raw("?? = ?", [col, val]));',
    'db.query("SELECT * FROM t WHERE a = " + sequelize.escape(a));',
    // tagged templates bind values
    'db.query(sql`SELECT * FROM t WHERE id = ${id}`);',
    'prisma.$queryRaw`SELECT * FROM t WHERE id = ${id}`;',
    'prisma.$executeRaw`DELETE FROM t WHERE id = ${id}`;',
    'prisma.$queryRaw(Prisma.sql`SELECT * FROM t WHERE id = ${id}`);',
    'const mssql = require("mssql"); mssql.query`SELECT * FROM t WHERE id = ${id}`;',
    'pool.query(SQL`SELECT * FROM t WHERE id = ${id}`);',
    'db.execute(sql`select * from users where id = ${id}`);',
    // not SQL: log lines, shell commands, HTTP paths, GraphQL, regexes
    'logger.query("delete " + name);',
    'logger.query("Delete from cart: " + item);',
    'audit.execute("update available: " + version);',
    'history.query("Select a file to upload: " + name);',
    'exec("rm -rf " + dir);',
    'child.exec(`find ${dir} -name "*.sql" -delete`);',
    'api.get("/users/" + id);',
    'app.get(`/select/${name}`, handler);',
    'axios.delete("/api/items/" + id);',
    'client.query({ query: "query User($id: ID!) { user(id: $id) { name } }", variables: { id } });',
    'regex.exec("select " + line);',
    'cache.get("user:" + key);',
    'queue.run("process " + name);',
    'ssh.execute("update-grub --root " + root);',
    'Promise.all(items.map((item) => item.save()));',
    'router.all("/admin/" + section, guard);',
    'res.send("Deleted from " + table + ": " + id);',
    'console.log(`SELECT for ${id} took ${ms} ms`);',
    'const mysql = require("mysql"); logger.query("user = " + name);',
    'const { Pool } = require("pg"); history.execute("status = " + status + " LIMIT " + n);',
    // values that are not built here
    'function run(sql, params) { return db.query(sql, params); }',
    'db.query(buildQuery(filters));',
    'db.query(req.body.sql);',
    'db.query(queries[name], [id]);',
    'db.query();',
    'function f(where) { return db.query(where + " ORDER BY id"); }',
    // MongoDB $where with constants or functions
    'coll.find({ $where: "this.a > this.b" });',
    'coll.find({ $where: function () { return this.a > this.b; } });',
    'coll.find({ $where: `this.n > ${Number(n)}` });',
    'coll.find({ name: req.query.name, age: { $gt: Number(req.query.age) } });',
  ],
  invalid: [
    // + concatenation
    {
      code: 'db.query("SELECT * FROM users WHERE id = " + id);',
      errors: [{ messageId: concatenated, line: 1, column: 10, endColumn: 48, messageIncludes: ['string concatenation', '`id`', 'query()'] }],
    },
    {
      code: 'db.query("SELECT * FROM users WHERE name = \'" + name + "\' AND age > " + age);',
      errors: [{ messageId: concatenated, line: 1, column: 10, messageIncludes: ['`name`'] }],
    },
    {
      code: 'db.query(id + " = id FROM t", []); db.query("SELECT * FROM t WHERE a = " + a + " AND b = " + b, []);',
      errors: [{ messageId: concatenated, line: 1, column: 45 }],
    },
    // += and reassignment across statements
    {
      code: 'let sql = "SELECT * FROM t WHERE 1=1";\nif (name) sql += " AND name = \'" + name + "\'";\ndb.query(sql);',
      errors: [{ messageId: concatenated, line: 3, column: 10, endColumn: 13, messageIncludes: ['`+=`'], related: [{ line: 2, column: 11, messageIncludes: 'assembled here' }] }],
    },
    {
      code: 'let sql = "SELECT * FROM t";\nsql += " WHERE id = " + id;\nsql += " LIMIT 10";\ndb.query(sql);',
      errors: [{ messageId: concatenated, line: 4, related: [{ line: 2 }] }],
    },
    {
      code: 'let sql = "SELECT * FROM t WHERE a = ";\nsql = sql + id;\ndb.query(sql);',
      errors: [{ messageId: concatenated, line: 3, related: [{ line: 2 }] }],
    },
    {
      code: 'let sql = "SELECT * FROM t WHERE a = \'";\nsql = sql.concat(id, "\'");\ndb.query(sql);',
      errors: [{ messageId: concatenated, line: 3, messageIncludes: ['`.concat()`'] }],
    },
    {
      code: 'let sql = "SELECT * FROM t WHERE 1=1";\nfor (const f of filters) { sql += ` AND ${f.column} = \'${f.value}\'`; }\ndb.query(sql);',
      errors: [{ messageId: concatenated, line: 3 }],
    },
    {
      code: 'let sql = "SELECT * FROM t WHERE 1=1";\nObject.keys(q).forEach((k) => { sql += " AND " + k + " = \'" + q[k] + "\'"; });\ndb.query(sql);',
      errors: [{ messageId: concatenated, line: 3 }],
    },
    {
      code: 'let sql;\nif (admin) sql = "SELECT * FROM t"; else sql = "SELECT * FROM t WHERE owner = " + user;\ndb.query(sql);',
      errors: [{ messageId: concatenated, line: 3 }],
    },
    {
      code: 'function f(req) {\n  query = "SELECT * FROM t WHERE a = " + req.query.a;\n  return pool.query(query);\n}',
      errors: [{ messageId: concatenated, line: 3 }],
    },
    // template literals
    {
      code: 'db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);',
      errors: [{ messageId: concatenated, line: 1, column: 10, endColumn: 59, messageIncludes: ['a template literal', '`req.params.id`'] }],
    },
    {
      code: 'db.query(`\n  SELECT *\n  FROM users\n  WHERE id = ${id}\n`);',
      errors: [{ messageId: concatenated, line: 1, column: 10, endLine: 5, endColumn: 2 }],
    },
    {
      code: 'db.query(`SELECT * FROM t WHERE a = ${`${prefix}-x`}`);',
      errors: [{ messageId: concatenated, messageIncludes: ['`prefix`'] }],
    },
    {
      code: 'const q = `SELECT * FROM t WHERE a = \'${a}\'`;\ndb.query(q);',
      errors: [{ messageId: concatenated, line: 2, column: 10, endColumn: 11, related: [{ line: 1, column: 11 }] }],
    },
    // helper variables, reassignments and composition
    {
      code: 'const where = "WHERE id = " + id;\nconst sql = "SELECT * FROM t " + where;\ndb.query(sql);',
      errors: [{ messageId: concatenated, line: 3 }],
    },
    {
      code: 'const base = "SELECT * FROM t";\ndb.query(`${base} WHERE id = ${id}`);',
      errors: [{ messageId: concatenated, line: 2, column: 10 }],
    },
    {
      code: 'const q = "SELECT * FROM t WHERE a = " + a;\nconst same = q;\ndb.query(same);',
      errors: [{ messageId: concatenated, line: 3 }],
    },
    {
      code: 'const where = name ? "WHERE name = \'" + name + "\'" : "";\ndb.query("SELECT * FROM t " + where);',
      errors: [{ messageId: concatenated, line: 2 }],
    },
    {
      code: 'db.query("SELECT * FROM t ORDER BY " + (req.query.sort || "id"));',
      errors: [{ messageId: 'identifier', messageIncludes: ['table or column name'] }],
    },
    {
      code: 'db.query("SELECT * FROM t WHERE a = " + (flag ? other : "1"));',
      errors: [{ messageId: concatenated }],
    },
    {
      code: 'db.query(("SELECT * FROM t WHERE a = \'" + a + "\'").trim());',
      errors: [{ messageId: concatenated }],
    },
    {
      code: 'db.query("SELECT * FROM t WHERE a = \'" + a.replace(/\'/g, "\'\'") + "\'");',
      errors: [{ messageId: concatenated, messageIncludes: ['a.replace'] }],
    },
    {
      code: 'db.query("SELECT * FROM t WHERE a = " + validator.escape(a));',
      errors: [{ messageId: concatenated }],
    },
    {
      code: 'db.query("SELECT * FROM t WHERE a = " + JSON.stringify(a));',
      errors: [{ messageId: concatenated }],
    },
    {
      code: 'function f(sort) { if (!sort) return; return db.query(`SELECT * FROM t ORDER BY ${sort}`); }',
      errors: [{ messageId: 'identifier' }],
    },
    {
      code: 'function f(s) { if (!ALLOWED.includes(other)) return; return db.query(`SELECT * FROM t WHERE a = \'${s}\'`); }',
      errors: [{ messageId: concatenated }],
    },
    {
      code: 'const sort = list.includes(req.query.sort) ? req.query.sort : "id";\ndb.query("SELECT * FROM t ORDER BY " + sort);',
      errors: [{ messageId: 'identifier' }],
    },
    // a SQL fragment counts on an object known to be a database handle
    {
      code: 'const mysql = require("mysql");\nconst conn = mysql.createConnection(cfg);\nconn.query("id = " + id);',
      errors: [{ messageId: concatenated, line: 3 }],
    },
    {
      code: 'const { Pool } = require("pg");\nasync function f(base, id) { return pool.query(base + " WHERE id = " + id); }',
      errors: [{ messageId: concatenated, line: 2 }],
    },
    {
      code: 'const sql = require("mssql");\nawait pool.request().query(filter + " AND sku = \'" + sku + "\'");',
      errors: [{ messageId: concatenated, line: 2 }],
    },
    // TypeScript wrappers
    {
      code: 'const rows = await db.query<Row[]>(`SELECT * FROM t WHERE id = ${(req.params.id as string)!}`);',
      languageId: 'typescript',
      errors: [{ messageId: concatenated, column: 36 }],
    },
    {
      code: 'function f(id: string) { return this.db.query("SELECT * FROM t WHERE id = " + id); }',
      languageId: 'typescript',
      errors: [{ messageId: concatenated }],
    },
    {
      code: 'const q = ("DELETE FROM t WHERE id = " + id) as string;\nawait db?.query(q);',
      languageId: 'typescript',
      errors: [{ messageId: concatenated, line: 2 }],
    },
    {
      code: 'db.query(`SELECT * FROM t WHERE id = ${id}`);',
      languageId: 'typescriptreact',
      errors: [{ messageId: concatenated }],
    },
    // .concat(), format functions, join
    {
      code: 'db.query("SELECT * FROM t WHERE a = ".concat(a));',
      errors: [{ messageId: concatenated, messageIncludes: ['`.concat()`'] }],
    },
    {
      code: 'db.query("SELECT * FROM t WHERE a = \'".concat(a, "\' AND b = ", b));',
      errors: [{ messageId: concatenated }],
    },
    {
      code: 'const util = require("util");\ndb.query(util.format("SELECT * FROM t WHERE a = \'%s\'", a));',
      errors: [{ messageId: concatenated, line: 2, messageIncludes: ['a format function'] }],
    },
    {
      code: 'const { format } = require("util");\nconst q = format("DELETE FROM %s WHERE id = %d", table, id);\ndb.query(q);',
      errors: [{ messageId: 'identifier', line: 3 }],
    },
    {
      code: 'db.query(sprintf("SELECT * FROM t WHERE a = \'%s\'", a));',
      errors: [{ messageId: concatenated }],
    },
    {
      code: 'const format = require("pg-format");\ndb.query(format("SELECT * FROM t WHERE a = %L AND b = \'%s\'", a, b));',
      errors: [{ messageId: concatenated, line: 2, messageIncludes: ['`b`'] }],
    },
    {
      code: 'db.query(util.format("SELECT * FROM t WHERE a = %j", a));',
      errors: [{ messageId: concatenated }],
    },
    {
      code: 'db.query(["SELECT * FROM t", "WHERE a =", a].join(" "));',
      errors: [{ messageId: concatenated, messageIncludes: ['`.join()`'] }],
    },
    {
      code: 'const parts = ["SELECT * FROM t WHERE 1=1"];\nif (a) parts.push("AND a = \'" + a + "\'");\ndb.query(parts.join(" "));',
      errors: [{ messageId: concatenated, line: 3, related: [{ line: 2 }] }],
    },
    {
      code: 'const list = ids.map((id) => "\'" + id + "\'").join(",");\ndb.query(`SELECT * FROM t WHERE id IN (${list})`);',
      errors: [{ messageId: concatenated, line: 2 }],
    },
    {
      code: 'db.query(`UPDATE t SET ${Object.keys(body).map((k) => `${k} = ?`).join(", ")} WHERE id = ?`, values);',
      errors: [{ messageId: concatenated }],
    },
    // helpers defined in the same file
    {
      code: 'function byId(id) { return "SELECT * FROM t WHERE id = " + id; }\ndb.query(byId(req.params.id));',
      errors: [{ messageId: concatenated, line: 2 }],
    },
    {
      code: 'const q = { byName: (n) => `SELECT * FROM t WHERE name = \'${n}\'` };\ndb.query(q.byName(req.query.name));',
      errors: [{ messageId: concatenated, line: 2 }],
    },
    {
      code: 'const table = (t) => t;\ndb.query("SELECT * FROM " + table(req.query.t));',
      errors: [{ messageId: 'identifier', line: 2 }],
    },
    // MongoDB $where
    {
      code: 'coll.find({ $where: "this.owner == \'" + owner + "\'" });',
      errors: [{ messageId: 'mongoWhere', column: 21, messageIncludes: ['NoSQL injection', '`owner`'] }],
      output: null,
    },
    {
      code: 'coll.find({ "$where": `this.n > ${n}` });',
      errors: [{ messageId: 'mongoWhere' }],
    },
    {
      code: 'const filter = `this.stocks > \'${threshold}\'`;\ncoll.findOne({ $where: filter });',
      errors: [{ messageId: 'mongoWhere', line: 2, related: [{ line: 1 }] }],
    },
    {
      code: 'Model.$where("this.nick === \'" + nick + "\'").exec();',
      errors: [{ messageId: 'mongoWhere' }],
    },
    // a query object held in a variable
    {
      code: 'const mysql = require("mysql");\nlet query = {\n  sql: "SELECT * FROM users WHERE id=" + req.params.id\n};\nconnection.query(query, (err, rows) => res.json(rows));',
      errors: [{ messageId: concatenated, line: 3, messageIncludes: ['req.params.id'] }],
    },
    // several findings, each on its own argument
    {
      code: 'db.query("SELECT * FROM a WHERE x = " + x);\ndb.query(`SELECT * FROM b WHERE y = ${y}`);',
      errors: [{ messageId: concatenated, line: 1 }, { messageId: concatenated, line: 2 }],
    },
    {
      code: 'const q = "SELECT * FROM t WHERE a = " + a;\ndb.query(q);\nlogger.info(q);\nreplica.query(q);',
      errors: [{ messageId: concatenated, line: 2 }, { messageId: concatenated, line: 4 }],
    },
  ],
});
