import * as assert from 'assert';
import type { ReplayableQuery } from '../../../src/engine/replay/query';
import { replayInjection } from '../../../src/engine/replay/replay';
import { replayBody } from '../../../src/extension/replay/replay-html';

const QUERY: ReplayableQuery = {
  values: [{ source: 'req.query.category', fromRequest: true, unsafe: true }],
  built: [{ kind: 'sql', text: "SELECT id, name, category FROM products WHERE category = '" }, { kind: 'value', value: 0 }, { kind: 'sql', text: "'" }],
  parameterized: { sql: ['SELECT id, name, category FROM products WHERE category = ', ''], bound: [[{ kind: 'value', value: 0 }]] },
  dialect: 'postgres',
  placeholder: '$n',
};

describe('attack replay page', () => {
  it('shows what leaked as written and that nothing leaks with the fix, with every text escaped', async () => {
    const html = replayBody(await replayInjection(QUERY), 'src/<routes>.js, line 3');
    assert.match(html, /src\/&lt;routes&gt;\.js, line 3/);
    assert.match(html, /returned 4 rows, 3 of them leaked/);
    assert.strictEqual((html.match(/<tr class="leaked">/g) ?? []).length, 3 + 4, 'OR 1=1 leaks 3 rows, the UNION 4 accounts');
    assert.match(html, /WHERE category = \$1/);
    assert.match(html, /With the fix, the same attacks return no rows/);
    assert.doesNotMatch(html, /<script/);
  });

  it('explains a statement it does not run', async () => {
    const html = replayBody(await replayInjection({ ...QUERY, built: [{ kind: 'sql', text: 'DELETE FROM orders WHERE id = ' }, { kind: 'value', value: 0 }], parameterized: undefined }), 'x.js');
    assert.match(html, /data-kind="not-replayed"/);
    assert.match(html, /DELETE FROM orders WHERE id = 0 OR 1=1 -- /);
    assert.match(html, /remove every row of `orders`/);
  });
});
