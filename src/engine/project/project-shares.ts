import type { EngineConfig } from '../config';
import type { ProjectFacts } from '../project';

/**
 * A project-wide result that rules read for many files (the verdicts of every route, the modules nothing
 * loads), as plain data: no functions and no facts objects (structured-cloneable). A scan on several threads
 * computes it once, in one thread, and the others receive it instead of each computing it again. It is a
 * function of the project's facts (and, for a `ConfigShare`, of the config) alone: it never reads deferred
 * facts (`deferred-calls.ts`), which the thread computing it might read differently from the one using it.
 */
export type ProjectShare<T> = FactsShare<T> | ConfigShare<T>;

interface ShareBase {
  readonly name: string;
  /**
   * Whether some file of the project may ask for the result, from its facts; absent: any project may. A share
   * nobody may want is not computed ahead (a thread that asks after all computes it then, for itself).
   */
  mayBeWanted?(project: ProjectFacts): boolean;
}

/** A share that depends on the project's facts alone. */
export interface FactsShare<T> extends ShareBase {
  compute(project: ProjectFacts): T;
}

/** A share that depends on the config too. */
export interface ConfigShare<T> extends ShareBase {
  /** The part of `config` the result depends on, as text (part of its key). */
  configKey(config: EngineConfig): string;
  compute(project: ProjectFacts, config: EngineConfig): T;
}

/** Results of shares by key, as one thread sends them to another. */
export type ShareValues = Array<[string, unknown]>;

const KEY_PREFIX = 'share:';

/** Whether a memo key (`ProjectFacts.memo`) is a share's. */
export function isShareKey(key: string): boolean {
  return key.startsWith(KEY_PREFIX);
}

/** The share's result, computed once per snapshot; `config` is given for every `ConfigShare` (see `sharedResult`). */
function resultOf<T>(project: ProjectFacts, share: ProjectShare<T>, config: EngineConfig | undefined): [string, T] {
  const key = 'configKey' in share ? `${KEY_PREFIX}${share.name}:${share.configKey(config!)}` : `${KEY_PREFIX}${share.name}`;
  return [key, project.memo(key, () => ('configKey' in share ? share.compute(project, config!) : share.compute(project)))];
}

/** The share's result for the project's snapshot: received from another thread, or computed here once. */
export function sharedResult<T>(project: ProjectFacts, share: FactsShare<T>): T;
export function sharedResult<T>(project: ProjectFacts, share: ConfigShare<T>, config: EngineConfig): T;
export function sharedResult<T>(project: ProjectFacts, share: ProjectShare<T>, config?: EngineConfig): T {
  return resultOf(project, share, config)[1];
}

/** Computes each share some file may want (once: `sharedResult`) and returns the results, to send to other threads (`share-channel.ts`). */
export function computeShares(project: ProjectFacts, config: EngineConfig, shares: Iterable<ProjectShare<unknown>>): ShareValues {
  return [...shares].filter((share) => share.mayBeWanted?.(project) ?? true).map((share) => resultOf(project, share, config));
}
