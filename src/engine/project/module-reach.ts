import path = require('path');
import type { ProjectFacts } from '../project';
import { isJavaScriptFamily } from '../languages';
import type { PackageFacts } from './facts';
import { pathBelowRoot } from './frameworks';
import { BUILD_OUTPUT_FOLDERS, CHECKING_TOOL_CONFIG, CONVENTIONAL_ENTRY, RUN_BY_HAND_FOLDER } from './module-launchers';
import { importedElsewhere } from './member-mentions';
import { pathWords } from './path-names';
import { sharedResult, type FactsShare } from './project-shares';
import { mayBePackageEntry } from './unused-exports';

const SCRIPT_EXTENSION = /\.[cm]?[jt]sx?$/;
/** `index`, `index.js`: the module a folder stands for. */
const INDEX_STEM = /^index(?:\.[cm]?[jt]sx?)?$/;

/** Where a word read loosely was written: it may name modules below `scope` (its package), never its own file. */
interface LooseSource {
  readonly scope: string;
  readonly file: string;
}

/** Everything the project's code and configuration name, as `unloadableModule` looks modules up in it. */
interface ReachIndex {
  /** Absolute paths named exactly (with or without extension; a folder names its `index` and the files a loader reads in it). */
  readonly exact: ReadonlySet<string>;
  /** Path words a loader may join to a folder out of sight (`'jobs/cleanup'`, `'database'`), normalized, by where they were written. */
  readonly loose: ReadonlyMap<string, LooseSource[]>;
  /**
   * Folders any module below which may be loaded: those holding a file that loads modules by a path it builds,
   * and those its globs read (`glob.sync(__dirname + '/../routes/**\/*.js').forEach(require)`).
   */
  readonly trees: readonly string[];
  /** Some script file's strings were not read (facts made without them): nothing can be told never loaded. */
  readonly unknown: boolean;
}

