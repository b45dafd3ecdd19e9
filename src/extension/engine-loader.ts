import path = require('path');
import { requireCompiled, saveCompileCaches } from '../cli/code-cache';
import type * as Engine from './extension-engine';

/** The engine's bundle beside the extension's (dist/), or the compiled module beside this one (out/, in tests). */
const ENGINE_FILE = path.join(__dirname, 'extension-engine.js');

let loaded: typeof Engine | undefined;
/** Whether the engine has indexed a source file (see `engineIndexedFiles`). */
let indexed = false;

/** The extension's side of the engine (see `extension-engine.ts`), loaded on first use through the code cache. */
export function engine(): typeof Engine {
  return (loaded ??= requireCompiled(ENGINE_FILE) as typeof Engine);
}

/** Says that the engine has indexed source files, so that a cache written from now on holds that work (see `saveEngineCache`). */
export function engineIndexedFiles(): void {
  indexed = true;
}

/**
 * Writes the code caches this thread still owes: the engine's, once it has indexed source files, so that the cache
 * holds the functions that work compiled (see `code-cache.ts`). A cache already written is not written again, and V8
 * takes a cache as it is: one written after the indexing of a workspace with no source file (a new folder, where
 * the project track starts) held only what loading the engine compiles, and every later session of that build took
 * it and compiled the engine again. So none is written before the engine has indexed a file.
 */
export function saveEngineCache(): void {
  if (loaded && indexed) saveCompileCaches(path.basename(ENGINE_FILE));
}
