import path = require('path');
import { workerData } from 'worker_threads';
import { owesCompileCaches, requireCompiled, saveCompileCaches } from './code-cache';
import type * as ScanEngine from './scan-engine';
import type { ScanWorkerData } from './scan-threads';
import { releaseYoungGeneration } from './young-generation';

/**
 * A scan thread (see `scanProject`): loads the engine's bundle (dist/scan-engine.js) through the code cache, as
 * `cli.js` loads the CLI's, and serves the main thread. Without the cache each thread compiles again every function
 * of the scanner it calls, a good part of its facts pass on a small project; the thread writes the cache after its
 * analysis (when the cache was missing or stale), so that it holds both passes' functions.
 */
const { serveScanRequests } = requireCompiled(path.join(__dirname, 'scan-engine.js')) as typeof ScanEngine;
serveScanRequests(workerData as ScanWorkerData, () => {
  // (mostly nothing is owed: the thread loaded its cache)
  if (!owesCompileCaches()) return;
  // a cache holds under the flags it is made under, which are V8's own when the next run loads it; the other
  // threads' young generations grow again for the rest of this run
  releaseYoungGeneration();
  saveCompileCaches();
});
