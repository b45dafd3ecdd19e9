import * as os from 'os';
import { Worker } from 'worker_threads';
import type { FileFacts, ProjectFacts } from '../engine/project';
import { SharedStrings } from '../engine/project/shared-strings';
import * as fs from 'fs';
import { FileScanner, type FactsPass, type ScannerSettings, type UnreadableFile } from './file-scanner';
import { projectOfFacts, readPackageJsons } from './project';
import { relativePath, type FileReport } from './scan';
import { projectDigest, type ScanCache } from './scan-cache';
import { SCAN_WORKER_ROLE, type ScanReply, type ScanRequest } from './scan-worker';
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
  facts(files: string[], known?: Map<string, string>): Promise<FactsPass>;
  analyze(facts: Array<[string, FileFacts]>, project: ProjectFacts, packages: ReturnType<typeof readPackageJsons>, reused?: Set<string>): Promise<FileReport[]>;
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

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // the scanner that reads it says why it cannot
  }
}

/** Splits files over `count` threads by size, largest first onto the least loaded: the same split for the same files. */
function partition(files: readonly string[], count: number): string[][] {
  const shares = Array.from({ length: count }, () => ({ bytes: 0, files: [] as string[] }));
  const bySize = files.map((file, i) => ({ file, i, size: count > 1 ? sizeOf(file) : 0 })).sort((a, b) => b.size - a.size || a.i - b.i);
  for (const { file, size } of bySize) {
    const lightest = shares.reduce((best, share) => (share.bytes < best.bytes ? share : best));
    lightest.files.push(file);
    lightest.bytes += size;
  }
  return shares.map((share) => share.files).filter((list) => list.length > 0);
}

function inThisThread(settings: ScannerSettings, strings: SharedStrings): ScannerHandle {
  const scanner = new FileScanner(settings, undefined, strings);
  const memory: ScannerHandle['memory'] = { role: 'main thread' };
  return {
    memory,
    async facts(files, known) {
      const pass = await scanner.facts(files, known);
      memory.facts = threadMemory();
      return pass;
    },
    async analyze(_facts, project, _packages, reused) {
      const reports = await scanner.analyze(project, reused);
      memory.analysis = threadMemory();
      return reports;
    },
    close: async () => scanner.dispose(),
  };
}

/** A worker thread running this same file (the bundled CLI, or the compiled module in tests). */
function inWorker(settings: ScannerSettings, role: string): ScannerHandle {
  const memory: ScannerHandle['memory'] = { role };
  /** The files whose facts the worker extracted: it keeps them, so they are not sent back to it. */
  let extracted = new Set<string>();
  const worker = new Worker(__filename, { workerData: { role: SCAN_WORKER_ROLE, settings } });
  let pending: { resolve: (reply: ScanReply) => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    pending?.reject(error);
    pending = undefined;
  };
  worker.on('message', (reply: ScanReply) => {
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
    async facts(files, known) {
      const reply = await ask({ kind: 'facts', files, known: known && [...known] });
      if (reply.kind !== 'facts') return { facts: [], unreadable: [], hashes: [], unchanged: [] };
      memory.facts = reply.memory;
      extracted = new Set(reply.facts.map(([file]) => file));
      return reply;
    },
    async analyze(facts, _project, packages, reused) {
      const order = facts.map(([file]) => file);
      const others = facts.filter(([file]) => !extracted.has(file));
      const reply = await ask({ kind: 'analyze', order, facts: others, packages, reused: reused && [...reused] });
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
 * not parsed for facts, reports still valid are taken from it (see `ScanCache`), and the cache is updated.
 */
export async function scanProject(
  files: readonly string[], settings: ScannerSettings, options: { threads: number; analyze: boolean; cache?: ScanCache },
): Promise<ProjectScan> {
  const { cache } = options;
  const packages = readPackageJsons(files, settings.root);
  if (cache && options.analyze) {
    // nothing changed: no thread is started and nothing is parsed
    const unchanged = cache.unchangedScan(files, packages, settings.displayRoot);
    if (unchanged) {
      // the project is built on first use: `lint` does not read it, and its facts are most of what the cache holds
      let project: ProjectFacts | undefined;
      return {
        get project() { return (project ??= projectOfFacts(settings.root, unchanged.facts(), packages)); },
        unreadable: [], reports: unchanged.reports, fromCache: { facts: unchanged.factCount, reports: unchanged.reports.length },
      };
    }
  }
  const shares = partition(files, Math.max(1, options.threads));
  // This thread takes the last share: it would otherwise only wait, and each worker costs a start (loading
  // the code, compiling the grammars, warming up). Workers get their requests before it starts its own.
  // facts from workers and from the cache arrive as copies, each name a string of its own: they are shared with this thread's
  const strings = new SharedStrings();
  const scanners = shares.map((_, i) => (i === shares.length - 1 ? inThisThread(settings, strings) : inWorker(settings, `worker ${i + 1}`)));
  try {
    const gathered = new Map<string, FileFacts>();
    const hashes = new Map<string, string>();
    const unreadable: UnreadableFile[] = [];
    const passes = await Promise.all(scanners.map((scanner, i) => scanner.facts(shares[i], cache?.knownHashes(shares[i]))));
    for (const [i, pass] of passes.entries()) {
      const fromWorker = i !== passes.length - 1;
      for (const [file, fileFacts] of pass.facts) gathered.set(file, fromWorker ? strings.share(fileFacts) : fileFacts);
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
    const digest = cache ? projectDigest(ordered, packages) : '';
    const byFile = new Map<string, FileReport>();
    const reused = new Set<string>();
    for (const [file, hash] of hashes) {
      const report = cache?.report(file, hash, digest);
      if (!report) continue;
      reused.add(file);
      byFile.set(file, { ...report, relative: relativePath(settings.displayRoot, file) });
    }
    for (const reports of await Promise.all(scanners.map((scanner) => scanner.analyze(ordered, project, packages, cache ? reused : undefined)))) {
      for (const report of reports) byFile.set(report.file, report);
    }
    const reports: FileReport[] = [];
    for (const file of files) {
      const report = byFile.get(file);
      if (report) reports.push(report);
    }
    // in the scan's order, which the digest follows (the threads' shares are not)
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

function inOrder(unreadable: readonly UnreadableFile[], files: readonly string[]): UnreadableFile[] {
  const position = new Map(files.map((file, i) => [file, i]));
  return [...unreadable].sort((a, b) => (position.get(a.file) ?? 0) - (position.get(b.file) ?? 0));
}
