import { parentPort } from 'worker_threads';
import { effectiveSeverity } from '../engine/analyze';
import type { EngineConfig } from '../engine/config';
import type { FileFacts, ProjectFacts } from '../engine/project';
import type { ProjectShare } from '../engine/project/project-shares';
import { SharedStrings } from '../engine/project/shared-strings';
import { allRules } from '../engine/registry';
import type { FileBatches } from './file-batches';
import { FileScanner, type FactsPass, type ScannerSettings } from './file-scanner';
import { projectOfFacts } from './project';
import type { PackageJson } from './project-manifests';
import type { FileReport } from './scan';
import { ShareExchange } from './share-channel';
import type { ScanWorkerData } from './scan-threads';
import { threadMemory, type ThreadMemory } from './thread-memory';

/**
 * Files' facts per message between threads. A message is copied whole into a buffer by its sender and then
 * rebuilt as objects by its receiver: sent in one message, the facts of thousands of files would be in memory
 * three times at once (sender's objects, the buffer, receiver's objects); in parts, the buffers stay small and
 * each part's strings are shared (see `SharedStrings`) before the next arrives.
 */
export const FACTS_PER_MESSAGE = 200;

/** Files' facts as plain JSON text (see `plain-json.ts` for why text, not the structured clone). */
export type FactsPart = string;

/**
 * Files' facts as JSON text for another thread: `JSON.stringify` as it is, without the replacer `toPlainJson` keeps
 * `undefined` values with, which made writing take about twice as long. Facts never hold `undefined` in a list
 * (which JSON would turn into `null`; a test checks the facts of every language), and a key left out for being
 * `undefined` reads the same as before: no reader of facts tells the two apart.
 */
export function factsJson(facts: ReadonlyArray<[string, FileFacts]>): FactsPart {
  return JSON.stringify(facts);
}

/**
 * `facts` in consecutive parts of at most `FACTS_PER_MESSAGE` files, as JSON, each made when the one before has
 * been taken: a sender that posts each part as it comes holds one part's text at a time, not all of them (at
 * 16,000 files, about 28 MB of text for the half of the facts one thread sends the other).
 */
export function* factsParts(facts: ReadonlyArray<[string, FileFacts]>): Generator<FactsPart> {
  for (let i = 0; i < facts.length; i += FACTS_PER_MESSAGE) yield factsJson(facts.slice(i, i + FACTS_PER_MESSAGE));
}

/**
 * Lets the thread take the messages that came while it worked (other threads' facts): a facts pass hands on
 * each batch's facts and takes the others' as it goes, so that when the pass ends little is left to send.
 */
