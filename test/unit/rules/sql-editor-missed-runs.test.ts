import * as assert from 'assert';
import { analyze } from '../../../src/engine/analyze';
import { IncrementalDocument, type ContentChange } from '../../../src/engine/incremental';
import type { Rule } from '../../../src/engine/rule';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { pick, seededRandom } from '../../../src/testing/seeded-random';

// While typing, an unclosed bracket or quote makes error recovery fold the statements after it into one, and
// closing it gives them back. The editor keeps showing what the folded statements found before (see
// `withFoldsSplit`); once the text parses again, what they find must be what a full analysis finds, also when a
// name they read changed meanwhile.

const options = { languageId: 'javascript', fileName: 'src/db.js', rules: [sqlConcatenation] };

function apply(text: string, change: ContentChange): string {
  return text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
}

/** Analyses the document; when the text parses cleanly, checks the findings equal a full analysis. */
async function expectSameAsFullWhenClean(doc: IncrementalDocument, text: string, step: string): Promise<{ count: number; clean: boolean }> {
  const full = await analyze(text, options);
  const findings = doc.analyze().findings;
  if (!full.syntaxError) assert.deepStrictEqual(findings, full.findings, step);
  return { count: findings.length, clean: !full.syntaxError };
}

describe('sql-concatenation in the editor: statements folded by an unclosed bracket and given back', () => {
  it('checks again a statement that comes back after a name it reads was changed while it was folded', async () => {
    let text = [
      'const db = require("mysql2").createConnection({});',
      'let table = "users";',
      'function a() { return 1; }',
      'function b() { return 2; }',
      'function find(id) { return db.query("SELECT * FROM " + table + " WHERE id = ?", [id]); }',
      'function c() { return 3; }',
      '',
    ].join('\n');
    const doc = (await IncrementalDocument.open(text, options))!;
    const edit = async (from: string, to: string, step: string): Promise<{ count: number; clean: boolean }> => {
      const change = { rangeOffset: text.indexOf(from), rangeLength: from.length, text: to };
      text = apply(text, change);
      doc.update([change], text);
      return expectSameAsFullWhenClean(doc, text, step);
    };
    assert.deepStrictEqual(await expectSameAsFullWhenClean(doc, text, 'at first'), { count: 0, clean: true });
    assert.deepStrictEqual(await edit('function a()', 'wrap(function a()', 'an unclosed call folds the functions after it'), { count: 0, clean: false });
    // the folded statement keeps what it found before while the bracket is open
    assert.deepStrictEqual(await edit('"users"', 'req.query.t', 'the table name now comes from the request'), { count: 0, clean: false });
    assert.deepStrictEqual(await edit('wrap(function a()', 'function a()', 'the folded functions come back'), { count: 1, clean: true });
    doc.dispose();
  });

  it('matches a full analysis whenever the text parses, through 300 edits that open and close brackets and rewrite module-level values', async () => {
    const next = seededRandom(31);
    const declarations = ['let table = "users";', 'const limit = 10;', 'let order = "name";'];
    const functions = Array.from({ length: 24 }, (_, i) => i % 4 === 0
      ? `function q${i}(id) {\n  return db.query("SELECT * FROM " + table + " ORDER BY " + order + " LIMIT " + limit, [id]);\n}`
      : i % 4 === 1 ? `function q${i}(id) {\n  return db.query(\`DELETE FROM t${i} WHERE id = \${id}\`);\n}` : `function f${i}() {\n  return ${i};\n}`);
    let text = ['const db = require("mysql2").createConnection({});', ...declarations, ...functions, ''].join('\n');
    const doc = (await IncrementalDocument.open(text, options))!;
    const openers = ['wrap(', '{', '[', '`', '"', '/*'];
    const values = ['"users"', 'req.query.t', '"name"', 'req.body.o', '10', 'Number(req.query.n)'];
    const open: Array<{ at: number; text: string }> = [];
    let clean = 0;
    for (let i = 0; i < 300; i++) {
      let change: ContentChange;
      const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)].filter((at) => at < text.length);
      if (open.length > 0 && next() < 0.4) {
        // close the fold again (typing undone)
        const last = open.pop()!;
        change = { rangeOffset: last.at, rangeLength: last.text.length, text: '' };
      } else if (next() < 0.4) {
        // rewrite the value of a module-level declaration, before any fold
        const limitAt = open.length > 0 ? open[0].at : text.length;
        const spots = values.map((v) => ({ v, at: text.indexOf(v) })).filter((s) => s.at >= 0 && s.at < limitAt && text.lastIndexOf('\n', s.at) < text.indexOf('function'));
        if (spots.length === 0) continue;
        const spot = pick(next, spots);
        change = { rangeOffset: spot.at, rangeLength: spot.v.length, text: pick(next, values) };
        for (const o of open) o.at += change.text.length - change.rangeLength;
      } else {
        const at = pick(next, lineStarts.filter((s) => open.every((o) => s > o.at + o.text.length)));
        if (at === undefined) continue;
        const opener = pick(next, openers);
        open.push({ at, text: opener });
        change = { rangeOffset: at, rangeLength: 0, text: opener };
      }
      text = apply(text, change);
      doc.update([change], text);
      if ((await expectSameAsFullWhenClean(doc, text, `after edit ${i}: ${JSON.stringify(change)}`)).clean) clean++;
    }
    doc.dispose();
    assert.ok(clean > 40, `${clean} of 300 states parsed cleanly and were compared`);
  });
});

describe('sql-concatenation in the editor: a run cut short by its time budget', () => {
  it('keeps what the statements it did not reach remembered, so the next run replays them', async () => {
    const lines = ['const db = require("mysql2").createConnection({});', 'function find(id) { return db.query("SELECT * FROM t WHERE id = " + id); }'];
    for (let i = 0; i < 30; i++) lines.push(`function f${i}(x) { return x + ${i}; }`);
    let text = lines.join('\n') + '\n';
    // the rule's own clock, counted in calls: the work a run does is the statements and calls it looks at
    let calls = 0;
    let allowed = Infinity;
    const counted: Rule = { meta: sqlConcatenation.meta, check: (context) => sqlConcatenation.check({ ...context, timeLeftMs: () => (++calls > allowed ? 0 : 1e9) }) };
    const doc = (await IncrementalDocument.open(text, { ...options, rules: [counted] }))!;
    doc.analyze();
    const change = { rangeOffset: text.indexOf('x + 0'), rangeLength: 1, text: 'y' };
    text = apply(text, change);
    doc.update([change], text);
    calls = 0;
    allowed = 1;
    doc.analyze();
    assert.ok(calls >= 2, 'the run stopped for lack of time');
    calls = 0;
    allowed = Infinity;
    const findings = doc.analyze().findings;
    assert.ok(calls < 10, `the statements left unchecked were replayed (${calls} looks at the clock)`);
    assert.deepStrictEqual(findings, (await analyze(text, options)).findings);
    assert.strictEqual(findings.length, 1);
    doc.dispose();
  });
});
