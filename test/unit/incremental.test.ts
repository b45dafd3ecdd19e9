import * as assert from 'assert';
import { analyze } from '../../src/engine/analyze';
import { IncrementalDocument, type ContentChange } from '../../src/engine/incremental';
import type { Rule } from '../../src/engine/rule';
import { sqlConcatenation } from '../../src/engine/rules/sql-concatenation';
import { topLevelStatements, type Statement } from '../../src/engine/top-level';
import { seededRandom } from '../../src/testing/seeded-random';

const BASE = [
  'const mysql = require("mysql2");',
  'const db = mysql.createConnection({});',
  'function find(id) {',
  '  return db.query("SELECT * FROM users WHERE id = ?", [id]);',
  '}',
  '',
].join('\n');

function apply(text: string, change: ContentChange): string {
  return text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
}


/**
 * The statements rules saw, with each fold split back into held statements (see `withFoldsSplit`) joined again
 * into the statement of the tree holding it; a statement it cannot be joined into is left as it is, so the
 * comparison with a fresh read fails. Only a statement with a syntax error may have been split, and the text
 * between its pieces must be blank.
 */
function joinedBack(seen: readonly Statement[], fresh: readonly Statement[], text: string, erroneous: (s: Statement) => boolean): Statement[] {
  const out: Statement[] = [];
  let i = 0;
  for (const f of fresh) {
    const inside: Statement[] = [];
    while (i < seen.length && seen[i].start >= f.start && seen[i].end <= f.end) inside.push(seen[i++]);
    const whole = inside.length === 1 && inside[0].start === f.start && inside[0].end === f.end && !inside[0].held;
    let gaps = inside.length > 0 ? text.slice(f.start, inside[0].start) + text.slice(inside[inside.length - 1].end, f.end) : 'x';
    for (let k = 1; k < inside.length; k++) gaps += text.slice(inside[k - 1].end, inside[k].start);
    if (whole || (inside.length > 0 && erroneous(f) && gaps.trim() === '')) out.push({ start: f.start, end: f.end });
    else out.push(...inside.map(({ start, end }) => ({ start, end })));
  }
  return [...out, ...seen.slice(i)];
}

