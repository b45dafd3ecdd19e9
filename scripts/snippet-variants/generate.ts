/**
 * Writes snippets/node/variants.json, every form of the JavaScript/TypeScript snippets, from the one source
 * snippets/node/source.json. Run with `npm run snippets` (which also rewrites the catalogue page).
 *   --check  exit 1 when the committed file is out of date
 */
import * as fs from 'fs';
import * as path from 'path';
import { deriveSnippetForms, type SourceSnippet } from './derive';

export const SOURCE_FILE = 'snippets/node/source.json';
export const VARIANTS_FILE = 'snippets/node/variants.json';

export function renderVariants(root: string): string {
  const source = JSON.parse(fs.readFileSync(path.join(root, SOURCE_FILE), 'utf8')) as Record<string, SourceSnippet>;
  return `${JSON.stringify(deriveSnippetForms(source, root), null, '\t')}\n`;
}

function main(): void {
  let root = __dirname;
  while (!fs.existsSync(path.join(root, SOURCE_FILE))) {
    const parent = path.dirname(root);
    if (parent === root) throw new Error(`${SOURCE_FILE} not found above ${__dirname}`);
    root = parent;
  }
  const text = renderVariants(root);
  const target = path.join(root, VARIANTS_FILE);
  if (process.argv.includes('--check')) {
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) {
      console.error(`${VARIANTS_FILE} is out of date: run npm run snippets`);
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(target, text);
  console.log(`wrote ${VARIANTS_FILE}`);
}

if (require.main === module) main();
