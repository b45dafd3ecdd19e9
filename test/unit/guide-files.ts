import * as fs from 'fs';
import * as path from 'path';

/** Repository root, from out/test/unit. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

export function readRepoFile(relative: string): string {
  return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

export function repoFileExists(relative: string): boolean {
  return fs.existsSync(path.join(ROOT, relative));
}

/** Markdown files under a folder of the repository, as repository-relative paths with forward slashes. */
export function markdownFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.md')) found.push(relative);
    }
  };
  walk(folder);
  return found.sort();
}

export const manifest = JSON.parse(readRepoFile('package.json'));
export const nls: Record<string, string> = JSON.parse(readRepoFile('package.nls.json'));

/** Resolves a manifest string through package.nls.json. */
export function localized(value: string): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key ? nls[key] ?? value : value;
}
