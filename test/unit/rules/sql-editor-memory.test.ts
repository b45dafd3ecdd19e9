import * as assert from 'assert';
import { IncrementalDocument } from '../../../src/engine/incremental';
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
