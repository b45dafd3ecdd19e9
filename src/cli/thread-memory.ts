import path = require('path');
import { threadId } from 'worker_threads';
import vm = require('vm');
import { nodeV8 } from './lazy-builtins';

/**
 * What one scanning thread holds, for the benchmark: with `BACKEND_GUIDE_THREAD_MEMORY=1` in the
 * environment, each thread collects its garbage and measures itself at the end of each pass, and the CLI
 * prints the figures to stderr. Threads share one process, so its peak resident memory is the sum of what
 * they hold; these say which thread holds what. Off by default: a forced collection costs time.
 */
export interface ThreadMemory {
  /** V8 heap in use after a collection (facts, project, reports), in MB. */
  heapMb: number;
  /** Memory outside the V8 heap, in MB: mostly the parser's WebAssembly memory, which never shrinks. */
  externalMb: number;
}

export const THREAD_MEMORY_VARIABLE = 'BACKEND_GUIDE_THREAD_MEMORY';

/** With this set to a folder as well, each thread also writes a heap snapshot there at the end of each pass (for `bench/heap-summary.cjs`). */
export const HEAP_SNAPSHOT_VARIABLE = 'BACKEND_GUIDE_HEAP_SNAPSHOTS';

export function measuringThreadMemory(): boolean {
  return process.env[THREAD_MEMORY_VARIABLE] === '1';
}

let collect: (() => void) | undefined;

/** This thread's memory after a full collection (`pass` names the snapshot, when one is asked for); `undefined` unless measuring. */
export function threadMemory(pass: string): ThreadMemory | undefined {
  if (!measuringThreadMemory()) return undefined;
  if (!collect) {
    nodeV8().setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
  const snapshots = process.env[HEAP_SNAPSHOT_VARIABLE];
  if (snapshots) nodeV8().writeHeapSnapshot(path.join(snapshots, `${threadId === 0 ? 'main' : `worker-${threadId}`}-${pass}.heapsnapshot`));
  const usage = process.memoryUsage();
  return { heapMb: usage.heapUsed / 1e6, externalMb: usage.external / 1e6 };
}

/** One line for stderr: each thread's memory after its facts pass and after its analysis. */
export function threadMemoryLine(threads: ReadonlyArray<{ role: string; facts?: ThreadMemory; analysis?: ThreadMemory }>): string {
  const mb = (m: ThreadMemory | undefined) => (m ? `heap ${m.heapMb.toFixed(1)} MB + external ${m.externalMb.toFixed(1)} MB` : 'n/a');
  return `BENCH_THREAD_MEMORY=${threads.map((t) => `${t.role}: after facts ${mb(t.facts)}; after analysis ${mb(t.analysis)}`).join(' | ')}\n`;
}
