import * as assert from 'assert';
import { readPackageFacts } from '../../../src/engine/project/package-facts';
import { pathNamesOf } from '../../../src/engine/project/path-names';

describe('path names: what a file or package.json may name as a module to load', () => {
  it('keeps strings that may be paths, and the paths of commands in strings, not the words of sentences', () => {
    const { names } = pathNamesOf([
      "const db = require('./utils/db');",
      "const job = 'cleanup-orphans';",
      "exec('node scripts/reindex.js --all');",
      "log('columns are added to the database at boot');",
      'const url = `/api/${id}`;',
    ].join('\n'));
    assert.deepStrictEqual(names.sort(), ['./utils/db', '/api/', 'cleanup-orphans', 'scripts/reindex.js'].sort());
  });

  it('tells a load by a built path from loads of plain strings', () => {
    const computed = (text: string) => pathNamesOf(text).loadsComputed;
    assert.strictEqual(computed("require('./a'); import('./b'); import x from 'y';"), false);
    assert.strictEqual(computed('const isRequired = required(a); x.require(b);'), false);
    assert.strictEqual(computed('require(path.join(__dirname, name));'), true);
    assert.strictEqual(computed('await import(`./plugins/${name}.js`);'), true);
    assert.strictEqual(computed('files.forEach(require);'), true);
  });

  it('reads how a package starts and the strings that may name what it runs, dependencies left out', () => {
    const pkg = readPackageFacts('/p/package.json', JSON.stringify({
      name: 'server',
      scripts: { start: 'node index.js', migrate: 'node utils/migrate.js' },
      prisma: { seed: 'node prisma/seed.js' },
      dependencies: { 'utils/migrate': '1.0.0' },
    }));
    assert.strictEqual(pkg.declaresStart, true);
    assert.strictEqual(pkg.name, 'server');
    assert.deepStrictEqual(pkg.launches, ['node index.js', 'node utils/migrate.js', 'node prisma/seed.js']);
    assert.strictEqual(readPackageFacts('/p/package.json', '{ "name": "lib", "private": true }').declaresStart, false);
  });
});
