import { isMainThread, parentPort, workerData } from 'worker_threads';
import type { FileFacts } from '../engine/project';
import { SharedStrings } from '../engine/project/shared-strings';
import { FileScanner, type FactsPass, type ScannerSettings } from './file-scanner';
import { projectOfFacts, type PackageJson } from './project';
import type { FileReport } from './scan';
import { threadMemory, type ThreadMemory } from './thread-memory';

/** Marks a worker thread started to scan, so that loading this code elsewhere in a worker starts nothing. */
export const SCAN_WORKER_ROLE = 'backend-guide-scan-worker';

export type ScanRequest =
  | { kind: 'facts'; files: string[]; known?: Array<[string, string]> }
  /**
   * `order`: every file with facts, in scan order; `facts`: the facts of those the worker did not extract itself
   * (it keeps its own from the facts pass, so they do not travel there and back).
   */
  | { kind: 'analyze'; order: string[]; facts: Array<[string, FileFacts]>; packages: PackageJson[]; reused?: string[] }
  | { kind: 'dispose' };

export type ScanReply =
  | ({ kind: 'facts'; memory?: ThreadMemory } & FactsPass)
  | { kind: 'reports'; reports: FileReport[]; memory?: ThreadMemory }
  | { kind: 'disposed' }
  | { kind: 'failed'; message: string };

/** Answers the main thread's requests one at a time, with a scanner of this thread's files. */
function serveScanRequests(settings: ScannerSettings): void {
  const port = parentPort!;
  const strings = new SharedStrings();
  const scanner = new FileScanner(settings, undefined, strings);
  let extracted = new Map<string, FileFacts>();
  const answer = async (request: ScanRequest): Promise<ScanReply> => {
    if (request.kind === 'facts') {
      const pass = await scanner.facts(request.files, request.known && new Map(request.known));
      extracted = new Map(pass.facts);
      return { kind: 'facts', ...pass, memory: threadMemory('facts') };
    }
    if (request.kind === 'analyze') {
      // received as copies: each name again as a string of its own
      const received = new Map(strings.share(request.facts));
      const facts = request.order.flatMap((file): Array<[string, FileFacts]> => {
        const fileFacts = extracted.get(file) ?? received.get(file);
        return fileFacts ? [[file, fileFacts]] : [];
      });
      extracted = new Map();
      const project = projectOfFacts(settings.root, facts, request.packages);
      const reports = await scanner.analyze(project, request.reused && new Set(request.reused));
      return { kind: 'reports', reports, memory: threadMemory('analysis') };
    }
    scanner.dispose();
    return { kind: 'disposed' };
  };
  port.on('message', (request: ScanRequest) => {
    answer(request).then(
      (reply) => port.postMessage(reply),
      (error: unknown) => port.postMessage({ kind: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies ScanReply),
    );
  });
}

// Worker threads run the file that started them (the bundled CLI, or this compiled file in tests); the role
// in workerData tells this code to serve.
if (!isMainThread && (workerData as { role?: string } | undefined)?.role === SCAN_WORKER_ROLE) {
  serveScanRequests((workerData as { settings: ScannerSettings }).settings);
}
