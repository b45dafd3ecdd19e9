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

/** `backend-guide check STEP [DIR]`: runs a project-track step's checks on the learner's project in DIR. */
export interface CheckArgs {
  command: 'check';
  /** Step id or number; undefined lists the steps. */
  step?: string;
  dir: string;
  json: boolean;
}

export type ParsedArgs = LintArgs | ExplainArgs | CheckArgs | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

export const USAGE = `Usage: backend-guide lint [paths...] [--format text|json|sarif] [-o FILE] [--config FILE]
       backend-guide routes [paths...] [--format text|json] [-o FILE] [--config FILE]
       backend-guide explain [RULE]
       backend-guide check [STEP] [DIR] [--json]

Checks JavaScript, TypeScript, Python, PHP, Java and Ruby files for SQL built by string concatenation;
JavaScript, TypeScript and Python (Flask, Django, FastAPI) for routes without authentication; Express apps
without Helmet, and Python web apps without security headers. Paths default to the current folder. \`routes\` lists every
server route with the middleware that runs before it and its verdict (protected, public, unprotected).
\`explain RULE\` prints the rule's lesson from the guide: why it matters and how to fix it (without RULE,
the list of rules).
\`check STEP DIR\` grades a step of the project track "Build a secure REST API from an empty folder" on the
project in DIR (default: the current folder): it starts the app with node on a free port (PORT, plus
DATABASE_FILE and JWT_SECRET in its environment), sends real HTTP requests, runs the rules with every
suppression comment ignored, and checks the files the step asks for. STEP is a step's id or number; without
it, the steps are listed. It runs the project's own code: use it on code you trust, or in a CI container.

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
      --json            (check) print the step's report as JSON
  -h, --help            show this help
  -v, --version         print the version

Exit codes: 0 nothing at error severity (check: every check passed), 1 findings at error severity (or, with
--fail-on-incomplete, a file analysed only partly; check: a check failed), 2 bad usage, unreadable input
(the rest is still checked and reported), a path with nothing to check, or an unknown step.`;

const FORMATS: readonly string[] = ['text', 'json', 'sarif'];

/** Parses the command line; never throws, bad usage becomes `{ command: 'error' }`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return { command: 'help' };
  if (argv[0] === '-v' || argv[0] === '--version') return { command: 'version' };
  if (argv[0] === 'explain') {
    if (argv.length > 2) return { command: 'error', message: 'explain takes one rule id' };
    return { command: 'explain', ruleId: argv[1] };
  }
  if (argv[0] === 'check') return parseCheckArgs(argv.slice(1));
  if (argv[0] !== 'lint' && argv[0] !== 'routes') return { command: 'error', message: `unknown command '${argv[0]}'; the commands are 'lint', 'routes', 'explain' and 'check'` };
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

function parseCheckArgs(rest: readonly string[]): CheckArgs | { command: 'error'; message: string } {
  const json = rest.includes('--json');
  const unknown = rest.find((a) => a.startsWith('-') && a !== '--json');
  if (unknown) return { command: 'error', message: `unknown option '${unknown}' for check` };
  const positional = rest.filter((a) => a !== '--json');
  if (positional.length > 2) return { command: 'error', message: 'check takes a step and a folder' };
  return { command: 'check', step: positional[0], dir: positional[1] ?? '.', json };
}
