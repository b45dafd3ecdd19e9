import os = require('os');
import path = require('path');
import type { Worker } from 'worker_threads';
import { shareLines, type ShareLine } from './share-channel';

/**
 * Starting a scan's worker threads, kept apart from the scanner so that the CLI can start them before it loads
 * the engine: a thread takes 50 ms to start on an idle machine and two to three times that while another thread
 * parses, and it spends that time before it can claim its first files. Started as soon as the files are known,
 * it starts while this thread loads the engine instead.
 */

/** A scan's started workers, and this thread's line to them for the project-wide results (see `share-channel.ts`). */
export interface ScanThreads {
  workers: Worker[];
  shares: ShareLine;
}

/** What a scan thread is started with (its `workerData`); what it scans and how comes with its first request. */
export interface ScanWorkerData {
  shares: ShareLine;
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

/**
 * A scan thread's young generation, in MB: a sixth of V8's default for a thread of its own. The facts and
 * reports a thread makes are short-lived only until they are sent or kept; at 16x the bench corpus on two
 * threads the process peaked at 351-356 MB against 380-398 MB with the default (3 MB and 12 MB did about as
 * well), with no more CPU time there nor at 1x. The main thread's size can only be set when Node starts.
 */
const YOUNG_GENERATION_MB = 6;

/**
 * The script a scan thread runs: `scan-thread.js` beside this code (dist/, or the compiled modules in tests), which
 * loads the scanner and the engine only (`scan-engine.js`), so a thread starts without loading the CLI's commands.
 */
const SCAN_THREAD_FILE = path.join(__dirname, 'scan-thread.js');

/**
 * Starts `count` worker threads for one scan. They do not keep the process alive until the scan takes them
 * (`scanProject` refs them): if the CLI stops before it scans, they end with it.
 */
export function startScanThreads(count: number): ScanThreads {
  const lines = shareLines(Math.max(0, count) + 1);
  const workers = lines.slice(0, -1).map((shares) => {
    // (loaded here, not with this module: the CLI loads it on every run, and most runs start no thread)
    const { Worker } = require('worker_threads') as typeof import('worker_threads');
    const worker = new Worker(SCAN_THREAD_FILE, { workerData: { shares } satisfies ScanWorkerData, transferList: shares.ports, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.unref();
    noteEnd(worker);
    return worker;
  });
  return { workers, shares: lines[lines.length - 1] };
}

const ends = new WeakMap<Worker, Error>();

/**
 * Keeps what ends `worker` (an error, or its exit) from now on, for `endOf`: a scan that takes the thread later
 * would otherwise wait for the answers of a thread that is gone.
 */
export function noteEnd(worker: Worker): void {
  worker.on('error', (error) => {
    if (!ends.has(worker)) ends.set(worker, error);
  });
  worker.on('exit', (code) => {
    if (!ends.has(worker)) ends.set(worker, new Error(`a scan worker stopped (exit code ${code})`));
  });
}

/** What ended `worker`, when something did (see `noteEnd`). */
export function endOf(worker: Worker): Error | undefined {
  return ends.get(worker);
}
