import * as assert from 'assert';
import { once } from 'events';
import { Worker } from 'worker_threads';
import { ShareExchange, shareLines } from '../../../src/cli/share-channel';
import { defaultConfig } from '../../../src/engine/config';
import type { ProjectFacts } from '../../../src/engine/project';
import { sharedResult, type FactsShare } from '../../../src/engine/project/project-shares';
import { projectFrom } from '../../../src/testing/project-from';

const config = defaultConfig();
const FILES = { '/p/a.js': 'module.exports = 1;\n' };

/** A share that notes, in `computed`, each thread that computes it (by the project it is computed for). */
function noting(name: string, computed: string[], where: Map<ProjectFacts, string>, options: { wanted?: boolean; needs?: FactsShare<unknown> } = {}): FactsShare<{ routes: number }> {
  return {
    name,
    mayBeWanted: options.wanted === false ? () => false : undefined,
    compute: (project) => {
      if (options.needs) sharedResult(project, options.needs);
      computed.push(`${name} on ${[...where].find(([p]) => p.files === project.files)?.[1]}`);
      return { routes: name.length };
    },
  };
}

describe('share exchange: project-wide results between the threads of a scan', () => {
  it('each thread computes its part and takes the others\' parts as sent; what nobody sent is computed where asked', async () => {
    const [first, second] = shareLines(2).map((line) => new ShareExchange(line));
    const [one, two] = [await projectFrom(FILES), await projectFrom(FILES)];
    const computed: string[] = [];
    const where = new Map([[one, 'one'], [two, 'two']]);
    // the second share is the second thread's, which sees that no file may want it: nobody computes it ahead
    const shares = [noting('plans', computed, where), noting('unwanted', computed, where, { wanted: false }), noting('third', computed, where)];
    const onOne = first.share(one, config, shares, 0, 2);
    const onTwo = second.share(two, config, shares, 1, 2);
    assert.deepStrictEqual(computed, ['plans on one', 'third on one'], 'each computed its own part, before any file');
    assert.deepStrictEqual(sharedResult(onTwo, shares[0]), { routes: 5 });
    assert.deepStrictEqual(sharedResult(onTwo, shares[2]), { routes: 5 });
    assert.deepStrictEqual(computed, ['plans on one', 'third on one'], 'taken as sent, not computed again');
    assert.deepStrictEqual(sharedResult(onOne, shares[1]), { routes: 8 }, 'sent by nobody: computed where it is asked for');
    assert.deepStrictEqual(computed, ['plans on one', 'third on one', 'unwanted on one']);
    let memos = 0;
    assert.strictEqual(onTwo.memo('app-graph', () => ++memos), 1, 'not a share: computed here');
    first.close();
    second.close();
  });

  it('a thread computing its own part never waits for another thread: what it needs then, it computes', async () => {
    const [first, second] = shareLines(2).map((line) => new ShareExchange(line));
    const [one, two] = [await projectFrom(FILES), await projectFrom(FILES)];
    const computed: string[] = [];
    const where = new Map([[one, 'one'], [two, 'two']]);
    const routes = noting('routes', computed, where);
    // the first thread's share needs the second thread's, which nobody has computed yet: waiting would never end
    const shares = [noting('plans', computed, where, { needs: routes }), routes];
    first.share(one, config, shares, 0, 2);
    const onTwo = second.share(two, config, shares, 1, 2);
    assert.deepStrictEqual(computed, ['routes on one', 'plans on one', 'routes on two']);
    assert.deepStrictEqual(sharedResult(onTwo, shares[0]), { routes: 5 }, 'received');
    first.close();
    second.close();
  });

  it('keeps what another thread sent while this thread was busy with other messages', async () => {
    const [here, there] = shareLines(2);
    // the other thread computes the one share, sends it and says so: by the time this thread hears that, its event
    // loop has turned with the share waiting in its port (a broadcast channel would have dropped it then)
    const worker = new Worker(`
      const { workerData, parentPort } = require('worker_threads');
      const { ShareExchange } = require(workerData.module);
      const exchange = new ShareExchange(workerData.line);
      exchange.share({ memo: (key, compute) => compute() }, {}, [{ name: 'plans', compute: () => ({ routes: 7 }) }], 0, 2);
      exchange.close();
      parentPort.postMessage('sent');
    `, { eval: true, workerData: { line: there, module: require.resolve('../../../src/cli/share-channel') }, transferList: there.ports });
    await once(worker, 'message');
    const computed: string[] = [];
    const plans: FactsShare<{ routes: number }> = { name: 'plans', compute: () => { computed.push('plans'); return { routes: 0 }; } };
    const exchange = new ShareExchange(here);
    const project = exchange.share(await projectFrom(FILES), config, [plans], 1, 2);
    assert.deepStrictEqual(sharedResult(project, plans), { routes: 7 });
    assert.deepStrictEqual(computed, [], 'received, not computed here');
    exchange.close();
    await worker.terminate();
  });
});
