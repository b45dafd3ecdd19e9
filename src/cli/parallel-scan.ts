import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { effectiveSeverity } from '../engine/analyze';
import type { FileFacts, ProjectFacts } from '../engine/project';
import { scanOfUnchanged } from './cached-scan';
import { computeShares, type ShareValues } from '../engine/project/project-shares';
import { allRules } from '../engine/registry';
import { SharedStrings } from '../engine/project/shared-strings';
import { fileBatches, type FileBatches } from './file-batches';
import { FileScanner, keptTreeBudget, type FactsPass, type ScannerSettings, type UnreadableFile } from './file-scanner';
import { projectOfFacts } from './project';
import { readPackageJsons, type PackageJson } from './project-manifests';
import { relativePath } from './relative-path';
import type { FileReport } from './scan';
import type { ScanCache } from './scan-cache';
import { shareLine } from './share-channel';
import { factsOfPart, factsParts, type ScanReply, type ScanRequest, type ScanWorkerData } from './scan-worker';
import { threadMemory, threadMemoryLine, type ThreadMemory } from './thread-memory';

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
  /** Hands the thread every file's facts, in scan order, ahead of `analyze` (it lacks those other threads extracted). */
  share(facts: ReadonlyArray<[string, FileFacts]>): void;
  /** Reports of the files whose trees the thread kept, then of the batches of `others` it claims (see `FileScanner.analyze`). */
  analyze(project: ProjectFacts, packages: ReturnType<typeof readPackageJsons>, reused?: Set<string>, others?: FileBatches): Promise<FileReport[]>;
  /** A worker's: the project-wide results this thread computes for every thread, sent as each is ready (see `share-channel.ts`). */
  readonly shares?: { send(values: ShareValues): void; done(): void };
  close(): Promise<void>;
  /** What the thread held after each pass, when measured (see `thread-memory.ts`). */
  readonly memory: { role: string; facts?: ThreadMemory; analysis?: ThreadMemory };
}

/** Fewer files than this per thread are scanned by fewer threads: starting one costs about what scanning that many does. */
const MIN_FILES_PER_THREAD = 40;

/** The cores this process may use. */
export function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : Math.max(1, os.cpus().length);
}

/** Threads for a scan: `jobs` when given (at most one per file), else every core, each with enough files to be worth it. */
export function threadsFor(fileCount: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, fileCount));
  return Math.max(1, Math.min(availableCores(), Math.floor(fileCount / MIN_FILES_PER_THREAD)));
}

function inThisThread(settings: ScannerSettings, strings: SharedStrings): ScannerHandle {
  const scanner = new FileScanner(settings, undefined, strings);
  const memory: ScannerHandle['memory'] = { role: 'main thread' };
  return {
    memory,
    async facts(work, known) {
      const pass = await scanner.claimedFacts(work, known);
      memory.facts = threadMemory('facts');
      return pass;
    },
    share() {},
    async analyze(project, _packages, reused, others) {
      const reports = await scanner.analyze(project, reused, others);
      memory.analysis = threadMemory('analysis');
      return reports;
    },
    close: async () => scanner.dispose(),
  };
}

/**
 * The script a scan thread runs: `scan-thread.js` beside this code (dist/, or the compiled modules in tests), which
 * loads the scanner and the engine only (`scan-engine.js`), so a thread starts without loading the CLI's commands.
 */
const SCAN_THREAD_FILE = path.join(__dirname, 'scan-thread.js');

/**
 * A worker thread running the scanner (see `SCAN_THREAD_FILE`). Facts travel both ways in parts (see
 * `FACTS_PER_MESSAGE`); those received share their strings with this thread's `strings`.
 */
