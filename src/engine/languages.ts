import type { LanguageId } from './types';

export type GrammarName = 'javascript' | 'typescript' | 'tsx' | 'python' | 'php' | 'java' | 'ruby';

export const LANGUAGE_IDS: readonly LanguageId[] = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'php', 'java', 'ruby'];

const GRAMMAR_OF: Readonly<Record<LanguageId, GrammarName>> = {
  javascript: 'javascript',
  javascriptreact: 'javascript', // the JavaScript grammar parses JSX
  typescript: 'typescript',
  typescriptreact: 'tsx',
  python: 'python',
  php: 'php', // the `php` grammar (not `php_only`) reads HTML around `<?php ... ?>` blocks
  java: 'java',
  ruby: 'ruby',
};

/**
 * A second grammar to try when a file's own grammar finds syntax errors; the parse that loses less wins.
 * The JavaScript grammar 0.25.0 rejects JSX attributes named after keywords (`in={open}`, `default=`),
 * `<Skeleton.default>` and `<this.Item>`, import assertions and Flow type annotations; the TSX grammar,
 * a superset of JavaScript with JSX, reads them.
 */
const FALLBACK_GRAMMAR_OF: Readonly<Partial<Record<LanguageId, GrammarName>>> = {
  javascript: 'tsx',
  javascriptreact: 'tsx',
};

const LANGUAGE_OF_EXTENSION: Readonly<Record<string, LanguageId>> = {
  '.js': 'javascript',
  '.cjs': 'javascript',
  '.mjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.ts': 'typescript',
  '.cts': 'typescript',
  '.mts': 'typescript',
  '.tsx': 'typescriptreact',
  '.py': 'python',
  '.php': 'php',
  '.java': 'java',
  '.rb': 'ruby',
};

/** The file name extensions the engine reads (`.js`, `.ts`, `.py`, ...). */
export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(LANGUAGE_OF_EXTENSION);

export function isLanguageId(value: string): value is LanguageId {
  return (LANGUAGE_IDS as readonly string[]).includes(value);
}

export function grammarOf(languageId: LanguageId): GrammarName {
  return GRAMMAR_OF[languageId];
}

export function fallbackGrammarOf(languageId: LanguageId): GrammarName | undefined {
  return FALLBACK_GRAMMAR_OF[languageId];
}

/** TypeScript proper, where `a<T>`x`` is a tagged template with type arguments, never a comparison. */
export function isTypeScript(languageId: LanguageId): boolean {
  return languageId === 'typescript' || languageId === 'typescriptreact';
}

/**
 * The language of a file name by its extension (any case: `.JS` too); `undefined` for files the engine does not
 * read, declaration files (`.d.ts`) among them. The walk asks for every entry of every folder, so it takes the
 * name after the last dot rather than searching the name with a pattern (each search also made a match).
 */
export function languageOfFileName(fileName: string): LanguageId | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return undefined;
  const extension = fileName.slice(dot).toLowerCase();
  const languageId = LANGUAGE_OF_EXTENSION[extension] as LanguageId | undefined;
  // declaration files hold types only
  return languageId === 'typescript' && /\.d\.[cm]?ts$/.test(fileName) ? undefined : languageId;
}

const JAVASCRIPT_FAMILY: readonly LanguageId[] = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'];

export function isJavaScriptFamily(languageId: LanguageId): boolean {
  return JAVASCRIPT_FAMILY.includes(languageId);
}

/** Languages whose files the project index reads for cross-file facts (apps, routes, guards, URLconfs, settings). */
export function hasProjectFacts(languageId: LanguageId): boolean {
  return isJavaScriptFamily(languageId) || languageId === 'python' || languageId === 'ruby' || languageId === 'php';
}
