import { parentPort } from 'worker_threads';
import type { FileFacts } from '../engine/project';
import { SharedStrings } from '../engine/project/shared-strings';
import type { FileBatches } from './file-batches';
import { FileScanner, type FactsPass, type ScannerSettings } from './file-scanner';
import { toPlainJson, UNDEFINED_MARK } from './plain-json';
import { projectOfFacts } from './project';
import type { PackageJson } from './project-manifests';
import type { FileReport } from './scan';
import { awaitingShares, type ShareLine } from './share-channel';
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
 * `facts` in consecutive parts of at most `FACTS_PER_MESSAGE` files, as JSON, each made when the one before has
 * been taken: a sender that posts each part as it comes holds one part's text at a time, not all of them (at
 * 16,000 files, about 28 MB of text for the half of the facts one thread sends the other).
 */
export function* factsParts(facts: ReadonlyArray<[string, FileFacts]>): Generator<FactsPart> {
  for (let i = 0; i < facts.length; i += FACTS_PER_MESSAGE) yield toPlainJson(facts.slice(i, i + FACTS_PER_MESSAGE));
}

/** The files' facts of a part, each with its strings shared through `strings`. */
export function factsOfPart(part: FactsPart, strings: SharedStrings): Array<[string, FileFacts]> {
  const facts = JSON.parse(part) as Array<[string, FileFacts]>;
  // one walk over the facts shares their strings and gives back their undefined values
  return facts.map(([file, fileFacts]) => [file, strings.share(fileFacts, UNDEFINED_MARK)]);
}

export type ScanRequest =
  /** The batches of `work` the worker claims (see `FileBatches`), with the content hashes a cache knows. */
  | { kind: 'facts'; work: FileBatches; known?: Array<[string, string]> }
  /** Some of the facts of files the worker did not extract itself, sent ahead of `analyze` in small parts (see `FACTS_PER_MESSAGE`). */
  | { kind: 'facts-part'; facts: FactsPart }
  /**
   * `order`: every file with facts, in scan order; the facts of those the worker did not extract itself came
   * before in `facts-part` messages (it keeps its own from the facts pass, so they do not travel there and back).
   */
  | { kind: 'analyze'; order: string[]; packages: PackageJson[]; reused?: string[]; others?: FileBatches }
  | { kind: 'dispose' };

export type ScanReply =
  /** Some of the facts the worker extracted, sent ahead of its `facts` reply (whose own `facts` are then empty). */
  | { kind: 'facts-part'; facts: FactsPart }
  | ({ kind: 'facts'; memory?: ThreadMemory } & FactsPass)
  | { kind: 'reports'; reports: FileReport[]; memory?: ThreadMemory }
  | { kind: 'disposed' }
  | { kind: 'failed'; message: string };

/** What a scan thread is started with (its `workerData`). */
export interface ScanWorkerData {
  settings: ScannerSettings;
  shares: ShareLine;
}

/**
 * Answers the main thread's requests one at a time, with a scanner of this thread's files (see `scan-thread.ts`).
 * `analysed` runs after the analysis, before its reply: the main thread ends the thread once it has every reply.
 */
export function serveScanRequests({ settings, shares }: ScanWorkerData, analysed?: () => void): void {
  const port = parentPort!;
  const strings = new SharedStrings();
  const scanner = new FileScanner(settings, undefined, strings);
  let extracted = new Map<string, FileFacts>();
  let received = new Map<string, FileFacts>();
  const answer = async (request: Exclude<ScanRequest, { kind: 'facts-part' }>): Promise<ScanReply> => {
    if (request.kind === 'facts') {
      const pass = await scanner.claimedFacts(request.work, request.known && new Map(request.known));
      extracted = new Map(pass.facts);
      for (const part of factsParts(pass.facts)) port.postMessage({ kind: 'facts-part', facts: part } satisfies ScanReply);
      return { kind: 'facts', ...pass, facts: [], memory: threadMemory('facts') };
    }
    if (request.kind === 'analyze') {
      const facts = request.order.flatMap((file): Array<[string, FileFacts]> => {
        const fileFacts = extracted.get(file) ?? received.get(file);
        return fileFacts ? [[file, fileFacts]] : [];
      });
      extracted = new Map();
      received = new Map();
      // the project-wide results come from the main thread as it computes them (see `share-channel.ts`)
      const project = awaitingShares(projectOfFacts(settings.root, facts, request.packages), shares);
      const reports = await scanner.analyze(project, request.reused && new Set(request.reused), request.others);
      analysed?.();
      return { kind: 'reports', reports, memory: threadMemory('analysis') };
    }
    scanner.dispose();
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
