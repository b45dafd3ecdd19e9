import * as path from 'path';
import { workerData } from 'worker_threads';
import { requireCompiled, saveCompileCaches } from './code-cache';
import type * as ScanWorker from './scan-worker';

/**
 * A scan thread (see `scanProject`): loads the scanner's bundle (dist/scan-worker.js) through the code cache, as
 * `cli.js` loads the CLI's, and serves the main thread. Without the cache each thread compiles again every function
 * of the scanner it calls, a good part of its facts pass on a small project; the thread writes the cache after its
 * analysis (when the cache was missing or stale), so that it holds both passes' functions.
 */
const { serveScanRequests } = requireCompiled(path.join(__dirname, 'scan-worker.js')) as typeof ScanWorker;
serveScanRequests(workerData as ScanWorker.ScanWorkerData, saveCompileCaches);
