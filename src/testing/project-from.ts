import * as path from 'path';
import type { Grammars } from '../engine/parser';
import type { ProjectFacts } from '../engine/project';
import { ProjectIndex } from '../engine/project/project-index';
import { PYTHON_REQUIREMENT_FILE } from '../engine/project/python-requirements';

/** The folder all the given absolute file names share. */
function commonDir(fileNames: readonly string[]): string {
  const dirs = fileNames.map((f) => path.dirname(f).split('/'));
  const first = dirs[0] ?? ['', ''];
  let length = first.length;
  for (const dir of dirs) {
    let i = 0;
    while (i < length && dir[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length).join('/') || '/';
}

/**
 * Indexes a small in-memory project for tests: `projectFrom({ '/p/app.js': '...', '/p/package.json': '{...}' })`.
 * Files named `package.json` and Python requirement files are recorded as manifests; the others are indexed as source files.
 */
export async function projectFrom(files: Readonly<Record<string, string>>, options: { rootDir?: string; grammars?: Grammars } = {}): Promise<ProjectFacts> {
  const names = Object.keys(files);
  const index = new ProjectIndex(options.rootDir ?? commonDir(names), options.grammars);
  for (const name of names) {
    if (path.basename(name) === 'package.json' || PYTHON_REQUIREMENT_FILE.test(path.basename(name))) index.setManifest(name, files[name]);
    else await index.setFile(name, files[name]);
  }
  return index.facts();
}
