import path = require('path');
import type { PackageFacts } from './facts';
import { NON_LAUNCH_FIELDS } from './module-launchers';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** Reads the dependency names of a package.json text; never throws (unreadable JSON gives `readable: false`). */
export function readPackageFacts(fileName: string, text: string): PackageFacts {
  const dependencies = new Set<string>();
  const entries: string[] = [];
  const launches: string[] = [];
  let declaresStart = false;
  let name: string | undefined;
  let readable = true;
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null) {
      for (const field of DEPENDENCY_FIELDS) {
        const value = (json as Record<string, unknown>)[field];
        if (typeof value === 'object' && value !== null) Object.keys(value).forEach((name) => dependencies.add(name));
      }
      entries.push(...entryPaths(json as Record<string, unknown>));
      launches.push(...launchStrings(json as Record<string, unknown>));
      const scripts = (json as Record<string, unknown>).scripts;
      const named = (json as Record<string, unknown>).name;
      if (typeof named === 'string' && named) name = named;
      declaresStart = entries.length > 0 || (typeof scripts === 'object' && scripts !== null && typeof (scripts as Record<string, unknown>).start === 'string');
    }
  } catch {
    readable = false;
  }
  return { dir: path.dirname(fileName), fileName, dependencies, readable, entries, launches, declaresStart, ...(name ? { name } : {}) };
}

/** The string values of package.json that may name a module to run (`scripts` first), dependency lists and the like left out, capped. */
function launchStrings(json: Record<string, unknown>): string[] {
  const found: string[] = [];
  pathsIn(json.scripts, found, 0, 512);
  for (const [field, value] of Object.entries(json)) {
    if (field !== 'scripts' && !DEPENDENCY_FIELDS.includes(field) && !NON_LAUNCH_FIELDS.includes(field)) pathsIn(value, found, 0, 512);
  }
  return found;
}

/** Every path string under a field (`bin: { a: './cli.js' }`, conditional `exports` maps), capped at `cap` strings. */
function pathsIn(value: unknown, found: string[], depth = 0, cap = 64): void {
  if (found.length > cap || depth > 6) return;
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) value.forEach((v) => pathsIn(v, found, depth + 1, cap));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => pathsIn(v, found, depth + 1, cap));
}

/**
 * The modules package.json names as what others load: `main`, `module`, `browser`, every path of `exports` and
 * `bin`; relative to the package folder, as written (Node's default `index.js` is left to the reader).
 */
function entryPaths(json: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const field of ['main', 'module', 'browser', 'exports', 'bin']) pathsIn(json[field], found);
  return found;
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
