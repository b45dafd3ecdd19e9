import type { Tree } from '@vscode/tree-sitter-wasm';
import { defaultConfig } from '../config';
import { hasProjectFacts, isJavaScriptFamily, languageOfFileName } from '../languages';
import { MAY_HOLD_PYTHON_FACTS } from '../languages/python/extract-python-facts';
import { MAY_HOLD_RUBY_FACTS } from '../languages/ruby/ruby-facts';
import { MAY_HOLD_PHP_FACTS } from '../languages/php/php-facts';
import { reasonToSkip } from '../limits';
import { sharedGrammars, type Grammars } from '../parser';
import { parseSource } from '../parse-source';
import type { ProjectFacts, ProjectFactsData } from '../project';
import type { LanguageId } from '../types';
import { extractIndexedFacts } from './extract-facts';
import { nextFileKind } from './extract-next';
import { emptyFileFacts, type FileFacts, type PackageFacts } from './facts';
import { ownStrings } from './shared-strings';
import { MAY_CALL_ACROSS_FILES } from './extract-call-sites';
import { MAY_HOLD_FACTS, isTestFileName } from './frameworks';
import { resolveModulePath } from './module-resolution';
import { nearestPackage, readPackageFacts } from './package-facts';
import { PYTHON_REQUIREMENT_FILE, mergeRequirements, readPythonRequirements } from './python-requirements';
import { memberMentions } from './member-mentions';
import { pathNamesOf, pathWords } from './path-names';
import { textHash } from './text-hash';
import path = require('path');


/** Extracts a text's facts: parses it once, reads the facts, drops the tree. Never throws. `rootDir` tells test folders apart. */
export async function factsOfText(fileName: string, text: string, languageId: LanguageId, grammars: Grammars, rootDir?: string): Promise<FileFacts> {
  return (await parsedFactsOfText(fileName, text, languageId, grammars, rootDir, false)).facts;
}

/**
 * A text's facts and, with `keepTree` and when the text was parsed, its tree, which the caller then owns
 * (and deletes): the CLI hands it on to the analysis so that the file is parsed once. With `deferCalls`, what
 * `completeFacts` can read again from the same text is left out (see `FileFacts.deferred`). Never throws.
 */
export async function parsedFactsOfText(fileName: string, text: string, languageId: LanguageId, grammars: Grammars, rootDir: string | undefined, keepTree: boolean, deferCalls = false): Promise<{ facts: FileFacts; tree?: Tree }> {
  const hash = textHash(text);
  const isTest = isTestFileName(fileName, rootDir);
  const config = defaultConfig();
  // Test files never contribute to an app's middleware or routes, so their facts are never read.
  // Next.js serves route files by their place, so they are read whatever their text mentions.
  const mayHold = languageId === 'python' ? MAY_HOLD_PYTHON_FACTS.test(text) : languageId === 'ruby' ? MAY_HOLD_RUBY_FACTS.test(text) : languageId === 'php' ? MAY_HOLD_PHP_FACTS.test(text) : MAY_HOLD_FACTS.test(text) || nextFileKind(fileName) || MAY_CALL_ACROSS_FILES.test(text);
  // added to the facts in place (they are this call's own), in the order a spread would put them: a spread copies
  // the object under a hidden class of its own (one per file on a large project, about 14 MB of them at 16,000
  // files), where in-place additions share one transition for every file
  const mentions = (facts: FileFacts, tree?: Tree): FileFacts => {
    if (isTest || !isJavaScriptFamily(languageId)) return facts;
    facts.memberNames = memberMentions(text, tree?.rootNode);
    const { names, loadsComputed } = pathNamesOf(text);
    facts.pathNames = names;
    if (loadsComputed) facts.loadsComputed = loadsComputed;
    return facts;
  };
  if (isTest || reasonToSkip(text, config) || !mayHold) return { facts: mentions(emptyFileFacts(fileName, languageId, hash, isTest, true)) };
  try {
    // The same parse as the analysis (grammar fallback, same-length repairs), so Flow and other files the
    // grammars stumble on still yield their apps and routes.
    const { tree, used } = await parseSource(grammars, languageId, text, config.timeBudgetMs);
    let kept = false;
    try {
      const facts = mentions(extractIndexedFacts(tree, text, fileName, languageId, hash, rootDir, deferCalls ? { grammars: used } : undefined), tree);
      kept = keepTree;
      return kept ? { facts, tree } : { facts };
    } finally {
      if (!kept) tree.delete();
    }
  } catch {
    return { facts: mentions(emptyFileFacts(fileName, languageId, hash, isTest, true)) };
  }
}

/** The Python requirements of the nearest folder above `fileName` that has requirement files, merged. */
function nearestRequirements(requirements: ReadonlyMap<string, PackageFacts>, fileName: string): PackageFacts | undefined {
  const byDir = new Map<string, PackageFacts>();
  for (const facts of requirements.values()) byDir.set(facts.dir, mergeRequirements(byDir.get(facts.dir), facts));
  return nearestPackage(byDir, fileName);
}

/** The project facts made of `data` (sent from another thread, or just gathered). */
export function projectFactsFrom(data: ProjectFactsData): ProjectFacts {
  return createSnapshot(data.rootDir, data.files, data.packages, data.requirements, data.partial, data.launchConfigs);
}

