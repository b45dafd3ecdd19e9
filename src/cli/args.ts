export type OutputFormat = 'text' | 'json' | 'sarif';

export interface LintArgs {
  command: 'lint' | 'routes';
  paths: string[];
  format: OutputFormat;
  output?: string;
  config?: string;
  /** A path that holds no file to check is not an error (`--allow-empty`). */
  allowEmpty?: boolean;
  /** Exit 1 when a file was analysed only partly: a syntax error or the time budget (`--fail-on-incomplete`). */
  failOnIncomplete?: boolean;
  /** Threads that analyse files (`--jobs N`); by default one per core. 1 analyses in the main thread. */
  jobs?: number;
  /** Keep what each file gave between runs and reuse it while it holds (`--cache`, `--cache-location FILE`). */
  cache?: boolean;
  cacheLocation?: string;
}

/** `backend-guide explain [rule]`: a rule's lesson in the terminal, or the list of rules. */
export interface ExplainArgs {
  command: 'explain';
  ruleId?: string;
}

export type ParsedArgs = LintArgs | ExplainArgs | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

export const USAGE = `Usage: backend-guide lint [paths...] [--format text|json|sarif] [-o FILE] [--config FILE]
       backend-guide routes [paths...] [--format text|json] [-o FILE] [--config FILE]
       backend-guide explain [RULE]

Checks JavaScript, TypeScript and Python files for SQL built by string concatenation, routes without
authentication, and Express apps without Helmet. Paths default to the current folder. \`routes\` lists every
server route with the middleware that runs before it and its verdict (protected, public, unprotected).
\`explain RULE\` prints the rule's lesson from the guide: why it matters and how to fix it (without RULE,
the list of rules).

Options:
  -f, --format FORMAT   text (default), json or sarif (SARIF 2.1.0, for code scanning)
  -o, --output FILE     write the report to FILE instead of standard output
  -c, --config FILE     read settings from FILE instead of ./.backendguide.yaml
      --allow-empty     let a path with no file to check pass (by default it is an error, so a
                        mistyped path in CI does not pass silently)
      --fail-on-incomplete
                        exit 1 when a file was analysed only partly (a syntax error the parser could
                        not get past, or the time budget ran out in a rule), since findings may be missing
  -j, --jobs N          analyse files on N threads (default: one per core; 1 runs in one thread)
      --cache           keep each file's results in .backendguide-cache and reuse them in the next
                        run while the file, the files it depends on, the config and the engine are
                        unchanged (a rescan of an unchanged project parses nothing)
      --cache-location FILE
                        where --cache keeps its file (implies --cache)
  -h, --help            show this help
  -v, --version         print the version

Exit codes: 0 nothing at error severity, 1 findings at error severity (or, with --fail-on-incomplete, a file
analysed only partly), 2 bad usage, unreadable input (the rest is
still checked and reported), or a path with nothing to check.`;

const FORMATS: readonly string[] = ['text', 'json', 'sarif'];

/** Parses the command line; never throws, bad usage becomes `{ command: 'error' }`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return { command: 'help' };
  if (argv[0] === '-v' || argv[0] === '--version') return { command: 'version' };
  if (argv[0] === 'explain') {
    if (argv.length > 2) return { command: 'error', message: 'explain takes one rule id' };
    return { command: 'explain', ruleId: argv[1] };
  }
  if (argv[0] !== 'lint' && argv[0] !== 'routes') return { command: 'error', message: `unknown command '${argv[0]}'; the commands are 'lint', 'routes' and 'explain'` };
  const result: LintArgs = { command: argv[0], paths: [], format: 'text' };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '-f' || flag === '--format') {
      const format = value();
      if (!format || !FORMATS.includes(format)) return { command: 'error', message: `--format takes one of ${FORMATS.join(', ')}` };
      result.format = format as OutputFormat;
    } else if (flag === '-o' || flag === '--output') {
      const output = value();
      if (!output) return { command: 'error', message: '--output takes a file name' };
      result.output = output;
    } else if (flag === '-c' || flag === '--config') {
      const config = value();
      if (!config) return { command: 'error', message: '--config takes a file name' };
      result.config = config;
    } else if (flag === '-j' || flag === '--jobs') {
      const jobs = value();
      if (!jobs || !/^[1-9]\d*$/.test(jobs)) return { command: 'error', message: '--jobs takes a whole number of threads, 1 or more' };
      result.jobs = Number(jobs);
    } else if (flag === '--cache') {
      result.cache = true;
    } else if (flag === '--cache-location') {
      const location = value();
      if (!location) return { command: 'error', message: '--cache-location takes a file name' };
      result.cache = true;
      result.cacheLocation = location;
    } else if (flag === '--allow-empty') {
      result.allowEmpty = true;
    } else if (flag === '--fail-on-incomplete') {
      result.failOnIncomplete = true;
    } else if (flag.startsWith('-') && flag !== '-') {
      return { command: 'error', message: `unknown option '${flag}'` };
    } else {
      result.paths.push(arg);
    }
  }
  if (result.command === 'routes' && result.format === 'sarif') return { command: 'error', message: 'routes prints text or json' };
  if (result.paths.length === 0) result.paths.push('.');
  return result;
}
