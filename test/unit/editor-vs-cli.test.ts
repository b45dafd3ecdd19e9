import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/engine/analyze';
import { IncrementalDocument } from '../../src/engine/incremental';
import { editorVersusCli } from '../../src/testing/editor-vs-cli';

// The editor re-parses only what an edit touched; the CLI parses each file afresh. On text without syntax
// errors both must find exactly the same (findings, places, messages, fixes). `npm run bench:editor` runs the
// same comparison with many more edits on every corpus file.

const corpus = path.resolve(__dirname, '../../../test/corpus');

describe('editor vs CLI: incremental results equal a fresh analysis', () => {
  const files = ['sql/hard-cases.js', 'auth/hackathon-style/app.js', 'helmet/dvna-style/server.js', 'auth/nest-api/src/users/users.controller.mts'];
  for (const [i, name] of files.entries()) {
    it(`${name}: 100 random edits (seed ${100 + i})`, async function () {
      this.timeout(120000);
      const file = path.join(corpus, name);
      const { compared, differences } = await editorVersusCli(file, fs.readFileSync(file, 'utf8'), { seed: 100 + i, edits: 100, resetEvery: 25 });
      assert.ok(compared > 80, `${compared} edits compared`);
      const clean = differences.filter((d) => !d.syntaxError);
      assert.deepStrictEqual(clean.map((d) => `edit ${d.edit} ${JSON.stringify(d.changes)}: editor ${d.incremental.join(' ')} / fresh ${d.fresh.join(' ')}`), []);
    });
  }

  it('a comment after a declaration without a semicolon: the same Helmet fix whether the text was parsed afresh or re-parsed', async () => {
    const text = "var express = require('express')\nvar app = express() // the app\napp.set('view engine', 'ejs')\napp.listen(3000)\n";
    const at = text.indexOf("engine'") + 'engine'.length;
    const change = { rangeOffset: at, rangeLength: 0, text: 'app.post("/x", (req, res) => res.send(1));\n' };
    const edited = text.slice(0, at) + change.text + text.slice(at);
    const doc = (await IncrementalDocument.open(text, { languageId: 'javascript', fileName: '/p/server.js' }))!;
    doc.analyze();
    doc.update([change], edited);
    const incremental = doc.analyze().findings;
    doc.dispose();
    const fresh = (await analyze(edited, { languageId: 'javascript', fileName: '/p/server.js' })).findings;
    assert.deepStrictEqual(incremental.map((f) => f.fixes), fresh.map((f) => f.fixes));
    assert.strictEqual(fresh[0]?.fixes.length, 1, 'the Helmet fix is offered (the comment is not part of the statement)');
  });
});
