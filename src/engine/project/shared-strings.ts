/**
 * One copy of each distinct string in many files' facts. Facts repeat the same names over and over (a
 * `req`, a `router`, a module path imported by every file, the same callee in every call site), and each
 * occurrence read from a tree, or received from another thread, is a string of its own: replacing each by
 * the first equal one met keeps about a seventh less in memory on a large project, and changes nothing
 * that can be read from the facts.
 *
 * Empty arrays are shared the same way: most lists in facts are empty (a function's returns, a value's
 * path, a file's Nest guards), and each empty array is an object of its own (about a fifth of all objects in
 * a large project's facts). They are replaced by one frozen empty array, so that code that would add to a list
 * of the facts fails where it does so, instead of changing every file's facts at once.
 *
 * The table lives as long as its owner (one scan); the extension's index, which lives for the session, does
 * not use one.
 */
const EMPTY: readonly never[] = Object.freeze([]);

export class SharedStrings {
  private readonly table = new Map<string, string>();

  /**
   * Replaces, in place, every string held by `value` (objects and arrays, all the way down) by its shared copy,
   * every empty array by the shared frozen one, and every `undefinedMark` by `undefined`.
   */
  share<T>(value: T, undefinedMark?: string): T {
    if (value !== null && typeof value === 'object') this.shareIn(value as Record<string, unknown>, undefinedMark);
    return value;
  }

  /** `undefinedMark`: a string that stands for `undefined` (facts sent as JSON, which has none), given back as it was in the same walk. */
  private shareIn(holder: Record<string, unknown>, undefinedMark: string | undefined): void {
    for (const key in holder) {
      const value = holder[key];
      if (typeof value === 'string') {
        if (value === undefinedMark) {
          holder[key] = undefined;
          continue;
        }
        // (`===` compares strings by their characters, so the copy is put back whether or not it is the same one)
        const shared = this.table.get(value);
        if (shared === undefined) this.table.set(value, value);
        else holder[key] = shared;
      } else if (Array.isArray(value) && value.length === 0) {
        if ((value as unknown) !== EMPTY) holder[key] = EMPTY;
      } else if (value !== null && typeof value === 'object') {
        this.shareIn(value as Record<string, unknown>, undefinedMark);
      }
    }
  }
}
