import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../src/cli/main';

export interface Run { code: number; stdout: string; stderr: string }

/** Runs `backend-guide <argv>` in `cwd` and keeps what it printed. */
export async function cli(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

/** What `backend-guide lint <argv>` prints on standard output, run in `root`. */
export async function lintOutput(root: string, ...argv: string[]): Promise<string> {
  return (await cli(root, 'lint', ...argv)).stdout;
}

/** A fresh folder holding the given files (paths relative to it). */
export function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

export const VULNERABLE = 'const mysql = require("mysql2");\nconst db = mysql.createConnection({});\ndb.query("SELECT * FROM users WHERE id = " + id);\n';
