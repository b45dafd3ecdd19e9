import fs = require('fs');
import type NodeModule = require('module');
import os = require('os');
import path = require('path');
import vm = require('vm');
import { nodeCrypto } from './lazy-builtins';

/**
 * Node's module class, as every CommonJS module's `module.constructor`: `require('module')` gives the same class, but a
 * scan thread would first compile Node's `module` module for it (about 5 ms of a thread's start).
 */
const Module = module.constructor as typeof NodeModule;

/**
 * Loads the CLI's bundles, and the extension's (`src/extension/loader.ts`), with a V8 code cache, as Node 22's
 * `module.enableCompileCache()` does (Node 20 has none): the bytecode of every function a run compiled is kept
 * on disk after the first run and given to V8 on the next, which then neither parses the bundle again nor
 * compiles its functions one by one as they are first called. On the bench corpus this takes about a third off
 * a rescan from `--cache` (most of which is loading the code) and some of every cold start; activation of the
 * extension takes about 30 ms less (compiling its bundle was most of it).
 *
 * The cache lives in a folder of its own under the system's temporary folder, created for this user only
 * (mode 0700); a folder that is a link, belongs to someone else or others may write in is not used, since
 * code read from it runs. Each file is named by the SHA-1 of the bundle's text and the Node version and
 * architecture: V8 checks only the source's length, so another build of the same length must not find it.
 * Nothing depends on the cache being there: when it cannot be read or written, or V8 rejects it, the bundle
 * is compiled as usual. `BACKEND_GUIDE_COMPILE_CACHE=0` turns it off.
 *
 * V8 takes a cache only under the V8 flags it was made under (every flag counts, a thread's too: flags are one set
 * for the process). A flag set between a bundle's load and its cache's writing makes V8 refuse that cache on every
 * run, which writes it again every time: `bin.ts` sets its flags before it loads anything, and the scan's young
 * generation setting is back to V8's default before any cache is written (`young-generation.ts`). V8 also resets
 * some flags itself whenever it makes an isolate (a worker thread). The bundled-CLI test catches a refused cache
 * by the cache files' inodes.
 */

const OFF_VARIABLE = 'BACKEND_GUIDE_COMPILE_CACHE';

interface Pending {
  script: vm.Script;
  file: string;
  folder: string;
  /** The bundle's file name, which starts the name of each of its caches (see `cacheFileOf`). */
  bundle: string;
}

/**
 * Caches to write (`saveCompileCaches`), made after the work: they then hold every function the run compiled.
 * One list per thread, whichever copy of this module asks: `cli.js` and the CLI's bundle it loads each hold one
 * (the CLI's loads the engine's bundle), and `cli.js` saves them all.
 */
const PENDING = Symbol.for('backend-guide.pending-compile-caches');
const pending: Pending[] = ((globalThis as { [PENDING]?: Pending[] })[PENDING] ??= []);

