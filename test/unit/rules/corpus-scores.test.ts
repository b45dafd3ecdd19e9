import * as assert from 'assert';
import * as path from 'path';
import { missingAuth } from '../../../src/engine/rules/missing-auth';
import { missingHelmet } from '../../../src/engine/rules/missing-helmet';
import { CORPUS_ROOT, formatScore, scoreCorpus } from '../../corpus/evaluate-project-corpus';

/** The issues' acceptance bars, measured on the labelled multi-file apps (see test/corpus/<rule>/README.md). */
describe('labelled corpora', () => {
  it('missing-helmet: precision and recall at least 0.9', async () => {
    const score = await scoreCorpus(path.join(CORPUS_ROOT, 'helmet'), missingHelmet);
    assert.ok(score.precision >= 0.9 && score.recall >= 0.9, formatScore('missing-helmet', score));
  });

  it('missing-auth: precision at least 0.85, recall at least 0.8', async () => {
    const score = await scoreCorpus(path.join(CORPUS_ROOT, 'auth'), missingAuth);
    assert.ok(score.precision >= 0.85 && score.recall >= 0.8, formatScore('missing-auth', score));
  });
});
