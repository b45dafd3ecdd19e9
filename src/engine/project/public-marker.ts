import { lineEndAt, lineStartAt, previousLineEndAt } from '../text';

/**
 * `// backend-guide-public: <reason>` (in Python `# backend-guide-public: <reason>`) marks a route as public on purpose. The comment goes on the line
 * above the route (other comment lines or decorators may sit between) or at the end of the route's line.
 */
const MARKER = /backend-guide-public:\s*(\S(?:.*\S)?)/;
/** Comment lines (`//`, `/*`, `*`, Python's `#`) and decorators may sit between the marker and the route. */
const SKIPPABLE_LINE = /^\s*(?:\/\/|\/\*|\*|@|#)/;

function reasonIn(line: string): string | undefined {
  const match = MARKER.exec(line);
  return match ? match[1].replace(/\s*\*\/$/, '') : undefined;
}

/** The reason given by a public-route marker for the construct starting at `offset`, if any. */
export function publicReasonAt(text: string, offset: number): string | undefined {
  const sameLine = reasonIn(text.slice(offset, lineEndAt(text, offset)));
  if (sameLine) return sameLine;
  for (let end = previousLineEndAt(text, lineStartAt(text, offset)); end >= 0;) {
    const start = lineStartAt(text, end);
    const line = text.slice(start, end);
    if (!SKIPPABLE_LINE.test(line)) return undefined;
    const reason = reasonIn(line);
    if (reason) return reason;
    end = previousLineEndAt(text, start);
  }
  return undefined;
}

/** A reader of public-route markers for one text; a no-op (no scanning per call) when the text has none. */
export function publicMarkerReader(text: string): (offset: number) => string | undefined {
  return text.includes('backend-guide-public') ? (offset) => publicReasonAt(text, offset) : () => undefined;
}

/** Whether the text marks any route public (`// backend-guide-public: <reason>`). */
export function hasPublicMarker(text: string): boolean {
  return MARKER.test(text);
}
