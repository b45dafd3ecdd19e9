import * as assert from 'assert';
import { analyze } from '../../src/engine/analyze';
import { lineCommentFitsAt } from '../../src/engine/comment-places';
import { parseSource } from '../../src/engine/parse-source';
import { sharedGrammars } from '../../src/engine/parser';
import { suppressionEdit } from '../../src/engine/suppressions';
import { LineIndex } from '../../src/engine/text';

// A suppression or mark-public comment is inserted at the start of a line. Where that line starts inside a
// string, a template literal or JSX text, `// ...` would become part of the text (changing a query or a page),
// so no such comment is offered there; everywhere else it is.

async function fitsAtLine(code: string, languageId: 'javascript' | 'javascriptreact', line: number): Promise<boolean> {
  const { tree } = await parseSource(sharedGrammars(), languageId, code, 2000);
  try {
    return lineCommentFitsAt(tree.rootNode, new LineIndex(code).offsetAt({ line, character: 0 }));
  } finally {
    tree.delete();
  }
}

describe('where a line comment can go', () => {
  it('before a statement, a call argument on its own line, or code inside ${...} and {...}', async () => {
    assert.strictEqual(await fitsAtLine('const a = 1;\nconst b = 2;\n', 'javascript', 1), true);
    assert.strictEqual(await fitsAtLine('db.query(\n  sql,\n  [id],\n);\n', 'javascript', 2), true);
    assert.strictEqual(await fitsAtLine('const q = `a ${\n  f(x)\n} b`;\n', 'javascript', 1), true);
    assert.strictEqual(await fitsAtLine('const v = (\n  <div>\n    {\n      items.map((i) => i)\n    }\n  </div>\n);\n', 'javascriptreact', 3), true);
  });

  it('not inside a template literal, a block comment or JSX text', async () => {
    assert.strictEqual(await fitsAtLine('const q = `SELECT *\nFROM t WHERE id = ${id}`;\n', 'javascript', 1), false);
    assert.strictEqual(await fitsAtLine('/* a\nb */\nconst a = 1;\n', 'javascript', 1), false);
    assert.strictEqual(await fitsAtLine('const v = (\n  <p>\n    some text\n  </p>\n);\n', 'javascriptreact', 2), false);
  });

  it('a finding on a line that starts inside a template literal says so, and one that does not says nothing', async () => {
    const code = 'const mysql = require("mysql");\nconst note = `started\n` + db.query("SELECT * FROM t WHERE id = " + id);\ndb.query("SELECT * FROM t WHERE a = " + a);\n';
    const { findings } = await analyze(code, { languageId: 'javascript', fileName: 'a.js' });
    assert.deepStrictEqual(findings.map((f) => [f.range.start.line, f.lineCommentFits]), [[2, false], [3, undefined]]);
    // the edit an editor would offer where it fits is a comment line above the finding
    const edit = suppressionEdit(code, new LineIndex(code), findings[1], 'javascript', 'next-line');
    assert.match(edit.newText, /^\/\/ backend-guide-disable-next-line sql-concatenation -- reason\n$/);
  });

  it('missing-auth offers no mark-public comment for a route whose line starts inside a template literal', async () => {
    const route = 'app.delete("/orders/:id", (req, res) => db.query("DELETE FROM orders WHERE id = $1", [req.params.id]));\n';
    const base = 'const express = require("express");\nconst app = express();\nconst { requireAuth } = require("./auth");\napp.get("/a", requireAuth, (req, res) => res.json(1));\napp.post("/b", requireAuth, (req, res) => db.query("INSERT INTO b VALUES (1)"));\n';
    const inTemplate = `${base}const banner = \`orders
\`; ${route}app.listen(3000);\n`;
    const plain = `${base}${route}app.listen(3000);\n`;
    const titles = async (code: string) => (await analyze(code, { languageId: 'javascript', fileName: 'app.js' })).findings
      .filter((f) => f.ruleId === 'missing-auth').flatMap((f) => f.fixes.map((x) => x.title));
    assert.ok((await titles(plain)).some((t) => /Mark this route public/.test(t)), 'offered where the comment fits');
    assert.ok(!(await titles(inTemplate)).some((t) => /Mark this route public/.test(t)), 'not offered inside the template');
  });
});