describe('incremental re-parse', () => {
  it('finds the same as a full parse after an edit that introduces and then removes a finding', async () => {
    const doc = (await IncrementalDocument.open(BASE, { languageId: 'javascript', fileName: 'a.js' }))!;
    assert.strictEqual(doc.analyze().findings.length, 0);
    const at = BASE.indexOf('"SELECT * FROM users WHERE id = ?", [id]');
    const vulnerable: ContentChange = { rangeOffset: at, rangeLength: '"SELECT * FROM users WHERE id = ?", [id]'.length, text: '"SELECT * FROM users WHERE id = " + id' };
    const edited = apply(BASE, vulnerable);
    doc.update([vulnerable], edited);
    const incremental = doc.analyze().findings;
    const full = (await analyze(edited, { languageId: 'javascript', fileName: 'a.js' })).findings;
    assert.strictEqual(incremental.length, 1);
    assert.deepStrictEqual(incremental, full);
    doc.update([{ rangeOffset: at, rangeLength: vulnerable.text.length, text: '"SELECT * FROM users WHERE id = ?", [id]' }], BASE);
    assert.strictEqual(doc.analyze().findings.length, 0);
    doc.dispose();
  });

  it('matches a full parse after 200 random keystrokes, including several changes in one event', async () => {
    const next = seededRandom(7);
    let text = BASE + 'db.query("DELETE FROM t WHERE id = " + id);\n';
    const doc = (await IncrementalDocument.open(text, { languageId: 'javascript', fileName: 'a.js' }))!;
    const alphabet = ['a', ' ', '"', '+', '\n', '(', ')', '`', '${x}', 'é', '😀'];
    for (let i = 0; i < 200; i++) {
      const changes: ContentChange[] = [];
      let working = text;
      const count = next() < 0.2 ? 2 : 1;
      for (let c = 0; c < count; c++) {
        const offset = Math.floor(next() * working.length);
        const length = next() < 0.3 ? Math.min(3, working.length - offset) : 0;
        const change = { rangeOffset: offset, rangeLength: length, text: length && next() < 0.5 ? '' : alphabet[Math.floor(next() * alphabet.length)] };
        changes.push(change);
        working = apply(working, change);
      }
      doc.update(changes, working);
      text = working;
      const full = await analyze(text, { languageId: 'javascript', fileName: 'a.js' });
      assert.deepStrictEqual(doc.analyze().findings, full.findings, `after edit ${i}: ${JSON.stringify(changes)}`);
    }
    doc.dispose();
  });

  it('keeps its top-level statement list equal to a fresh read of the tree through 400 random edits', async () => {
    const next = seededRandom(19);
    const statements = [
      'const mysql = require("mysql2");', '// a comment', 'function find(id) {\n  return db.query("SELECT 1", [id]);\n}',
      'router.get("/x", (req, res) => {\n  res.json({ a: [1, 2] });\n});', 'class A {\n  m() { return `t${1}`; }\n}', 'let x = 1', 'x++;',
    ];
    const base = Array.from({ length: 30 }, (_, i) => statements[i % statements.length]).join('\n') + '\n';
    let text = base;
    let seen: readonly Statement[] = [];
    let fresh: readonly Statement[] = [];
    let erroneous: (s: Statement) => boolean = () => false;
    // compared with a fresh read of the same tree: an incremental parse may attach a comment differently
    // it reads statement by statement, so the tree may stop before statements held from its last run
    const probe: Rule = {
      meta: { ...sqlConcatenation.meta, id: 'statements-probe' },
      readsStatementWise: () => true,
      check(context) {
        const root = context.tree.rootNode;
        if (root.endIndex < context.text.trimEnd().length) cut++;
        seen = context.topLevelStatements().filter((st) => !st.held || st.start < root.endIndex);
        fresh = topLevelStatements(root);
        erroneous = (s) => root.firstChildForIndex(s.start)!.hasError;
      },
    };
    const doc = (await IncrementalDocument.open(text, { languageId: 'javascript', fileName: 'a.js' }))!;
    let manyStatements = 0;
    let split = 0;
    let cut = 0;
    const alphabet = ['a', ' ', ';', '\n', '{', '}', '(', ')', '`', '"', '/*', '*/', '//', 'function f() {', 'x = 2;\n'];
    for (let i = 0; i < 400; i++) {
      const changes: ContentChange[] = [];
      let working = text;
      const count = next() < 0.2 ? 2 : 1;
      // now and then back to the whole file, as an undo-all or a paste would do: random edits break it up
      if (i % 20 === 0) {
        changes.push({ rangeOffset: 0, rangeLength: working.length, text: base });
        working = base;
      }
      for (let c = 0; c < count; c++) {
        const offset = Math.floor(next() * working.length);
        const length = next() < 0.3 ? Math.min(Math.floor(next() * 40), working.length - offset) : 0;
        const change = { rangeOffset: offset, rangeLength: length, text: length && next() < 0.5 ? '' : alphabet[Math.floor(next() * alphabet.length)] };
        changes.push(change);
        working = apply(working, change);
      }
      doc.update(changes, working);
      text = working;
      doc.analyze({ rules: [probe] });
      if (fresh.length > 10) manyStatements++;
      if (seen.some((st) => st.held)) split++;
      assert.deepStrictEqual(joinedBack(seen, fresh, text, erroneous), fresh, `after edit ${i}: ${JSON.stringify(changes)}`);
    }
    assert.ok(manyStatements > 100, `the edits kept most of the file as separate statements (${manyStatements} of 400 times)`);
    assert.ok(split > 20 && cut > 5, `folds were split into held statements (${split} of 400 times), the tree stopped before them ${cut} times`);
    doc.dispose();
  });

  it('defers a pass that runs out of its own budget, and the next pass without one finds what a full parse does', async () => {
    const next = seededRandom(23);
    // big enough that tree-sitter checks its progress (and so can be stopped) during a re-parse
    let text = BASE.repeat(100) + 'db.query("DELETE FROM t WHERE id = " + id);\n';
    const doc = (await IncrementalDocument.open(text, { languageId: 'javascript', fileName: 'a.js' }))!;
    const alphabet = ['a', ' ', '"', '+', '\n', '(', ')', '`', '${x}', 'db.query("SELECT " + x);\n'];
    let parseDeferred = 0;
    for (let i = 0; i < 150; i++) {
      const offset = Math.floor(next() * text.length);
      const length = next() < 0.3 ? Math.min(3, text.length - offset) : 0;
      const change = { rangeOffset: offset, rangeLength: length, text: alphabet[Math.floor(next() * alphabet.length)] };
      text = apply(text, change);
      doc.update([change], text);
      // a keystroke pass with no time at all never finishes; every few edits the pause pass catches up
      const keystroke = doc.analyze({}, 0);
      assert.ok(keystroke.deferred, `edit ${i}: a pass with a budget of 0 ms is deferred`);
      assert.deepStrictEqual(keystroke.findings, []);
      if (keystroke.deferred?.startsWith('parsing')) parseDeferred++;
      if (i % 5 !== 4) continue;
      const full = await analyze(text, { languageId: 'javascript', fileName: 'a.js' });
      const caughtUp = doc.analyze();
      assert.strictEqual(caughtUp.deferred, undefined);
      assert.deepStrictEqual(caughtUp.findings, full.findings, `after edit ${i}`);
    }
    assert.ok(parseDeferred > 100, `most keystroke passes stopped while parsing (${parseDeferred} of 150)`);
    doc.dispose();
  });

  it('finishes a pass that fits its budget', async () => {
    const doc = (await IncrementalDocument.open(BASE, { languageId: 'javascript', fileName: 'a.js' }))!;
    const at = BASE.indexOf('"SELECT');
    const change = { rangeOffset: at, rangeLength: '"SELECT * FROM users WHERE id = ?", [id]'.length, text: '"SELECT * FROM users WHERE id = " + id' };
    doc.update([change], apply(BASE, change));
    const result = doc.analyze({}, 60_000);
    assert.strictEqual(result.deferred, undefined);
    assert.deepStrictEqual(result.findings.map((f) => f.ruleId), ['sql-concatenation']);
    doc.dispose();
  });

  it('re-checks a statement whose SQL comes from a module-level variable edited in another statement', async () => {
    const text = 'const mysql = require("mysql2");\nconst db = mysql.createConnection({});\nlet q = "SELECT * FROM t WHERE id = 1";\nfunction find() {\n  return db.query(q);\n}\n';
    const doc = (await IncrementalDocument.open(text, { languageId: 'javascript', fileName: 'a.js' }))!;
    assert.strictEqual(doc.analyze().findings.length, 0);
    const at = text.indexOf('1";');
    const change = { rangeOffset: at, rangeLength: 2, text: '" + process.argv[2]' };
    const edited = apply(text, change);
    doc.update([change], edited);
    const full = await analyze(edited, { languageId: 'javascript', fileName: 'a.js' });
    assert.strictEqual(full.findings.length, 1);
    assert.deepStrictEqual(doc.analyze().findings, full.findings);
    doc.update([{ rangeOffset: at, rangeLength: change.text.length, text: '1"' }], text);
    assert.strictEqual(doc.analyze().findings.length, 0);
    doc.dispose();
  });

  it('falls back to a full parse when the changes do not add up to the new text', async () => {
    const doc = (await IncrementalDocument.open(BASE, { languageId: 'javascript', fileName: 'a.js' }))!;
    const text = 'db.query(`SELECT * FROM users WHERE id = ${id}`);\n';
    doc.update([{ rangeOffset: 0, rangeLength: 0, text: 'x' }], text);
    assert.strictEqual(doc.analyze().findings.length, 1);
    doc.dispose();
  });
});

