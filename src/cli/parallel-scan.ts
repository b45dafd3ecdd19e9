import type { Worker } from 'worker_threads';
import type { FileFacts, ProjectFacts } from '../engine/project';
import { SharedStrings } from '../engine/project/shared-strings';
import { scanOfUnchanged } from './cached-scan';
import { fileBatches, type FileBatches } from './file-batches';
import { FileScanner, keptTreeBudget, type FactsPass, type ScannerSettings, type UnreadableFile } from './file-scanner';
import { projectOfFacts } from './project';
import { readPackageJsons, type PackageJson } from './project-manifests';
import { relativePath } from './relative-path';
import type { FileReport } from './scan';
import type { ScanCache } from './scan-cache';
import { endOf, startScanThreads, type ScanThreads } from './scan-threads';
import { factsJson, factsOfPart, factsParts, placedProject, takeMessages, type FactsPart, type ScanReply, type ScanRequest, type ThreadPlace } from './scan-worker';
import { ShareExchange } from './share-channel';
import { threadMemory, threadMemoryLine, type ThreadMemory } from './thread-memory';
import { holdYoungGeneration, releaseYoungGeneration } from './young-generation';

export interface ProjectScan {
  project: ProjectFacts;
  /** Files that could not be read: no report is made when there are any. */
  unreadable: UnreadableFile[];
  /** In the order of the files given; absent when only the facts were asked for. */
  reports?: FileReport[];
  /** With a cache: how many files' facts and reports it gave (the rest were parsed and analysed). */
  fromCache?: { facts: number; reports: number };
}

/** A scanner in this thread or in a worker thread: the same two passes either way. */
interface ScannerHandle {
  /** The facts of the batches this thread claims of `work`. */
  facts(work: FileBatches, known?: Map<string, string>): Promise<FactsPass>;
  /**
   * Hands the thread every file's facts, in scan order, ahead of `analyze`: those it lacks still (other threads'
   * facts reach it during the facts pass, see `takeMessages`, but not the cache's).
   */
  share(facts: ReadonlyArray<[string, FileFacts]>): void;
  /**
   * Reports of the files whose trees the thread kept, then of the batches of `others` it claims (see
   * `FileScanner.analyze`); the thread computes its part of the project-wide results first (see `ShareExchange`).
   */
  analyze(project: ProjectFacts, packages: ReturnType<typeof readPackageJsons>, place: ThreadPlace, reused?: Set<string>, others?: FileBatches): Promise<FileReport[]>;
  close(): Promise<void>;
  /** What the thread held after each pass, when measured (see `thread-memory.ts`). */
  readonly memory: { role: string; facts?: ThreadMemory; analysis?: ThreadMemory };
}

/** A worker's handle, which also takes other threads' facts on to it during the facts pass. */
interface WorkerHandle extends ScannerHandle {
  /** Sends the worker the facts of `files` (a part, see `factsParts`). */
  send(part: FactsPart, files: readonly string[]): void;
}

/** This thread's scanner; each batch's facts it extracts go to the `workers` as soon as they are known. */
function inThisThread(settings: ScannerSettings, strings: SharedStrings, exchange: ShareExchange, workers: readonly WorkerHandle[]): ScannerHandle {
  const scanner = new FileScanner(settings, undefined, strings);
  const memory: ScannerHandle['memory'] = { role: 'main thread' };
  return {
    memory,
    async facts(work, known) {
      const pass = await scanner.claimedFacts(work, known, workers.length ? (facts) => {
        if (facts.length) {
          const part = factsJson(facts);
          const files = facts.map(([file]) => file);
          for (const worker of workers) worker.send(part, files);
        }
        return takeMessages();
      } : undefined);
      memory.facts = threadMemory('facts');
      return pass;
    },
    share() {},
    async analyze(project, _packages, place, reused, others) {
      const reports = await scanner.analyze(placedProject(project, settings.config, exchange, place), reused, others);
      memory.analysis = threadMemory('analysis');
      return reports;
    },
    close: async () => scanner.dispose(),
  };
}

/**
 * A started worker thread (see `startScanThreads`) running the scanner with `settings`. Facts travel both ways
 * in parts; those received share their strings with this thread's `strings`, and go on to the other workers
 * through `relay`.
 */
