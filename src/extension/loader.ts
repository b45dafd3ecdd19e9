import path = require('path');
import type * as vscode from 'vscode';
import { requireCompiled, saveCompileCaches } from '../cli/code-cache';
import type * as Extension from './extension';

/**
 * The extension's entry (dist/extension.js): loads the extension's bundle (dist/extension-main.js) through the V8
 * code cache, as the CLI loads its own (see `code-cache.ts`). Compiling that bundle was most of activation's time
 * (about 30 of 50 ms); from the cache, V8 takes the compiled code of the functions the last activation ran instead.
 * The first activation after an install or update compiles as before, then writes the cache.
 */
const MAIN_FILE = path.join(__dirname, 'extension-main.js');
const extension = requireCompiled(MAIN_FILE) as typeof Extension;

export function activate(context: vscode.ExtensionContext): Extension.BackendGuideApi {
  const api = extension.activate(context);
  // once activation has run, so that the cache holds what it compiled (written only when there was none); the
  // engine's bundle, when its first use came first, keeps its own for later (see `saveEngineCache`)
  setImmediate(() => saveCompileCaches(path.basename(MAIN_FILE)));
  return api;
}

export function deactivate(): void {
  extension.deactivate();
}
