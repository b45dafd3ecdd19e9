// Times a cold require of the extension bundle plus activate(), in a fresh process, with a stub vscode.
const path = require('path');
const { stub } = require('./vscode-stub.cjs');

const started = process.hrtime.bigint();
const extension = require(path.join(__dirname, '..', 'dist', 'extension.js'));
const context = { subscriptions: [], extensionUri: stub('extensionUri'), extensionPath: path.join(__dirname, '..'), globalState: stub('globalState'), workspaceState: stub('workspaceState') };
extension.activate(context);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(`${ms}\n`);
