import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activatedApi, EXTENSION_ID, workspaceFile } from './extension-api';
import { acceptSnippetCompletion } from './snippet-completions';

interface NodeRun {
  code: number | null;
  output: string;
}

/**
 * Runs a file with Node from its folder. `whenListening` sends SIGTERM once the output says the server listens,
 * so a server file is proven to start and to stop on its own; any other file must exit by itself.
 */
function runNode(file: string, whenListening = false): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { cwd: path.dirname(file), env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', PORT: '0', NODE_OPTIONS: '' } });
    let output = '';
    let stopped = false;
    const guard = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`node ${file} neither exited nor listened:\n${output}`)); }, 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (whenListening && !stopped && /listening on port/.test(output)) {
        stopped = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', reject);
    child.on('exit', (code) => { clearTimeout(guard); resolve({ code, output }); });
  });
}

/** A project folder in the test workspace whose packages resolve to the extension's own dev dependencies. */
function project(name: string, packageJson: object): string {
  const dir = workspaceFile(`module-check/${name}`).fsPath;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(packageJson));
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const modules = path.join(dir, 'node_modules');
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(extension.extensionPath, 'node_modules'), modules, 'dir');
  return dir;
}

/** The file's text after accepting the completion for `prefix` at its end, written to disk for Node to run. */
async function insertInto(file: string, before: string, prefix: string): Promise<string> {
  fs.writeFileSync(file, before);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
  await acceptSnippetCompletion(editor, prefix);
  const text = editor.document.getText();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  fs.writeFileSync(file, text);
  return text;
}

const CASES = [
  { system: 'CommonJS', packageJson: { name: 'cjs-app', private: true }, appStart: "const express = require('express');\n\nconst app = express();\n", own: /require\('helmet'\)/, foreign: /^import /m },
  { system: 'ES module', packageJson: { name: 'esm-app', private: true, type: 'module' }, appStart: "import express from 'express';\n\nconst app = express();\n", own: /^import helmet from 'helmet';/m, foreign: /\brequire\(/ },
];

suite('Snippets in the module system of the file', () => {
  suiteSetup(async () => {
    await activatedApi();
  });

  for (const { system, packageJson, appStart, own, foreign } of CASES) {
    test(`bg-helmet inserted after an app created in ${system} loads with Node`, async () => {
      const file = path.join(project(packageJson.name, packageJson), 'helmet-app.js');
      const text = await insertInto(file, appStart, 'bg-helmet');
      assert.match(text, own, text);
      assert.doesNotMatch(text, foreign, text);
      const run = await runNode(file);
      assert.strictEqual(run.code, 0, `node ${file} failed:\n${run.output}\n--- file:\n${text}`);
    });

    test(`bg-express-app in an empty ${system} file starts, listens and shuts down on SIGTERM`, async () => {
      const file = path.join(project(packageJson.name, packageJson), 'server.js');
      const text = await insertInto(file, '', 'bg-express-app');
      assert.match(text, own, text);
      assert.doesNotMatch(text, foreign, text);
      const run = await runNode(file, true);
      assert.match(run.output, /listening on port \d+/, run.output);
      assert.strictEqual(run.code, 0, `node ${file} did not exit cleanly on SIGTERM:\n${run.output}\n--- file:\n${text}`);
    });
  }
});
