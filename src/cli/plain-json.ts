/**
 * Plain data (facts, reports) as JSON text and back, keeping keys whose value is `undefined`: JSON leaves them
 * out, so they are written as a mark and given back as they were (a report read back must equal the one
 * made, key for key).
 *
 * Text rather than a structured clone or `v8.serialize`, for two reasons. A structured clone rebuilds each
 * object by adding its keys one at a time to an empty object, and a V8 object shape has room for about 1,500
 * such transitions: the records of facts (exports by name, object literals' keys) fill it on a large project,
 * and from then on every object rebuilt gets a hidden class of its own (at 16x the bench corpus, about
 * 700,000 of them, 45 MB). `JSON.parse` shares hidden classes however many keys the thread has met. And
 * `JSON.stringify` writes no whitespace and escapes control characters, so the text never holds a tab or a
 * line break: records can be separated by them.
 */

/** What `toPlainJson` writes for `undefined`: a NUL character then `undefined`, which no fact or report holds as a whole value in practice. */
export const UNDEFINED_MARK = '\u0000undefined';

export function toPlainJson(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) => (item === undefined ? UNDEFINED_MARK : item));
}

export function fromPlainJson<T>(text: string): T {
  const value = JSON.parse(text) as unknown;
  if (value !== null && typeof value === 'object') restoreUndefined(value as Record<string, unknown>);
  return value as T;
}

function restoreUndefined(holder: Record<string, unknown>): void {
  for (const key in holder) {
    const value = holder[key];
    if (value === UNDEFINED_MARK) holder[key] = undefined;
    else if (value !== null && typeof value === 'object') restoreUndefined(value as Record<string, unknown>);
  }
}