describe('LineIndex.withEdit', () => {
  it('equals an index built from scratch after 300 random edits', async () => {
    const { LineIndex } = await import('../../src/engine/text');
    const next = seededRandom(11);
    let text = 'a\nbc\n\nd\r\nefg\n';
    let lines = new LineIndex(text);
    for (let i = 0; i < 300; i++) {
      const start = Math.floor(next() * (text.length + 1));
      const oldEnd = Math.min(text.length, start + Math.floor(next() * 4));
      const inserted = ['', 'x', '\n', 'y\nz', '\n\n', '\r\n'][Math.floor(next() * 6)];
      const changed = text.slice(0, start) + inserted + text.slice(oldEnd);
      lines = lines.withEdit(start, oldEnd, inserted, changed);
      text = changed;
      const fresh = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) assert.deepStrictEqual(lines.positionAt(offset), fresh.positionAt(offset), `edit ${i}, offset ${offset}`);
    }
  });

  it('equals an index built from scratch while typing: runs of edits at the cursor, now and then a jump elsewhere', async () => {
    const { LineIndex } = await import('../../src/engine/text');
    const next = seededRandom(13);
    let text = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
    let lines = new LineIndex(text);
    let cursor = Math.floor(text.length / 2);
    for (let i = 0; i < 600; i++) {
      if (next() < 0.05) cursor = Math.floor(next() * (text.length + 1));
      const backspace = cursor > 0 && next() < 0.3;
      const start = backspace ? cursor - 1 : cursor;
      const oldEnd = backspace ? cursor : start;
      const inserted = backspace ? '' : ['a', ' ', '\n', 'xy'][Math.floor(next() * 4)];
      const changed = text.slice(0, start) + inserted + text.slice(oldEnd);
      lines = lines.withEdit(start, oldEnd, inserted, changed);
      text = changed;
      cursor = start + inserted.length;
      const fresh = new LineIndex(text);
      assert.strictEqual(lines.lineCount, fresh.lineCount, `edit ${i}`);
      for (let offset = 0; offset <= text.length; offset++) assert.deepStrictEqual(lines.positionAt(offset), fresh.positionAt(offset), `edit ${i}, offset ${offset}`);
      for (let line = 0; line < fresh.lineCount; line++) assert.strictEqual(lines.lineText(line), fresh.lineText(line), `edit ${i}, line ${line}`);
    }
  });
});
