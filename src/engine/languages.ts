import type { LanguageId } from './types';

export type GrammarName = 'javascript' | 'typescript' | 'tsx' | 'python';

export const LANGUAGE_IDS: readonly LanguageId[] = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python'];

const GRAMMAR_OF: Readonly<Record<LanguageId, GrammarName>> = {
  javascript: 'javascript',
  javascriptreact: 'javascript', // the JavaScript grammar parses JSX
  typescript: 'typescript',
  typescriptreact: 'tsx',
  python: 'python',
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
};

export function isLanguageId(value: string): value is LanguageId {
  return (LANGUAGE_IDS as readonly string[]).includes(value);
}

export function grammarOf(languageId: LanguageId): GrammarName {
  return GRAMMAR_OF[languageId];
}

/** The language of a file name by its extension; `undefined` for files the engine does not read. */
export function languageOfFileName(fileName: string): LanguageId | undefined {
  if (/\.d\.[cm]?ts$/.test(fileName)) return undefined;
  const match = /\.[A-Za-z]+$/.exec(fileName);
  return match ? LANGUAGE_OF_EXTENSION[match[0].toLowerCase()] : undefined;
}

export function isJavaScriptFamily(languageId: LanguageId): boolean {
  return languageId !== 'python';
}
