/**
 * Classes of characters by their UTF-16 code, for scanners that read a text code by code instead of through regular
 * expressions (which, asked about one character at a time, make a string of it and run a matcher each time).
 * `NaN`, what `charCodeAt` gives past the end of a text, is in no class.
 */

/** `[A-Za-z_$]`: a character that may start a JavaScript name (ASCII only, as the scanners read them). */
export function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x24;
}

/** `[\w$]`: a character that may go on a JavaScript name. */
export function isNamePart(code: number): boolean {
  return isNameStart(code) || (code >= 0x30 && code <= 0x39);
}

/** `\s` of a regular expression: ASCII white space, line and paragraph separators, no-break and other spaces, the BOM. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
