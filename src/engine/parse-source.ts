import type { Parser, Tree } from '@vscode/tree-sitter-wasm';
import { fallbackGrammarOf, grammarOf, isTypeScript, type GrammarName } from './languages';
import { parseWithBudget, type Grammars } from './parser';
import { syntaxDamage } from './syntax-errors';
import { applyPatches, repairsFor, taggedTemplateTypeArguments, type Repaired } from './syntax-repairs';
import type { LanguageId } from './types';

/** A file's tree and how it was obtained. */
export interface ParsedSource {
  tree: Tree;
  grammar: GrammarName;
  /** The constructs rewritten for the parser (see syntax-repairs.ts), one entry per patch. */
  repaired: string[];
  /** Every grammar the parse ran (its own, and the fallback when it retried with it): what parsing the same text again needs. */
  used: GrammarName[];
}

/** Rounds of repairs per grammar: a repaired error can uncover the next one; three bound the work. */
const MAX_REPAIR_ROUNDS = 3;

interface Attempt {
  tree: Tree;
  grammar: GrammarName;
  parsedText: string;
  damage: number;
  repaired: string[];
}

/**
 * Parses a whole file so that as little as possible is lost to grammar gaps (one-shot analyses: the CLI,
 * project facts; the editor's incremental parse keeps one grammar). The file's own grammar first; when that
 * finds errors, also the fallback grammar (see languages.ts), each followed by rounds of same-length repairs
 * of constructs the grammars reject (see syntax-repairs.ts). A retry is kept only when it loses fewer
 * characters to syntax errors, and the best tree wins. A clean parse costs one parse (a TypeScript file with
 * type arguments on a tagged template, two); retries share half the time budget and stop when it is spent.
 * Grammars load on first need. Throws `ParseCancelled` only when the first parse does not fit the budget.
 */
export async function parseSource(grammars: Grammars, languageId: LanguageId, text: string, budgetMs: number): Promise<ParsedSource> {
  const started = performance.now();
  await grammars.parserOf(grammarOf(languageId));
  let missing: GrammarName | undefined;
  const parsed = parseLoaded(grammars, languageId, text, budgetMs, started, (grammar) => (missing = grammar));
  if (missing === undefined) return parsed;
  // the fallback grammar was wanted before this thread had it: loaded once, then the same parse again
  parsed.tree.delete();
  await grammars.parserOf(missing).catch(() => undefined);
  return parseLoaded(grammars, languageId, text, budgetMs, started, () => undefined);
}

/**
 * The same parse as `parseSource`, synchronously, with the grammars this thread has loaded (for facts read
 * again on demand, see `deferred-calls.ts`); `undefined` when one it needs is not loaded. Never throws.
 */
export function parseSourceNow(grammars: Grammars, languageId: LanguageId, text: string, budgetMs: number): ParsedSource | undefined {
  if (!grammars.loadedParserOf(grammarOf(languageId))) return undefined;
  let missing = false;
  try {
    const parsed = parseLoaded(grammars, languageId, text, budgetMs, performance.now(), () => (missing = true));
    if (!missing) return parsed;
    parsed.tree.delete();
    return undefined;
  } catch {
    return undefined;
  }
}

/** `parseSource` with loaded grammars: a grammar a retry wants and this thread lacks is told to `lacking`, and that retry is not made. */
function parseLoaded(grammars: Grammars, languageId: LanguageId, text: string, budgetMs: number, started: number, lacking: (grammar: GrammarName) => void): ParsedSource {
  const retryDeadline = started + budgetMs / 2;
  const used = new Set<GrammarName>();
  const parserOf = (grammar: GrammarName): Parser => {
    const parser = grammars.loadedParserOf(grammar);
    if (!parser) {
      lacking(grammar);
      throw new Error(`grammar ${grammar} not loaded`);
    }
    used.add(grammar);
    return parser;
  };
  const parse = (grammar: GrammarName, parsedText: string, budget: number): Tree =>
    parseWithBudget(parserOf(grammar), text, budget, null, parsedText === text ? undefined : parsedText);
  const retry = (grammar: GrammarName, parsedText: string, repaired: string[]): Attempt | undefined => {
    const budget = retryDeadline - performance.now();
    if (budget <= 0) return undefined;
    try {
      const tree = parse(grammar, parsedText, budget);
      return { tree, grammar, parsedText, damage: syntaxDamage(tree), repaired };
    } catch {
      return undefined; // out of time, or the grammar is not loaded: the tree in hand stands
    }
  };

  /** `challenger` when it loses less than `holder` (or as little, with `orAsGood`); the other tree is deleted. */
  const better = (holder: Attempt, challenger: Attempt | undefined, orAsGood = false): Attempt => {
    if (!challenger) return holder;
    const wins = challenger.damage < holder.damage || (orAsGood && challenger.damage === holder.damage);
    (wins ? holder : challenger).tree.delete();
    return wins ? challenger : holder;
  };
  /** Rounds of repairs from `start`, each kept while it loses less. */
  const withRepairs = (start: Attempt): Attempt => {
    let best = start;
    for (let round = 0; round < MAX_REPAIR_ROUNDS && best.damage > 0; round++) {
      const patches = repairsFor(best.tree, best.parsedText);
      if (!patches.length) break;
      const next = better(best, retry(best.grammar, applyPatches(best.parsedText, patches), [...best.repaired, ...constructs(patches)]));
      if (next === best) break;
      best = next;
    }
    return best;
  };

  const grammar = grammarOf(languageId);
  const first = parse(grammar, text, budgetMs);
  let best: Attempt = { tree: first, grammar, parsedText: text, damage: syntaxDamage(first), repaired: [] };
  if (isTypeScript(languageId)) {
    const patches = taggedTemplateTypeArguments(first, text);
    if (patches.length) best = better(best, retry(grammar, applyPatches(text, patches), constructs(patches)), true);
  }
  if (best.damage > 0) {
    const fallback = fallbackGrammarOf(languageId);
    const other = fallback && retry(fallback, text, []);
    best = withRepairs(best);
    if (other) best = better(best, withRepairs(other));
  }
  return { tree: best.tree, grammar: best.grammar, repaired: best.repaired, used: [...used] };
}

function constructs(patches: readonly Repaired[]): string[] {
  return patches.map((p) => p.construct);
}
