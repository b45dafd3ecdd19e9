import * as assert from 'assert';
import { analyze } from '../../../src/engine/analyze';
import { defaultConfig } from '../../../src/engine/config';
import { parseSource } from '../../../src/engine/parse-source';
import { sharedGrammars } from '../../../src/engine/parser';
import type { Rule } from '../../../src/engine/rule';
import { Ancestry } from '../../../src/engine/rules/sql/ancestry';
import { CANDIDATE_WORK, callPattern, findCandidates, reportUnchecked, type CandidateBounds, type FoundCandidates } from '../../../src/engine/rules/sql/candidates';
import { SINKS, sinkMethodNames } from '../../../src/engine/rules/sql/sinks';
import { LineIndex, matchAllIn } from '../../../src/engine/text';
import { pick, seededRandom } from '../seeded-random';

// The search for query calls stops on an amount of work, so the same text stops at the same call whatever
// the machine's load; the clock stays only as a safety net. Either way the stop is said: the file is reported
// as analysed partly, with the rule named, never left silently incomplete.

/** 300 query calls, one a line, each building its SQL from a variable. */
const calls = Array.from({ length: 300 }, (_, i) => `db.query("SELECT * FROM t WHERE id = " + id${i});`).join('\n') + '\n';

async function search(text: string, bounds: CandidateBounds): Promise<{ found: number; stopped: FoundCandidates['stopped'] }> {
  const { tree } = await parseSource(sharedGrammars(), 'javascript', text, 60_000);
  try {
    const hits = matchAllIn(callPattern(['query']), text, 0, text.length);
    const { candidates, stopped } = findCandidates(text, new Ancestry(tree.rootNode), hits, false, bounds);
    return { found: candidates.length, stopped };
  } finally {
    tree.delete();
  }
}

describe('sql-concatenation: the text search for query calls', () => {
  const names = sinkMethodNames(SINKS);
  /** The pattern as first written, with the name character before a name ruled out ahead of it. */
  const alternatives = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/\$/g, '\\$')).join('|');
  const reference = new RegExp(`(?<![\\w$])(${alternatives})\\s*(?:<[^;(){}]*>\\s*)?\\(`, 'g');
  const found = (pattern: RegExp, text: string) => matchAllIn(pattern, text).map((m) => `${m.index}:${m[0]}`);

  it('finds the calls a leading check for a name character finds, no more and no fewer', () => {
    const texts = [
      'db.query(sql); myquery(sql); $query(x); _query(x); q.$queryRaw`x`; prisma.$queryRawUnsafe(s)',
      'xquery<T> run<U>(a); xget < a && b > (c); a.get<Row[]>(sql); where (x); awhere(x)',
      'query query(x) queryquery(y) query\n  (z) .all(w) all2(v) $where(u)',
    ];
    const random = seededRandom(20);
    const pieces = [...names, ...names.map((n) => `x${n}`), '$', '_', ' ', '.', '(', '<T>', '<', '>', '\n', 'a', '1', ';'];
    for (let i = 0; i < 200; i++) texts.push(Array.from({ length: 40 }, () => pick(random, pieces)).join(''));
    for (const text of texts) assert.deepStrictEqual(found(callPattern(names), text), found(reference, text), text);
  });
});

describe('sql-concatenation: limits on the search for query calls', () => {
  it('looks at every call of written code within its work limit', async () => {
    assert.deepStrictEqual(await search(calls, {}), { found: 300, stopped: undefined });
  });

  it('past a work limit, stops at the same call every time and says where', async () => {
    const first = await search(calls, { work: 500 });
    assert.strictEqual(first.stopped?.by, 'work');
    assert.ok(first.found > 0 && first.found < 300, `found ${first.found} calls`);
    const names = [...calls.matchAll(/query\(/g)].map((m) => m.index);
    assert.strictEqual(first.stopped?.offset, names[first.found], 'it stops at the first call not looked at');
    assert.deepStrictEqual(await search(calls, { work: 500 }), first);
  });

  it('stops on the clock as a safety net, at the first call looked at after it passed', async () => {
    let reads = 0;
    const clock = (): number => (++reads > 10 ? 1_000 : 0);
    const { found, stopped } = await search(calls, { stopAt: 500, now: clock });
    assert.deepStrictEqual({ found, by: stopped?.by }, { found: 10, by: 'time' });
  });

  it('reports a stop on work as part of the file left unchecked and one on the clock as running out of time, naming the line', () => {
    const said: string[] = [];
    const context = { lines: new LineIndex(calls), stoppedShort: (r: string) => said.push(`limited: ${r}`), ranOutOfTime: (r: string) => said.push(`time: ${r}`) };
    const offset = calls.indexOf('id41)');
    reportUnchecked(context, { candidates: [], tooDeep: 0, stopped: { by: 'work', offset } });
    reportUnchecked(context, { candidates: [], tooDeep: 0, stopped: { by: 'time', offset } });
    reportUnchecked(context, { candidates: [], tooDeep: 0 });
    assert.deepStrictEqual(said, [
      `limited: the search for query calls read more than ${CANDIDATE_WORK} syntax nodes; calls from line 42 on were not checked`,
      'time: the search for query calls used its share of the time budget; calls from line 42 on were not checked',
    ]);
  });

  it('marks the file timed out in the rule that ran out of time, while the file budget still has time left', async () => {
    const meta = { id: 'clocked', description: '', defaultSeverity: 'warning' as const, languages: ['javascript' as const], references: [], messages: {}, guideAnchor: 'security', scope: 'file' as const };
    const clocked: Rule = { meta, check: (context) => context.ranOutOfTime?.('its search stopped on the clock') };
    const result = await analyze(calls, { languageId: 'javascript', fileName: 'a.js', config: { ...defaultConfig(), timeBudgetMs: 3_600_000 }, rules: [clocked] });
    assert.deepStrictEqual([result.overran, result.timedOut], [true, ['clocked']]);
    assert.deepStrictEqual(result.notes, ['rule clocked ran out of time: its search stopped on the clock; its findings so far are kept, others may be missing']);
  });

  it('reports a file whose search for calls passed the work limit as analysed partly by sql-concatenation', async () => {
    // blocks of calls nested in each other's SQL, 3 syntax levels a call: each call looked at costs its depth
    const block = `${'db.query("SELECT " +\n'.repeat(300)}x${')'.repeat(300)};\n`;
    const text = block.repeat(Math.ceil(CANDIDATE_WORK / (3 * 300 * 300 / 2)) + 2);
    const result = await analyze(text, { languageId: 'javascript', fileName: 'nested.js', config: { ...defaultConfig(), timeBudgetMs: 3_600_000 } });
    assert.deepStrictEqual([result.limited, result.timedOut], [['sql-concatenation'], undefined], result.notes.join('\n'));
    assert.ok(result.notes.some((n) => /^rule sql-concatenation left part of the file unchecked: the search for query calls read more than \d+ syntax nodes; calls from line \d+ on were not checked$/.test(n)), result.notes.join('\n'));
  });
});
