import path = require('path');
import { ProjectIndex, type FileFacts, type ProjectFacts } from '../engine/project';
import type { Grammars } from '../engine/parser';
import { loadDeferredGrammars } from '../engine/project/deferred-calls';
import { PYTHON_REQUIREMENT_FILE } from '../engine/project/python-requirements';
import { regularFileText } from '../files/project-files';
import type { PackageJson } from './project-manifests';

/**
 * The project's cross-file facts (apps, routers, middleware order, imports) from every scanned file's
 * facts, in scan order, so rules see where middleware registered in one file applies to routes in another.
 * `launchConfigsRead`: the CLI read the launch configuration (see `readPackageJsons`), so a module nothing names
 * can be told never loaded; the learning track's grader leaves it out, as the editor does.
 */
export function projectOfFacts(root: string, facts: Iterable<[string, FileFacts]>, packages: readonly PackageJson[], launchConfigsRead = true): ProjectFacts {
  const index = new ProjectIndex(root);
  for (const [file, fileFacts] of facts) index.setFileFacts(file, fileFacts);
  if (launchConfigsRead) index.markLaunchConfigsRead();
  for (const [pkg, text] of packages) {
    const name = path.basename(pkg);
    if (name === 'package.json' || PYTHON_REQUIREMENT_FILE.test(name)) index.setManifest(pkg, text);
    else index.setLaunchConfig(pkg, text);
  }
  return index.facts();
}

/**
 * The project with the facts its files' facts pass deferred (see `deferred-calls.ts`) read again from the files
 * on disk when a rule asks, in this thread, with `grammars` (those it needs are loaded first); `noteRead` hears
 * of each file whose deferred facts are handed out.
 */
export async function readingFromDisk(project: ProjectFacts, grammars: Grammars, noteRead?: (file: string) => void): Promise<ProjectFacts> {
  await loadDeferredGrammars(project, grammars);
  return { ...project, sources: { readText: regularFileText, grammars, noteRead } };
}
