import { parentPort, workerData } from 'worker_threads';
import { Grammars } from '../engine/parser';
import type { Request } from './protocol';
import { AnalysisSession } from './session';

/**
 * The analysis worker's entry (bundled by esbuild as dist/analysis-worker.js): an `AnalysisSession` answering
 * the extension host over the thread's port. `workerData.wasmDir` is where the grammars are.
 */
const port = parentPort;
if (port) {
  const wasmDir = (workerData as { wasmDir?: string } | undefined)?.wasmDir;
  const session = new AnalysisSession(wasmDir ? new Grammars(wasmDir) : new Grammars(), (reply) => port.postMessage(reply));
  port.on('message', (request: Request) => session.handle(request));
}