export function takeMessages(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The files' facts of a part, each with its strings shared through `strings`. */
export function factsOfPart(part: FactsPart, strings: SharedStrings): Array<[string, FileFacts]> {
  const facts = JSON.parse(part) as Array<[string, FileFacts]>;
  // (parsed: their strings are of their own already)
  return facts.map(([file, fileFacts]) => [file, strings.share(fileFacts, true)]);
}

export type ScanRequest =
  /**
   * The batches of `work` the worker claims (see `FileBatches`), with the content hashes a cache knows; the first
   * request, so it says how to scan (`settings`): the thread was started before they were known (see `scan-threads.ts`).
   */
  | { kind: 'facts'; settings: ScannerSettings; work: FileBatches; known?: Array<[string, string]> }
  /**
   * Some of the facts of files the worker did not extract itself: another thread's batch as soon as it is known,
   * or the rest (the cache's) ahead of `analyze` in parts (see `FACTS_PER_MESSAGE`).
   */
  | { kind: 'facts-part'; facts: FactsPart }
  /**
   * `order`: every file with facts, in scan order; the facts of those the worker did not extract itself came
   * before in `facts-part` messages (it keeps its own from the facts pass, so they do not travel there and back).
   */
  | { kind: 'analyze'; order: string[]; packages: PackageJson[]; reused?: string[]; others?: FileBatches; thread: ThreadPlace }
  | { kind: 'dispose' };

/** A thread's place among a scan's threads: which of the project-wide results it computes (see `ShareExchange`). */
export interface ThreadPlace {
  self: number;
  count: number;
}

/** The project-wide results the rules `config` runs may ask for, in the same order on every thread. */
export function scanShares(config: EngineConfig): Array<ProjectShare<unknown>> {
  return allRules().filter((rule) => effectiveSeverity(rule, config)).flatMap((rule) => rule.projectShares ?? []);
}

/**
 * The project as thread `place` analyses it: it computes its part of the project-wide results and receives the
 * others' (see `ShareExchange`); on a single thread, the project itself.
 */
export function placedProject(project: ProjectFacts, config: EngineConfig, exchange: ShareExchange, place: ThreadPlace): ProjectFacts {
  return place.count > 1 ? exchange.share(project, config, scanShares(config), place.self, place.count) : project;
}

export type ScanReply =
  /** The worker's first answer to `facts`, sent before the pass: it has loaded its code (see `young-generation.ts`). */
  | { kind: 'loaded' }
  /** Some of the facts the worker extracted, sent ahead of its `facts` reply (whose own `facts` are then empty). */
  | { kind: 'facts-part'; facts: FactsPart }
  | ({ kind: 'facts'; memory?: ThreadMemory } & FactsPass)
  | { kind: 'reports'; reports: FileReport[]; memory?: ThreadMemory }
  | { kind: 'disposed' }
  | { kind: 'failed'; message: string };

/**
 * Answers the main thread's requests one at a time, with a scanner of this thread's files (see `scan-thread.ts`).
 * `analysed` runs after the analysis, before its reply: the main thread ends the thread once it has every reply.
 */
export function serveScanRequests({ shares }: ScanWorkerData, analysed?: () => void): void {
  const port = parentPort!;
  // its ports to the other threads, which send their project-wide results once every thread has all facts
  const exchange = new ShareExchange(shares);
  const strings = new SharedStrings();
  let scan: { settings: ScannerSettings; scanner: FileScanner } | undefined;
  let extracted = new Map<string, FileFacts>();
  let received = new Map<string, FileFacts>();
  const answer = async (request: Exclude<ScanRequest, { kind: 'facts-part' }>): Promise<ScanReply> => {
    if (request.kind === 'facts') {
      // (sent here, not as the thread starts: a message to a worker before the scan listens to it would be lost)
      port.postMessage({ kind: 'loaded' } satisfies ScanReply);
      scan ??= { settings: request.settings, scanner: new FileScanner(request.settings, undefined, strings) };
      // each batch's facts go to the main thread as soon as they are known (see `takeMessages`)
      const pass = await scan.scanner.claimedFacts(request.work, request.known && new Map(request.known), (facts) => {
        if (facts.length) port.postMessage({ kind: 'facts-part', facts: factsJson(facts) } satisfies ScanReply);
        return takeMessages();
      });
      extracted = new Map(pass.facts);
      return { kind: 'facts', ...pass, facts: [], memory: threadMemory('facts') };
    }
    if (request.kind === 'analyze') {
      if (!scan) throw new Error('asked to analyse before any facts pass');
      const { settings, scanner } = scan;
      const facts = request.order.flatMap((file): Array<[string, FileFacts]> => {
        const fileFacts = extracted.get(file) ?? received.get(file);
        return fileFacts ? [[file, fileFacts]] : [];
      });
      extracted = new Map();
      received = new Map();
      const project = placedProject(projectOfFacts(settings.root, facts, request.packages), settings.config, exchange, request.thread);
      const reports = await scanner.analyze(project, request.reused && new Set(request.reused), request.others);
      exchange.close();
      analysed?.();
      return { kind: 'reports', reports, memory: threadMemory('analysis') };
    }
    scan?.scanner.dispose();
    return { kind: 'disposed' };
  };
  port.on('message', (request: ScanRequest) => {
    if (request.kind === 'facts-part') {
      // received as copies: each name again as a string of its own
      for (const [file, fileFacts] of factsOfPart(request.facts, strings)) received.set(file, fileFacts);
      return;
    }
    answer(request).then(
      (reply) => port.postMessage(reply),
      (error: unknown) => port.postMessage({ kind: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies ScanReply),
    );
  });
}
