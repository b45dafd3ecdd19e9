import path = require('path');
import v8 = require('v8');
import { requireCompiled, saveCompileCaches } from './code-cache';
import type * as Cli from './main';
import { flagGivenToNode, laterOptimisation, switchGivenToNode } from './node-flags';

/**
 * The streams of stdout and stderr, which every run writes to, made before the V8 flags below are set. Node compiles
 * its own modules from code caches made under V8's default flags, and V8 refuses those caches once any flag differs:
 * the modules behind a stream (`net` for a pipe, `tty` for a terminal, a file's sync stream) then compile from
 * source, about 2 ms more of each run's CPU here (4.2 against 2.3 ms for a pipe, median of 5).
 */
void process.stdout;
void process.stderr;

/**
 * How long V8 runs a function before it optimises it: eight times as long as by default (see `laterOptimisation`
 * for the flags of each V8). At the default V8 optimises many functions a scan runs only for a while, and each
 * thread of a scan optimises its own copy of each (threads share no compiled code), so on two threads that work is
 * paid twice. With the later start the functions that run hot are still optimised. On the bench corpus:
 * - Node 20, interrupt budget: about an eighth less CPU on one thread and on two (1,000 files: 3.3 to 2.8 s and 4.5
 *   to 3.8 s);
 * - Node 24, invocation counts (paired runs): on two threads CPU -10.1%, wall -8.4% (8 of 8 pairs), at 16 times the
 *   corpus CPU -3.8%, wall -4.1% (3 of 3); on one thread CPU -6.5%, wall +2.3%, the compiles it spares having run
 *   on an idle core;
 * - Node 22 (no Maglev by default), two threads: CPU and wall -11.8% (8 of 8).
 * A value given to Node is kept. Set before any of the CLI's code runs; the scan threads share the setting.
 */
for (const [flag, value] of laterOptimisation()) {
  if (!flagGivenToNode(flag)) v8.setFlagsFromString(`${flag}=${value}`);
}

/**
 * While a scan runs, V8 compiles the hot functions of tree-sitter's WebAssembly again with TurboFan, in the
 * background: the parser's own and each grammar's lexer, a few of them tens of kilobytes of code each. Unrolling
 * their loops made those compiles take about a third longer (on the bench corpus, 390-450 against 275-280 ms of
 * CPU), time the scan threads of a two-core machine wait for. Without it a scan took 2-3% less CPU, at the bench
 * corpus and at 16 times its size, on one thread and on two (paired runs); a bare parse of the larger corpus ran
 * about 2% slower, so the unrolled code is a little faster, but not by what its compiles cost. A setting given
 * to Node is kept. Set here, with the interrupt budget, so that the code caches are made and read under the same
 * flags.
 */
if (!switchGivenToNode('--wasm-loop-unrolling')) v8.setFlagsFromString('--no-wasm-loop-unrolling');

/**
 * The `backend-guide` command (dist/cli.js): loads the CLI's bundle (dist/cli-main.js) through the code cache
 * (see `code-cache.ts`) and runs it. Kept to Node's own modules, so that it costs nothing to load itself.
 */
const { runCli } = requireCompiled(path.join(__dirname, 'cli-main.js')) as typeof Cli;
const argv = process.argv.slice(2);
let scanned = false;
void runCli(argv, { cwd: process.cwd(), stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), scanned: () => { scanned = true; } })
  .then((code) => {
    process.exitCode = code;
    // The caches are made after a `lint` scan only, so that they hold the functions scans compile. V8 takes a cache
    // as it is and never adds to it, so one made after a run that loaded a bundle without analysing files (`routes`,
    // `check`, a rescan from `--cache` that wrote SARIF, which loads the engine for the rules' descriptions) would
    // stand for every later scan of that build: those scans compiled the rest again each time, about 8% of a scan.
    if (scanned) saveCompileCaches();
    exitWhenWritten(code);
  });

/**
 * Ends the process once what it wrote to stdout and stderr is out (a pipe takes writes in the background, and
 * `process.exit` would cut them short). Left to end by itself, Node first tears down the heaps of the process
 * and of its threads: on the bench corpus the run took about 20 ms longer (median of paired runs), and nothing
 * else is left to do then.
 */
function exitWhenWritten(code: number): void {
  let open = 2;
  const written = () => {
    open -= 1;
    if (open === 0) process.exit(code);
  };
  // a write's callback runs once the writes before it are done
  process.stdout.write('', written);
  process.stderr.write('', written);
}
