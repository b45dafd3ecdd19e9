import type { FileFacts, PackageFacts } from './project/facts';
import type { ProjectSources } from './project/deferred-calls';

/**
 * Facts about the project around the analysed file (other files, package.json), supplied by the caller.
 * The engine itself never touches the file system for a single-file analysis; the CLI and the extension
 * build these facts (with `ProjectIndex`) and pass them in, so rules stay pure functions of their input.
 */
export interface ProjectFacts {
  /** The workspace or scan root, used for relative paths in messages and for `@/`-style import aliases. */
  readonly rootDir?: string;
  /** Per-file facts of every indexed source file (JavaScript, TypeScript, Python), by absolute file name. */
  readonly files: ReadonlyMap<string, FileFacts>;
  /** The indexed file an import specifier written in `fromFile` refers to (extensions and index files tried). */
  resolveImport(fromFile: string, specifier: string): string | undefined;
  /** The nearest indexed package.json above a file. */
  packageFor(fileName: string): PackageFacts | undefined;
  /** The Python requirements (requirements*.txt, pyproject.toml, Pipfile, setup.py) of the nearest folder above a file that has them. */
  requirementsFor?(fileName: string): PackageFacts | undefined;
  /**
   * A value derived from these facts, computed at most once per snapshot: rules share cross-file models
   * (such as the app graph) this way instead of rebuilding them for every analysed file.
   */
  memo<T>(key: string, compute: () => T): T;
  /** Some source files of the project were left out (the editor's cap on indexed files): what no file does cannot be told. */
  readonly partial?: boolean;
  /**
   * How this thread reads project files again for the facts their facts pass deferred (`FileFacts.deferred`);
   * absent, those facts count as unknown.
   */
  readonly sources?: ProjectSources;
  /**
   * The path-like words of the project's launch configuration files (Dockerfile, Procfile, `*.yml`, ...), by file;
   * present only when the caller read them (the CLI): then a module nothing names can be told never loaded.
   */
  readonly launchConfigs?: ReadonlyMap<string, readonly string[]>;
  /**
   * The maps the snapshot was made of, as plain data another thread can receive (`projectFactsFrom` makes
   * the same facts of them there); absent on facts made by hand.
   */
  readonly data?: ProjectFactsData;
}

/** What project facts are made of, without functions: structured-cloneable. */
export interface ProjectFactsData {
  readonly rootDir: string;
  readonly files: ReadonlyMap<string, FileFacts>;
  readonly packages: ReadonlyMap<string, PackageFacts>;
  readonly requirements: ReadonlyMap<string, PackageFacts>;
  /** See `ProjectFacts.partial`. */
  readonly partial?: boolean;
  /** See `ProjectFacts.launchConfigs`. */
  readonly launchConfigs?: ReadonlyMap<string, readonly string[]>;
}

export { ProjectIndex, projectFactsFrom } from './project/project-index';
export type { FileFacts, PackageFacts } from './project/facts';
