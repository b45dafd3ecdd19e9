import * as assert from 'assert';
import { analyze } from '../../src/engine/analyze';
import { publicReasonAt } from '../../src/engine/project/public-marker';
import { missingHelmet } from '../../src/engine/rules/missing-helmet';
import { applySuppressions, suppressionEdit } from '../../src/engine/suppressions';
import { applyTextEdits, LineIndex } from '../../src/engine/text';
import type { Finding } from '../../src/engine/types';
import { projectFrom } from '../../src/testing/project-from';
import { runRuleTests } from '../../src/testing/rule-tester';

// Old Mac files end lines with a lone \r. Every place that finds a line's start, end or indent, or writes a
// line break, reads them as lines too: otherwise a comment or an import lands on the wrong line, or at the top
// of a CR-only file before its shebang.

const cr = (text: string) => text.replace(/\n/g, '\r');

runRuleTests(missingHelmet, {
  valid: [],
  invalid: [
    {
      name: 'CR-only file: Helmet goes on its own line below the app, with the app\'s indent and the file\'s line break',
      code: cr("const express = require('express');\nfunction start() {\n  const app = express();\n  app.listen(3000);\n}\nstart();\n"),
      errors: [{ messageId: 'missingHelmet' }],
      output: cr("const express = require('express');\nconst helmet = require('helmet');\nfunction start() {\n  const app = express();\n  app.use(helmet());\n  app.listen(3000);\n}\nstart();\n"),
    },
  ],
});

describe('CR-only line endings in markers, suppressions and Nest routes', () => {
  it('reads a public-route marker on the line above, through comment lines, with CR and CRLF endings', () => {
    for (const lineBreak of ['\r', '\r\n']) {
      const text = ['const app = require("express")();', '// backend-guide-public: open form', '// (signed upstream)', 'app.post("/a", a);', 'app.post("/b", b);'].join(lineBreak);
      assert.strictEqual(publicReasonAt(text, text.indexOf('app.post("/a"')), 'open form', JSON.stringify(lineBreak));
      assert.strictEqual(publicReasonAt(text, text.indexOf('app.post("/b"')), undefined, JSON.stringify(lineBreak));
    }
  });

  it('reads only the marker\'s own line for its reason, not the lines after it', () => {
    const text = cr('app.post("/a", a); // backend-guide-public: webhook\napp.post("/b", b);\n');
    assert.strictEqual(publicReasonAt(text, 0), 'webhook');
  });

  it('a suppression comment silences only the line after it, and its rule list ends with its line', async () => {
    const code = cr('const mysql = require("mysql");\n// backend-guide-disable-next-line sql-concatenation\ndb.query("SELECT * FROM t WHERE a = " + a);\ndb.query("SELECT * FROM t WHERE b = " + b);\n');
    const { findings } = await analyze(code, { languageId: 'javascript', fileName: 'a.js' });
    assert.deepStrictEqual(findings.map((f) => f.range.start.line), [3]);
    const lines = new LineIndex(code);
    const edit = suppressionEdit(code, lines, findings[0], 'javascript', 'next-line');
    assert.strictEqual(edit.newText, '// backend-guide-disable-next-line sql-concatenation -- reason\r');
    const silenced = applyTextEdits(code, [edit]);
    assert.deepStrictEqual(applySuppressions(findings.map((f) => ({ ...f, range: { start: { ...f.range.start, line: f.range.start.line + 1 }, end: f.range.end } })), silenced, new LineIndex(silenced)), []);
  });

  it('a file-level suppression goes below a shebang line that ends with a lone CR', () => {
    const code = cr('#!/usr/bin/env node\nconst mysql = require("mysql");\ndb.query("SELECT * FROM t WHERE a = " + a);\n');
    // (tree-sitter reads a CR-only file's shebang as one line to the end, so the finding is made up here)
    const finding = { ruleId: 'sql-concatenation', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } } } as Finding;
    const edit = suppressionEdit(code, new LineIndex(code), finding, 'javascript', 'file');
    assert.strictEqual(applyTextEdits(code, [edit]), cr('#!/usr/bin/env node\n// backend-guide-disable-file sql-concatenation -- reason\nconst mysql = require("mysql");\ndb.query("SELECT * FROM t WHERE a = " + a);\n'));
  });

  it('a NestJS route\'s line start and indent are those of its first decorator\'s line', async () => {
    const text = cr("import { Controller, Delete } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n    @Delete(':id')\n    remove() {}\n}\n");
    const project = await projectFrom({ '/p/users.controller.ts': text });
    const route = project.files.get('/p/users.controller.ts')!.nestControllers[0].routes[0];
    assert.strictEqual(route.lineStart, text.indexOf("    @Delete"));
    assert.strictEqual(route.indent, '    ');
  });
});
