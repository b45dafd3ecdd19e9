import { defaultConfig } from '../config';
import type { GrammarName } from '../languages';
import type { Grammars } from '../parser';
import { parseSourceNow } from '../parse-source';
import type { ProjectFacts } from '../project';
import type { CallSiteFact, FileFacts } from './facts';
import { extractIndexedFacts } from './extract-facts';
import { textHash } from './text-hash';

/**
 * Facts taken on demand. The facts pass of a scan reads only what resolving callees needs (see
 * `FileFacts.deferred`): the origins of call arguments and the text returns of functions and classes are read
 * when a rule asks for them, by the thread that asks, from the file's text read again and parsed the same way.
 * They are derived from the text alone, so whatever holds the facts (a cache) holds for them too.
 */

/** How a thread reads project files again: given with the project facts by whoever scans (the CLI). */
export interface ProjectSources {
  /** The file's text as it is now; `undefined` when it cannot be read. Never throws. */
  readText(fileName: string): string | undefined;
  /** This thread's grammars: those of the deferred files' languages loaded (`loadDeferredGrammars`), as parsing on demand cannot wait. */
  readonly grammars: Grammars;
  /**
   * Told each time a file's deferred facts are handed out, read again or remembered: what an analysis learnt
   * from other files' texts beyond their facts, which a cache of its results must check (`FileReport.textsRead`).
   */
  noteRead?(fileName: string): void;
}

/**
 * The facts of `file` with nothing deferred: its own facts when they deferred nothing, else the same facts
 * read again from its text, once per snapshot. `undefined` when that cannot be done (no sources, the file
 * cannot be read, its text changed since its facts were taken, a grammar not loaded, the parse out of time):
 * the asker then treats what it wanted as unknown, which errs toward reporting. Never throws.
 */
export function completeFacts(project: ProjectFacts, file: string): FileFacts | undefined {
  const facts = project.files.get(file);
  if (!facts?.deferred) return facts;
  project.sources?.noteRead?.(file);
  return project.memo(`complete-facts:${file}`, () => readAgain(project, facts));
}

function readAgain(project: ProjectFacts, facts: FileFacts): FileFacts | undefined {
  const sources = project.sources;
  const text = sources?.readText(facts.fileName);
  if (!sources || text === undefined || textHash(text) !== facts.textHash) return undefined;
  try {
    const parsed = parseSourceNow(sources.grammars, facts.languageId, text, defaultConfig().timeBudgetMs);
    if (!parsed) return undefined;
    try {
      const read = extractIndexedFacts(parsed.tree, text, facts.fileName, facts.languageId, facts.textHash, project.rootDir);
      // what the facts pass added around the extraction (member mentions, path names) is the same text's: kept as it was
      const { deferred: _deferred, ...own } = facts;
      return { ...own, ...read };
    } finally {
      parsed.tree.delete();
    }
  } catch {
    return undefined;
  }
}

/**
 * Call site `position` of `file` with its arguments' origins; `undefined` when they cannot be had, or when the
 * facts read again do not list the same call there (their reading ran out of work at another point).
 */
export function completeCallSite(project: ProjectFacts, file: string, position: number, site: CallSiteFact): CallSiteFact | undefined {
  if (site.args) return site;
  const complete = completeFacts(project, file)?.callSites[position];
  const same = complete?.args && complete.at[0] === site.at[0] && complete.at[1] === site.at[1]
    && JSON.stringify(complete.callee) === JSON.stringify(site.callee);
  return same ? complete : undefined;
}

/** Loads, before an analysis, the grammars that parsing the project's deferred files again needs (those their facts pass ran). */
export async function loadDeferredGrammars(project: ProjectFacts, grammars: Grammars): Promise<void> {
  const wanted = new Set<GrammarName>();
  for (const facts of project.files.values()) for (const grammar of facts.deferred?.grammars ?? []) wanted.add(grammar);
  for (const grammar of wanted) await grammars.parserOf(grammar).catch(() => undefined);
}
