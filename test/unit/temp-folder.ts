import fs = require('fs');
import os = require('os');
import path = require('path');

/**
 * The unit suite's temporary folder (loaded by .mocharc.json before every test file): each run makes its files,
 * projects and caches in a folder of its own under the system's temporary folder, and removes it when the run
 * ends. Tests make hundreds of folders with `fs.mkdtempSync(path.join(os.tmpdir(), ...))`, which stayed behind
 * after every run; `os.tmpdir()` reads TMPDIR each time it is asked, and the processes and threads the tests start
 * inherit it, so their code caches start empty on every run too, as on a new machine.
 */
const runFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-guide-tests-'));
for (const variable of ['TMPDIR', 'TMP', 'TEMP']) process.env[variable] = runFolder;

export const mochaHooks = {
  afterAll(): void {
    fs.rmSync(runFolder, { recursive: true, force: true });
  },
};
