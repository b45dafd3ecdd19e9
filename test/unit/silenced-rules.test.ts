import * as assert from 'assert';
import { hasPublicMarker } from '../../src/engine/project/public-marker';
import { silencesRule } from '../../src/engine/suppressions';

describe('which rules a file silences (a hands-on task is not done while its rule is silenced)', () => {
  it('sees a directive that names the rule, or names none, in any scope', () => {
    assert.strictEqual(silencesRule('// backend-guide-disable-next-line sql-concatenation -- later\nq();', 'sql-concatenation'), true);
    assert.strictEqual(silencesRule('x(); // backend-guide-disable-line missing-auth, sql-concatenation', 'sql-concatenation'), true);
    assert.strictEqual(silencesRule('/* backend-guide-disable-file */', 'missing-helmet'), true);
  });

  it('ignores directives for other rules and files without any', () => {
    assert.strictEqual(silencesRule('// backend-guide-disable-next-line missing-auth -- public\nq();', 'sql-concatenation'), false);
    assert.strictEqual(silencesRule("const s = 'backend guide';", 'sql-concatenation'), false);
  });

  it('sees a public-route marker only with a reason after it', () => {
    assert.strictEqual(hasPublicMarker('// backend-guide-public: demo\nrouter.delete(...)'), true);
    assert.strictEqual(hasPublicMarker('// backend-guide-public:\n'), false);
  });
});
