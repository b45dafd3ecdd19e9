import path = require('path');

/** The last root asked for, with `root + separator` when it is absolute and normalised (else `undefined`). */
let lastRoot: string | undefined;
let lastPrefix: string | undefined;

function prefixOf(root: string): string | undefined {
  if (root !== lastRoot) {
    lastRoot = root;
    lastPrefix = path.isAbsolute(root) && path.normalize(root) === root ? (root.endsWith(path.sep) ? root : root + path.sep) : undefined;
  }
  return lastPrefix;
}

/** A path with an empty part, or a part `.` or `..` (a name that merely starts with a dot, `.github`, is plain). */
const UNPLAIN_PART = path.sep === '/' ? /(?:^|\/)\.{0,2}(?:\/|$)/ : /(?:^|\\)\.{0,2}(?:\\|$)/;

/**
 * A file's path as reports show it: relative to `root`, with forward slashes on every system. A file plainly
 * below `root` (no `.`, `..` or empty part after it: nothing for `path.relative` to resolve) is cut out of its
 * path: resolving both paths again for every report was a tenth of a rescan from `--cache`. Folders whose
 * names start with a dot (`.github`, `.bench`) are plain too; taking them for `.` parts cost 3 ms of the bench's rescan.
 */
export function relativePath(root: string, file: string): string {
  const prefix = prefixOf(root);
  const tail = prefix !== undefined && file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
  const plain = tail !== undefined && !UNPLAIN_PART.test(tail);
  const relative = plain ? tail : path.relative(root, file);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}
