import type { EngineConfig } from '../engine/config';
import type { ContentChange } from '../engine/incremental';
import type { ProjectFacts, ProjectFactsData } from '../engine/project';
import type { Finding, RuleScope } from '../engine/types';
import type { Reply, Request } from './protocol';
import { engine } from '../extension/engine-loader';

/** A pass's outcome as the host takes it in: only ever for the newest version sent for the document. */
export interface PassResult {
  id: string;
  version: number;
  scope: RuleScope;
  findings: Finding[];
  notes: string[];
  skipped?: string;
  deferred?: string;
  engineMs: number;
  /** What taking the result in cost the host thread (reading the findings). */
  receiveMs: number;
}

/** Where requests go: a worker thread, or a session in this thread. */
export interface Transport {
  post(request: Request): void;
  /** Stops it; resolves once it has stopped. */
  stop(): Promise<void>;
}

export interface ClientOptions {
  /** The worker's script (dist/analysis-worker.js); without it, or when it cannot start, analysis runs in this thread. */
  workerFile?: string;
  /** The grammars' folder (dist/wasm); defaults to the engine's. */
  wasmDir?: string;
  /** Told why the analysis runs in this thread instead of the worker. */
  log: (message: string) => void;
  /** The transport to use instead of a worker thread (tests). */
  transport?: (deliver: (reply: Reply) => void, fail: (reason: string) => void) => Transport;
}

interface Tracked {
  /**
   * The document's name on the wire: its id and which opening of it this is, so that a late answer for a
   * document closed and opened again (a configuration change) never passes for one of the new opening.
   */
  wire: string;
  /** The newest version sent; results for any other are stale. */
  version: number;
  /** The scopes of the passes asked for and not answered yet, in the order asked. */
  waiting: RuleScope[];
  /** How to open the document again where analysis moves to (its current text and options). */
  reopen: () => Extract<Request, { type: 'open' }>;
}

/**
 * The extension host's side of the analysis: hands documents and edits to the analysis worker and takes in
 * its results, dropping any that is not for the newest version sent. The host thread pays per keystroke only
 * for posting the edit and, later, reading the findings. If the worker cannot start or dies, analysis moves
 * to this thread (the same session code), the documents are opened there again, and the reason is logged.
 */
export class AnalysisClient {
  private transport: Transport;
  private worker = false;
  private readonly documents = new Map<string, Tracked>();
  private readonly listeners = new Set<(result: PassResult) => void>();
  private readonly idle = new Map<string, (() => void)[]>();
  private readonly factsSent = new Map<string, ProjectFactsData>();
  private readonly ids = new Map<string, string>();
  private openings = 0;
  private disposed = false;

  private constructor(private readonly options: ClientOptions) {
    this.transport = this.startTransport();
  }

  static start(options: ClientOptions): AnalysisClient {
    return new AnalysisClient(options);
  }

  /** True while analysis runs in the worker thread. */
  get inWorker(): boolean {
    return this.worker;
  }

  private startTransport(): Transport {
    const deliver = (reply: Reply) => this.receive(reply);
    const fail = (reason: string) => this.fallBack(reason);
    if (this.options.transport) {
      this.worker = true;
      return this.options.transport(deliver, fail);
    }
    if (this.options.workerFile) {
      try {
        const transport = workerTransport(this.options.workerFile, this.options.wasmDir, deliver, fail);
        this.worker = true;
        return transport;
      } catch (error) {
        this.options.log(`analysis runs in the extension host thread: the worker could not start (${String(error)})`);
      }
    } else {
      this.options.log('analysis runs in the extension host thread: no worker script');
    }
    return this.inThread();
  }

  private inThread(): Transport {
    this.worker = false;
    // the engine's bundle, loaded now: with a worker, only the worker loads the analysis
    const { AnalysisSession, Grammars } = engine();
    const session = new AnalysisSession(this.options.wasmDir ? new Grammars(this.options.wasmDir) : new Grammars(), (reply) => this.receive(reply));
    return { post: (request) => session.handle(request), stop: async () => session.dispose() };
  }

  /** The worker failed: continue in this thread, with every open document opened there again. */
  private fallBack(reason: string): void {
    if (this.disposed || !this.worker) return;
    this.options.log(`analysis moved to the extension host thread: ${reason}`);
    void this.transport.stop().catch(() => undefined);
    this.transport = this.inThread();
    for (const tracked of this.documents.values()) {
      this.transport.post(tracked.reopen());
      // the passes the worker did not answer are asked again, here
      tracked.waiting = [...new Set(tracked.waiting)];
      for (const scope of tracked.waiting) this.transport.post({ type: 'analyze', id: tracked.wire, version: tracked.version, scope });
    }
  }

