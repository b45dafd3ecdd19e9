import fs = require('fs');
import path = require('path');
import type { FileCheck } from './types';

export interface FileCheckFailure {
  request: string;
  got: string;
  expected: string;
}

/** The project files a check's path names: one file, or the files of a folder matching `*` patterns (`migrations/*.sql`). */
function filesOf(root: string, relative: string): string[] {
  const folder = path.posix.dirname(relative);
  const name = path.posix.basename(relative);
  if (!name.includes('*')) return fs.existsSync(path.join(root, relative)) ? [relative] : [];
  const pattern = new RegExp(`^${name.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  try {
    return fs.readdirSync(path.join(root, folder)).filter((entry) => pattern.test(entry)).sort().map((entry) => path.posix.join(folder, entry));
  } catch {
    return [];
  }
}

/** Why the project's files fail the check, or undefined when they pass. */
export function runFileCheck(root: string, check: FileCheck): FileCheckFailure | undefined {
  const files = filesOf(root, check.path);
  const minCount = check.minCount ?? 1;
  if (files.length < minCount) {
    return { request: `looking for ${check.path}`, got: files.length ? `${files.length} file${files.length === 1 ? '' : 's'}` : 'nothing there', expected: minCount === 1 ? `${check.path} in the project` : `at least ${minCount} files matching ${check.path}` };
  }
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(root, file), 'utf8');
    } catch (error) {
      return { request: `reading ${file}`, got: (error as NodeJS.ErrnoException).code ?? String(error), expected: 'a readable file' };
    }
    for (const rule of check.mustMatch ?? []) {
      if (!new RegExp(rule.pattern, rule.flags ?? 'm').test(text)) return { request: `reading ${file}`, got: `no such text in ${file}`, expected: rule.message };
    }
    for (const rule of check.mustNotMatch ?? []) {
      const match = new RegExp(rule.pattern, rule.flags ?? 'm').exec(text);
      if (match) return { request: `reading ${file}`, got: `line ${text.slice(0, match.index).split('\n').length}: ${match[0].trim()}`, expected: rule.message };
    }
  }
  return undefined;
}
