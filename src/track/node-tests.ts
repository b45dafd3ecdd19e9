import { spawn } from 'child_process';
import { killTree, trackChild } from './process-tree';

/** Upper bound on the learner's whole test run: a dozen HTTP tests of a small API take a few seconds. */
export const TEST_RUN_CAP_MS = 120_000;

export interface TestRun {
  passed: number;
  failed: number;
  /** The run did not finish: it was stopped at the cap, or Node could not be started. */
  error?: string;
  /** The end of the TAP output, for a failure message. */
  tail: string;
}

/** Counts from Node's TAP summary (`# pass 3`, `# fail 0`). */
export function tapCounts(tap: string): { passed: number; failed: number } {
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') };
}

/**
 * Runs `node --test` in the project with the TAP reporter (the same on Node 20, 22 and 24), in its own
 * process group, which is killed if the run outlives the cap.
 */
export function runNodeTests(cwd: string, node: string, env: Record<string, string>): Promise<TestRun> {
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(node, ['--test', '--test-reporter=tap'], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32', windowsHide: true });
    trackChild(child);
    const keep = (chunk: Buffer) => {
      out = (out + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let error: string | undefined;
    const cap = setTimeout(() => {
      error = `the tests did not finish within ${TEST_RUN_CAP_MS / 1000} s (does every test close the server it starts?)`;
      killTree(child);
    }, TEST_RUN_CAP_MS);
    child.on('error', (e) => {
      error = `could not run ${node}: ${e.message}`;
    });
    child.on('close', () => {
      clearTimeout(cap);
      resolve({ ...tapCounts(out), error, tail: out.trim().split('\n').slice(-15).join('\n') });
    });
  });
}
