import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'worker_threads';
import type { ProjectFacts } from '../engine/project';
import { isShareKey, type ShareValues } from '../engine/project/project-shares';

/**
 * The way project-wide results (see `ProjectShare`) go from the main thread to a worker while both analyse
 * files. The worker starts its analysis at once; a rule that asks for a share before it arrived waits for it
 * there (the rules' code is synchronous, so the wait blocks: `Atomics.wait`), and computes it itself when the
 * main thread said it sends no more and had none to give.
 */
export interface ShareLine {
  port: MessagePort;
  /** One 32-bit counter, raised by the sender after each message: the receiver sleeps until it changes. */
  signal: SharedArrayBuffer;
}

type ShareMessage = { values: ShareValues } | { done: true };

/** How long a worker waits for the main thread's next message before it computes what it asked for itself. */
const MAX_WAIT_MS = 30_000;

/** The main thread's end: `line` goes to the worker (in its `transferList`). */
export function shareLine(): { line: ShareLine; send(values: ShareValues): void; done(): void } {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const counter = new Int32Array(signal);
  const post = (message: ShareMessage) => {
    port1.postMessage(message);
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  };
  return {
    line: { port: port2, signal },
    send: (values) => post({ values }),
    // (the port stays open: closing it could drop what the worker has not read yet; it goes with the worker)
    done: () => post({ done: true }),
  };
}

/**
 * The worker's end: `project`, whose shares come from the main thread through `line` (each when first asked,
 * waiting for it if it is not there yet); everything else it computes as usual.
 */
export function awaitingShares(project: ProjectFacts, line: ShareLine): ProjectFacts {
  const counter = new Int32Array(line.signal);
  const received = new Map<string, unknown>();
  let done = false;
  const drain = () => {
    for (let message = receiveMessageOnPort(line.port); message; message = receiveMessageOnPort(line.port)) {
      const body = message.message as ShareMessage;
      if ('done' in body) done = true;
      else for (const [key, value] of body.values) received.set(key, value);
    }
  };
  const fromMain = (key: string): { value: unknown } | undefined => {
    for (;;) {
      const seen = Atomics.load(counter, 0);
      drain();
      if (received.has(key)) return { value: received.get(key) };
      if (done || Atomics.wait(counter, 0, seen, MAX_WAIT_MS) === 'timed-out') return undefined;
    }
  };
  return {
    ...project,
    memo: <T>(key: string, compute: () => T): T => project.memo(key, () => {
      const sent = isShareKey(key) ? fromMain(key) : undefined;
      return sent ? (sent.value as T) : compute();
    }),
  };
}
