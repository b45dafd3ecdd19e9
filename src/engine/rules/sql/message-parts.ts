/** Parts of `sql-concatenation` messages shared by the JavaScript path and the language-neutral one. */

/** An expression's text on one line, cut to 40 characters, for quoting in a message. */
export function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}
