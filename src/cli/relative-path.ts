import * as path from 'path';

/** A file's path as reports show it: relative to `root`, with forward slashes on every system. */
export function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
