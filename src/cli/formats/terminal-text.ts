/**
 * Control characters (ANSI escape sequences start with ESC), C1 controls, line and paragraph separators and
 * the bidirectional overrides of "Trojan Source" (CVE-2021-42574). Code and file names reach the terminal
 * through messages and paths: raw, they could recolour, hide or rewrite what a reviewer reads in a CI log.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line for a terminal: every unsafe character, newlines included, written as a visible `\uXXXX`. */
export function terminalLine(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** Text for a terminal that keeps its own line breaks and escapes every other unsafe character. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escaped);
}
