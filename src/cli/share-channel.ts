import type * as WorkerThreads from 'worker_threads';
import type { EngineConfig } from '../engine/config';
import type { ProjectFacts } from '../engine/project';
import { computeShares, isShareKey, type ProjectShare, type ShareValues } from '../engine/project/project-shares';

/**
 * How a scan's threads share project-wide results (see `ProjectShare`) while they analyse files. Each thread
 * computes its part of the shares first (every `count`-th one, from its own index), sends each to all the
 * others as soon as it is ready, then says it is done and starts on its files. A rule that asks for a share
 * another thread computes waits for it (the rules' code is synchronous, so the wait blocks: `Atomics.wait`);
 * a share no thread sent, once all have said they are done, is computed where it is asked for.
 *
 * No thread waits while it computes its own part (a share it needs then is computed there), so no two
 * threads ever wait for each other.
 */
export interface ShareLine {
  /**
   * A port to each other thread of the scan. Their messages are taken only when asked for (`receiveMessageOnPort`):
   * a port nobody listens on keeps them until then (a `BroadcastChannel` would hand them to the thread's event
   * loop, which drops them when nobody listens).
   */
  ports: WorkerThreads.MessagePort[];
  /** One 32-bit counter for the whole scan, raised by a sender after each message: a waiting thread sleeps until it changes. */
  signal: SharedArrayBuffer;
}

type ShareMessage = { values: ShareValues } | { done: number };

/** Node's `worker_threads`, loaded when first used: the CLI loads this module on every run, and a run that scans nothing (a rescan from the cache) never needs it. */
const threads = () => require('worker_threads') as typeof WorkerThreads;

/** How long a thread waits for another's next message before it computes what it asked for itself. */
const MAX_WAIT_MS = 30_000;

/** The lines of a scan's `count` threads: a port between each two of them, and the counter they share. */
export function shareLines(count: number): ShareLine[] {
  const signal = new SharedArrayBuffer(4);
  const lines: ShareLine[] = Array.from({ length: count }, () => ({ ports: [], signal }));
  for (let i = 0; i < count; i += 1) {
    for (let j = i + 1; j < count; j += 1) {
      const { port1, port2 } = new (threads().MessageChannel)();
      lines[i].ports.push(port1);
      lines[j].ports.push(port2);
    }
  }
  return lines;
}

/** One thread's end of the scan's lines. */
export class ShareExchange {
  private readonly counter: Int32Array;
  private readonly received = new Map<string, unknown>();
  private readonly done = new Set<number>();

  constructor(private readonly line: ShareLine) {
    this.counter = new Int32Array(line.signal);
  }

  /**
   * Thread `self` of `count`: computes its part of `shares` for `project`, sending each result to the other
   * threads, and returns the project as this thread's analysis reads it: a share another thread computes is
   * taken from it (waiting for it if needed); every other result is computed here as usual.
   */
  share(project: ProjectFacts, config: EngineConfig, shares: ReadonlyArray<ProjectShare<unknown>>, self: number, count: number): ProjectFacts {
    let own = true;
    const shared: ProjectFacts = {
      ...project,
      memo: <T>(key: string, compute: () => T): T => project.memo(key, () => {
        const sent = !own && isShareKey(key) ? this.awaited(key, count) : undefined;
        return sent ? (sent.value as T) : compute();
      }),
    };
    shares.forEach((share, i) => {
      if (i % count !== self) return;
      try {
        const values = computeShares(shared, config, [share]);
        if (values.length) this.post({ values });
      } catch {
        // the thread that asks computes it for itself, and its rule fails there as it would have
        // (a result the structured clone cannot copy is not sent either)
      }
    });
    this.post({ done: self });
    own = false;
    return shared;
  }

  /** Closes this thread's ports. */
  close(): void {
    for (const port of this.line.ports) port.close();
  }

  private post(message: ShareMessage): void {
    for (const port of this.line.ports) port.postMessage(message);
    Atomics.add(this.counter, 0, 1);
    Atomics.notify(this.counter, 0);
  }

  private drain(): void {
    const { receiveMessageOnPort } = threads();
    for (const port of this.line.ports) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        const body = message.message as ShareMessage;
        if ('done' in body) this.done.add(body.done);
        else for (const [key, value] of body.values) this.received.set(key, value);
      }
    }
  }

  /** The share `key` as another thread sent it; `undefined` once the `count - 1` others are done without sending it. */
  private awaited(key: string, count: number): { value: unknown } | undefined {
    for (;;) {
      const seen = Atomics.load(this.counter, 0);
      this.drain();
      if (this.received.has(key)) return { value: this.received.get(key) };
      if (this.done.size >= count - 1 || Atomics.wait(this.counter, 0, seen, MAX_WAIT_MS) === 'timed-out') return undefined;
    }
  }
}