function createSnapshot(rootDir: string, files: ReadonlyMap<string, FileFacts>, packages: ReadonlyMap<string, PackageFacts>, requirements: ReadonlyMap<string, PackageFacts>, partial?: boolean, launchConfigs?: ReadonlyMap<string, readonly string[]>): ProjectFacts {
  const resolved = new Map<string, string | undefined>();
  const memos = new Map<string, unknown>();
  return {
    rootDir,
    files,
    resolveImport(fromFile, specifier) {
      const key = `${path.dirname(fromFile)}\0${specifier}`;
      if (!resolved.has(key)) resolved.set(key, resolveModulePath(fromFile, specifier, rootDir, (f) => files.has(f)));
      return resolved.get(key);
    },
    packageFor: (fileName) => nearestPackage(packages, fileName),
    requirementsFor: (fileName) => nearestRequirements(requirements, fileName),
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
    data: { rootDir, files, packages, requirements, ...(partial ? { partial } : {}), ...(launchConfigs ? { launchConfigs } : {}) },
    ...(partial ? { partial } : {}),
    ...(launchConfigs ? { launchConfigs } : {}),
  };
}

/**
 * The workspace index of cross-file facts (imports and exports, app and router objects, registrations in
 * order, functions that receive an app), shared by the CLI and the extension. Files are added and updated
 * as their text changes; `facts()` hands out an immutable snapshot that rules read.
 */
export class ProjectIndex {
  private readonly fileFacts = new Map<string, FileFacts>();
  private readonly packages = new Map<string, PackageFacts>();
  /** Python requirement files (requirements.txt, pyproject.toml, ...) by absolute path. */
  private readonly requirements = new Map<string, PackageFacts>();
  /** Bumped on every change of a file, so a slower earlier `setFile` cannot overwrite a newer state. */
  private readonly versions = new Map<string, number>();
  private readonly grammars: Grammars;
  private snapshot: ProjectFacts | undefined;
  private partial = false;
  /** The path words of launch configuration files by path; undefined until the caller says it reads them. */
  private launchConfigs: Map<string, readonly string[]> | undefined;

  constructor(readonly rootDir: string, grammars?: Grammars) {
    this.grammars = grammars ?? sharedGrammars();
  }

  /** Indexes (or re-indexes) a JavaScript, TypeScript, Python, Ruby or PHP file by absolute path; other files are ignored. */
  async setFile(fileName: string, text: string): Promise<void> {
    const languageId = languageOfFileName(fileName);
    if (!languageId || !hasProjectFacts(languageId)) return;
    const version = this.bump(fileName);
    const facts = await factsOfText(fileName, text, languageId, this.grammars, this.rootDir);
    if (this.versions.get(fileName) !== version) return;
    // the index outlives the text: names cut from it would keep it whole (see `ownStrings`)
    this.fileFacts.set(fileName, ownStrings(facts));
    this.snapshot = undefined;
  }

  /** Records facts extracted elsewhere (a CLI worker thread) for a file, as `setFile` would have. */
  setFileFacts(fileName: string, facts: FileFacts): void {
    this.bump(fileName);
    this.fileFacts.set(fileName, facts);
    this.snapshot = undefined;
  }

  removeFile(fileName: string): void {
    this.bump(fileName);
    if (this.fileFacts.delete(fileName)) this.snapshot = undefined;
  }

  /** Records (or, with `undefined`, forgets) a package.json by its absolute path. */
  setPackageJson(fileName: string, text: string | undefined): void {
    const dir = path.dirname(fileName);
    if (text === undefined) this.packages.delete(dir);
    else this.packages.set(dir, readPackageFacts(fileName, text));
    this.snapshot = undefined;
  }

  /** Records (or, with `undefined`, forgets) a Python requirement file (requirements.txt, pyproject.toml, Pipfile, setup.py) by its absolute path. */
  setPythonRequirements(fileName: string, text: string | undefined): void {
    if (text === undefined) this.requirements.delete(fileName);
    else this.requirements.set(fileName, readPythonRequirements(fileName, text));
    this.snapshot = undefined;
  }

  /** Records a package.json or a Python requirement file, by its name; other files are ignored. */
  setManifest(fileName: string, text: string | undefined): void {
    if (path.basename(fileName) === 'package.json') this.setPackageJson(fileName, text);
    else if (PYTHON_REQUIREMENT_FILE.test(path.basename(fileName))) this.setPythonRequirements(fileName, text);
  }

  /**
   * Records (or, with `undefined`, forgets) a launch configuration file (Dockerfile, Procfile, `*.yml`, ... see
   * `LAUNCH_CONFIG_FILE`) by its absolute path; from the first call on, the facts say that configuration was read.
   */
  setLaunchConfig(fileName: string, text: string | undefined): void {
    this.launchConfigs ??= new Map();
    if (text === undefined) this.launchConfigs.delete(fileName);
    else this.launchConfigs.set(fileName, [...pathWords(text)]);
    this.snapshot = undefined;
  }

  /** Says that the project's launch configuration was read, even when it has no such file. */
  markLaunchConfigsRead(): void {
    this.launchConfigs ??= new Map();
    this.snapshot = undefined;
  }

  /** Marks the index as missing some of the project's source files (see `ProjectFacts.partial`). */
  markPartial(): void {
    this.partial = true;
    this.snapshot = undefined;
  }

  /** A snapshot of the facts; the same object until the next change. */
  facts(): ProjectFacts {
    this.snapshot ??= createSnapshot(this.rootDir, new Map(this.fileFacts), new Map(this.packages), new Map(this.requirements), this.partial, this.launchConfigs && new Map(this.launchConfigs));
    return this.snapshot;
  }

  private bump(fileName: string): number {
    const version = (this.versions.get(fileName) ?? 0) + 1;
    this.versions.set(fileName, version);
    return version;
  }
}
