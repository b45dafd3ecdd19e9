import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { engine, engineIndexedFiles, saveEngineCache } from '../../src/extension/engine-loader';

describe("the editor engine's code cache", () => {
  it('is written only once the engine has indexed a source file', async function () {
    this.timeout(60_000);
    // (the unit suite runs with a temporary folder of its own: see temp-folder.ts)
    const folder = path.join(os.tmpdir(), `backend-guide-compile-cache${typeof process.getuid === 'function' ? `-${process.getuid()}` : ''}`);
    const engineCaches = () => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.startsWith('extension-engine.js-')) : []);
    for (const name of engineCaches()) fs.rmSync(path.join(folder, name));
    const { ProjectIndex, Grammars } = engine();
    // loaded, and even used, but nothing indexed yet: a workspace with no source file
    new ProjectIndex(os.tmpdir(), new Grammars()).facts();
    saveEngineCache();
    assert.deepStrictEqual(engineCaches(), [], 'a cache was written before the engine indexed a file');
    const index = new ProjectIndex('/p', new Grammars());
    await index.setFile('/p/app.js', "const app = require('express')();\napp.get('/x', (req, res) => res.send('x'));\n");
    engineIndexedFiles();
    saveEngineCache();
    assert.strictEqual(engineCaches().length, 1, 'no cache after the engine indexed a file');
  });
});