function inWorker(settings: ScannerSettings, role: string, strings: SharedStrings): ScannerHandle {
  const memory: ScannerHandle['memory'] = { role };
  /** The files whose facts the worker extracted: it keeps them, so they are not sent back to it. */
  let extracted = new Set<string>();
  /** Every file with facts, in scan order. */
  let order: string[] = [];
  /** The facts the worker sent ahead of its reply to `facts`. */
  let arrived: Array<[string, FileFacts]> = [];
  const shares = shareLine();
  const worker = new Worker(SCAN_THREAD_FILE, { workerData: { settings, shares: shares.line } satisfies ScanWorkerData, transferList: [shares.line.port] });
  let pending: { resolve: (reply: ScanReply) => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    pending?.reject(error);
    pending = undefined;
  };
  worker.on('message', (reply: ScanReply) => {
    if (reply.kind === 'facts-part') {
      arrived.push(...factsOfPart(reply.facts, strings));
      return;
    }
    const waiting = pending;
    pending = undefined;
    if (reply.kind === 'failed') waiting?.reject(new Error(`a scan worker failed: ${reply.message}`));
    else waiting?.resolve(reply);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`a scan worker stopped (exit code ${code})`)));
  const ask = (request: ScanRequest): Promise<ScanReply> => new Promise((resolve, reject) => {
    pending = { resolve, reject };
    worker.postMessage(request);
  });
  return {
    memory,
    async facts(work, known) {
      arrived = [];
      const reply = await ask({ kind: 'facts', work, known: known && [...known] });
      const facts = arrived;
      arrived = [];
      if (reply.kind !== 'facts') return { facts: [], kept: [], unreadable: [], hashes: [], unchanged: [] };
      memory.facts = reply.memory;
      extracted = new Set(facts.map(([file]) => file));
      return { ...reply, facts };
    },
    share(facts) {
      order = facts.map(([file]) => file);
      for (const part of factsParts(facts.filter(([file]) => !extracted.has(file)))) worker.postMessage({ kind: 'facts-part', facts: part } satisfies ScanRequest);
    },
    shares: { send: shares.send, done: shares.done },
    async analyze(_project, packages, reused, others) {
      const reply = await ask({ kind: 'analyze', order, packages, reused: reused && [...reused], others });
      if (reply.kind !== 'reports') return [];
      memory.analysis = reply.memory;
      return reply.reports;
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

/**
 * Gathers the project facts of every file, then analyses each file against them, on `threads` threads:
 * this one and `threads - 1` workers. Each thread keeps its own files from one pass to the next; reports come back in the order
 * of `sources`, so the output is the same whatever the number of threads. With a `cache`, unchanged files are
 * not parsed for facts, reports still valid are taken from it (see `ScanCache`), and the cache is updated;
 * `unchangedAsked`: the caller has already asked `scanOfUnchanged` (and the project had changed), so it is not asked again;
 * `packages`: the files' package.json files (see `readPackageJsons`), when the caller has read them already.
 */
export async function scanProject(
  files: readonly string[], settings: ScannerSettings,
  options: { threads: number; analyze: boolean; cache?: ScanCache; unchangedAsked?: boolean; packages?: PackageJson[] },
): Promise<ProjectScan> {
  const { cache } = options;
  const packages = options.packages ?? readPackageJsons(files, settings.root);
  if (cache && options.analyze && !options.unchangedAsked) {
    // nothing changed: no thread is started and nothing is parsed
    const unchanged = scanOfUnchanged(files, packages, settings.displayRoot, cache, (facts) => projectOfFacts(settings.root, facts, packages));
    if (unchanged) return unchanged;
  }
  const threads = Math.max(1, options.threads);
  const work = fileBatches(files, threads);
  const scanSettings: ScannerSettings = { ...settings, keptTreeChars: keptTreeBudget(settings.keptTreeChars, threads, work.bytes) };
  // This thread scans too: it would otherwise only wait, and each worker costs a start (loading the code,
  // compiling the grammars, warming up), during which this thread claims the first batches. Workers get
  // their requests before it starts its own.
  // facts from workers and from the cache arrive as copies, each name a string of its own: they are shared with this thread's
  const strings = new SharedStrings();
  const scanners = Array.from({ length: threads }, (_, i) => (i === threads - 1 ? inThisThread(scanSettings, strings) : inWorker(scanSettings, `worker ${i + 1}`, strings)));
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
        if (cached) gathered.set(file, strings.share(cached));
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
    // The workers read the facts they lack and start their analysis while this thread works out the project-wide
    // results for all and sends them; then it starts its own.
    for (const scanner of scanners) scanner.share(ordered);
    const analyses = scanners.map((scanner) => (scanner.shares ? scanner.analyze(project, packages, cache ? reused : undefined, others) : undefined));
    sendShares(project, settings.config, scanners.flatMap((scanner) => scanner.shares ?? []));
    const here = scanners.map((scanner, i) => analyses[i] ?? scanner.analyze(project, packages, cache ? reused : undefined, others));
    for (const reports of await Promise.all(here)) {
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
    if (scanners.some((scanner) => scanner.memory.facts)) process.stderr.write(threadMemoryLine(scanners.map((scanner) => scanner.memory)));
    await Promise.all(scanners.map((scanner) => scanner.close()));
  }
}

/**
 * Computes, once here, the project-wide results of the rules `config` runs (see `ProjectShare`) and sends each
 * to the `workers` as soon as it is ready. One that fails is left out: each thread then computes it for itself,
 * and its rule fails there as it would have.
 */
function sendShares(project: ProjectFacts, config: ScannerSettings['config'], workers: ReadonlyArray<NonNullable<ScannerHandle['shares']>>): void {
  if (!workers.length) return;
  for (const share of allRules().filter((rule) => effectiveSeverity(rule, config)).flatMap((rule) => rule.projectShares ?? [])) {
    try {
      const values = computeShares(project, config, [share]);
      if (values.length) for (const worker of workers) worker.send(values);
    } catch {
      // (see above; a result the structured clone cannot copy is not sent either)
    }
  }
  for (const worker of workers) worker.done();
}

function inOrder(unreadable: readonly UnreadableFile[], files: readonly string[]): UnreadableFile[] {
  const position = new Map(files.map((file, i) => [file, i]));
  return [...unreadable].sort((a, b) => (position.get(a.file) ?? 0) - (position.get(b.file) ?? 0));
}
