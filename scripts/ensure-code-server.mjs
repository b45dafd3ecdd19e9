// Installs the code-server test host (and the Debian packages it needs) when it is not there yet.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { codeServerDir, extRoot } from '../test/host/code-server.mjs';

export function ensureCodeServer() {
  const entry = path.join(codeServerDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (fs.existsSync(entry) && fs.existsSync('/usr/bin/chromium')) return;
  console.log(`First run: installing the VS Code test host (Debian's chromium, then code-server) into ${codeServerDir()}.\n`
    + 'This happens once and takes 3 to 8 minutes (measured on a 2-core machine); progress follows.');
  const result = spawnSync('bash', [path.join(extRoot, 'scripts', 'install-code-server.sh'), codeServerDir()], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('code-server installation failed');
}
