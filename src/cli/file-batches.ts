import fs = require('fs');

/**
 * A scan's files in batches that its threads claim one at a time until none is left, through a counter they
 * all share: a thread that starts late (a worker loads its code and compiles its grammars first) or meets
 * slower files takes fewer, where fixed shares made the others wait for it. Which thread reads a file changes
 * nothing in the results: facts and reports are put back in scan order.
 */
export interface FileBatches {
  batches: string[][];
  /** One 32-bit counter: the index of the next batch to claim. */
  claims: SharedArrayBuffer;
  /** The files' size in bytes, all told. */
  bytes: number;
}

/**
 * Characters of files per batch: small enough that the last batches (the smallest files) end close together
 * on every thread, large enough that claiming costs nothing next to reading them.
 */
const BATCH_BYTES = 16 * 1024;

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // the scanner that reads it says why it cannot
  }
}

/**
 * `files` in batches: for one thread, one batch in the given order; for several, largest files first, so that
 * what is left at the end is small.
 */
export function fileBatches(files: readonly string[], threads: number): FileBatches {
  const claims = new SharedArrayBuffer(4);
  const sized = files.map((file, i) => ({ file, i, size: sizeOf(file) }));
  const total = sized.reduce((sum, { size }) => sum + size, 0);
  if (threads <= 1) return { batches: files.length ? [[...files]] : [], claims, bytes: total };
  const bySize = sized.sort((a, b) => b.size - a.size || a.i - b.i);
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const { file, size } of bySize) {
    batch.push(file);
    bytes += size;
    if (bytes >= BATCH_BYTES) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) batches.push(batch);
  return { batches, claims, bytes: total };
}

/** The next batch no thread has claimed yet, now claimed by the caller; `undefined` when all are. */
export function claimBatch(work: FileBatches): string[] | undefined {
  return work.batches[Atomics.add(new Int32Array(work.claims), 0, 1)];
}
