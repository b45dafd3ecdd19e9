/**
 * What a regular expression's capturing groups can hold, read from the pattern's text, for every front end
 * (Python's `re`, PHP's `preg_match`): a group that matches only digits captures a number whatever the input;
 * a group that is an alternation of literals (`(<=|>=|=)`) captures one of those literals; any other group
 * gives part of the input, with the input's origin.
 */

/** A pattern made only of digit classes, signs, an escaped dot, non-capturing groups, anchors and quantifiers. */
const DIGITS_ONLY = /^(?:\^|\$|\\[bAZ])*(?:(?:\\d|\[(?:0-9|\\d)\]|\\\.|-|\(\?:|\)|[+*?]|\{\d+(?:,\d*)?\})+)(?:\$|\\[bZ])*$/;

export function isDigitsOnly(body: string): boolean {
  return DIGITS_ONLY.test(body) && /\\d|\[(?:0-9|\\d)\]/.test(body);
}

/** The bodies of a pattern's capturing groups, numbered as `re` numbers them (by their opening parenthesis). */
export function captureGroups(pattern: string): string[] {
  const groups: string[] = [];
  const open: { start: number; index: number }[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      // `[]...]` and `[^]...]` hold a `]`
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++;
    } else if (c === '(') {
      const named = /^\?P?<(?![=!])/.test(pattern.slice(i + 1, i + 5));
      const capturing = pattern[i + 1] !== '?' || named;
      const bodyStart = named ? pattern.indexOf('>', i) + 1 : i + 1;
      open.push({ start: bodyStart, index: capturing ? groups.push('') - 1 : -1 });
    } else if (c === ')') {
      const group = open.pop();
      if (group && group.index >= 0) groups[group.index] = pattern.slice(group.start, i);
    }
  }
  return groups;
}

/** Characters with a meaning in a pattern outside a character class (PCRE and Python's `re` agree on these). */
const META = new Set([...'.^$*+?()[]{}|\\']);

/**
 * The literals a group body chooses among when it is only an alternation of literal text (`<=|>=|like`, with
 * metacharacters escaped as `preg_quote` or `re.escape` write them), or `undefined`. An escaped letter or digit
 * (`\d`, `\w`, `\1`) is a class or a reference, not a literal.
 */
export function literalAlternatives(body: string): string[] | undefined {
  const alternatives: string[] = [''];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      const next = body[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined;
      alternatives[alternatives.length - 1] += next;
      i++;
    } else if (c === '|') alternatives.push('');
    else if (META.has(c)) return undefined;
    else alternatives[alternatives.length - 1] += c;
  }
  return alternatives;
}
