import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Loads the editor's engine through its loader, uses it without indexing a file (a workspace with no source file)
 * and asks for the cache; with `index`, then indexes a file and asks again. In a process of its own: the loader keeps
 * its state per process (the bundle loaded once, the caches it owes), and other tests of this suite load the engine.
 */
const SCRIPT = `
const os = require('os');
const { engine, engineIndexedFiles, saveEngineCache } = require(${JSON.stringify(path.resolve(__dirname, '../../src/extension/engine-loader.js'))});
(async () => {
  const { ProjectIndex, Grammars } = engine();
  new ProjectIndex(os.tmpdir(), new Grammars()).facts();
  saveEngineCache();
  if (process.argv[1] !== 'index') return;
  const index = new ProjectIndex('/p', new Grammars());
  await index.setFile('/p/app.js', "const app = require('express')();\\napp.get('/x', (req, res) => res.send('x'));\\n");
  engineIndexedFiles();
  saveEngineCache();
})();
`;

describe("the editor engine's code cache", () => {
  it('is written only once the engine has indexed a source file', function () {
    this.timeout(60_000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-engine-cache-'));
    const folder = path.join(tmp, `backend-guide-compile-cache${typeof process.getuid === 'function' ? `-${process.getuid()}` : ''}`);
    const engineCaches = () => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.startsWith('extension-engine.js-')) : []);
    const run = (...args: string[]) => execFileSync(process.execPath, ['-e', SCRIPT, ...args], { env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp } });
    run();
    assert.deepStrictEqual(engineCaches(), [], 'a cache was written before the engine indexed a file');
    run('index');
    assert.strictEqual(engineCaches().length, 1, 'no cache after the engine indexed a file');
  });
});
