import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Entry point the extension host calls (extensionTestsPath): runs every *.test.js beside this file. */
export function run(): Promise<void> {
  console.log(`host: VS Code ${vscode.version} (${vscode.env.appName}), node ${process.version}`);
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  const only = process.env.TEST_FILTER;
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js') && (!only || file.includes(only))) mocha.addFile(path.resolve(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const s = runner.stats!;
      console.log(`host suite: ${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
  });
}
