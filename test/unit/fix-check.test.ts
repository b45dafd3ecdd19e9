import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/engine/analyze';
import { sharedGrammars } from '../../src/engine/parser';
import type { OffsetEdit } from '../../src/engine/rule';
import type { Finding } from '../../src/engine/types';
import { checkFix, type FixKind } from '../../src/testing/fix-check/check-fix';
import { checkProjectFixes, describeTally, emptyTally } from '../../src/testing/fix-check/project-fixes';

// The fix checker (npm run bench:fixes) must catch the fixes of issue 19 that parsed but changed behaviour.
// Each case hands it such a fix, written by hand, and expects the reason; then every fix on the test corpora
// must pass it.

const at = (text: string, find: string, newText: string, length = find.length): OffsetEdit => ({ startOffset: text.indexOf(find), endOffset: text.indexOf(find) + length, newText });
const insertAfter = (text: string, find: string, newText: string): OffsetEdit => ({ startOffset: text.indexOf(find) + find.length, endOffset: text.indexOf(find) + find.length, newText });

async function problemsOf(kind: FixKind, text: string, edits: OffsetEdit[], fileName = '/p/a.js'): Promise<string[]> {
  const { findings } = await analyze(text, { languageId: 'javascript', fileName });
  const finding = findings[0] ?? ({ ruleId: 'x', messageId: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [], related: [] } as unknown as Finding);
  const verdict = await checkFix({
    kind, text, languageId: 'javascript', finding, findings, edits, grammars: sharedGrammars(),
    reanalyse: async (newText) => ({ findings: (await analyze(newText, { languageId: 'javascript', fileName })).findings, incomplete: false }),
  });
  return verdict.problems;
}

const mysql = 'const mysql = require("mysql");\nconst db = mysql.createConnection({});\n';

describe('fix checker: catches fixes that change behaviour', () => {
  it('a value reassigned between where the SQL is built and the call', async () => {
    const text = `${mysql}let a = x;\nconst q = "SELECT * FROM t WHERE a = " + a;\na = y;\ndb.query(q);\n`;
    const problems = await problemsOf('parameterize', text, [at(text, '"SELECT * FROM t WHERE a = " + a', '"SELECT * FROM t WHERE a = ?"'), insertAfter(text, 'db.query(q', ', [a]')]);
    assert.ok(problems.some((p) => /`a` is written between/.test(p)), problems.join('\n'));
  });

  it('a catch binding of the same name at the call', async () => {
    const text = `${mysql}function f(id) {\n  const q = "SELECT * FROM t WHERE id = " + id;\n  try { run(); } catch (id) { db.query(q); }\n}\n`;
    const problems = await problemsOf('parameterize', text, [at(text, '"SELECT * FROM t WHERE id = " + id', '"SELECT * FROM t WHERE id = ?"'), insertAfter(text, 'db.query(q', ', [id]')]);
    assert.ok(problems.some((p) => /`id` at the call is another binding/.test(p)), problems.join('\n'));
  });

  it('a value that calls a function (it would run at the call, once more)', async () => {
    const text = `${mysql}function f(req) {\n  const q = "INSERT INTO t (id) VALUES (" + nextId(req.body) + ")";\n  audit();\n  return db.query(q);\n}\n`;
    const problems = await problemsOf('parameterize', text, [at(text, '"INSERT INTO t (id) VALUES (" + nextId(req.body) + ")"', '"INSERT INTO t (id) VALUES (?)"'), insertAfter(text, 'db.query(q', ', [nextId(req.body)]')]);
    assert.ok(problems.some((p) => /runs code/.test(p)), problems.join('\n'));
  });

  it('mysql: a ? inside a quoted literal takes a value', async () => {
    const text = `${mysql}db.query("SELECT * FROM t WHERE note = 'why?' AND id = " + id);\n`;
    const problems = await problemsOf('parameterize', text, [at(text, `"SELECT * FROM t WHERE note = 'why?' AND id = " + id`, `"SELECT * FROM t WHERE note = 'why?' AND id = ?", [id]`)]);
    assert.ok(problems.some((p) => /holds 2 \? for 1 value/.test(p)), problems.join('\n'));
  });

  it('the SQL variable read elsewhere', async () => {
    const text = `${mysql}const q = "SELECT * FROM t WHERE id = " + id;\nconsole.log(q);\ndb.query(q);\n`;
    const problems = await problemsOf('parameterize', text, [at(text, '"SELECT * FROM t WHERE id = " + id', '"SELECT * FROM t WHERE id = ?"'), insertAfter(text, 'db.query(q', ', [id]')]);
    assert.ok(problems.some((p) => /also read outside the call/.test(p)), problems.join('\n'));
  });

  it('Helmet used through a commented-out import', async () => {
    const text = "const express = require('express');\n// const helmet = require('helmet');\nconst app = express();\napp.listen(3000);\n";
    const problems = await problemsOf('helmet', text, [insertAfter(text, 'const app = express();', '\napp.use(helmet());')]);
    assert.ok(problems.some((p) => /`helmet` is not declared/.test(p)), problems.join('\n'));
  });

  it('Helmet declared only below its use', async () => {
    const text = "const express = require('express');\nconst app = express();\nconst helmet = require('helmet');\napp.listen(3000);\n";
    const problems = await problemsOf('helmet', text, [insertAfter(text, 'const app = express();', '\napp.use(helmet());')]);
    assert.ok(problems.some((p) => /`helmet` is declared only after/.test(p)), problems.join('\n'));
  });

  it('a comment inserted where a line starts inside a template literal', async () => {
    const text = 'const q = `SELECT *\nFROM t`;\n';
    const problems = await problemsOf('mark-public', text, [at(text, 'FROM t', '// backend-guide-public: x\n', 0)]);
    assert.ok(problems.some((p) => /not a comment/.test(p)), problems.join('\n'));
  });

  it('an edit that changes the code around it', async () => {
    const text = 'const a = 1\n;[b].forEach(f);\n';
    const problems = await problemsOf('other', text, [at(text, '\n;', '\n', 2)]);
    assert.ok(problems.some((p) => /outside the edits/.test(p)), problems.join('\n'));
  });
});

describe('fix checker: every fix on the test corpora keeps behaviour', () => {
  const corpus = path.resolve(__dirname, '../../../test/corpus');
  const roots = [path.join(corpus, 'sql'), ...['auth', 'helmet'].flatMap((k) => fs.readdirSync(path.join(corpus, k), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(corpus, k, d.name)))];

  it('applies each fix and suppression comment alone and finds no problem', async function () {
    this.timeout(120000);
    const tally = emptyTally();
    for (const root of roots) await checkProjectFixes(root, tally, { suppressions: true });
    assert.ok((tally.applied.parameterize ?? 0) > 30 && (tally.applied.helmet ?? 0) > 5 && (tally.applied['mark-public'] ?? 0) > 20, describeTally(tally).join('\n'));
    assert.deepStrictEqual(tally.failures.map((f) => `${f.kind} ${path.relative(corpus, f.file)}:${f.line}: ${f.problems.join('; ')}`), []);
    assert.deepStrictEqual(tally.unchecked, {});
  });
});
