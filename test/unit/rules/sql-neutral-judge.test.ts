import * as assert from 'assert';
import type { SinkEvidence, SqlSinkCall, TextPiece, ValueOrigin } from '../../../src/engine/model/sql';
import { judgeModel, judgeSink, shapeOfPieces } from '../../../src/engine/rules/sql/neutral/judge';
import { describeBuilds, sqlReport } from '../../../src/engine/rules/sql/neutral/report';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';

// The shared judgement reads only the language-neutral model: these sinks are written by hand, as any front
// end (Python, PHP, Java, Ruby) would fill them, so the judgement is tested without a parser.

type Part = string | { v: string; origin: ValueOrigin };

/** A sink call whose SQL is the parts in order (strings are text, objects are values), at offsets 10.. of a file. */
function sinkOf(parts: readonly Part[], options: { evidence?: SinkEvidence; sqlElsewhere?: boolean; hasParameters?: boolean } = {}): SqlSinkCall {
  let at = options.sqlElsewhere ? 200 : 20;
  const pieces: TextPiece[] = parts.map((part) => {
    const start = at;
    if (typeof part === 'string') {
      at += part.length;
      return { kind: 'text', text: part, startOffset: start, endOffset: at };
    }
    at += part.v.length;
    return { kind: 'value', source: part.v, origin: part.origin, why: 'test', startOffset: start, endOffset: at };
  });
  const first = options.sqlElsewhere ? 200 : 20;
  return {
    sinkId: 'test.execute', api: 'cursor.execute', evidence: options.evidence ?? 'sql', startOffset: 10, endOffset: options.sqlElsewhere ? 60 : at + 1,
    sql: { pieces, built: ['interpolation'], startOffset: first, endOffset: at }, hasParameters: options.hasParameters ?? false,
  };
}

const request = (v: string) => ({ v, origin: 'request' as const });

describe('language-neutral SQL judgement', () => {
  it('flags request data in a statement', () => {
    const verdict = judgeSink(sinkOf(['SELECT * FROM users WHERE name = \'', request('name'), '\'']));
    assert.ok(verdict);
    assert.deepStrictEqual(verdict.flagged.map((p) => p.source), ['name']);
    assert.strictEqual(verdict.identifiersOnly, false);
  });

  it('flags values whose origin is unknown', () => {
    assert.ok(judgeSink(sinkOf(['DELETE FROM t WHERE id = ', { v: 'x', origin: 'unknown' }])));
  });

  for (const origin of ['constant', 'numeric', 'quoted', 'allowed', 'generated', 'stored', 'placeholder'] as const) {
    it(`leaves ${origin} values alone`, () => {
      assert.strictEqual(judgeSink(sinkOf(['SELECT * FROM t WHERE a = ', { v: 'x', origin }])), undefined);
    });
  }

  it('flags stored values only when asked to (sql.storedValues)', () => {
    const sink = sinkOf(['SELECT * FROM t WHERE a = ', { v: 'row[0]', origin: 'stored' }]);
    assert.strictEqual(judgeSink(sink), undefined);
    assert.deepStrictEqual(judgeSink(sink, { storedValues: true })?.flagged.map((p) => p.source), ['row[0]']);
  });

  it('leaves text with no value alone', () => {
    assert.strictEqual(judgeSink(sinkOf(['SELECT * FROM t WHERE a = %s'])), undefined);
  });

  it('asks a statement sink for a whole statement, and a SQL sink for a clause at least', () => {
    const clause = ['name = ', request('n')];
    assert.strictEqual(judgeSink(sinkOf(clause, { evidence: 'statement' })), undefined);
    assert.ok(judgeSink(sinkOf(clause, { evidence: 'sql' })));
    assert.strictEqual(judgeSink(sinkOf(['hello ', request('n')], { evidence: 'sql' })), undefined);
    assert.ok(judgeSink(sinkOf(['hello ', request('n')], { evidence: 'built' })));
  });

  it('reads a value where a table name goes as an identifier', () => {
    const verdict = judgeSink(sinkOf(['SELECT * FROM ', request('table'), ' WHERE id = 1']));
    assert.strictEqual(verdict?.identifiersOnly, true);
    const mixed = judgeSink(sinkOf(['SELECT * FROM ', request('table'), ' WHERE id = ', request('id')]));
    assert.strictEqual(mixed?.identifiersOnly, false);
  });

  it('replaces values by a marker word, so a value in the table position still reads as a statement', () => {
    assert.strictEqual(shapeOfPieces([{ kind: 'text', text: 'UPDATE ', startOffset: 0, endOffset: 7 }, { kind: 'value', source: 't', origin: 'request', why: '', startOffset: 7, endOffset: 8 }]), 'UPDATE x__v');
    assert.ok(judgeSink(sinkOf(['UPDATE ', request('t'), ' SET a = 1'])));
  });

  it('judges a sink once even when a front end lists it twice', () => {
    const sink = sinkOf(['SELECT * FROM t WHERE a = ', request('a')]);
    assert.strictEqual(judgeModel({ sinks: [sink, sink] }).length, 1);
  });

  it('reports with the rule\'s message ids and fills every placeholder', () => {
    const report = sqlReport(judgeSink(sinkOf(['SELECT * FROM t WHERE a = ', request('request.args["a"]')]))!, { interpolation: 'an f-string' });
    assert.strictEqual(report.messageId, 'concatenated');
    assert.ok(sqlConcatenation.meta.messages[report.messageId]);
    assert.deepStrictEqual(report.data, { how: 'an f-string', value: 'request.args["a"]', sink: 'cursor.execute' });
    assert.deepStrictEqual(report.related, []);
    assert.strictEqual(report.startOffset, 20);
  });

  it('underlines the call and points at the assembly when the text was built before the call', () => {
    const report = sqlReport(judgeSink(sinkOf(['SELECT * FROM t WHERE a = ', request('a')], { sqlElsewhere: true }))!);
    assert.strictEqual(report.startOffset, 10);
    assert.strictEqual(report.related?.length, 1);
    assert.strictEqual((report.related?.[0] as { startOffset: number }).startOffset, 200);
  });

  it('names at most two ways of building, in a fixed order, with the language\'s own names first', () => {
    assert.strictEqual(describeBuilds(['join', 'concatenation', 'percent-format']), 'string concatenation and `%` formatting');
    assert.strictEqual(describeBuilds(['format'], { format: '`.format()`' }), '`.format()`');
    assert.strictEqual(describeBuilds([]), 'string building');
  });
});
