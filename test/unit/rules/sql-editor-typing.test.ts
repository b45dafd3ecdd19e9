import * as assert from 'assert';
import { analyze } from '../../../src/engine/analyze';
import { IncrementalDocument } from '../../../src/engine/incremental';
import { handlerReadingTable, ROUTES_HEADER, ROUTES_OPTIONS, typeSessions } from './typing-sessions';

// Typing as a person does, one character at a time and deleted again, into route handlers, class methods and
// the lines around imports: half-typed code makes error recovery fold the statements after the cursor into
// nested calls, and read other names out of an import. Whenever the text parses cleanly, what the editor
// shows must be what a full analysis of the same text finds.

const options = ROUTES_OPTIONS;

const TYPED = [
  'const total = items.reduce((sum, x) => sum + x.price, 0);',
  'const rows = await db.query("SELECT * FROM t WHERE id = " + req.params.id);',
  'const { escape } = require("mysql");',
  'table = req.query.sort;',
  'if (!user) { return res.status(401).end(); }',
];

function source(): string {
  const parts = [...ROUTES_HEADER, 'let table = "users";'];
  for (let i = 0; i < 8; i++) {
    parts.push(handlerReadingTable(i));
    if (i === 3) parts.push('const { format } = require("mysql");');
    // a handler reading a name that an import typed into it binds: half-typed, the import turns the root into an ERROR node
    if (i === 5) parts.push('router.get("/search", async (req, res) => {\n  res.json(await db.query("SELECT * FROM t WHERE q = " + escape(req.query.q)));\n});');
    parts.push(`class Repo${i} {\n  find(name) {\n    return db.query(format("SELECT * FROM t${i} WHERE name = ?", [name]) + " LIMIT " + name);\n  }\n}`);
    parts.push(`function plain${i}(x) {\n  return x + ${i};\n}`);
  }
  return parts.join('\n') + '\n';
}

describe('sql-concatenation in the editor: typing into handlers, methods and around imports', () => {
  for (const seed of [7, 8]) {
    it(`matches a full analysis whenever the text parses cleanly, through 6 typed and deleted statements (seed ${seed})`, async function () {
      this.timeout(120000);
      const text = source();
      const doc = (await IncrementalDocument.open(text, options))!;
      doc.analyze();
      let compared = 0;
      let broken = 0;
      await typeSessions(text, seed, 6, TYPED, async ({ text, change, session }) => {
        doc.update([change], text);
        const incremental = doc.analyze().findings;
        const full = await analyze(text, options);
        if (full.syntaxError) {
          broken++;
          return;
        }
        compared++;
        assert.deepStrictEqual(incremental, full.findings, `session ${session}, ${JSON.stringify(change)}`);
      });
      doc.dispose();
      assert.ok(compared > 20 && broken > 100, `${compared} clean states compared, ${broken} broken ones typed through`);
    });
  }
});
