import * as assert from 'assert';
import { analyze } from '../../../src/engine/analyze';
import { IncrementalDocument } from '../../../src/engine/incremental';
import type { Rule } from '../../../src/engine/rule';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';

// In the editor, a statement's findings are replayed while nothing they rest on changed. Values that come
// from another statement (a caller's argument, a field written elsewhere, a pattern declared above) must
// re-check the statement that uses them when that other statement is edited.

async function findingLines(text: string, edits: readonly { from: string; to: string }[]): Promise<number[][]> {
  const doc = (await IncrementalDocument.open(text, { languageId: 'javascript', fileName: 'src/db.js', rules: [sqlConcatenation] }))!;
  const lines = (): number[] => doc.analyze().findings.map((f) => f.range.start.line + 1);
  const seen = [lines()];
  let current = text;
  for (const edit of edits) {
    const at = current.indexOf(edit.from);
    assert.ok(at >= 0, `${edit.from} is in the text`);
    const next = current.slice(0, at) + edit.to + current.slice(at + edit.from.length);
    doc.update([{ rangeOffset: at, rangeLength: edit.from.length, text: edit.to }], next);
    current = next;
    seen.push(lines());
  }
  doc.dispose();
  return seen;
}

describe('sql-concatenation in the editor: values from other statements', () => {
  it('re-checks a helper when a caller starts passing request data, and again when it stops', async () => {
    const text = 'function purge(table) {\n  return db.query(`DELETE FROM ${table} WHERE expired`);\n}\n\npurge("sessions");\n';
    const seen = await findingLines(text, [{ from: 'purge("sessions")', to: 'purge(req.query.t)' }, { from: 'purge(req.query.t)', to: 'purge("tokens")' }]);
    assert.deepStrictEqual(seen, [[], [2], []]);
  });

  it('re-checks a field read when the class gets a write from outside', async () => {
    const text = 'class Saver {\n  table = "checkpoints";\n  load(id) { return this.pool.query(`SELECT * FROM ${this.table} WHERE id = $1`, [id]); }\n}\n\nconst saver = new Saver();\n';
    const seen = await findingLines(text, [{ from: 'const saver = new Saver();', to: 'const saver = new Saver(); saver.table = req.query.t;' }]);
    assert.deepStrictEqual(seen, [[], [3]]);
  });

  it('re-checks a validated value when the pattern declared elsewhere is loosened', async () => {
    const text = 'const NAME = /^[a-z_]+$/;\n\nfunction find(name) {\n  if (!NAME.test(name)) throw new Error("name");\n  return db.query(`SELECT * FROM users WHERE name = \'${name}\'`);\n}\nmodule.exports = { find };\n';
    const seen = await findingLines(text, [{ from: '/^[a-z_]+$/', to: '/^.+$/' }]);
    assert.deepStrictEqual(seen, [[], [5]]);
  });
});

describe('sql-concatenation in the editor: the names imports bind', () => {
  it('re-checks a call whose escaper stops being the driver\'s when only the import\'s bound names change', async () => {
    const text = 'const db = require("mysql").createConnection({});\nconst { escape } = require("mysql");\nfunction find(id) {\n  return db.query("SELECT * FROM t WHERE id = " + escape(id));\n}\n';
    const seen = await findingLines(text, [{ from: '{ escape }', to: '{ escape: quote }' }, { from: '{ escape: quote }', to: '{ escape }' }]);
    assert.deepStrictEqual(seen, [[], [4], []]);
  });

  it('typing in front of an import re-checks the statements that ask about its names, not every statement', async () => {
    const lines = ['const db = require("mysql2").createConnection({});'];
    for (let i = 0; i < 40; i++) {
      if (i === 20) lines.push('const helper = require("./helper");');
      lines.push(`function f${i}(id) { return db.query("SELECT * FROM t${i} WHERE id = " + id); }`);
    }
    let text = lines.join('\n') + '\n';
    // the rule's own clock, counted in calls: it looks at it for each statement and call it checks
    let calls = 0;
    const counted: Rule = { meta: sqlConcatenation.meta, check: (context) => sqlConcatenation.check({ ...context, timeLeftMs: () => (++calls, 1e9) }) };
    const doc = (await IncrementalDocument.open(text, { languageId: 'javascript', fileName: 'src/db.js', rules: [counted] }))!;
    doc.analyze();
    const most: number[] = [];
    const start = text.indexOf('const helper');
    for (const [i, ch] of [...'const '].entries()) {
      // error recovery reads `cconst helper = ...` and so on: the import binds other names while this is typed
      const at = start + i;
      text = text.slice(0, at) + ch + text.slice(at);
      doc.update([{ rangeOffset: at, rangeLength: 0, text: ch }], text);
      calls = 0;
      const findings = doc.analyze().findings;
      most.push(calls);
      assert.deepStrictEqual(findings, (await analyze(text, { languageId: 'javascript', fileName: 'src/db.js', rules: [sqlConcatenation] })).findings);
    }
    doc.dispose();
    assert.ok(Math.max(...most) < 10, `looks at the clock per keystroke (about one per statement checked, of 42): ${most.join(", ")}`);
  });
});

describe('sql-concatenation in the editor: statements parsed differently with the same text', () => {
  // An unclosed call in one handler turns the whole tree's root into an ERROR node, which holds no
  // module-level scope: `let table` declares nothing, so `table` reads as an unknown global. Closing the
  // call gives the declaration back without changing its text or the query's: the query must be checked again.
  it('re-checks a query whose module-level name is declared again once a parse far away recovers', async () => {
    const text = [
      'let table = "users";',
      'router.get("/a", async (req, res) => {',
      '  res.json(await db.query("SELECT * FROM " + table));',
      '});',
      'router.get("/b", async (req, res) => {',
      '  const { escape } = require("mysql"',
      '});',
      '',
    ].join('\n');
    const seen = await findingLines(text, [{ from: 'require("mysql"\n', to: 'require("mysql");\n' }]);
    assert.deepStrictEqual(seen, [[3], []]);
  });
});
