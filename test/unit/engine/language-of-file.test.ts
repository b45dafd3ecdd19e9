import * as assert from 'assert';
import { languageOfFileName } from '../../../src/engine/languages';
import { seededRandom } from '../../../src/testing/seeded-random';

/** What `languageOfFileName` gave when it searched the name with patterns: the specification it keeps to. */
const table: Record<string, string> = {
  '.js': 'javascript', '.cjs': 'javascript', '.mjs': 'javascript', '.jsx': 'javascriptreact', '.ts': 'typescript', '.cts': 'typescript',
  '.mts': 'typescript', '.tsx': 'typescriptreact', '.py': 'python', '.php': 'php', '.java': 'java', '.rb': 'ruby',
};
function bySearch(fileName: string): string | undefined {
  if (/\.d\.[cm]?ts$/.test(fileName)) return undefined;
  const match = /\.[A-Za-z]+$/.exec(fileName);
  return match ? table[match[0].toLowerCase()] : undefined;
}

describe('the language of a file name', () => {
  it('goes by the extension in any case, and leaves out declaration files and names with no language', () => {
    const cases: Array<[string, string | undefined]> = [
      ['/p/src/app.js', 'javascript'], ['/p/src/App.JSX', 'javascriptreact'], ['x.d.ts', undefined], ['x.d.mts', undefined], ['x.d.cts', undefined],
      ['x.d.tsx', 'typescriptreact'], ['d.ts', 'typescript'], ['x.ts', 'typescript'], ['/p/.hidden', undefined], ['/p/dir.js/file', undefined],
      ['Makefile', undefined], ['a.js~', undefined], ['a.', undefined], ['.py', 'python'], ['a.PHP', 'php'], ['a.min.js', 'javascript'], ['a.json', undefined],
    ];
    for (const [name, expected] of cases) assert.strictEqual(languageOfFileName(name), expected, name);
  });

  it('gives what searching the name with patterns gave, on many generated names', () => {
    const random = seededRandom(20261203);
    const pieces = ['a', 'B', '.', '.d', '.js', '.JS', '.ts', '.mts', '.cts', '.tsx', '.py', '.rb', '.java', '.php', '.json', '/', '~', '1', '-', '.constructor', '.__proto__'];
    for (let i = 0; i < 20_000; i++) {
      const name = Array.from({ length: Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      assert.strictEqual(languageOfFileName(name), bySearch(name), JSON.stringify(name));
    }
  });
});
