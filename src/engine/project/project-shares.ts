import type { EngineConfig } from '../config';
import type { ProjectFacts } from '../project';

/**
 * A project-wide result that rules read for many files (the verdicts of every route, the modules nothing
 * loads), as plain data: no functions and no facts objects (structured-cloneable). A scan on several threads
 * computes it once, in one thread, and the others receive it instead of each computing it again. It is a
 * function of the project's facts and the config alone: it never reads deferred facts (`deferred-calls.ts`),
 * which the thread computing it might read differently from the one using it.
 */
export interface ProjectShare<T> {
  readonly name: string;
  /** The part of `config` the result depends on, as text (part of its key). */
  configKey(config: EngineConfig): string;
  compute(project: ProjectFacts, config: EngineConfig): T;
}

/** Results of shares by key, as one thread sends them to another. */
export type ShareValues = Array<[string, unknown]>;

function keyOf(share: ProjectShare<unknown>, config: EngineConfig): string {
  return `share:${share.name}:${share.configKey(config)}`;
}

/** The share's result for the project's snapshot: received from another thread, or computed here once. */
export function sharedResult<T>(project: ProjectFacts, config: EngineConfig, share: ProjectShare<T>): T {
  return project.memo(keyOf(share, config), () => share.compute(project, config));
}

/** Computes each share (once: `sharedResult`) and returns the results, to send to other threads. */
export function computeShares(project: ProjectFacts, config: EngineConfig, shares: Iterable<ProjectShare<unknown>>): ShareValues {
  const values: ShareValues = [];
  for (const share of shares) values.push([keyOf(share, config), sharedResult(project, config, share)]);
  return values;
}

/** Takes results computed by another thread as this snapshot's own: `sharedResult` then hands them out. */
export function receiveShares(project: ProjectFacts, values: ShareValues): void {
  for (const [key, value] of values) project.memo(key, () => value);
}
