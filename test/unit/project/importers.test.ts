import * as assert from 'assert';
import type { FileFacts } from '../../../src/engine/project/facts';
import { importersByFile } from '../../../src/engine/project/importers';
import type { FileSet } from '../../../src/engine/project/value-resolver';

/** Files by name, each importing the given specifiers, which resolve to `/p/<specifier without ./>.js`. */
function fileSet(imports: Record<string, string[]>): FileSet {
  const files = new Map(Object.entries(imports).map(([fileName, sources]) => [fileName, { fileName, sources } as unknown as FileFacts]));
  return { files, resolveImport: (_from, specifier) => (specifier.startsWith('./') ? `/p/${specifier.slice(2)}.js` : undefined) };
}
const sourcesOf = (facts: FileFacts) => (facts as unknown as { sources: string[] }).sources;

describe('importers of each project file', () => {
  it('lists each importer once, in file order, leaving out packages and a file importing itself', () => {
    const set = fileSet({
      '/p/a.js': ['./db', 'express', './db', './util'],
      '/p/b.js': ['./util', './db'],
      '/p/db.js': ['./db', './util'],
      '/p/c.js': ['./db'],
    });
    const importers = importersByFile(set, sourcesOf);
    assert.deepStrictEqual(Object.fromEntries(importers), {
      '/p/db.js': ['/p/a.js', '/p/b.js', '/p/c.js'],
      '/p/util.js': ['/p/a.js', '/p/b.js', '/p/db.js'],
    });
  });

  it('lists once a file that imports the same module many times among others', () => {
    const sources = Array.from({ length: 50 }, (_, i) => (i % 2 ? './db' : `./m${i}`));
    const importers = importersByFile(fileSet({ '/p/a.js': sources, '/p/b.js': ['./db', './db'] }), sourcesOf);
    assert.deepStrictEqual(importers.get('/p/db.js'), ['/p/a.js', '/p/b.js']);
  });
});
