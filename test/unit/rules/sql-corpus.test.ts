import * as assert from 'assert';
import { scoreCorpus } from '../../corpus/sql/evaluate-corpus';

// The labelled corpus (test/corpus/sql) scored as `node bench/eval-sql.mjs` prints it; the targets of issue 3.
describe('sql-concatenation on the labelled corpus', () => {
  it('finds at least 85% of the labelled sites with at least 90% precision', async () => {
    const score = await scoreCorpus();
    const misses = score.files.flatMap((f) => [...f.falsePositives.map((l) => `FP ${f.file}:${l}`), ...f.falseNegatives.map((l) => `FN ${f.file}:${l}`)]);
    assert.ok(score.labelledPositives >= 60, `${score.labelledPositives} labelled positives`);
    assert.ok(score.precision >= 0.9, `precision ${score.precision.toFixed(3)}: ${misses.join(', ')}`);
    assert.ok(score.recall >= 0.85, `recall ${score.recall.toFixed(3)}: ${misses.join(', ')}`);
  });
});
