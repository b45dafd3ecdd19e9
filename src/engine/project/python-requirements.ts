import path = require('path');
import type { PackageFacts } from './facts';

/** Files that list a Python project's dependencies (pip requirements, PEP 621/Poetry, Pipenv, setuptools). */
export const PYTHON_REQUIREMENT_FILE = /^(?:requirements[\w.-]*\.(?:txt|in)|pyproject\.toml|Pipfile|setup\.py|setup\.cfg)$/i;

/** A distribution name as pip compares them (PEP 503): lower case, runs of `-`, `_`, `.` as one `-`. */
export function normalizeDistribution(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const LINE_START_NAME = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[<>=!~;@]|=|$)/;
const QUOTED_NAME = /["']([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[<>=!~;@][^"']*)?["']/g;

/**
 * The distribution names a requirements file, pyproject.toml, Pipfile or setup.py names: names at a line's
 * start (requirements lines, Pipfile and Poetry keys) and names in quoted requirement strings. It reads more
 * names than are dependencies (`version = ...`); callers only ask about the packages they need.
 */
export function readPythonRequirements(fileName: string, text: string): PackageFacts {
  const dependencies = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*#/.test(line)) continue;
    const start = LINE_START_NAME.exec(line);
    if (start) dependencies.add(normalizeDistribution(start[1]));
    for (const match of line.matchAll(QUOTED_NAME)) dependencies.add(normalizeDistribution(match[1]));
  }
  return { dir: path.dirname(fileName), fileName, dependencies, readable: true };
}

/** The requirements of several files of one folder, as one set (requirements.txt beside pyproject.toml). */
export function mergeRequirements(existing: PackageFacts | undefined, added: PackageFacts): PackageFacts {
  if (!existing) return added;
  return { ...existing, dependencies: new Set([...existing.dependencies, ...added.dependencies]) };
}
