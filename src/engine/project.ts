/**
 * Facts about the project around the analysed file (other files, package.json), supplied by the caller.
 * The engine itself never touches the file system for a single-file analysis; the CLI and the extension
 * build these facts and pass them in, so rules stay pure functions of their input.
 */
export interface ProjectFacts {
  /** The workspace or scan root, used for relative paths in messages. */
  readonly rootDir?: string;
}
