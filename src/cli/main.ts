import fs = require('fs');
import path = require('path');
import { version } from '../../package.json';
import { CONFIG_FILE_NAME, defaultConfig, readConfigText, type EngineConfig } from '../engine/config';
import { SOURCE_EXTENSIONS } from '../engine/languages';
import { lessonAsText } from '../engine/lesson';
import { readProjectFile } from '../files/project-files';
import { parseArgs, USAGE, type ExplainArgs, type LintArgs } from './args';
import { scanOfUnchanged } from './cached-scan';
import { builtHashOf, requireCompiled } from './code-cache';
import { formatJson } from './formats/json';
import { isIncomplete } from './formats/summary';
import { formatText } from './formats/text';
import { terminalText } from './formats/terminal-text';
import { formatRoutes } from './formats/routes';
import { readPackageJsons } from './project-manifests';
import { projectRoot } from './project-root';
import { relativePath } from './relative-path';
import type { FileReport } from './scan';
import { DEFAULT_CACHE_FILE, engineKey, ScanCache } from './scan-cache';
import { startScanThreads, threadsFor } from './scan-threads';
import type * as Engine from './scan-engine';
import { collectSourceFiles } from './walk';

/** The engine's bundle beside this one (see `scan-engine.ts`). */
const ENGINE_FILE = path.join(__dirname, 'scan-engine.js');

/** The SHA-1 of `ENGINE_FILE`, when a one-off build gave it (see `builtEngineHash` in esbuild-plugins.js). */
declare const BUILT_ENGINE_HASH: string | undefined;

let loadedEngine: typeof Engine | undefined;

/** The engine's side of the CLI, loaded on first use through the code cache (see `scan-engine.ts`). */
function engine(): typeof Engine {
  return (loadedEngine ??= requireCompiled(ENGINE_FILE) as typeof Engine);
}

/** How a rule's languages read in a listing: one name per language family (`JavaScript, TypeScript, Python`). */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  javascript: 'JavaScript', javascriptreact: 'JavaScript', typescript: 'TypeScript', typescriptreact: 'TypeScript', python: 'Python', php: 'PHP', java: 'Java', ruby: 'Ruby',
};

function languageNames(languages: readonly string[]): string {
  return [...new Set(languages.map((id) => LANGUAGE_NAMES[id] ?? id))].join(', ');
}

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Called when `lint` scanned files (parsed and analysed them, not only read reports from `--cache`): only then do
   * the code caches written after the command hold what a scan compiles (see `bin.ts`). `routes` reads facts only.
   */
  scanned?: () => void;
}

export const EXIT = { clean: 0, errorsFound: 1, badUsage: 2 } as const;

function loadConfig(args: LintArgs, io: CliIo): { config: EngineConfig } | { error: string } {
  const explicit = args.config !== undefined;
  const file = path.resolve(io.cwd, args.config ?? CONFIG_FILE_NAME);
  if (!explicit && !fs.existsSync(file)) return { config: defaultConfig() };
  const source = path.relative(io.cwd, file) || file;
  const read = readProjectFile(file, io.cwd);
  if ('error' in read) return { error: `config file ${source} ${read.error}` };
  const { config, problems } = readConfigText(read.text, source);
  problems.forEach((p) => io.stderr(`backend-guide: ${p}\n`));
  return { config };
}

/**
 * Characters of text per thread whose trees are kept from the facts pass for the analysis (see ScannerSettings).
 * Only files some rule may still report in need a tree: the facts pass settles the others (`resultBeforeFacts`),
 * about two thirds of the bench corpus' text. Measured there: a kept tree costs about 35 bytes of resident
 * memory per character (this bound: +18 MB at 1x with one thread), never given back, and spares a parse of
 * about 0.17 µs per character, nearly the same for small and large files (so which files get the trees matters
 * little); at 1x with one thread it covers all but 0.1M of the 0.6M characters the analysis reads, for about
 * 3% of the CPU time. It holds the same memory at any size of project, which the memory budget at 16x the corpus
 * needs more than the few percent a larger one saves; on a project so large that the bound covers under a
 * quarter of it, no tree is kept (`keptTreeBudget`).
 */
