import path = require('path');
import type { Grammars } from '../engine/parser';
import type { ProjectFacts } from '../engine/project';
import { hasProjectFacts, languageOfFileName } from '../engine/languages';
import { sharedGrammars } from '../engine/parser';
import { loadDeferredGrammars } from '../engine/project/deferred-calls';
import { LAUNCH_CONFIG_FILE, NOT_LAUNCH_CONFIG } from '../engine/project/module-launchers';
import { ProjectIndex, parsedFactsOfText } from '../engine/project/project-index';
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
 * With `deferCalls`, as the CLI does: call facts deferred, read again from these texts when asked (see `deferred-calls.ts`).
 */
export async function projectFrom(files: Readonly<Record<string, string>>, options: { rootDir?: string; grammars?: Grammars; deferCalls?: boolean; launchConfigsRead?: boolean } = {}): Promise<ProjectFacts> {
  const names = Object.keys(files);
  const rootDir = options.rootDir ?? commonDir(names);
  const grammars = options.grammars ?? sharedGrammars();
  const index = new ProjectIndex(rootDir, grammars);
  if (options.launchConfigsRead) index.markLaunchConfigsRead();
  for (const name of names) {
    const base = path.basename(name);
    const languageId = languageOfFileName(name);
    if (base === 'package.json' || PYTHON_REQUIREMENT_FILE.test(base)) index.setManifest(name, files[name]);
    else if (LAUNCH_CONFIG_FILE.test(base) && !NOT_LAUNCH_CONFIG.test(base)) index.setLaunchConfig(name, files[name]);
    else if (options.deferCalls && languageId && hasProjectFacts(languageId)) index.setFileFacts(name, (await parsedFactsOfText(name, files[name], languageId, grammars, rootDir, false, true)).facts);
    else await index.setFile(name, files[name]);
  }
  if (!options.deferCalls) return index.facts();
  const facts = index.facts();
  await loadDeferredGrammars(facts, grammars);
  return { ...facts, sources: { readText: (name) => (Object.hasOwn(files, name) ? files[name] : undefined), grammars } };
}
