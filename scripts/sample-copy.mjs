// A fresh copy of the repository's sample/ for `npm start`, outside the tracked tree: the browser editor
// saves as you type, so a quick fix applied to the repository's own sample would change it for good.
import fs from 'node:fs';
import path from 'node:path';

/** Copies `<repoRoot>/sample` to `<parent>/sample` (which must not exist yet) and returns the copy's path. */
export function freshSampleCopy(repoRoot, parent) {
  const inside = path.relative(repoRoot, parent);
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) throw new Error(`${parent} is inside the repository; the copy must live outside it`);
  const copy = path.join(parent, 'sample');
  fs.cpSync(path.join(repoRoot, 'sample'), copy, { recursive: true, errorOnExist: true, force: false });
  return copy;
}
