import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// Values quoted or escaped for SQL by a function made for it are not flagged; other escapers are.

runRuleTests(sqlConcatenation, {
  valid: [
    // ORM and driver quoting, recognised by what the function is named for
    'const qg = sequelize.getQueryInterface().queryGenerator;\ndb.query(`SELECT * FROM ${qg.quoteTable(table)} ORDER BY ${qg.quoteIdentifier(column)}`);',
    'db.query("ALTER TABLE " + dialect.quoteIdentifiers(table) + " ADD COLUMN x int");',
    'db.query(`DELETE FROM ${this.sanitizeTableName(this.table)} WHERE id = $1`, [id]);',
    'db.query(`SELECT * FROM ${helpers.escapeSql(name)}`);',
    'db.query(`DROP TABLE ${quote_ident(name)}`);',
    'const mysql = require("mysql2");\npool.query("SELECT * FROM t ORDER BY " + mysql.escapeId(req.query.sort));',
    'db.query("SELECT * FROM t WHERE a = " + sequelize.escape(req.body.a));',
    // pg-format and pg: named helpers escape, whatever they are imported as
    { code: 'import { ident, literal } from "pg-format";\nconst sql = `CREATE SCHEMA ${ident(name)} AUTHORIZATION ${literal(owner)}`;\nawait db.query(sql);', languageId: 'typescript' },
    'const format = require("pg-format");\ndb.query(`COMMENT ON TABLE ${format.ident(t)} IS ${format.literal(c)}`);',
    'const { escapeIdentifier, escapeLiteral } = require("pg");\nclient.query(`SET search_path TO ${escapeIdentifier(schema)}; SELECT ${escapeLiteral(v)}`);',
    // a list passed element by element through a quoting function (or a number parser) comes out quoted
    'const { literal } = require("pg-format");\ndb.query(`SELECT * FROM t WHERE name IN (${names.map(literal).join(",")})`);',
    'const mysql = require("mysql2");\npool.query("SELECT " + req.body.columns.map(mysql.escapeId).join(", ") + " FROM t");',
    'db.query(`DELETE FROM t WHERE id IN (${req.body.ids.map(Number).join(",")})`);',
    // knex binds identifiers itself
    'knex.raw(`SELECT * FROM t WHERE ${knex.raw("??", [column])} = ?`, [value]);',
  ],
  invalid: [
    {
      name: 'a list mapped through a function that does not quote for SQL',
      code: 'db.query(`SELECT * FROM t WHERE name IN (${req.body.names.map(escapeHtml).join(",")})`);',
      errors: [{ messageId: 'concatenated' }],
    },
    {
      name: 'an HTML escaper is not a SQL escaper',
      code: 'db.query("SELECT * FROM t WHERE name = \'" + escapeHtml(req.query.name) + "\'");',
      errors: [{ messageId: 'concatenated', messageIncludes: ['escapeHtml'] }],
    },
    {
      name: 'lodash escape is for HTML',
      code: 'db.query("SELECT * FROM t WHERE name = \'" + _.escape(req.query.name) + "\'");',
      errors: [{ messageId: 'concatenated' }],
    },
    {
      name: 'a sanitizer that does not say it is for SQL names',
      code: 'db.query("SELECT * FROM t WHERE name = \'" + sanitizeInput(req.query.name) + "\'");',
      errors: [{ messageId: 'concatenated' }],
    },
    {
      name: 'pg-format string() substitutes as is',
      code: 'const format = require("pg-format");\ndb.query("SELECT * FROM t WHERE a = " + format.string(req.query.a));',
      errors: [{ messageId: 'concatenated', line: 2 }],
    },
    {
      name: 'pg-format %s inside its own format is not escaped',
      code: 'import format, { ident } from "pg-format";\ndb.query(format("SELECT * FROM %I WHERE a = %s", t, req.query.a));',
      languageId: 'typescript',
      errors: [{ messageId: 'concatenated', line: 2, messageIncludes: ['req.query.a'] }],
    },
    {
      name: 'a shell quote is not a SQL quote',
      code: 'db.query("SELECT * FROM t WHERE path = " + quote([req.query.p]));',
      errors: [{ messageId: 'concatenated' }],
    },
  ],
});
