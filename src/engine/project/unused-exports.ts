import type { ProjectFacts } from '../project';
import type { CallSiteIndex } from './call-site-index';
import type { FileFacts, ValueRef } from './facts';
import { importedElsewhere, mentionsComplete, mentionedElsewhere } from './member-mentions';

/**
 * Whether function `index` of `file`, which the file exports, can be called by nothing: the project's facts are
 * complete (every script file's mentions read, no file left out) and
 * - no project file calls it or hands it on (the call-site index), nor hands on its module as a whole;
 * - no other project file mentions its name at all (`import { f }`, `x.f`, `'f'`), and the file exports it only
 *   under its own name, so that a caller would have to name it;
 * - no file re-exports the module as a whole (`export * from`, `module.exports = require(...)`), which hands its
 *   names on unnamed;
 * - another project file imports the module: a module nothing imports is loaded from outside the project's code
 *   (file-based routing such as Next.js `route.ts` or SvelteKit `+server.ts`, a serverless `handler:`, a script
 *   run from the command line), so its exports are called by that outside loader;
 * - the file is not what its package hands to whoever loads it (`main`, `exports`, `bin`, else `index.js`): when an
 *   entry of the package is no project file (built output), any file of the package may be it.
 * Any doubt keeps the function callable.
 */
export function exportedButUnused(project: ProjectFacts, calls: CallSiteIndex, file: string, index: number): boolean {
  const facts = project.files.get(file);
  const name = facts?.functions[index]?.name;
  if (!facts || !name || project.partial || !mentionsComplete(project)) return false;
  const callers = calls.callersOf(file, index);
  if (!callers || callers.handedOn || callers.calls.length > 0) return false;
  if (!importedElsewhere(project, file) || mentionedElsewhere(project, file, name) || !exportedOnlyAs(facts, index, name)) return false;
  return !wholeModuleReExported(project, file) && !mayBePackageEntry(project, file);
}

/** Whether every way the file's exports reach the function names it `name` (`export function name`, `module.exports = { name }`). */
function exportedOnlyAs(facts: FileFacts, index: number, name: string): boolean {
  let reached = false;
  const visit = (ref: ValueRef, key: string, depth: number): boolean => {
    const root = ref.root;
    if (root.kind === 'function' && root.index === index) {
      reached = true;
      return key === name && ref.path.length === 0;
    }
    if (root.kind === 'literal' && depth < 4) {
      return Object.entries(root.props).every(([k, v]) => visit(v, k, depth + 1)) && (root.spreads ?? []).every((s) => visit(s, '', depth + 1));
    }
    // another function's result, or a call's: it may hand the function on under any name
    if (root.kind === 'call' && root.passed === index) return false;
    return root.kind !== 'function' || !(facts.functions[root.index]?.returns ?? []).some((r) => r.root.kind === 'function' && r.root.index === index);
  };
  const named = Object.entries(facts.exports).every(([key, ref]) => visit(ref, key, 0));
  return named && reached;
}

/** `export * from './file'`, or an import of its whole module exported again (`module.exports = require('./file')`). */
function wholeModuleReExported(project: ProjectFacts, file: string): boolean {
  return project.memo(`whole-reexports:${file}`, () => {
    for (const facts of project.files.values()) {
      if (facts.reexportAll.some((source) => project.resolveImport(facts.fileName, source) === file)) return true;
      for (const ref of Object.values(facts.exports)) {
        const imported = ref.root.kind === 'import' && ref.path.length === 0 ? facts.imports[ref.root.index] : undefined;
        if (imported && ['*', '=', 'default'].includes(imported.name) && project.resolveImport(facts.fileName, imported.source) === file) return true;
      }
    }
    return false;
  });
}

/** Whether the file may be what its package.json hands out; no package.json, no entry. */
export function mayBePackageEntry(project: ProjectFacts, file: string): boolean {
  const pkg = project.packageFor(file);
  if (!pkg) return false;
  if (!pkg.readable || !pkg.entries) return true;
  for (const entry of pkg.entries) {
    const specifier = entry.startsWith('.') ? entry : `./${entry}`;
    const resolved = project.resolveImport(pkg.fileName, specifier);
    if (resolved === file || resolved === undefined) return true;
  }
  // with no `main`, Node loads the package's `index.js`, when there is one
  return pkg.entries.length === 0 && project.resolveImport(pkg.fileName, './index.js') === file;
}
