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
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const sameLine = reasonIn(text.slice(offset, lineEnd < 0 ? text.length : lineEnd));
  if (sameLine) return sameLine;
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (!SKIPPABLE_LINE.test(line)) return undefined;
    const reason = reasonIn(line);
    if (reason) return reason;
    end = start - 1;
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
