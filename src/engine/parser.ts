import fs = require('fs');
import path = require('path');
import { Language, Parser } from '@vscode/tree-sitter-wasm';
import type { Range, Tree } from '@vscode/tree-sitter-wasm';
import { grammarOf, type GrammarName } from './languages';
import { directInt32Access } from './wasm-access';
import type { LanguageId } from './types';

/** Finds the folder holding `tree-sitter.wasm` and the grammar files. */
export function defaultWasmDir(): string {
  const bundled = path.join(__dirname, 'wasm');
  if (fs.existsSync(path.join(bundled, 'tree-sitter.wasm'))) return bundled;
  return path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
}

export class ParseCancelled extends Error {
  constructor(readonly budgetMs: number) {
    super(`parsing took longer than the time budget of ${budgetMs} ms`);
  }
}

/**
 * Loads the tree-sitter runtime and grammars lazily, each once, and hands out one parser per grammar.
 * Parsers are reused: tree-sitter parsing is synchronous, so nothing runs two parses on one parser at once.
 */
export class Grammars {
  private runtime: Promise<void> | undefined;
  private readonly languages = new Map<GrammarName, Promise<Language>>();
  private readonly parsers = new Map<GrammarName, Parser>();

  constructor(private readonly wasmDir: string = defaultWasmDir()) {}

  private init(): Promise<void> {
    if (!this.runtime) {
      const runtime = { locateFile: (file: string) => path.join(this.wasmDir, file) };
      this.runtime = Parser.init(runtime).then(() => directInt32Access(runtime));
    }
    return this.runtime;
  }

  private language(grammar: GrammarName): Promise<Language> {
    let language = this.languages.get(grammar);
    if (!language) {
      language = this.init().then(() => Language.load(fs.readFileSync(path.join(this.wasmDir, `tree-sitter-${grammar}.wasm`))));
      this.languages.set(grammar, language);
    }
    return language;
  }

  /** The parser for a language, loading its grammar the first time. */
  parserFor(languageId: LanguageId): Promise<Parser> {
    return this.parserOf(grammarOf(languageId));
  }

  /** The parser for a grammar, loading it the first time. */
  async parserOf(grammar: GrammarName): Promise<Parser> {
    const existing = this.parsers.get(grammar);
    if (existing) return existing;
    const language = await this.language(grammar);
    const parser = this.parsers.get(grammar) ?? new Parser().setLanguage(language);
    this.parsers.set(grammar, parser);
    return parser;
  }

  /** The parser for a language whose grammar is already loaded, or `undefined`. */
  loadedParserFor(languageId: LanguageId): Parser | undefined {
    return this.loadedParserOf(grammarOf(languageId));
  }

  /** The parser for a grammar already loaded, or `undefined`. */
  loadedParserOf(grammar: GrammarName): Parser | undefined {
    return this.parsers.get(grammar);
  }
}

const PARSE_CHUNK = 64 * 1024;

/**
 * Parses `text`, reusing `oldTree` (already edited) when given; throws `ParseCancelled` past the budget.
 * `parsedText`, when given, is what the parser reads instead: a repaired copy of the same length
 * (see syntax-repairs.ts). Nodes of the tree still read their `.text` from `text`. `includedRanges`: only these
 * parts of the text are parsed (the tree keeps the offsets of the whole text).
 */
export function parseWithBudget(parser: Parser, text: string, budgetMs: number, oldTree?: Tree | null, parsedText?: string, includedRanges?: Range[]): Tree {
  const deadline = performance.now() + budgetMs;
  parser.reset();
  // Text handed over in chunks the parser asks for: an incremental re-parse reads only what it re-lexes,
  // instead of the whole document being copied into WASM memory on every keystroke. The tree keeps this
  // callback to give nodes their text, so once parsed it reads the file's own text.
  let source = parsedText ?? text;
  const input = (index: number) => source.slice(index, index + PARSE_CHUNK);
  const tree = parser.parse(input, oldTree ?? null, { progressCallback: () => performance.now() > deadline, ...(includedRanges ? { includedRanges } : {}) });
  source = text;
  if (!tree) {
    parser.reset();
    throw new ParseCancelled(budgetMs);
  }
  return tree;
}

let shared: Grammars | undefined;
/** The process-wide grammar cache used when a caller does not bring its own. */
export function sharedGrammars(): Grammars {
  shared ??= new Grammars();
  return shared;
}
