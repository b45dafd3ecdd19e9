import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { claimBatch, fileBatches } from '../../../src/cli/file-batches';

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
