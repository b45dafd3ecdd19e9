import fs = require('fs');
import path = require('path');

/**
 * The project root of a scan: the deepest folder holding every scanned path (a file stands for its folder).
 * It depends on what is scanned, never on the current folder, so findings are the same from anywhere.
 */
export function projectRoot(paths: readonly string[], cwd: string): string {
  const folders = paths.map((p) => {
    const abs = path.resolve(cwd, p);
    try {
      return fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
    } catch {
      return path.dirname(abs);
    }
  });
  const outside = (folder: string, dir: string) => {
    const relative = path.relative(dir, folder);
    return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  };
  return folders.reduce((common, folder) => {
    let candidate = common;
    while (outside(folder, candidate) && path.dirname(candidate) !== candidate) candidate = path.dirname(candidate);
    return candidate;
  });
}