function inWorker(worker: Worker, settings: ScannerSettings, role: string, strings: SharedStrings, relay: (part: FactsPart, files: readonly string[], from: WorkerHandle) => void, loaded: () => void): WorkerHandle {
  // the scan holds the process until its threads are done
  worker.ref();
  const memory: ScannerHandle['memory'] = { role };
  /** The files whose facts the worker extracted: it keeps them, so they are not sent back to it. */
  let extracted = new Set<string>();
  /** The files whose facts were sent to it. */
  const sent = new Set<string>();
  /** Every file with facts, in scan order. */
  let order: string[] = [];
  /** The facts the worker sent ahead of its reply to `facts`. */
  let arrived: Array<[string, FileFacts]> = [];
  let pending: { resolve: (reply: ScanReply) => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    pending?.reject(error);
    pending = undefined;
  };
  worker.on('message', (reply: ScanReply) => {
    if (reply.kind === 'loaded') {
      loaded();
      return;
    }
    if (reply.kind === 'facts-part') {
      const facts = factsOfPart(reply.facts, strings);
      arrived.push(...facts);
      relay(reply.facts, facts.map(([file]) => file), handle);
      return;
    }
    const waiting = pending;
    pending = undefined;
    if (reply.kind === 'failed') waiting?.reject(new Error(`a scan worker failed: ${reply.message}`));
    else waiting?.resolve(reply);
  });
  // what ends the thread is noted from its start (`noteEnd`, whose listeners run before these): a request
  // waiting then fails with it, and so does one asked of a thread gone already, even before the scan took it
  const ends = () => {
    const ended = endOf(worker);
    if (ended) fail(ended);
  };
  worker.on('error', ends);
  worker.on('exit', ends);
  const ask = (request: ScanRequest): Promise<ScanReply> => new Promise((resolve, reject) => {
    const ended = endOf(worker);
    if (ended) {
      reject(ended);
      return;
    }
    pending = { resolve, reject };
    worker.postMessage(request);
  });
  const handle: WorkerHandle = {
    memory,
    send(part, files) {
      worker.postMessage({ kind: 'facts-part', facts: part } satisfies ScanRequest);
      for (const file of files) sent.add(file);
    },
    async facts(work, known) {
      arrived = [];
      const reply = await ask({ kind: 'facts', settings, work, known: known && [...known] });
      const facts = arrived;
      arrived = [];
      if (reply.kind !== 'facts') return { facts: [], kept: [], unreadable: [], hashes: [], unchanged: [] };
      memory.facts = reply.memory;
      extracted = new Set(facts.map(([file]) => file));
      return { ...reply, facts };
    },
    share(facts) {
      order = facts.map(([file]) => file);
      for (const part of factsParts(facts.filter(([file]) => !extracted.has(file) && !sent.has(file)))) worker.postMessage({ kind: 'facts-part', facts: part } satisfies ScanRequest);
    },
    async analyze(_project, packages, thread, reused, others) {
      const reply = await ask({ kind: 'analyze', order, packages, reused: reused && [...reused], others, thread });
      if (reply.kind !== 'reports') return [];
      memory.analysis = reply.memory;
      return reply.reports;
    },
    async close() {
      worker.removeAllListeners('exit');
      // its reports are in: the scan's results need not wait for the thread to be gone
      worker.unref();
      void worker.terminate();
    },
  };
  return handle;
}

/**
 * Gathers the project facts of every file, then analyses each file against them, on `threads` threads:
 * this one and `threads - 1` workers. Each thread keeps its own files from one pass to the next; reports come back in the order
 * of `sources`, so the output is the same whatever the number of threads. With a `cache`, unchanged files are
 * not parsed for facts, reports still valid are taken from it (see `ScanCache`), and the cache is updated;
 * `unchangedAsked`: the caller has already asked `scanOfUnchanged` (and the project had changed), so it is not asked again;
 * `packages`: the files' package.json files (see `readPackageJsons`), when the caller has read them already;
 * `started`: worker threads the caller started ahead (see `startScanThreads`), which the scan uses or ends.
 */
