import * as assert from 'assert';
import { awaitingShares, shareLine } from '../../../src/cli/share-channel';
import { projectFrom } from '../../../src/testing/project-from';

describe('share line: project-wide results from the main thread to a worker', () => {
  it('hands out what was sent without computing it, and computes what the sender said it would not send', async () => {
    const sender = shareLine();
    const project = awaitingShares(await projectFrom({ '/p/a.js': 'module.exports = 1;\n' }), sender.line);
    sender.send([['share:plans', { routes: 2 }]]);
    const computed: string[] = [];
    const compute = (key: string) => () => { computed.push(key); return { routes: 0 }; };
    assert.deepStrictEqual(project.memo('share:plans', compute('share:plans')), { routes: 2 });
    sender.done();
    assert.deepStrictEqual(project.memo('share:other', compute('share:other')), { routes: 0 }, 'never sent: computed here');
    assert.deepStrictEqual(project.memo('app-graph', compute('app-graph')), { routes: 0 }, 'not a share: computed here');
    assert.deepStrictEqual(computed, ['share:other', 'app-graph']);
    assert.deepStrictEqual(project.memo('share:plans', compute('again')), { routes: 2 }, 'once received, kept');
    sender.line.port.close();
  });
});
