import * as assert from 'assert';
import { analyze, type AnalysisResult } from '../../../src/engine/analyze';
import { IncrementalDocument } from '../../../src/engine/incremental';
import { sharedGrammars } from '../../../src/engine/parser';
import { LineIndex } from '../../../src/engine/text';
import { topLevelStatements, type Statement } from '../../../src/engine/top-level';
import type { Finding } from '../../../src/engine/types';
import { handlerReadingTable, ROUTES_HEADER, ROUTES_OPTIONS, typeSessions } from './typing-sessions';

// Typing a call's arguments, an array, an object or a string opens a bracket or quote that stays open for many
// keystrokes; error recovery then folds the statements after it into one broken statement. The editor's
// decision (see `withFoldsSplit`): while the text does not parse, every statement the typing did not touch shows
// what it found when the text last parsed, so nothing flickers away and back; whenever the text parses, the
// findings are those of a full analysis.

const options = ROUTES_OPTIONS;

// each opens brackets or quotes while it is typed and closes them by its end; none declares a name the file reads
const TYPED = [
  'wrap(function (x) { return [x, "a", `b`]; });',
  'items.forEach((x) => { log(x, { a: [1, 2] }); });',
  'const note = `total: ${sum(a, (b))}`;',
  "log('order ' + id, [1, 2], { k: \"v\" });",
  'check(a, (b) => (c) => [c, { d: b }]);',
];

function source(): string {
  const parts = [...ROUTES_HEADER];
  for (let i = 0; i < 8; i++) {
    parts.push(handlerReadingTable(i));
    // a module-level name read by the handlers above and below it
    if (i === 3) parts.push('let table = "users";');
    parts.push(`function plain${i}(x) {\n  return db.query("SELECT * FROM t${i} WHERE a = ?", [x]) && x + ${i};\n}`);
  }
  return parts.join('\n') + '\n';
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
      const doc = (await IncrementalDocument.open(source(), options))!;
      doc.analyze();
      let clean = 0;
      let held = 0;
      let before: AnalysisResult = { findings: [], notes: [] };
      let beforeLines = new LineIndex('');
      let touched: Statement = { start: 0, end: 0 };
      const startSession = async (text: string, at: number): Promise<void> => {
        // the state each session starts from parses; its findings are what a full analysis finds
        before = await analyze(text, options);
        assert.strictEqual(before.syntaxError, undefined);
        beforeLines = new LineIndex(text);
        const tree = parser.parse(text)!;
        touched = topLevelStatements(tree.rootNode).find((s) => s.start <= at && at <= s.end) ?? { start: at, end: at };
        tree.delete();
      };
      await typeSessions(source(), seed, 6, TYPED, async ({ text, change, session, at }) => {
        doc.update([change], text);
        const incremental = doc.analyze().findings;
        const full = await analyze(text, options);
        const step = `session ${session} at ${at}, ${JSON.stringify(change)}`;
        if (!full.syntaxError) {
          clean++;
          assert.deepStrictEqual(incremental, full.findings, step);
          return;
        }
        // outside the statement typed into, what shows is what showed when the session started
        held++;
        const inserted = text.length - beforeLines.text.length;
        const lines = new LineIndex(text);
        const outside = (start: number) => start < touched.start || start > touched.end + inserted;
        const now = incremental.map((f) => shown(f, lines, (o) => o)).filter((f) => outside(Number(f.split('-')[0])));
        const then = before.findings.map((f) => shown(f, beforeLines, (o) => (o > at ? o + inserted : o))).filter((f) => outside(Number(f.split('-')[0])));
        assert.deepStrictEqual(now, then, step);
      }, startSession);
      doc.dispose();
      assert.ok(clean > 20 && held > 100, `${clean} clean states compared with a full analysis, ${held} broken ones with the last clean one`);
    });
  }
});
