/**
 * Folders never analysed, by the command line or the editor: dependencies (with the package managers' own
 * folders: Yarn's `.yarn` holds its release, plugins and unplugged packages, pnpm's `.pnpm-store` its packages),
 * version control, build output and caches, and the folders a server serves to browsers as they are
 * (`public/`, `static/`): no server rule applies to what runs in the page.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules', '.yarn', '.pnpm-store', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.output',
  '.cache', '.turbo', '.vercel', '.serverless', 'bower_components', 'vendor', '__pycache__', '.venv', 'venv', '.tox',
  'public', 'static',
]);

/** True when a `/`- or `\`-separated path relative to the project root lies inside a skipped folder. */
export function isInSkippedFolder(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  return parts.slice(0, -1).some((part) => SKIPPED_FOLDERS.has(part));
}
