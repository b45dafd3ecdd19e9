import * as path from 'path';
import { requireCompiled, saveCompileCaches } from './code-cache';
import type * as Cli from './main';

/**
 * The `backend-guide` command (dist/cli.js): loads the CLI's bundle (dist/cli-main.js) through the code cache
 * (see `code-cache.ts`) and runs it. Kept to Node's own modules, so that it costs nothing to load itself.
 */
const { runCli } = requireCompiled(path.join(__dirname, 'cli-main.js')) as typeof Cli;
const argv = process.argv.slice(2);
void runCli(argv, { cwd: process.cwd(), stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) })
  .then((code) => {
    process.exitCode = code;
    // the cache is made after a scan, so that it holds the functions scans compile, not only those `--version` needs
    if (['lint', 'routes', 'check'].includes(argv[0] ?? '')) saveCompileCaches();
  });
