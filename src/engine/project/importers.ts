import type { FileFacts } from './facts';
import type { FileSet } from './value-resolver';

/**
 * For each project file, the files whose `sources` (import specifiers) resolve to it: the reverse of the import
 * graph. A file importing itself is left out, and each importer is listed once.
 */
export function importersByFile(set: FileSet, sources: (facts: FileFacts) => readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const facts of set.files.values()) {
    for (const source of sources(facts)) {
      const target = set.resolveImport(facts.fileName, source);
      if (!target || target === facts.fileName) continue;
      const list = map.get(target);
      // a file's own sources come one after another: when it imports the target twice, it is the last importer listed
      // (a search of the whole list made a module every file imports cost the square of the project's size)
      if (!list) map.set(target, [facts.fileName]);
      else if (list[list.length - 1] !== facts.fileName) list.push(facts.fileName);
    }
  }
  return map;
}
