import path = require('path');

/** Extensions tried, in order, for a specifier without one (TypeScript sources first, as TS projects import `./x`). */
export const RESOLVED_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Path aliases commonly configured in tsconfig `paths` / bundlers, tried against the root and its `src` folder. */
const ALIAS_PREFIXES: readonly string[] = ['@/', '~/', '#/', 'src/'];

function candidatesFor(base: string): string[] {
  const candidates = [base];
  const ext = path.extname(base);
  if (ext === '.js' || ext === '.jsx' || ext === '.mjs' || ext === '.cjs') {
    // TypeScript ESM code imports './x.js' for the source file './x.ts'.
    const stem = base.slice(0, -ext.length);
    candidates.push(...['.ts', '.tsx', '.mts', '.cts'].map((e) => stem + e));
  }
  candidates.push(...RESOLVED_EXTENSIONS.map((e) => base + e));
  candidates.push(...RESOLVED_EXTENSIONS.map((e) => path.join(base, `index${e}`)));
  return candidates;
}

/** `rootDir` and each folder below it on the way to `dir`, top first; only `rootDir` when `dir` is outside it. */
function foldersFromRoot(rootDir: string, dir: string): string[] {
  const relative = path.relative(rootDir, dir);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return [rootDir];
  const folders = [rootDir];
  for (const part of relative.split(path.sep)) folders.push(path.join(folders[folders.length - 1], part));
  return folders;
}

/**
 * Resolves a module specifier to one of the known files: relative paths (with extensions and index files),
 * and the common `@/`, `~/`, `src/` aliases rooted at the project or at a folder holding the importing file
 * (a monorepo package). Packages resolve to `undefined`.
 */
export function resolveModulePath(fromFile: string, specifier: string, rootDir: string | undefined, isKnown: (file: string) => boolean): string | undefined {
  const bases: string[] = [];
  if (specifier.startsWith('.')) bases.push(path.resolve(path.dirname(fromFile), specifier));
  else if (specifier.startsWith('/')) bases.push(path.resolve(specifier));
  else if (rootDir) {
    const alias = ALIAS_PREFIXES.find((p) => specifier.startsWith(p));
    if (alias) {
      const rest = specifier.slice(alias.length);
      // The alias is rooted at the root, or in a monorepo at the package holding the importing file
      // (`apps/web/src/...`): folders between the root and the file are tried from the top.
      for (const dir of foldersFromRoot(rootDir, path.dirname(fromFile))) bases.push(path.join(dir, 'src', rest), path.join(dir, rest));
    } else if (/^@[\w-]+\//.test(specifier)) {
      // `@server/routes` for a tsconfig `paths` entry like `"@server/*": ["server/*"]`: taken only when such a
      // project file exists, so real scoped packages (`@nestjs/common`) stay packages.
      bases.push(path.join(rootDir, specifier.slice(1)), path.join(rootDir, 'src', specifier.slice(1)));
    } else return undefined;
  } else return undefined;
  for (const base of bases) {
    const found = candidatesFor(base).find(isKnown);
    if (found) return found;
  }
  return undefined;
}