const KEPT_TREE_CHARS = 512_000;

/** Why an empty path is an error: in CI, "0 of 0 files" after a mistyped path would pass silently. */
function nothingToCheck(paths: readonly string[]): string {
  return `nothing to check in ${paths.join(', ')}: no ${SOURCE_EXTENSIONS.join(' ')} file there, outside the folders always skipped `
    + `(node_modules, build output, public/, static/, ...) and the configured ignores. Check the path, or pass --allow-empty to let it pass.`;
}

function render(args: LintArgs, reports: FileReport[], root: string): string {
  if (args.format === 'json') return formatJson(reports, version);
  if (args.format === 'sarif') {
    const { formatSarif, allRules, lessonOf } = engine();
    return formatSarif(reports, allRules().map((rule) => ({ rule, lesson: lessonOf(rule) })), root, version);
  }
  return formatText(reports);
}

async function lint(args: LintArgs, io: CliIo): Promise<number> {
  const loaded = loadConfig(args, io);
  if ('error' in loaded) {
    io.stderr(`backend-guide: ${loaded.error}\n`);
    return EXIT.badUsage;
  }
  const root = io.cwd;
  const { files, unreadable, empty } = collectSourceFiles(args.paths, root, loaded.config.ignore);
  if (empty.length && !args.allowEmpty) {
    io.stderr(`backend-guide: ${nothingToCheck(empty)}\n`);
    return EXIT.badUsage;
  }
  // what cannot be read is said, the rest is still checked and reported, and the exit code is 2 at the end
  if (unreadable.length) io.stderr(`backend-guide: cannot read ${unreadable.join(', ')}\n`);
  const settings = { root: projectRoot(args.paths, io.cwd), displayRoot: root, config: loaded.config, keptTreeChars: KEPT_TREE_CHARS };
  const cache = args.cache && args.command === 'lint' ? openCache(args, settings, io) : undefined;
  // a rescan of an unchanged project takes everything from the cache, without loading the engine
  const packages = cache ? readPackageJsons(files, settings.root) : undefined;
  const unchanged = cache && packages && scanOfUnchanged(files, packages, root, cache, (facts) => engine().projectOfFacts(settings.root, facts, packages));
  const threads = threadsFor(files.length, args.jobs);
  // the workers start while this thread loads the engine (see `scan-threads.ts`); the scan ends them
  const started = unchanged ? undefined : startScanThreads(threads - 1);
  const scan = unchanged || await engine().scanProject(files, settings, { threads, analyze: args.command === 'lint', cache, unchangedAsked: !!cache, packages, started });
  if (!unchanged && args.command === 'lint') io.scanned?.();
  const cacheProblem = cache?.save();
  // said after the scan: the cache's facts are read, and found damaged, only when the scan needs them
  if (cache?.note) io.stderr(`backend-guide: ${cache.note}\n`);
  if (cacheProblem) io.stderr(`backend-guide: ${cacheProblem}\n`);
  if (scan.unreadable.length) {
    io.stderr(`backend-guide: cannot read ${scan.unreadable.map(({ file, error }) => `${path.relative(root, file)} ${error}`).join(', ')}\n`);
  }
  const badInput = unreadable.length > 0 || scan.unreadable.length > 0;
  const unreadReports: FileReport[] = scan.unreadable.map(({ file, error }) => ({ file, relative: relativePath(root, file), findings: [], notes: [], skipped: error }));
  let output: string;
  let failed = false;
  if (args.command === 'routes') {
    output = formatRoutes(engine().projectRoutes(scan.project, loaded.config), root, args.format);
  } else {
    // in the order the files were found, the unreadable ones where they would have been
    const order = new Map(files.map((file, i) => [file, i]));
    const reports = [...(scan.reports ?? []), ...unreadReports].sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
    output = render(args, reports, root);
    for (const r of reports) for (const note of r.notes) io.stderr(`backend-guide: ${r.relative}: ${note}\n`);
    failed = reports.some((r) => r.findings.some((f) => f.severity === 'error'))
      || (!!args.failOnIncomplete && reports.some(isIncomplete));
  }
  if (args.output) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, args.output), output);
    } catch (error) {
      io.stderr(`backend-guide: cannot write ${args.output} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
      return EXIT.badUsage;
    }
  } else {
    io.stdout(output);
  }
  if (badInput) return EXIT.badUsage;
  return failed ? EXIT.errorsFound : EXIT.clean;
}

/** The cache of `--cache`: valid for this engine build, this configuration and this project root only. */
function openCache(args: LintArgs, settings: { root: string; config: EngineConfig }, io: CliIo): ScanCache {
  const engineCode = typeof BUILT_ENGINE_HASH === 'string' ? { hash: BUILT_ENGINE_HASH } : ENGINE_FILE;
  // this bundle by the hash its build gave it, when `cli.js` loaded it knowing that (no hashing, no `crypto`)
  const ownHash = builtHashOf(__filename);
  const key = `${engineKey(version, [ownHash ? { hash: ownHash } : __filename, engineCode])}|${settings.root}|${JSON.stringify(settings.config)}`;
  return ScanCache.load(path.resolve(io.cwd, args.cacheLocation ?? DEFAULT_CACHE_FILE), key);
}

/** Prints a rule's lesson, or the rules with their one-line descriptions when no rule is named. */
function explain(args: ExplainArgs, io: CliIo): number {
  const { allRules, ruleById, lessonOf } = engine();
  const ids = allRules().map((r) => r.meta.id);
  if (args.ruleId === undefined) {
    const width = Math.max(...allRules().map((r) => r.meta.id.length));
    io.stdout(`${allRules().map((r) => `${r.meta.id.padEnd(width)} ${r.meta.description} (${languageNames(r.meta.languages)})`).join('\n')}\n\nbackend-guide explain RULE prints the rule's lesson.\n`);
    return EXIT.clean;
  }
  const rule = ruleById(args.ruleId);
  if (!rule) {
    io.stderr(`backend-guide: no rule '${args.ruleId}'; the rules are ${ids.join(', ')}\n`);
    return EXIT.badUsage;
  }
  const lesson = lessonOf(rule);
  if (lesson === undefined) {
    io.stderr(`backend-guide: the guide that holds the lesson of ${rule.meta.id} is not installed beside the CLI\n`);
    return EXIT.badUsage;
  }
  io.stdout(`${lessonAsText(lesson)}\n`);
  return EXIT.clean;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], terminal: CliIo): Promise<number> {
  // messages name files and echo arguments, which may hold control characters
  const io: CliIo = { ...terminal, stderr: (text) => terminal.stderr(terminalText(text)) };
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      io.stdout(`${USAGE}\n`);
      return argv.length === 0 ? EXIT.badUsage : EXIT.clean;
    case 'version':
      io.stdout(`${version}\n`);
      return EXIT.clean;
    case 'error':
      io.stderr(`backend-guide: ${args.message}\n\n${USAGE}\n`);
      return EXIT.badUsage;
    case 'explain':
      return explain(args, io);
    case 'check':
      return reportingInternalErrors(() => engine().checkCommand(args, io), io);
    case 'lint':
    case 'routes':
      return reportingInternalErrors(() => lint(args, io), io);
  }
}

/** Runs a command; an error that escapes it is printed with its stack and exits 2, never as a crash. */
async function reportingInternalErrors(command: () => Promise<number>, io: CliIo): Promise<number> {
  try {
    return await command();
  } catch (error) {
    io.stderr(`backend-guide: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return EXIT.badUsage;
  }
}

