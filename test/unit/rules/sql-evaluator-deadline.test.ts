import * as assert from 'assert';
import { parseSource } from '../../../src/engine/parse-source';
import { sharedGrammars } from '../../../src/engine/parser';
import { Ancestry } from '../../../src/engine/rules/sql/ancestry';
import { ImportFacts } from '../../../src/engine/rules/sql/imports';
import { ScopeIndex } from '../../../src/engine/rules/sql/scope';
import { StringEvaluator } from '../../../src/engine/rules/sql/string-building';

// The SQL evaluator looks at the clock while it works: past its deadline everything reads as unknown and it
// says it expired, so that sql-concatenation reports nothing from a half-read value (the file is then marked
// analysed partly) instead of running on past the file's budget.

describe('sql evaluator deadline', () => {
  const code = `let q = "SELECT * FROM t WHERE 1 = 1";\n${Array.from({ length: 3000 }, (_, i) => `q += " AND c${i} = " + v${i};\n`).join('')}db.query(q);\n`;

  async function evaluateLast(deadline: number | undefined): Promise<{ kind: string; expired: boolean }> {
    const { tree } = await parseSource(sharedGrammars(), 'javascript', code, 5000);
    try {
      const root = tree.rootNode;
      const ev = new StringEvaluator(code, new ScopeIndex(code, new Ancestry(root)), new ImportFacts(code, root), { typed: false, storedValues: false, deadline });
      const read = root.descendantForIndex(code.lastIndexOf('(q)') + 1);
      assert.ok(read);
      return { kind: ev.evaluate(read).kind, expired: ev.expired };
    } finally {
      tree.delete();
    }
  }

  it('reads the whole value before its deadline', async () => {
    assert.deepStrictEqual(await evaluateLast(undefined), { kind: 'text', expired: false });
  });

  it('stops and says so once the deadline has passed', async () => {
    assert.deepStrictEqual(await evaluateLast(performance.now() - 1), { kind: 'unknown', expired: true });
  });
});
