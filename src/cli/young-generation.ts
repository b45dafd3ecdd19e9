import { flagGivenToNode } from './node-flags';
import { nodeV8 } from './lazy-builtins';

/**
 * Keeps the young generation of every thread of a scan at V8's initial size (two semi-spaces of 1 MB) while the
 * scan runs, where V8 would double it up to 16 MB each on the main thread as the scan keeps allocating. A scan's
 * facts and reports live until it ends, so a larger young generation only delays their move to the old one, and
 * it is some 30 MB more memory, touched page by page (on the bench machine each new MB costs about 3 ms). On the
 * bench corpus the process peaked 24 MB lower on one thread and 14 MB lower on two, and ran 6% and 3% faster
 * (medians of paired runs). On two threads the main thread's young generation has often grown to 8 MB (16 MB at
 * 16x the corpus) by the time the worker has loaded its code.
 *
 * The size of a young generation is set only when Node starts (`--max-semi-space-size`); what V8 reads as it runs
 * is the factor a young generation grows by, which is one V8 flag for every thread. So:
 * - the factor is 1 only once every thread has loaded its code: a code cache holds only under the flags it was
 *   made under, and V8 sets the factor back to its floor of 2 whenever it makes an isolate (a worker thread);
 * - it is 2, V8's default, again before any thread writes a code cache (`releaseYoungGeneration`): when the scan
 *   ends, and in a worker that owes its cache (it had none, or V8 refused it) after its analysis.
 * A factor given to Node (`NODE_OPTIONS`) is left as it is.
 */
const FLAG = '--semi-space-growth-factor';

/** From now on no young generation grows (call once every thread of the scan has loaded its code). */
export function holdYoungGeneration(): void {
  if (!flagGivenToNode(FLAG)) nodeV8().setFlagsFromString(`${FLAG}=1`);
}

/** Young generations grow again as V8 grows them by default (before a code cache is written). */
export function releaseYoungGeneration(): void {
  if (!flagGivenToNode(FLAG)) nodeV8().setFlagsFromString(`${FLAG}=2`);
}
