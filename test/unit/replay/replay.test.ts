import * as assert from 'assert';
import { analyze } from '../../../src/engine/analyze';
import type { ReplayableQuery } from '../../../src/engine/replay/query';
import { replayInjection, type ReplayReport } from '../../../src/engine/replay/replay';

/** The query the rule flags in `code`, as the finding carries it. */
async function flaggedQuery(code: string): Promise<ReplayableQuery> {
  const { findings } = await analyze(code, { languageId: 'javascript', fileName: 'routes.js' });
  const replay = findings.find((f) => f.ruleId === 'sql-concatenation')?.replay;
  assert.ok(replay, `the rule flags the query and carries it:\n${code}`);
  return replay;
}

function replayed(report: ReplayReport): Extract<ReplayReport, { kind: 'replayed' }> {
  assert.strictEqual(report.kind, 'replayed', report.kind === 'not-replayed' ? report.reason : '');
  return report;
}

const PG_SEARCH = `const { Pool } = require('pg');
const pool = new Pool();
app.get('/search', async (req, res) => {
  const term = req.query.q || '';
  const { rows } = await pool.query("SELECT id, name, price FROM products WHERE name ILIKE '%" + term + "%'");
  res.json(rows);
});
`;

const SQLITE_CATEGORY = `const Database = require('better-sqlite3');
const db = new Database('shop.db');
app.get('/products', (req, res) => {
  res.json(db.prepare(\`SELECT id, name, category FROM products WHERE category = '\${req.query.category}' ORDER BY id\`).all());
});
`;

