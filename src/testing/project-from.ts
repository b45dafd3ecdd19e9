import * as path from 'path';
import type { Grammars } from '../engine/parser';
import type { ProjectFacts } from '../engine/project';
import { LAUNCH_CONFIG_FILE, NOT_LAUNCH_CONFIG } from '../engine/project/module-launchers';
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
 * Files named `package.json` and Python requirement files are recorded as manifests; launch configuration files
 * (Dockerfile, Procfile, `*.yml`, ...) as such, and their presence, or `launchConfigsRead`, says that the launch
 * configuration was read, as the CLI does; the others are indexed as source files.
 */
export async function projectFrom(files: Readonly<Record<string, string>>, options: { rootDir?: string; grammars?: Grammars; launchConfigsRead?: boolean } = {}): Promise<ProjectFacts> {
  const names = Object.keys(files);
  const index = new ProjectIndex(options.rootDir ?? commonDir(names), options.grammars);
  if (options.launchConfigsRead) index.markLaunchConfigsRead();
  for (const name of names) {
    const base = path.basename(name);
    if (base === 'package.json' || PYTHON_REQUIREMENT_FILE.test(base)) index.setManifest(name, files[name]);
    else if (LAUNCH_CONFIG_FILE.test(base) && !NOT_LAUNCH_CONFIG.test(base)) index.setLaunchConfig(name, files[name]);
    else await index.setFile(name, files[name]);
  }
  return index.facts();
}
