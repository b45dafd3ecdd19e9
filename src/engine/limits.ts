import type { EngineConfig } from './config';
import { LineIndex } from './text';

/** Lines longer than this, in a file that is mostly such lines, mark generated or minified code. */
const MINIFIED_LINE_LENGTH = 1000;

/** Why a text should not be analysed, or `undefined` when it can be. Pass `lines` when the caller has them. */
export function reasonToSkip(text: string, config: EngineConfig, lines?: LineIndex): string | undefined {
  if (text.length > config.maxFileSizeBytes) {
    return `file is ${Math.round(text.length / 1024)} KB, over the ${Math.round(config.maxFileSizeBytes / 1024)} KB limit (setting maxFileSizeKb)`;
  }
  if (text.includes('\u0000')) return 'file looks binary (it contains NUL characters)';
  if (text.length > 4 * MINIFIED_LINE_LENGTH) {
    const longChars = (lines ?? new LineIndex(text)).charactersOnLinesLongerThan(MINIFIED_LINE_LENGTH);
    if (longChars > text.length / 2) return `file looks minified or generated (most of it is on lines over ${MINIFIED_LINE_LENGTH} characters)`;
  }
  return undefined;
}
