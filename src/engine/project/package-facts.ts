import * as path from 'path';
import type { PackageFacts } from './facts';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** Reads the dependency names of a package.json text; never throws (unreadable JSON gives `readable: false`). */
export function readPackageFacts(fileName: string, text: string): PackageFacts {
  const dependencies = new Set<string>();
  let readable = true;
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null) {
      for (const field of DEPENDENCY_FIELDS) {
        const value = (json as Record<string, unknown>)[field];
        if (typeof value === 'object' && value !== null) Object.keys(value).forEach((name) => dependencies.add(name));
      }
    }
  } catch {
    readable = false;
  }
  return { dir: path.dirname(fileName), fileName, dependencies, readable };
}

/** The package.json nearest above `fileName` among the known ones, searching up to the file system root. */
export function nearestPackage(packagesByDir: ReadonlyMap<string, PackageFacts>, fileName: string): PackageFacts | undefined {
  let dir = path.dirname(fileName);
  for (;;) {
    const found = packagesByDir.get(dir);
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
