import * as fs from 'fs';
import * as path from 'path';
import type { Grammars } from '../engine/parser';
import { ProjectIndex, type ProjectFacts } from '../engine/project';
import { regularFileText } from '../files/project-files';

/** The nearest package.json above each folder holding a scanned file (also above the scan root). */
export function nearestPackageJsons(files: readonly string[]): string[] {
  const found = new Set<string>();
  const visited = new Map<string, string | undefined>();
  const nearest = (dir: string): string | undefined => {
    if (visited.has(dir)) return visited.get(dir);
    const candidate = path.join(dir, 'package.json');
    const parent = path.dirname(dir);
    const result = fs.existsSync(candidate) ? candidate : parent === dir ? undefined : nearest(parent);
    visited.set(dir, result);
    return result;
  };
  for (const file of files) {
    const pkg = nearest(path.dirname(file));
    if (pkg) found.add(pkg);
  }
  return [...found];
}

/**
 * Indexes every scanned file's cross-file facts (apps, routers, middleware order, imports) before any
 * file is analysed, so rules see where middleware registered in one file applies to routes in another.
 */
export async function indexProject(root: string, texts: ReadonlyMap<string, string>, grammars?: Grammars): Promise<ProjectFacts> {
  const index = new ProjectIndex(root, grammars);
  for (const [file, text] of texts) await index.setFile(file, text);
  for (const pkg of nearestPackageJsons([...texts.keys()])) {
    try {
      index.setPackageJson(pkg, regularFileText(pkg));
    } catch {
      index.setPackageJson(pkg, undefined);
    }
  }
  return index.facts();
}
