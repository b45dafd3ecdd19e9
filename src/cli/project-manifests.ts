import fs = require('fs');
import path = require('path');
import { LAUNCH_CONFIG_FILE, LAUNCH_CONFIG_FOLDERS, MAX_LAUNCH_CONFIG_BYTES, MAX_LAUNCH_CONFIG_FILES, NOT_LAUNCH_CONFIG } from '../engine/project/module-launchers';
import { PYTHON_REQUIREMENT_FILE } from '../engine/project/python-requirements';
import { regularFileText } from '../files/project-files';

// The files beside a scan's sources that the project facts read (package.json, Python requirements, launch
// configuration). Kept apart from the engine: the CLI reads them before it knows whether it needs the engine at all.

/** A package.json's path and text (`undefined` when it cannot be read). */
export type PackageJson = [string, string | undefined];

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
  for (const dir of foldersOf(files)) {
    const pkg = nearest(dir);
    if (pkg) found.add(pkg);
  }
  return [...found];
}

/**
 * The folder of each file, once for each run of files in the same folder (the walk lists a folder's files
 * together): `path.dirname` of every file was a third of finding the package.json files of a rescan.
 */
function* foldersOf(files: Iterable<string>): Generator<string> {
  let last: string | undefined;
  for (const file of files) {
    // a file directly in the folder of the one before: nothing more after the folder's separator
    if (last !== undefined && file.length > last.length + 1 && file.startsWith(last) && file[last.length] === path.sep && file.indexOf(path.sep, last.length + 1) < 0) continue;
    last = path.dirname(file);
    yield last;
  }
}

/** The requirement files of the nearest folder above each scanned Python file that has some (requirements.txt, pyproject.toml, ...). */
export function nearestPythonRequirements(files: readonly string[]): string[] {
  const found = new Set<string>();
  const visited = new Map<string, string[]>();
  const nearest = (dir: string): string[] => {
    const known = visited.get(dir);
    if (known) return known;
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir).filter((name) => PYTHON_REQUIREMENT_FILE.test(name)).map((name) => path.join(dir, name));
    } catch {
      names = [];
    }
    const parent = path.dirname(dir);
    const result = names.length || parent === dir ? names : nearest(parent);
    visited.set(dir, result);
    return result;
  };
  for (const dir of foldersOf(files.filter((file) => file.endsWith('.py')))) nearest(dir).forEach((f) => found.add(f));
  return [...found];
}

/**
 * The launch configuration files (Dockerfile, Procfile, `*.yml`, ... see `LAUNCH_CONFIG_FILE`) in the given folders
 * and in their usual subfolders (`docker/`, `.github/workflows/`), small ones only, capped in number.
 */
export function launchConfigFiles(dirs: Iterable<string>): string[] {
  const found = new Set<string>();
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.size >= MAX_LAUNCH_CONFIG_FILES) return;
      if (!entry.isFile() || !LAUNCH_CONFIG_FILE.test(entry.name) || NOT_LAUNCH_CONFIG.test(entry.name)) continue;
      const file = path.join(dir, entry.name);
      try {
        if (fs.statSync(file).size <= MAX_LAUNCH_CONFIG_BYTES) found.add(file);
      } catch {
        // unreadable: it names nothing
      }
    }
  };
  for (const dir of new Set(dirs)) {
    visit(dir);
    for (const sub of LAUNCH_CONFIG_FOLDERS) visit(path.join(dir, sub));
  }
  return [...found];
}

/**
 * The package.json files the scanned files belong to, the requirement files of their Python files, and, given the
 * project `root`, the launch configuration files there and beside those package.json files, read.
 */
export function readPackageJsons(files: readonly string[], root?: string): PackageJson[] {
  const packages = nearestPackageJsons(files);
  const manifests = [...packages, ...nearestPythonRequirements(files)];
  const configs = root ? launchConfigFiles([root, ...packages.map((p) => path.dirname(p))]).filter((f) => !manifests.includes(f)) : [];
  return [...manifests, ...configs].map((pkg) => {
    try {
      return [pkg, regularFileText(pkg)];
    } catch {
      return [pkg, undefined];
    }
  });
}
