import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// "Use a parameterized query" when the file with the query imports no SQL driver: the driver comes from the
// project module the handle is imported from, else from the nearest package.json, else from `sql.driver`.
// A fix is offered only when one driver is certain; the tester re-analyses each output with the same files.

const e = [{ messageId: 'concatenated' }];
const ROUTE = '/p/src/routes/orders.js';
const pkg = (...drivers: string[]): string => JSON.stringify({ dependencies: Object.fromEntries(['express', ...drivers].map((d) => [d, '*'])) });
const PG_POOL = "const { Pool } = require('pg');\nconst pool = new Pool({ max: 10 });\nmodule.exports = { pool };\n";
const MYSQL_POOL = "const mysql = require('mysql2');\nmodule.exports = mysql.createPool({ host: 'db' });\n";

runRuleTests(sqlConcatenation, {
  valid: [
    {
      name: 'the project\'s driver adds no finding: a bare clause to a generic method stays unflagged',
      fileName: ROUTE,
      files: { '/p/package.json': pkg('sqlite3'), '/p/src/db.js': "const sqlite3 = require('sqlite3');\nmodule.exports = new sqlite3.Database(':memory:');\n" },
      code: "const db = require('../db');\ndb.all('name = ' + name);",
    },
  ],
  invalid: [
    // 1. the module that creates the pool
    {
      name: 'module: the pool imported from ../db, which requires pg, takes $1 (package.json has two drivers)',
      fileName: ROUTE,
      files: { '/p/package.json': pkg('pg', 'mysql2'), '/p/src/db.js': PG_POOL },
      code: "const { pool } = require('../db');\nawait pool.query(`DELETE FROM orders WHERE id = ${req.params.id}`);",
      errors: e,
      output: "const { pool } = require('../db');\nawait pool.query(`DELETE FROM orders WHERE id = $1`, [req.params.id]);",
    },
    {
      name: 'module: an ES default import of a mysql2 pool takes ?',
      fileName: '/p/src/users.ts',
      languageId: 'typescript',
      files: { '/p/src/db.ts': "import mysql from 'mysql2/promise';\nexport default mysql.createPool({ host: 'db' });\n" },
      code: "import db from './db';\nexport const find = (id: string) => db.query(`SELECT * FROM users WHERE id = ${id}`);",
      errors: e,
      output: "import db from './db';\nexport const find = (id: string) => db.query(`SELECT * FROM users WHERE id = ?`, [id]);",
    },
    {
      name: 'module: followed behind a re-export to better-sqlite3, whose values go to the statement call',
      fileName: ROUTE,
      files: {
        '/p/src/db/index.js': "module.exports = require('./connection');\n",
        '/p/src/db/connection.js': "const Database = require('better-sqlite3');\nmodule.exports = new Database('shop.db');\n",
      },
      code: "const db = require('../db');\nconst row = db.prepare(\"SELECT * FROM kv WHERE key = '\" + key + \"'\").get();",
      errors: e,
      output: "const db = require('../db');\nconst row = db.prepare(\"SELECT * FROM kv WHERE key = ?\").get(key);",
    },
    {
      name: 'module: an mssql pool takes named inputs on its request',
      fileName: ROUTE,
      files: { '/p/src/db.js': "const sql = require('mssql');\nmodule.exports = { pool: new sql.ConnectionPool(process.env.DB) };\n" },
      code: "const { pool } = require('../db');\npool.request().query(\"SELECT * FROM users WHERE id = \" + id);",
      errors: e,
      output: "const { pool } = require('../db');\npool.request().input('id', id).query(\"SELECT * FROM users WHERE id = @id\");",
    },
    {
      name: 'module: a bare query function exported by the db module',
      fileName: ROUTE,
      files: { '/p/src/db.js': "const { Pool } = require('pg');\nconst pool = new Pool();\nexports.query = (text, params) => pool.query(text, params);\n" },
      code: "const { query } = require('../db');\nquery(\"SELECT * FROM orders WHERE id = \" + id);",
      errors: e,
      output: "const { query } = require('../db');\nquery(\"SELECT * FROM orders WHERE id = $1\", [id]);",
    },
    {
      name: 'module: a handle passed in as a parameter follows the project modules the file imports',
      fileName: '/p/src/repo.js',
      files: { '/p/package.json': pkg('pg', 'mysql2'), '/p/src/db.js': MYSQL_POOL },
      code: "const { retry } = require('./db');\nfunction find(conn, id) {\n  return conn.query(\"SELECT * FROM t WHERE id = \" + id);\n}\nmodule.exports = (conn, id) => retry(() => find(conn, id));",
      errors: [{ messageId: 'concatenated', line: 3 }],
      output: "const { retry } = require('./db');\nfunction find(conn, id) {\n  return conn.query(\"SELECT * FROM t WHERE id = ?\", [id]);\n}\nmodule.exports = (conn, id) => retry(() => find(conn, id));",
    },
    {
      name: 'module: a db module with two drivers is no answer',
      fileName: ROUTE,
      files: { '/p/package.json': pkg('pg'), '/p/src/db.js': `${PG_POOL}const mysql = require('mysql2');\nmodule.exports.legacy = mysql.createPool({});\n` },
      code: "const { pool } = require('../db');\npool.query(\"SELECT * FROM t WHERE id = \" + id);",
      errors: e,
      output: null,
    },
    {
      name: 'module: a knex module owns the handle, and knex has no query(sql, values)',
      fileName: ROUTE,
      files: { '/p/package.json': pkg('pg'), '/p/src/db.js': "module.exports = require('knex')({ client: 'pg' });\n" },
      code: "const db = require('../db');\ndb.query(\"SELECT * FROM t WHERE id = \" + id);",
      errors: e,
      output: null,
    },
    // 2. the nearest package.json
    {
      name: 'package.json: pg the only SQL driver, the db module not in the project',
      fileName: ROUTE,
      files: { '/p/package.json': pkg('pg') },
      code: "const db = require('../db');\ndb.query(\"SELECT * FROM t WHERE id = \" + id);",
      errors: e,
      output: "const db = require('../db');\ndb.query(\"SELECT * FROM t WHERE id = $1\", [id]);",
    },
    {
      name: 'package.json: sqlite3 takes ? before the callback',
      fileName: ROUTE,
      files: { '/p/package.json': pkg('sqlite3') },
      code: "const db = require('../db');\ndb.all(\"SELECT * FROM notes WHERE owner = '\" + owner + \"'\", (err, rows) => cb(rows));",
      errors: e,
      output: "const db = require('../db');\ndb.all(\"SELECT * FROM notes WHERE owner = ?\", [owner], (err, rows) => cb(rows));",
    },
    {
      name: 'package.json: the nearest one counts, not the workspace root\'s',
      fileName: '/p/services/api/src/orders.js',
      files: { '/p/package.json': pkg('mysql2'), '/p/services/api/package.json': pkg('pg') },
      code: "const db = require('./db');\ndb.query(\"SELECT * FROM t WHERE id = \" + id);",
      errors: e,
      output: "const db = require('./db');\ndb.query(\"SELECT * FROM t WHERE id = $1\", [id]);",
    },
    {
      name: 'package.json: two SQL drivers',
      fileName: ROUTE,
      files: { '/p/package.json': pkg('pg', 'mysql2') },
      code: "const db = require('../db');\ndb.query(\"SELECT * FROM t WHERE id = \" + id);",
      errors: e,
      output: null,
    },
    {
      name: 'package.json: knex beside pg may own the handle',
      fileName: ROUTE,
      files: { '/p/package.json': pkg('pg', 'knex') },
      code: "const db = require('../db');\ndb.query(\"SELECT * FROM t WHERE id = \" + id);",
      errors: e,
      output: null,
    },
    {
      name: 'package.json: TypeORM\'s query takes the placeholders of the database driver beside it',
      fileName: '/p/src/users.ts',
      languageId: 'typescript',
      files: { '/p/package.json': pkg('typeorm', 'pg') },
      code: "import { DataSource } from 'typeorm';\nawait dataSource.query(`SELECT * FROM t WHERE id = '${id}'`);",
      errors: e,
      output: "import { DataSource } from 'typeorm';\nawait dataSource.query(`SELECT * FROM t WHERE id = $1`, [id]);",
    },
    // 3. sql.driver in .backendguide.yaml
    {
      name: 'sql.driver settles a package.json with two drivers (an npm module name works too)',
      fileName: ROUTE,
      files: { '/p/package.json': pkg('pg', 'mysql2') },
      options: { sql: { driver: 'mysql2' } },
      code: "const db = require('../db');\ndb.query(\"SELECT * FROM t WHERE id = \" + id);",
      errors: e,
      output: "const db = require('../db');\ndb.query(\"SELECT * FROM t WHERE id = ?\", [id]);",
    },
    {
      name: 'sql.driver when nothing in the project names a driver',
      fileName: ROUTE,
      files: { '/p/package.json': pkg() },
      options: { sql: { driver: 'pg' } },
      code: "const db = require('../db');\ndb.query(\"SELECT * FROM t WHERE id = \" + id);",
      errors: e,
      output: "const db = require('../db');\ndb.query(\"SELECT * FROM t WHERE id = $1\", [id]);",
    },
    {
      name: 'sql.driver does not override a driver the project names',
      fileName: ROUTE,
      files: { '/p/src/db.js': PG_POOL },
      options: { sql: { driver: 'mysql' } },
      code: "const { pool } = require('../db');\npool.query(\"SELECT * FROM t WHERE id = \" + id);",
      errors: e,
      output: "const { pool } = require('../db');\npool.query(\"SELECT * FROM t WHERE id = $1\", [id]);",
    },
    {
      name: 'an unknown sql.driver is no answer',
      fileName: ROUTE,
      files: { '/p/package.json': pkg() },
      options: { sql: { driver: 'toString' } },
      code: "const db = require('../db');\ndb.query(\"SELECT * FROM t WHERE id = \" + id);",
      errors: e,
      output: null,
    },
  ],
});