describe('attack replay', () => {
  it('carries the flagged query: its values, which one is request data, and the parameterized form', async () => {
    const query = await flaggedQuery(PG_SEARCH);
    assert.strictEqual(query.dialect, 'postgres');
    assert.strictEqual(query.placeholder, '$n');
    assert.deepStrictEqual(query.values, [{ source: 'term', fromRequest: true, unsafe: true }]);
    assert.deepStrictEqual(query.parameterized?.sql, ['SELECT id, name, price FROM products WHERE name ILIKE ', '']);
    assert.deepStrictEqual(query.parameterized?.bound, [[{ kind: 'sql', text: '%' }, { kind: 'value', value: 0 }, { kind: 'sql', text: '%' }]]);
  });

  it('an attack on the concatenated query leaks every row and another table; the parameterized one returns nothing', async () => {
    const report = replayed(await replayInjection(await flaggedQuery(SQLITE_CATEGORY)));
    assert.strictEqual(report.slot, 'string');
    assert.strictEqual(report.attacked.source, 'req.query.category');
    assert.deepStrictEqual(report.honest.result?.rows, [[1, 'name-1', 'category-1']], 'the honest input finds its one row');
    const [everyRow, union] = report.attacks;
    assert.strictEqual(everyRow.vulnerable.sql, "SELECT id, name, category FROM products WHERE category = 'x' OR 1=1 -- ' ORDER BY id");
    assert.strictEqual(everyRow.vulnerable.result?.rows.length, 4, 'OR 1=1 returns every row');
    assert.strictEqual(everyRow.leaked.length, 3);
    assert.ok(union.leaked.some((row) => row.includes('ada@example.com')), 'UNION reads the accounts table');
    for (const attack of report.attacks) {
      assert.deepStrictEqual(attack.fixed?.result?.rows, [], `${attack.attack.id}: bound as a value, the input matches nothing`);
      assert.deepStrictEqual(attack.fixed?.bound, [attack.attack.input]);
    }
    assert.deepStrictEqual(report.honestFixed?.result?.rows, report.honest.result?.rows, 'the fix keeps the honest answer');
    assert.strictEqual(report.fixedSql, 'SELECT id, name, category FROM products WHERE category = ? ORDER BY id');
  });

  it('replays PostgreSQL SQL on SQLite with ILIKE read as LIKE, and says so', async () => {
    const report = replayed(await replayInjection(await flaggedQuery(PG_SEARCH)));
    assert.ok(report.notes.some((n) => /ILIKE/.test(n)));
    assert.ok(report.notes.some((n) => /standing in for PostgreSQL/.test(n)));
    assert.strictEqual(report.attacks[0].vulnerable.result?.rows.length, 4);
    assert.strictEqual(report.fixedSql, 'SELECT id, name, price FROM products WHERE name ILIKE $1');
    assert.deepStrictEqual(report.attacks[0].fixed?.bound, ["%x' OR 1=1 -- %"]);
    assert.deepStrictEqual(report.attacks[0].fixed?.result?.rows, []);
  });

  it('attacks a bare number without a quote', async () => {
    const report = replayed(await replayInjection(await flaggedQuery("const mysql = require('mysql2');\nconst db = mysql.createPool({});\napp.get('/o/:id', (req, res) => db.query('SELECT id, total FROM orders WHERE id = ' + req.params.id + ' AND user_id = 1', (e, r) => res.json(r)));\n")));
    assert.strictEqual(report.slot, 'bare');
    assert.strictEqual(report.attacks[0].attack.input, '0 OR 1=1 -- ');
    assert.strictEqual(report.honest.result?.rows.length, 1);
    assert.strictEqual(report.attacks[0].vulnerable.result?.rows.length, 4, 'the comment cut the owner check too');
    assert.deepStrictEqual(report.attacks[0].fixed?.result?.rows, []);
  });

  it('shows a DELETE with the attack and explains its effect, without running it', async () => {
    const report = await replayInjection(await flaggedQuery("const { Pool } = require('pg');\nconst pool = new Pool();\napp.delete('/o/:id', async (req) => { await pool.query(`DELETE FROM orders WHERE id = ${req.params.id}`); });\n"));
    assert.strictEqual(report.kind, 'not-replayed');
    assert.match(report.reason, /SELECT statements only/);
    assert.strictEqual(report.statement, 'DELETE FROM orders WHERE id = 0 OR 1=1 -- ');
    assert.match(report.explanation ?? '', /remove every row of `orders`/);
  });

  it('says why a value where a column name goes is not replayed', async () => {
    const report = await replayInjection(await flaggedQuery("const { Pool } = require('pg');\nconst pool = new Pool();\napp.get('/p', async (req, res) => res.json(await pool.query('SELECT id FROM products ORDER BY ' + req.query.sort)));\n"));
    assert.strictEqual(report.kind, 'not-replayed');
    assert.match(report.reason, /table or column name/);
  });

  it('says what the database could not read instead of failing', async () => {
    const query: ReplayableQuery = {
      values: [{ source: 'q', fromRequest: true, unsafe: true }],
      built: [{ kind: 'sql', text: "SELECT id FROM products WHERE name = '" }, { kind: 'value', value: 0 }, { kind: 'sql', text: "' FOR UPDATE SKIP LOCKED" }],
      dialect: 'postgres',
      placeholder: '$n',
    };
    const report = await replayInjection(query);
    assert.strictEqual(report.kind, 'not-replayed');
    assert.match(report.reason, /could not read this query: .*syntax error/);
  });

  it('has nothing to replay when no value can carry SQL', async () => {
    const report = await replayInjection({ values: [{ source: 'n', fromRequest: false, unsafe: false }], built: [{ kind: 'sql', text: 'SELECT 1 WHERE 1 = ' }, { kind: 'value', value: 0 }], dialect: 'sqlite', placeholder: '?' });
    assert.strictEqual(report.kind, 'not-replayed');
  });
});

describe("attack replay of the lesson's example", () => {
  it('the login lookup finds one account honestly, every account with OR 1=1, and none once parameterized', async () => {
    const { LESSON_EXAMPLE } = await import('../../../src/engine/replay/lesson-example');
    const report = replayed(await replayInjection(LESSON_EXAMPLE));
    assert.strictEqual(report.honest.result?.rows.length, 1, report.honest.sql);
    assert.strictEqual(report.attacks[0].vulnerable.result?.rows.length, 4);
    assert.ok(report.attacks[1].leaked.some((row) => row.includes('ada@example.com')));
    assert.strictEqual(report.fixedSql, 'SELECT id, role, password_hash FROM accounts WHERE email = ? AND active = 1');
    for (const attack of report.attacks) assert.deepStrictEqual(attack.fixed?.result?.rows, []);
  });
});
