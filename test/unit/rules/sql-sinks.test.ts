import * as assert from 'assert';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { SINKS, type SinkEntry } from '../../../src/engine/rules/sql/sinks';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';
import type { LanguageId } from '../../../src/engine/types';

/**
 * One example per row of the sink table, for every method the row lists: the call flagged with built
 * SQL, and left alone with constant SQL. A row without an example here fails the first test.
 */

interface SinkExample {
  /** Code before the call, on its own line (imports). */
  prelude: string;
  /** The call up to its SQL argument, e.g. `db.{method}(`; `{method}` is replaced by each method. */
  call: string;
  /** What follows the SQL argument, closing the call. */
  rest?: string;
  /** SQL text built from `id`; defaults to a SELECT statement. */
  built?: string;
  constant?: string;
  languageId?: LanguageId;
}

const BUILT = '"SELECT * FROM t WHERE id = " + id';
const CONSTANT = '"SELECT * FROM t WHERE id = 1"';

const EXAMPLES: Readonly<Record<string, SinkExample>> = {
  'mysql.query': { prelude: 'const mysql = require("mysql2");', call: 'connection.{method}(', rest: ', (err, rows) => {});' },
  'pg.query': { prelude: 'const { Pool } = require("pg");', call: 'pool.{method}(' },
  'pg-promise.query': { prelude: 'const pgp = require("pg-promise")();', call: 'db.{method}(' },
  'postgres.unsafe': { prelude: 'const postgres = require("postgres");', call: 'sql.{method}(' },
  'sqlite3.query': { prelude: 'const sqlite3 = require("sqlite3");', call: 'db.{method}(', rest: ', cb);' },
  'sqlite3.exec': { prelude: 'const sqlite3 = require("sqlite3");', call: 'db.{method}(', built: '"DELETE FROM t WHERE id = " + id' },
  'better-sqlite3.prepare': { prelude: 'import Database from "better-sqlite3";', call: 'db.{method}(', rest: ').get();', languageId: 'typescript' },
  'better-sqlite3.exec': { prelude: 'import Database from "better-sqlite3";', call: 'db.{method}(', built: '`DELETE FROM t WHERE id = ${id}`', languageId: 'typescript' },
  'mssql.query': { prelude: 'const sql = require("mssql");', call: 'pool.request().{method}(' },
  'oracledb.execute': { prelude: 'const oracledb = require("oracledb");', call: 'connection.{method}(' },
  'knex.raw': { prelude: 'const knex = require("knex")({ client: "pg" });', call: 'knex.{method}(' },
  'knex.clause-raw': { prelude: 'const knex = require("knex")({ client: "pg" });', call: 'knex("t").{method}(', built: '"id = " + id', constant: '"id = 1"' },
  'sequelize.query': { prelude: 'const { Sequelize } = require("sequelize");', call: 'sequelize.{method}(' },
  'sequelize.literal': { prelude: 'const { Sequelize } = require("sequelize");', call: 'Sequelize.{method}(', built: '"(SELECT max(id) FROM t WHERE owner = " + owner + ")"', constant: '"(SELECT max(id) FROM t)"' },
  'typeorm.query': { prelude: 'import { DataSource } from "typeorm";', call: 'await dataSource.{method}(', languageId: 'typescript' },
  'typeorm.where': { prelude: 'import { Repository } from "typeorm";', call: 'repo.createQueryBuilder("u").{method}(', rest: ').getMany();', built: '"u.id = " + id', constant: '"u.id = :id"', languageId: 'typescript' },
  'prisma.unsafe': { prelude: 'import { PrismaClient } from "@prisma/client";', call: 'await prisma.{method}(', languageId: 'typescript' },
  'prisma.raw-call': { prelude: 'import { PrismaClient } from "@prisma/client";', call: 'await prisma.{method}(', languageId: 'typescript' },
  'prisma.raw-helper': { prelude: 'import { Prisma } from "@prisma/client";', call: 'const where = Prisma.{method}(', built: '"WHERE name = \'" + name + "\'"', constant: '"WHERE active"', languageId: 'typescript' },
  'drizzle.raw': { prelude: 'import { sql } from "drizzle-orm";', call: 'await db.execute(sql.{method}(', rest: '));', languageId: 'typescript' },
  'mongodb.where': { prelude: 'const mongoose = require("mongoose");', call: 'User.{method}(', rest: ').exec();', built: '"this.name == \'" + name + "\'"', constant: '"this.a > this.b"' },
  'generic.query': { prelude: 'const db = require("./db");', call: 'db.{method}(' },
};

function casesFor(entry: SinkEntry): { valid: ValidCase[]; invalid: InvalidCase[] } {
  const example = EXAMPLES[entry.id];
  const valid: ValidCase[] = [];
  const invalid: InvalidCase[] = [];
  if (!example) return { valid, invalid };
  for (const method of entry.methods) {
    const call = example.call.replace('{method}', method);
    const rest = example.rest ?? ');';
    const code = (sql: string): string => `${example.prelude}\n${call}${sql}${rest}`;
    invalid.push({
      name: `${entry.id}: ${method}() with built SQL`,
      code: code(example.built ?? BUILT),
      languageId: example.languageId,
      errors: [{ messageId: entry.driver === 'mongodb' ? 'mongoWhere' : 'concatenated', line: 2, column: call.length + 1, messageIncludes: [`${method}()`.replace('$where()', '$where')] }],
    });
    valid.push({ name: `${entry.id}: ${method}() with constant SQL`, code: code(example.constant ?? CONSTANT), languageId: example.languageId });
  }
  return { valid, invalid };
}

describe('sql-concatenation sink table', () => {
  it('has an example for every row', () => {
    assert.deepStrictEqual(SINKS.map((s) => s.id).filter((id) => !EXAMPLES[id]), [], 'rows without an example');
    assert.deepStrictEqual(Object.keys(EXAMPLES).filter((id) => !SINKS.some((s) => s.id === id)), [], 'examples without a row');
  });

  it('lists each method of a driver once', () => {
    for (const entry of SINKS) assert.strictEqual(new Set(entry.methods).size, entry.methods.length, entry.id);
  });
});

for (const entry of SINKS) runRuleTests(sqlConcatenation, casesFor(entry));
