import path = require('path');
import { requireCompiled, saveCompileCaches } from '../cli/code-cache';
import type * as Engine from './extension-engine';

/** The engine's bundle beside the extension's (dist/), or the compiled module beside this one (out/, in tests). */
const ENGINE_FILE = path.join(__dirname, 'extension-engine.js');

let loaded: typeof Engine | undefined;

/** The extension's side of the engine (see `extension-engine.ts`), loaded on first use through the code cache. */
export function engine(): typeof Engine {
  return (loaded ??= requireCompiled(ENGINE_FILE) as typeof Engine);
}

/**
 * Writes the code caches this thread still owes: the engine's, once it has done some work, so that the cache holds the
 * functions that work compiled (see `code-cache.ts`). A cache already written is not written again.
 */
export function saveEngineCache(): void {
  if (loaded) saveCompileCaches(path.basename(ENGINE_FILE));
}
