import { runCli } from '../../../src/cli/main';

/** What `backend-guide lint <argv>` prints on standard output, run in `root`. */
export async function lintOutput(root: string, ...argv: string[]): Promise<string> {
  let out = '';
  await runCli(['lint', ...argv], { cwd: root, stdout: (t) => { out += t; }, stderr: () => undefined });
  return out;
}
