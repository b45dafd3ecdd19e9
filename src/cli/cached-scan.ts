import type { FileFacts, ProjectFacts } from '../engine/project';
import type { ProjectScan } from './parallel-scan';
import type { PackageJson } from './project-manifests';
import type { ScanCache } from './scan-cache';

/**
 * The scan of a project none of whose files changed since `cache` was written (the same files with the same
 * contents, the same package.json files): every report is the cache's, nothing is parsed or analysed, no thread
 * is started; `undefined` otherwise. It needs nothing of the engine, so the CLI asks it before it loads the
 * engine's bundle (see `main.ts`). The project is built from the cached facts on first use only, by `projectOf`:
 * `lint` does not read it, and the facts are most of what the cache holds.
 */
export function scanOfUnchanged(
  files: readonly string[], packages: readonly PackageJson[], displayRoot: string, cache: ScanCache,
  projectOf: (facts: Array<[string, FileFacts]>) => ProjectFacts,
): ProjectScan | undefined {
  const unchanged = cache.unchangedScan(files, packages, displayRoot);
  if (!unchanged) return undefined;
  let project: ProjectFacts | undefined;
  return {
    get project() { return (project ??= projectOf(unchanged.facts())); },
    unreadable: [], reports: unchanged.reports, fromCache: { facts: unchanged.factCount, reports: unchanged.reports.length },
  };
}
