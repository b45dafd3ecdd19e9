import type { ValueOrigin } from '../model/sql';
import { worstOrigin, type Built } from './sql-text-builder';

/**
 * What a function or method returns, read in its own file with its parameters unknown, as the project index
 * keeps it for other files: the worst origin of the whole value, and for a keyed literal (a Ruby hash
 * `{dur: n}`, a PHP array `['op' => $x]`) the worst origin under each key, so that `result[:dur]` or
 * `$parts['op']` can be read apart from a key that carries the input. Shared by the front ends that read
 * method results across files.
 */
export interface KeyedResult {
  readonly origin: ValueOrigin;
  readonly keys: Readonly<Record<string, ValueOrigin>>;
  /** The origin of an element under any other key (or of any element of a value that is not a keyed literal). */
  readonly elements: ValueOrigin;
}

/** One entry of a keyed literal: its literal key, or none (a computed key, a spread), and its value's origin. */
export interface KeyedEntry {
  readonly key?: string;
  readonly origin: ValueOrigin;
}

/** The worst origin of a text's values; constant text alone is constant. */
export function originOf(built: Built): ValueOrigin {
  return worstOrigin(built.pieces.flatMap((p) => (p.kind === 'value' ? [p.origin] : [])));
}

/** A value that is not a keyed literal: its elements have its own origin. */
export function plainResult(origin: ValueOrigin): KeyedResult {
  return { origin, keys: {}, elements: origin };
}

/** A keyed literal by its entries; the last entry written under a key wins, entries without a literal key make up `elements`. */
export function keyedResult(entries: readonly KeyedEntry[]): KeyedResult {
  const keys: Record<string, ValueOrigin> = {};
  let others: ValueOrigin = 'constant';
  for (const entry of entries) {
    if (entry.key === undefined) others = worstOrigin([others, entry.origin]);
    else keys[entry.key] = entry.origin;
  }
  return { origin: worstOrigin([others, ...Object.values(keys)]), keys, elements: others };
}

/** The origin under `key` (the other elements' when the literal has no such key; never an inherited property such as `constructor`). */
export function keyOrigin(result: KeyedResult, key: string): ValueOrigin {
  return Object.prototype.hasOwnProperty.call(result.keys, key) ? result.keys[key] : result.elements;
}

/** Results merged: the worst origin of each part, a key missing from one result read as that result's other elements. */
export function mergeResults(results: readonly KeyedResult[]): KeyedResult {
  const names = new Set(results.flatMap((r) => Object.keys(r.keys)));
  const keys: Record<string, ValueOrigin> = {};
  for (const name of names) keys[name] = worstOrigin(results.map((r) => keyOrigin(r, name)));
  return { origin: worstOrigin(results.map((r) => r.origin)), keys, elements: worstOrigin(results.map((r) => r.elements)) };
}
