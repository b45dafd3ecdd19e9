import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// SQL assembled from fragments that hold only placeholders (the values travel beside them), and SQL a
// query builder wrote itself, are not flagged; a fragment that carries a value in its text is.

runRuleTests(sqlConcatenation, {
  valid: [
    // fragments with placeholders, the values in a separate list
    'const where = [];\nconst values = [];\nif (q.name) { values.push(q.name); where.push(`name = $${values.length}`); }\nif (q.city) { values.push(q.city); where.push(`city = $${values.length}`); }\npool.query(`SELECT * FROM users${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`, values);',
    'const FILTERS = { active: { sql: "active = ?", values: [true] }, recent: { sql: "created_at > ?", values: [since] } };\nconst f = FILTERS.recent;\nconnection.query(`SELECT * FROM posts WHERE ${f.sql}`, f.values);',
    'const conditions = ["deleted_at IS NULL"];\nif (req.query.owner) conditions.push("owner_id = :owner");\nsequelize.query(`SELECT * FROM docs WHERE ${conditions.join(" AND ")}`, { replacements: { owner: req.query.owner } });',
    // SQL a query builder wrote, its values escaped or bound by the builder
    'const sql = knex("users").where("name", req.query.name).toString();\ndb.query(`${sql} LIMIT 10`);',
    'const { sql, bindings } = knex("users").where("id", req.params.id).toSQL();\ndb.query(`EXPLAIN ${sql}`, bindings);',
    'const inner = db.select("id").from("orders").where("total", ">", req.query.min).toQuery();\ndb.raw(`SELECT count(*) FROM (${inner}) AS o`);',
    { code: 'const sub = dataSource.createQueryBuilder().select("u.id").from(User, "u").where("u.name = :name", { name }).getQuery();\nawait dataSource.query(`SELECT * FROM orders WHERE user_id IN (${sub})`);', languageId: 'typescript' },
  ],
  invalid: [
    {
      name: 'a fragment that carries the value in its text',
      code: 'const where = [];\nif (req.query.name) where.push(`name = \'${req.query.name}\'`);\npool.query(`SELECT * FROM users WHERE ${where.join(" AND ")}`);',
      errors: [{ messageId: 'concatenated', line: 3, related: [{ line: 2 }] }],
    },
    {
      name: 'toString of something that is not a query builder',
      code: 'db.query(`SELECT * FROM t WHERE a = ${req.query.a.toString()}`);',
      errors: [{ messageId: 'concatenated' }],
    },
  ],
});