  onResult(listener: (result: PassResult) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts analysing a document. `current` gives its text, version and options now: it is called again if
   * the analysis has to move to this thread (the caller then drops the changes it had not sent yet, since
   * the text it gives holds them).
   */
  open(id: string, current: () => { text: string; version: number; languageId: string; fileName: string; config: EngineConfig }): void {
    this.close(id);
    const wire = `${id}#${++this.openings}`;
    const tracked: Tracked = { wire, version: 0, waiting: [], reopen: () => {
      const now = current();
      tracked.version = now.version;
      return { type: 'open', id: wire, ...now };
    } };
    this.documents.set(id, tracked);
    this.ids.set(wire, id);
    this.transport.post(tracked.reopen());
  }

  /** The document's changes that made `version`. */
  edit(id: string, version: number, changes: readonly ContentChange[]): void {
    const tracked = this.documents.get(id);
    if (!tracked) return;
    tracked.version = version;
    this.transport.post({ type: 'edit', id: tracked.wire, version, changes: changes.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text })) });
  }

  /**
   * Asks for a pass of one scope's rules on the newest version. `budgetMs` applies only in this thread (where
   * a long pass would hold up the editor); the worker always finishes its passes. `facts`: the project facts
   * the rules read, sent along when they changed since the last pass.
   */
  analyze(id: string, scope: RuleScope, options: { budgetMs?: number; facts?: ProjectFacts } = {}): void {
    const tracked = this.documents.get(id);
    if (!tracked) return;
    let factsKey: string | undefined;
    const data = options.facts?.data;
    if (data) {
      factsKey = data.rootDir;
      if (this.factsSent.get(factsKey) !== data) {
        this.factsSent.set(factsKey, data);
        this.transport.post({ type: 'facts', key: factsKey, data });
      }
    }
    tracked.waiting.push(scope);
    this.transport.post({ type: 'analyze', id: tracked.wire, version: tracked.version, scope, factsKey, ...(this.worker ? {} : { budgetMs: options.budgetMs }) });
  }

  close(id: string): void {
    const tracked = this.documents.get(id);
    if (!tracked) return;
    this.documents.delete(id);
    this.ids.delete(tracked.wire);
    this.transport.post({ type: 'close', id: tracked.wire });
    this.release(id);
  }

  /** Resolves once no pass asked for the document is waiting for its answer (tests, the benchmark). */
  settled(id: string): Promise<void> {
    const tracked = this.documents.get(id);
    if (!tracked || tracked.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.set(id, [...(this.idle.get(id) ?? []), resolve]));
  }

  private release(id: string): void {
    for (const resolve of this.idle.get(id) ?? []) resolve();
    this.idle.delete(id);
  }

  private receive(reply: Reply): void {
    const id = this.ids.get(reply.id);
    const tracked = id === undefined ? undefined : this.documents.get(id);
    if (id === undefined || !tracked) return;
    // every pass asked for is answered once: with findings, a failure, or as superseded by a newer version
    const answered = tracked.waiting.indexOf(reply.scope);
    if (answered >= 0) tracked.waiting.splice(answered, 1);
    if (reply.type === 'failed') this.options.log(`analysis of ${id} failed: ${reply.message}`);
    if (reply.type === 'result' && reply.version === tracked.version) this.publish(id, reply);
    if (tracked.waiting.length === 0) this.release(id);
  }

  private publish(id: string, reply: Extract<Reply, { type: 'result' }>): void {
    const started = performance.now();
    const findings = JSON.parse(reply.findingsJson) as Finding[];
    const result: PassResult = { id, version: reply.version, scope: reply.scope, findings, notes: reply.notes, engineMs: reply.engineMs, receiveMs: 0 };
    if (reply.skipped) result.skipped = reply.skipped;
    if (reply.deferred) result.deferred = reply.deferred;
    result.receiveMs = performance.now() - started;
    for (const listener of this.listeners) listener(result);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const id of [...this.documents.keys()]) this.close(id);
    await this.transport.stop();
  }
}

function workerTransport(file: string, wasmDir: string | undefined, deliver: (reply: Reply) => void, fail: (reason: string) => void): Transport {
  // Node's worker_threads, loaded with the first analysed document, not as the extension activates
  const { Worker } = require('worker_threads') as typeof import('worker_threads');
  const worker = new Worker(file, { workerData: { wasmDir } });
  let stopping = false;
  worker.on('message', deliver);
  worker.on('error', (error) => fail(`the worker failed: ${error instanceof Error ? error.message : String(error)}`));
  worker.on('exit', (code) => { if (!stopping) fail(`the worker exited (code ${code})`); });
  return {
    post: (request) => worker.postMessage(request),
    stop: async () => { stopping = true; await worker.terminate(); },
  };
}
