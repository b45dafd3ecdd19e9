import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { claimBatch, fileBatches } from '../../../src/cli/file-batches';
import { keptTreeBudget } from '../../../src/cli/file-scanner';

/** Files of the given sizes in a fresh folder, in that order. */
function filesOfSizes(sizes: readonly number[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-batches-'));
  return sizes.map((size, i) => {
    const file = path.join(dir, `f${i}.js`);
    fs.writeFileSync(file, 'x'.repeat(size));
    return file;
  });
}

describe('fileBatches', () => {
  it('gives one thread every file in one batch, in the order given', () => {
    const files = filesOfSizes([10, 30_000, 20]);
    assert.deepStrictEqual(fileBatches(files, 1).batches, [files]);
    assert.deepStrictEqual(fileBatches([], 1).batches, []);
  });

  it('counts the bytes of every file, whatever the number of threads (a file that cannot be read counts none)', () => {
    const files = filesOfSizes([10, 30_000, 20]);
    assert.strictEqual(fileBatches(files, 1).bytes, 30_030);
    assert.strictEqual(fileBatches([...files, path.join(path.dirname(files[0]), 'gone.js')], 3).bytes, 30_030);
  });

  it('gives several threads every file once, largest first, in batches of bounded size', () => {
    const sizes = [500, 40_000, 9_000, 9_000, 3, 12_000, 700];
    const files = filesOfSizes(sizes);
    const { batches } = fileBatches(files, 3);
    const order = batches.flat();
    assert.deepStrictEqual([...order].sort(), [...files].sort());
    const sizeOf = (file: string) => sizes[files.indexOf(file)];
    assert.deepStrictEqual(order.map(sizeOf), [...sizes].sort((a, b) => b - a));
    assert.ok(batches.length > 1, 'more than one batch');
    assert.deepStrictEqual(batches[0], [files[1]], 'a file as large as a batch is a batch of its own');
  });

  it('hands each batch to one claimer only, also to a copy of the work sent to another thread', () => {
    const files = filesOfSizes([20_000, 20_000, 20_000, 20_000, 20_000]);
    const work = fileBatches(files, 2);
    const copy = structuredClone(work); // what a worker receives: the counter is the same memory
    const claimed: string[][] = [];
    for (let turn = 0; ; turn++) {
      const batch = claimBatch(turn % 2 ? copy : work);
      if (!batch) break;
      claimed.push(batch);
    }
    assert.deepStrictEqual(claimed, work.batches);
    assert.strictEqual(claimBatch(work), undefined);
    assert.strictEqual(claimBatch(copy), undefined);
  });
});

describe('keptTreeBudget', () => {
  it('keeps trees while the threads\' caps cover at least a quarter of the project, none past that', () => {
    assert.strictEqual(keptTreeBudget(500, 1, 2_000), 500);
    assert.strictEqual(keptTreeBudget(500, 1, 2_001), 0);
    assert.strictEqual(keptTreeBudget(500, 2, 4_000), 500);
    assert.strictEqual(keptTreeBudget(500, 2, 4_001), 0);
    assert.strictEqual(keptTreeBudget(0, 2, 10), 0);
  });
});
