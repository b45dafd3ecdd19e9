/**
 * The words of a text that may name a module's path: `./utils/db`, `server/index.js`, `jobs`, `src/handler.main`.
 * Read from the text alone (no tree), so a file the indexer skips still says which modules it may load.
 */

/** A word that may be (part of) a path: no spaces or quotes, at least one letter. */
const PATH_WORD = /^[\w@.\-/~#*+$\\]{1,240}$/;
const HAS_LETTER = /[A-Za-z]/;
/** A word of a command that is a path: it has a folder or a script's extension. */
const COMMAND_PATH = /\/|\.[cm]?[jt]sx?$/;
/** What separates the words of a command or a configuration value (`node server/index.js`, `handler: src/a.main`). */
const WORD_SEPARATOR = /[\s'"`=,;:()[\]{}<>|&!?]+/;
/** String literals of JavaScript/TypeScript: quoted, or a template literal up to its first `${`. */
const STRING_LITERAL = /'([^'\\\r\n]{1,400})'|"([^"\\\r\n]{1,400})"|`([^`\\$]{1,400})(?:`|\$\{)/g;
/** After `require` or `import`: a call of it, or `require` handed on as a value (`files.forEach(require)`). */
const CALL_AFTER = /\s*\(/y;
const HANDED_ON = /[(,]\s*$/;
/** After `require(`: one plain string, the only argument form whose path is not built. */
const PLAIN_ARGUMENT = /\s*(?:(['"])[^'"\r\n]*\1|`[^`$]*`)\s*[,)]|\s*\)/y;

/** Whether the word at `at` of `length` is a load built from a computed path (see `loadsByComputedPath`). */
function computedLoadAt(text: string, at: number, length: number): boolean {
  const before = at > 0 ? text[at - 1] : '';
  // `x.require(`, `isRequired(`: another name
  if (/[\w$.]/.test(before) || /[\w$]/.test(text[at + length] ?? '')) return false;
  CALL_AFTER.lastIndex = at + length;
  if (!CALL_AFTER.test(text)) return length === 7 && HANDED_ON.test(text.slice(Math.max(0, at - 8), at)) && /^\s*[),]/.test(text.slice(at + length, at + length + 8));
  PLAIN_ARGUMENT.lastIndex = CALL_AFTER.lastIndex;
  return !PLAIN_ARGUMENT.test(text);
}

/**
 * Whether the text calls `require(x)` or `import(x)` with something other than one plain string: a loader that
 * builds the path it loads (`require(path.join(__dirname, file))`), which may load any module of its folder; or
 * hands `require` to another function (`files.forEach(require)`).
 */
function loadsByComputedPath(text: string): boolean {
  for (const word of ['require', 'import']) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) if (computedLoadAt(text, at, word.length)) return true;
  }
  return false;
}

/** At most this many names are kept per file; past it the file counts as naming every module of its package. */
export const MAX_PATH_NAMES = 4000;

/** The path-like words of a text, in first-seen order, each once. */
export function pathWords(text: string, into: Set<string> = new Set()): Set<string> {
  for (const word of text.split(WORD_SEPARATOR)) if (word && PATH_WORD.test(word) && HAS_LETTER.test(word)) into.add(word);
  return into;
}

/** What a script file's strings may name, and whether it loads a module by a path it builds. */
export interface PathNames {
  names: string[];
  /** The file loads modules by computed paths (see `loadsByComputedPath`), or names more than `MAX_PATH_NAMES` words. */
  loadsComputed: boolean;
}

/** The path-like words of the string literals of a JavaScript or TypeScript text (commands in strings split into words). */
export function pathNamesOf(text: string): PathNames {
  const words = new Set<string>();
  for (const m of text.matchAll(STRING_LITERAL)) {
    const literal = m[1] ?? m[2] ?? m[3] ?? '';
    if (words.has(literal)) continue;
    if (PATH_WORD.test(literal)) {
      if (HAS_LETTER.test(literal)) words.add(literal);
    } else if (COMMAND_PATH.test(literal) && /\s/.test(literal)) {
      // a sentence names no module; a command in a string (`node scripts/reindex.js`) names it by a path
      for (const word of pathWords(literal)) if (COMMAND_PATH.test(word)) words.add(word);
    }
    if (words.size > MAX_PATH_NAMES) return { names: [], loadsComputed: true };
  }
  return { names: [...words], loadsComputed: loadsByComputedPath(text) };
}