export async function scanProject(
  files: readonly string[], settings: ScannerSettings,
  options: { threads: number; analyze: boolean; cache?: ScanCache; unchangedAsked?: boolean; packages?: PackageJson[]; started?: ScanThreads },
): Promise<ProjectScan> {
  const { cache, started } = options;
  const threads = Math.max(1, options.threads);
  // threads started for another count of them end at once (they do not hold the process meanwhile: see `startScanThreads`)
  const end = (workers: readonly Worker[]) => workers.forEach((worker) => void worker.terminate());
  if (started && started.workers.length !== threads - 1) end(started.workers);
  const packages = options.packages ?? readPackageJsons(files, settings.root);
  if (cache && options.analyze && !options.unchangedAsked) {
    // nothing changed: nothing is parsed
    const unchanged = scanOfUnchanged(files, packages, settings.displayRoot, cache, (facts) => projectOfFacts(settings.root, facts, packages));
    if (unchanged) {
      if (started) end(started.workers);
      return unchanged;
    }
  }
  const { workers, shares } = started?.workers.length === threads - 1 ? started : startScanThreads(threads - 1);
  const exchange = new ShareExchange(shares);
  const work = fileBatches(files, threads);
  const scanSettings: ScannerSettings = { ...settings, keptTreeChars: keptTreeBudget(settings.keptTreeChars, threads, work.bytes) };
  // This thread scans too: it would otherwise only wait, and each worker costs a start (loading the code,
  // compiling the grammars, warming up), during which this thread claims the first batches. Workers get
  // their requests before it starts its own.
  // facts from workers and from the cache arrive as copies, each name a string of its own: they are shared with this thread's
  const strings = new SharedStrings();
  // a worker's facts go on to the other workers as they arrive here
  const relay = (part: FactsPart, files: readonly string[], from: WorkerHandle) => {
    for (const handle of handles) if (handle !== from) handle.send(part, files);
  };
  // young generations stay small once every thread has loaded its code (see `young-generation.ts`)
  let loading = workers.length;
  const loaded = () => {
    loading -= 1;
    if (loading === 0) holdYoungGeneration();
  };
  if (loading === 0) holdYoungGeneration();
  const handles = workers.map((worker, i) => inWorker(worker, scanSettings, `worker ${i + 1}`, strings, relay, loaded));
  const scanners: ScannerHandle[] = [...handles, inThisThread(scanSettings, strings, exchange, handles)];
  try {
    const gathered = new Map<string, FileFacts>();
    const hashes = new Map<string, string>();
    const unreadable: UnreadableFile[] = [];
    const known = cache?.knownHashes(files);
    const passes = await Promise.all(scanners.map((scanner) => scanner.facts(work, known)));
    for (const pass of passes) {
      // (facts from workers shared their strings with this thread's as they arrived)
      for (const [file, fileFacts] of pass.facts) gathered.set(file, fileFacts);
      for (const [file, hash] of pass.hashes) hashes.set(file, hash);
      for (const file of pass.unchanged) {
        const cached = cache?.facts(file, hashes.get(file) ?? '');
        // (parsed from the cache's JSON: its strings are of their own)
        if (cached) gathered.set(file, strings.share(cached, true));
      }
      unreadable.push(...pass.unreadable);
    }
    const ordered: Array<[string, FileFacts]> = [];
    for (const file of files) {
      const fileFacts = gathered.get(file);
      if (fileFacts) ordered.push([file, fileFacts]);
    }
    const project = projectOfFacts(settings.root, ordered, packages);
    // an unreadable file is said and skipped: the others are still analysed
    if (!options.analyze) return { project, unreadable: inOrder(unreadable, files) };
    const digest = cache ? cache.projectDigest(ordered, packages) : '';
    const byFile = new Map<string, FileReport>();
    const reused = new Set<string>();
    for (const [file, hash] of hashes) {
      const report = cache?.report(file, hash, digest, (other) => gathered.get(other)?.textHash);
      if (!report) continue;
      reused.add(file);
      byFile.set(file, { ...report, relative: relativePath(settings.displayRoot, file) });
    }
    // A thread analyses the files whose trees it kept; the others are read again by whichever thread claims them.
    const kept = new Set(passes.flatMap((pass) => pass.kept));
    const unread = new Set(unreadable.map(({ file }) => file));
    const others = threads > 1 ? fileBatches(files.filter((file) => !kept.has(file) && !unread.has(file)), threads) : undefined;
    // The workers read the facts they lack and start their analysis, as this thread does: each works out its part
    // of the project-wide results first and sends it to the others.
    for (const scanner of scanners) scanner.share(ordered);
    const analyses = scanners.map((scanner, self) => scanner.analyze(project, packages, { self, count: threads }, cache ? reused : undefined, others));
    for (const reports of await Promise.all(analyses)) {
      for (const report of reports) byFile.set(report.file, report);
    }
    const reports: FileReport[] = [];
    for (const file of files) {
      const report = byFile.get(file);
      if (report) reports.push(report);
    }
    // in the scan's order, which the digest follows (the order in which threads claimed files is not)
    const scanned = files.flatMap((file) => {
      const hash = hashes.get(file);
      return hash === undefined ? [] : [{ file, hash, facts: gathered.get(file), report: byFile.get(file) }];
    });
    cache?.update(digest, scanned, packages);
    const fromCache = cache ? { facts: passes.reduce((sum, pass) => sum + pass.unchanged.length, 0), reports: reused.size } : undefined;
    return { project, unreadable, reports, fromCache };
  } finally {
    releaseYoungGeneration();
    exchange.close();
    if (scanners.some((scanner) => scanner.memory.facts)) process.stderr.write(threadMemoryLine(scanners.map((scanner) => scanner.memory)));
    await Promise.all(scanners.map((scanner) => scanner.close()));
  }
}

function inOrder(unreadable: readonly UnreadableFile[], files: readonly string[]): UnreadableFile[] {
  const position = new Map(files.map((file, i) => [file, i]));
  return [...unreadable].sort((a, b) => (position.get(a.file) ?? 0) - (position.get(b.file) ?? 0));
}