/** The cache folder, made if missing; `undefined` when it cannot be used safely. */
function cacheFolder(): string | undefined {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const folder = path.join(os.tmpdir(), `backend-guide-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    fs.mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  try {
    const stats = fs.lstatSync(folder);
    if (!stats.isDirectory()) return undefined;
    if (uid !== undefined && (stats.uid !== uid || (stats.mode & 0o022) !== 0)) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

/**
 * The SHA-1 (first 20 hex digits) of each bundle built before the one running this code, by file name, as the build
 * gave them (see `builtCodeHashes` in esbuild-plugins.js): a one-off build's bundles do not change after it, so the
 * bundle need not be hashed as it loads, nor Node's crypto loaded for that (about 7 ms of an activation). Absent in
 * watch builds and in the compiled modules tests run, which hash the text they load.
 */
declare const BUILT_CODE_HASHES: Readonly<Record<string, string>> | undefined;

/**
 * The hashes the build gave the bundles loaded so far, by file: the CLI's cache key names the CLI's own bundle by
 * it, without hashing the bundle (see `engineKey`). One table for every copy of this module, as `pending` is.
 */
const BUILT = Symbol.for('backend-guide.built-code-hashes');
const builtHashes: Map<string, string> = ((globalThis as { [BUILT]?: Map<string, string> })[BUILT] ??= new Map());

function builtHashOfBundle(file: string): string | undefined {
  return typeof BUILT_CODE_HASHES === 'object' ? BUILT_CODE_HASHES[path.basename(file)] : undefined;
}

/** The hash the build gave `file`, when it was loaded through `requireCompiled` by code that knew it. */
export function builtHashOf(file: string): string | undefined {
  return builtHashes.get(file);
}

function cacheFileOf(folder: string, file: string, source: string): string {
  const hash = builtHashOfBundle(file) ?? nodeCrypto().createHash('sha1').update(source).digest('hex').slice(0, 20);
  return path.join(folder, `${path.basename(file)}-${hash}-${process.version}-${process.arch}.bin`);
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/**
 * Caches kept per bundle name, the newest by the time they were written: another build of a bundle (an update, or
 * another version in use beside it: the CLI of another project, the extension in another editor) has a cache of its
 * own, and two builds used in turn would otherwise each remove the other's and compile again every time.
 */
const CACHES_PER_BUNDLE = 3;

/** Whether this thread owes some cache (`saveCompileCaches` would write one): its bundle had none, or V8 refused it. */
export function owesCompileCaches(): boolean {
  return pending.length > 0;
}

/**
 * Writes each cache this thread still owes (to a temporary file first), and removes the oldest of the same bundle past
 * `CACHES_PER_BUNDLE`; with `only`, the caches of that bundle only (by file name): another bundle loaded meanwhile has
 * not run yet, and its cache would hold little of what it compiles.
 */
export function saveCompileCaches(only?: string): void {
  const owed = only === undefined ? pending.splice(0) : pending.filter((entry) => entry.bundle === only);
  if (only !== undefined) pending.splice(0, pending.length, ...pending.filter((entry) => entry.bundle !== only));
  for (const { script, file, folder, bundle } of owed) {
    try {
      const data = script.createCachedData();
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      fs.writeFileSync(temporary, data, { mode: 0o600 });
      fs.renameSync(temporary, file);
      const name = path.basename(file);
      const others = fs.readdirSync(folder).filter((other) => other !== name && other.startsWith(`${bundle}-`) && other.endsWith('.bin'))
        .map((other) => ({ other, written: fs.statSync(path.join(folder, other)).mtimeMs }))
        .sort((a, b) => b.written - a.written);
      for (const { other } of others.slice(CACHES_PER_BUNDLE - 1)) fs.rmSync(path.join(folder, other), { force: true });
    } catch {
      // a cache not written is compiled again next time
    }
  }
}

/**
 * `require(file)` for a CommonJS bundle, through the code cache. The bundle runs as a module of its own
 * (its `require`, `module`, `__filename` and `__dirname` are its own), so it cannot tell the difference.
 */
export function requireCompiled(file: string): unknown {
  const built = builtHashOfBundle(file);
  if (built) builtHashes.set(file, built);
  if (process.env[OFF_VARIABLE] === '0') return require(file);
  let run: () => unknown;
  try {
    const source = fs.readFileSync(file, 'utf8');
    const folder = cacheFolder();
    const cacheFile = folder && cacheFileOf(folder, file, source);
    const cachedData = cacheFile ? readCache(cacheFile) : undefined;
    const script = new vm.Script(Module.wrap(source.replace(/^#!.*/, '')), { filename: file, cachedData });
    if (folder && cacheFile && (!cachedData || script.cachedDataRejected)) pending.push({ script, file: cacheFile, folder, bundle: path.basename(file) });
    const compiled = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: NodeModule, filename: string, dirname: string) => void;
    const loaded = new Module(file, module);
    loaded.filename = file;
    loaded.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
    const localRequire = Module.createRequire(file);
    run = () => {
      compiled.call(loaded.exports, loaded.exports, localRequire, loaded, file, path.dirname(file));
      loaded.loaded = true;
      return loaded.exports;
    };
  } catch {
    return require(file); // not read or not compiled: nothing of it has run yet
  }
  return run();
}
