/**
 * Whether a regular expression, when a value must match it whole, keeps out every character SQL syntax
 * needs to escape a string or a name: quotes, backslashes, semicolons, parentheses and white space.
 * `/^[a-z_]+$/i` and `/^[0-9a-f-]{36}$/` do; `/^.+$/`, `/^[^;]+$/`, `/^\S+$/` and unanchored patterns
 * do not. Read from the pattern's source, one character at a time.
 */

/** Characters that let a value end its quoted string or name, or start a new clause. */
const SQL_SYNTAX = new Set(["'", '"', '`', '\\', ';', '(', ')', ' ', '\t', '\n', '\r', '\f', '\v']);

/** Escapes that stand for a set of safe characters, or for one safe character. */
const SAFE_ESCAPES = /^[wdb_\-.:@/#$%+=,!~*^&[\]{}|?<>]$/;

function rangeIsSafe(from: string, to: string): boolean {
  for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++) if (SQL_SYNTAX.has(String.fromCharCode(code))) return false;
  return true;
}

/** A class body (`a-z_`), without the brackets: false when it is negated or admits a character of SQL syntax. */
function classIsSafe(body: string): boolean {
  if (body.startsWith('^')) return false;
  const chars: { c: string; escaped: boolean }[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') { chars.push({ c: body[i], escaped: false }); continue; }
    const escaped = body[++i];
    if (escaped === undefined || escaped === 'b' || !SAFE_ESCAPES.test(escaped)) return false;
    chars.push({ c: escaped === 'w' || escaped === 'd' ? 'a' : escaped, escaped: true });
  }
  for (let i = 0; i < chars.length; i++) {
    const dash = chars[i + 1];
    if (dash && dash.c === '-' && !dash.escaped && chars[i + 2] !== undefined) {
      if (!rangeIsSafe(chars[i].c, chars[i + 2].c)) return false;
      i += 2;
    } else if (SQL_SYNTAX.has(chars[i].c)) return false;
  }
  return true;
}

/** True when every string the anchored pattern `source` matches is free of SQL syntax characters. */
export function keepsOutSqlSyntax(source: string): boolean {
  if (!source.startsWith('^') || !source.endsWith('$') || source.endsWith('\\$')) return false;
  const body = source.slice(1, -1);
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      const escaped = body[++i];
      if (escaped === undefined || !SAFE_ESCAPES.test(escaped)) return false;
      continue;
    }
    if (c === '[') {
      const end = body.indexOf(']', i + 2);
      if (end < 0 || !classIsSafe(body.slice(i + 1, end))) return false;
      i = end;
      continue;
    }
    if (c === '(') { depth++; if (body.startsWith('?', i + 1) && !/^\?:/.test(body.slice(i + 1, i + 3))) return false; continue; }
    if (c === ')') { depth--; continue; }
    if (c === '|' && depth === 0) return false; // `^a|b$` anchors each side only once
    if (c === '.' || c === '^' || c === '$') return false;
    if (SQL_SYNTAX.has(c)) return false;
  }
  return depth === 0;
}

/** The source of a regular expression literal (`/^\w+$/i`), or `undefined`. */
export function regexSource(literal: string): string | undefined {
  const match = /^\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\[\n])+)\/[dgimsuyv]*$/.exec(literal);
  return match?.[1];
}
