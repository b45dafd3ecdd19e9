import * as assert from 'assert';
import { analyze } from '../../../src/engine/analyze';
import { IncrementalDocument, type ContentChange } from '../../../src/engine/incremental';
import { sharedGrammars } from '../../../src/engine/parser';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { LineIndex } from '../../../src/engine/text';
import { topLevelStatements } from '../../../src/engine/top-level';
import type { Finding } from '../../../src/engine/types';
import { pick, seededRandom } from '../../../src/testing/seeded-random';

// Typing a call's arguments, an array, an object or a string opens a bracket or quote that stays open for many
// keystrokes; error recovery then folds the statements after it into one broken statement. The editor's
// decision (see `withFoldsSplit`): while the text does not parse, every statement the typing did not touch shows
// what it found when the text last parsed, so nothing flickers away and back; whenever the text parses, the
// findings are those of a full analysis.

const options = { languageId: 'javascript', fileName: 'src/routes.js', rules: [sqlConcatenation] };

// each opens brackets or quotes while it is typed and closes them by its end; none declares a name the file reads
const TYPED = [
  'wrap(function (x) { return [x, "a", `b`]; });',
  'items.forEach((x) => { log(x, { a: [1, 2] }); });',
  'const note = `total: ${sum(a, (b))}`;',
  "log('order ' + id, [1, 2], { k: \"v\" });",
  'check(a, (b) => (c) => [c, { d: b }]);',
];

function source(): string {
  const parts = ['const db = require("mysql").createConnection({});', 'const express = require("express");', 'const router = express.Router();'];
  for (let i = 0; i < 8; i++) {
    parts.push(`router.get("/r${i}/:id", async (req, res) => {\n  const id = req.params.id;\n  const rows = await db.query("SELECT * FROM " + table + " WHERE id = " + id);\n  res.json(rows);\n});`);
    // a module-level name read by the handlers above and below it
    if (i === 3) parts.push('let table = "users";');
    parts.push(`function plain${i}(x) {\n  return db.query("SELECT * FROM t${i} WHERE a = ?", [x]) && x + ${i};\n}`);
  }
  return parts.join('\n') + '\n';
}

function apply(text: string, change: ContentChange): string {
  return text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
}

/** A finding as offsets, with what the editor shows of it. */
function shown(f: Finding, lines: LineIndex, shift: (offset: number) => number): string {
  return `${shift(lines.offsetAt(f.range.start))}-${shift(lines.offsetAt(f.range.end))} ${f.ruleId} ${f.message}`;
}

describe('sql-concatenation in the editor: typing opens brackets and quotes mid-file', () => {
  for (const seed of [3, 4, 5]) {
    it(`keeps the findings of the statements typing did not touch while the text does not parse, and matches a full analysis when it does (seed ${seed})`, async function () {
      this.timeout(120000);
      const parser = await sharedGrammars().parserFor('javascript');
      const next = seededRandom(seed);
      let text = source();
      const doc = (await IncrementalDocument.open(text, options))!;
      doc.analyze();
      let clean = 0;
      let held = 0;
      for (let session = 0; session < 6; session++) {
        // the state the session starts from parses; its findings are what a full analysis finds
        const before = await analyze(text, options);
        assert.strictEqual(before.syntaxError, undefined);
        const beforeLines = new LineIndex(text);
        const lineEnds = [...text.matchAll(/\n/g)].map((m) => m.index);
        const at = pick(next, lineEnds);
        const tree = parser.parse(text)!;
        const touched = topLevelStatements(tree.rootNode).find((s) => s.start <= at && at <= s.end) ?? { start: at, end: at };
        tree.delete();
        const typed = `\n  ${pick(next, TYPED)}`;
        const strokes: ContentChange[] = [...typed].map((ch, i) => ({ rangeOffset: at + i, rangeLength: 0, text: ch }));
        for (let i = typed.length - 1; i >= 0; i--) strokes.push({ rangeOffset: at + i, rangeLength: 1, text: '' });
        for (const change of strokes) {
          text = apply(text, change);
          doc.update([change], text);
          const incremental = doc.analyze().findings;
          const full = await analyze(text, options);
          const step = `session ${session} at ${at}, ${JSON.stringify(change)}`;
          if (!full.syntaxError) {
            clean++;
            assert.deepStrictEqual(incremental, full.findings, step);
            continue;
          }
          // outside the statement typed into, what shows is what showed when the session started
          held++;
          const inserted = text.length - beforeLines.text.length;
          const lines = new LineIndex(text);
          const outside = (start: number) => start < touched.start || start > touched.end + inserted;
          const now = incremental.map((f) => shown(f, lines, (o) => o)).filter((f) => outside(Number(f.split('-')[0])));
          const then = before.findings.map((f) => shown(f, beforeLines, (o) => (o > at ? o + inserted : o))).filter((f) => outside(Number(f.split('-')[0])));
          assert.deepStrictEqual(now, then, step);
        }
      }
      doc.dispose();
      assert.ok(clean > 20 && held > 100, `${clean} clean states compared with a full analysis, ${held} broken ones with the last clean one`);
    });
  }
});