/** `./a/../b/`, `@/lib/db`, `#lib`, `C:\\x` as a `/`-separated path without the leading `./`, `../`, `/` and aliases, and without a trailing `/`. */
function normalizedWord(word: string): string {
  return word.replace(/\\/g, '/').replace(/^(?:[@~#]\/|#)/, '').replace(/^(?:\.{1,2}\/|\/)+/, '').replace(/\/+$/, '');
}

/** A word cut before its first glob segment (`src/db/**\/*.ts` is `src/db`): the folder a glob reads below. */
function globFolder(word: string): string | undefined {
  const parts = word.split('/');
  const at = parts.findIndex((p) => p.includes('*'));
  return at < 0 ? undefined : parts.slice(0, at).join('/');
}

/** The forms of an absolute path a launcher names: itself, and for built output (`dist/x.js`) the sources it is built from (`src/x`, `x`). */
function builtFrom(absolute: string, base: string): string[] {
  // no build-output folder anywhere in the path, none in its part below `base` (most paths: cheaper than `path.relative`)
  if (!absolute.split(path.sep).some((part) => BUILD_OUTPUT_FOLDERS.has(part))) return [absolute];
  const relative = path.relative(base, absolute).split(path.sep);
  const at = relative.findIndex((part) => BUILD_OUTPUT_FOLDERS.has(part));
  if (at < 0 || relative[0] === '..') return [absolute];
  const stem = (parts: string[]) => path.join(base, ...parts).replace(SCRIPT_EXTENSION, '');
  return [absolute, stem([...relative.slice(0, at), 'src', ...relative.slice(at + 1)]), stem([...relative.slice(0, at), ...relative.slice(at + 1)])];
}

/** A path and each shorter tail of it (`app/server/index.js`, `server/index.js`, `index.js`), `.` and `..` left out, at most 8. */
function tailsOf(key: string): string[] {
  const parts = key.split('/').filter((p) => p && p !== '..' && p !== '.');
  return parts.slice(0, 8).map((_, i) => parts.slice(i).join('/'));
}

/** The folders a command's relative paths may be resolved from: its own folder, and each folder it changes to (`cd server && node index.js`). */
function commandBases(command: string, dir: string): string[] {
  const bases = [dir];
  for (const m of command.matchAll(/\b(?:cd|--prefix|--cwd|-C|--dir)\s+([^\s;&|]+)/g)) bases.push(path.resolve(dir, m[1]));
  return bases;
}

/** The project package a bare specifier starts with (`@acme/db` of `@acme/db/src/queries`), and the path after it. */
function packageNamed(byName: ReadonlyMap<string, PackageFacts>, word: string): { pkg: PackageFacts; rest: string } | undefined {
  const parts = word.split('/');
  const length = word.startsWith('@') ? 2 : 1;
  const pkg = byName.get(parts.slice(0, length).join('/'));
  return pkg && { pkg, rest: parts.slice(length).join('/') };
}

/** What a word of a script's strings names, from the word alone (where it was written adds the rest). */
interface WordReading {
  /** The folder a glob reads below (see `globFolder`); `undefined` for a word that is no glob. */
  readonly glob: string | undefined;
  /** The names it gives a module by: loosely, or (`index`) a lone `index` module of the writer's folder. */
  readonly names: readonly { readonly name: string; readonly index: boolean }[];
  /** An absolute path: its tails name modules anywhere in the project. */
  readonly anywhere: boolean;
}

function readWord(word: string): WordReading {
  const key = normalizedWord(word);
  const glob = globFolder(key);
  // `./index.js`, `../db` name one file from here; a deeper relative path may be read from the working folder
  if (glob !== undefined || (word.startsWith('.') && !key.includes('/'))) return { glob, names: [], anywhere: false };
  const anywhere = word.startsWith('/');
  const names = (anywhere ? tailsOf(key) : [key]).flatMap((form) =>
    // `src/handler.main` (a serverless `file.export`) names `src/handler`
    [...new Set([form, form.replace(/\.[\w$-]+$/, '')])].map((name) => ({ name, index: !name.includes('/') && INDEX_STEM.test(name) })));
  return { glob, names, anywhere };
}

function buildIndex(project: ProjectFacts): ReachIndex {
  const exact = new Set<string>();
  const loose = new Map<string, LooseSource[]>();
  const trees: string[] = [];
  let unknown = false;
  const addExact = (absolute: string, base: string) => builtFrom(path.normalize(absolute), base).forEach((p) => exact.add(p.replace(/\/+$/, '')));
  const addLoose = (key: string, source: LooseSource) => {
    if (!key) return;
    const list = loose.get(key);
    if (list) list.push(source);
    else loose.set(key, [source]);
  };
  // every package.json: the nearest ones of the files, and those above them (a root `cd server && node app.js`)
  const packages = new Set<PackageFacts>(project.data?.packages.values() ?? []);
  for (const facts of project.files.values()) {
    const pkg = project.packageFor(facts.fileName);
    if (pkg) packages.add(pkg);
  }
  const byName = new Map([...packages].filter((p) => p.name).map((p) => [p.name!, p]));
  // most words repeat from file to file (`express`, `../db`): what a word alone tells is read once
  const readings = new Map<string, WordReading>();
  for (const facts of project.files.values()) {
    if (!isJavaScriptFamily(facts.languageId) || facts.isTest) continue;
    if (!facts.pathNames) { unknown = true; continue; }
    if (CHECKING_TOOL_CONFIG.test(facts.fileName)) continue;
    const dir = path.dirname(facts.fileName);
    if (facts.loadsComputed) trees.push(dir);
    const source = { scope: project.packageFor(facts.fileName)?.dir ?? project.rootDir ?? '/', file: facts.fileName };
    // an absolute path names where a module is deployed (`/opt/app/worker/run.js` in an image): any tail of it, anywhere in the project
    const anywhere = { scope: project.rootDir ?? '/', file: facts.fileName };
    for (const word of facts.pathNames) {
      let reading = readings.get(word);
      if (!reading) {
        readings.set(word, reading = readWord(word));
        // another package of the workspace, by its name: `@acme/db/src/queries`, `shared/utils`
        const named = packageNamed(byName, word);
        if (named) addExact(path.join(named.pkg.dir, named.rest), named.pkg.dir);
      }
      if (word.startsWith('.')) exact.add(path.resolve(dir, word));
      if (reading.glob !== undefined) {
        // a file that loads modules by computed paths may load what its globs match (`glob.sync('routes/**/*.js').forEach(require)`):
        // from its own folder (`__dirname + '/../routes/**'`), or any folder of that name; elsewhere a glob names files read, not loaded
        if (!facts.loadsComputed) continue;
        if (/^[./\\]/.test(word)) trees.push(path.resolve(dir, word.replace(/\\/g, '/').replace(/^\//, './').split('/*')[0]));
        if (reading.glob) addLoose(`**/${reading.glob}`, source);
        continue;
      }
      for (const { name, index } of reading.names) {
        // an `index` module is named by its folder: a lone `index.js` is the writer's own (`path.resolve(__dirname, 'index.js')`)
        if (index) exact.add(path.join(dir, name));
        else addLoose(name, reading.anywhere ? anywhere : source);
      }
    }
  }
  for (const pkg of packages) {
    for (const command of pkg.launches ?? []) {
      const bases = commandBases(command, pkg.dir);
      for (const word of pathWords(command)) for (const base of bases) addExact(path.resolve(base, word), pkg.dir);
    }
  }
  // configuration files: each word, and each tail of it (`/app/server/index.js` copied into an image), from the file's
  // folder, the project root and every package's folder
  const bases = [project.rootDir ?? '/', ...[...packages].map((p) => p.dir)];
  for (const [configFile, words] of project.launchConfigs ?? []) {
    // each folder once (the file's own folder is often the root's or its package's)
    const from = [...new Set([path.dirname(configFile), ...bases])];
    for (const word of words) {
      // a glob in configuration names files watched, checked or copied (CI path filters, nodemon, linters), not a module to run
      if (globFolder(normalizedWord(word)) !== undefined) continue;
      for (const tail of tailsOf(normalizedWord(word))) {
        // `handler: src/users.list` (a serverless `file.export`) names `src/users`
        for (const form of new Set([tail, tail.replace(/\.[\w$-]+$/, '')])) for (const base of from) addExact(path.join(base, form), base);
      }
    }
  }
  return { exact, loose, trees, unknown };
}

function within(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return !!relative && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Whether a word read loosely names `file`: some tail of its path (with or without extension, or its folder) is the word. */
function namedLoosely(index: ReachIndex, file: string): boolean {
  const parts = file.split(path.sep).filter(Boolean);
  const stem = parts[parts.length - 1].replace(SCRIPT_EXTENSION, '');
  const folders = parts.slice(0, -1);
  const keys: string[] = [];
  for (let i = 0; i < parts.length; i++) keys.push(parts.slice(i).join('/'), [...parts.slice(i, -1), stem].join('/'));
  for (let i = 0; i < folders.length; i++) keys.push(folders.slice(i).join('/'));
  // a glob names every module below the folder it reads
  for (let end = folders.length; end > 0; end--) for (let i = 0; i < end; i++) keys.push(`**/${folders.slice(i, end).join('/')}`);
  return keys.some((key) => (index.loose.get(key) ?? []).some((s) => s.file !== file && within(s.scope, file)));
}

/**
 * Whether `file`, a JavaScript or TypeScript module, can never be loaded: the project's facts are complete and its
 * launch configuration was read (the CLI; the editor never tells this, see `ProjectFacts.launchConfigs`), its
 * package says how it starts (an entry or a `start` script), and nothing names it:
 * - no project file imports it, and no string of project code names its path, a tail of it (`'jobs/cleanup'`, a
 *   loader joining it to a folder), or its folder (a loader reading the folder); no file in or above its folder
 *   loads modules by a path it builds (`require(path.join(__dirname, name))`);
 * - it is not its package's entry, nor named by a package.json command (`node scripts/x.js`, `cd server && node app`)
 *   or by a launch configuration file (Dockerfile `CMD`, Procfile, `serverless.yml` handler, pm2, nodemon, CI);
 * - a framework or tool does not load it by its place (`CONVENTIONAL_ENTRY`), and it is not in a folder of
 *   files run by hand, nor directly in its package's folder.
 * Any doubt keeps the module loadable. Never throws.
 */
export function unloadableModule(project: ProjectFacts, file: string): boolean {
  return sharedResult(project, UNLOADABLE_MODULES).has(file);
}

/**
 * The modules of the project that can never be loaded (see `unloadableModule`), worked out once for all files: the
 * rules ask for many of them, and every thread of a scan receives this set instead of building the index itself.
 */
export const UNLOADABLE_MODULES: FactsShare<ReadonlySet<string>> = {
  name: 'unloadable-modules',
  // asked about the modules of JavaScript code that queries a database: where no script imports an SQL driver, seldom
  mayBeWanted: (project) => [...project.files.values()].some((facts) => isJavaScriptFamily(facts.languageId) && !facts.isTest && facts.sqlDrivers.length > 0),
  compute: (project) => new Set(project.partial || !project.launchConfigs ? [] : [...project.files.keys()].filter((file) => neverLoaded(project, file))),
};

/** One module of a fully indexed project whose launch configuration was read (`UNLOADABLE_MODULES` checks both). */
function neverLoaded(project: ProjectFacts, file: string): boolean {
  const facts = project.files.get(file);
  if (!facts || !isJavaScriptFamily(facts.languageId) || facts.isTest) return false;
  const pkg = project.packageFor(file);
  if (!pkg?.readable || !pkg.declaresStart) return false;
  const inPackage = path.relative(pkg.dir, file).split(path.sep).join('/');
  const inRoot = pathBelowRoot(file, project.rootDir) ?? inPackage;
  if (!inPackage.includes('/') || [inPackage, inRoot].some((p) => RUN_BY_HAND_FOLDER.test(p) || CONVENTIONAL_ENTRY.some((re) => re.test(p)))) return false;
  const index = project.memo('module-reach', () => buildIndex(project));
  if (index.unknown || importedElsewhere(project, file) || mayBePackageEntry(project, file)) return false;
  const stem = file.replace(SCRIPT_EXTENSION, '');
  if (index.exact.has(file) || index.exact.has(stem) || index.exact.has(path.dirname(file))) return false;
  if (index.trees.some((dir) => within(dir, file))) return false;
  return !namedLoosely(index, file);
}
