import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { requireCompiled, saveCompileCaches } from '../../../src/cli/code-cache';

/** Runs `body` with the system's temporary folder set to a fresh one, and gives that folder. */
function withTemporaryFolder(body: (tmp: string) => void): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-code-cache-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    body(tmp);
  } finally {
    if (before === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = before;
  }
  return tmp;
}

const cacheFiles = (tmp: string): string[] => fs.readdirSync(tmp).filter((n) => n.startsWith('backend-guide-compile-cache')).flatMap((folder) => fs.readdirSync(path.join(tmp, folder)));

describe('code cache of the CLI bundles', () => {
  const moduleFile = (text: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-code-cache-module-'));
    const file = path.join(dir, 'bundle.js');
    fs.writeFileSync(file, text);
    return file;
  };

  it('runs a bundle as a module of its own, writes its cache when asked and reads it back', () => {
    const file = moduleFile("#!/usr/bin/env node\nconst path = require('path');\nexports.where = path.basename(__dirname) + '/' + path.basename(__filename);\nexports.answer = () => 41 + 1;\n");
    withTemporaryFolder((tmp) => {
      const first = requireCompiled(file) as { where: string; answer(): number };
      assert.strictEqual(first.answer(), 42);
      assert.strictEqual(first.where, `${path.basename(path.dirname(file))}/bundle.js`);
      assert.deepStrictEqual(cacheFiles(tmp), [], 'nothing is written before it is asked for');
      saveCompileCaches();
      assert.strictEqual(cacheFiles(tmp).length, 1);
      const second = requireCompiled(file) as { answer(): number };
      assert.strictEqual(second.answer(), 42);
      saveCompileCaches();
      assert.strictEqual(cacheFiles(tmp).length, 1, 'an accepted cache is not written again');
    });
  });

  it('does not give a cache to another text of the same length, and keeps the three newest caches of a bundle', () => {
    const file = moduleFile('exports.value = 1;\n');
    withTemporaryFolder((tmp) => {
      const written: string[] = [];
      for (const value of [1, 2, 3, 4]) {
        fs.writeFileSync(file, `exports.value = ${value};\n`);
        assert.strictEqual((requireCompiled(file) as { value: number }).value, value);
        saveCompileCaches();
        const added = cacheFiles(tmp).filter((name) => !written.includes(name));
        assert.strictEqual(added.length, 1, `version ${value} wrote one cache`);
        written.push(added[0]);
        // (each older than the next by its time of writing, whatever the file system's clock resolution)
        const folder = fs.readdirSync(tmp).find((n) => n.startsWith('backend-guide-compile-cache'))!;
        fs.utimesSync(path.join(tmp, folder, added[0]), value, value);
      }
      assert.deepStrictEqual(cacheFiles(tmp).sort(), written.slice(1).sort(), 'the oldest cache of the bundle was removed, the three newest kept');
      // two versions used in turn keep their caches: the first version again compiles from its own
      fs.writeFileSync(file, 'exports.value = 3;\n');
      assert.strictEqual((requireCompiled(file) as { value: number }).value, 3);
      saveCompileCaches();
      assert.deepStrictEqual(cacheFiles(tmp).sort(), written.slice(1).sort(), 'a cache V8 accepted is not written again');
    });
  });

  it('writes the cache of one bundle when asked for it alone, and keeps the others owed', () => {
    const first = moduleFile('exports.value = 4;\n');
    const second = path.join(path.dirname(first), 'other.js');
    fs.writeFileSync(second, 'exports.value = 5;\n');
    withTemporaryFolder((tmp) => {
      assert.strictEqual((requireCompiled(first) as { value: number }).value, 4);
      assert.strictEqual((requireCompiled(second) as { value: number }).value, 5);
      saveCompileCaches('other.js');
      assert.deepStrictEqual(cacheFiles(tmp).map((f) => f.split('-')[0]), ['other.js']);
      saveCompileCaches('other.js');
      assert.strictEqual(cacheFiles(tmp).length, 1, 'the other bundle is still owed');
      saveCompileCaches('bundle.js');
      assert.deepStrictEqual(cacheFiles(tmp).map((f) => f.split('-')[0]).sort(), ['bundle.js', 'other.js']);
    });
  });

  it('uses no cache folder that others may write in, and none when turned off', function () {
    if (typeof process.getuid !== 'function') this.skip();
    const file = moduleFile('exports.value = 3;\n');
    withTemporaryFolder((tmp) => {
      const folder = path.join(tmp, `backend-guide-compile-cache-${process.getuid!()}`);
      fs.mkdirSync(folder);
      fs.chmodSync(folder, 0o777);
      assert.strictEqual((requireCompiled(file) as { value: number }).value, 3);
      saveCompileCaches();
      assert.deepStrictEqual(fs.readdirSync(folder), []);
    });
    withTemporaryFolder((tmp) => {
      process.env.BACKEND_GUIDE_COMPILE_CACHE = '0';
      try {
        assert.strictEqual((requireCompiled(file) as { value: number }).value, 3);
        saveCompileCaches();
      } finally {
        delete process.env.BACKEND_GUIDE_COMPILE_CACHE;
      }
      assert.deepStrictEqual(cacheFiles(tmp), []);
    });
  });
});
