// Starts code-server (VS Code server + web workbench, from the npm registry) on 127.0.0.1 with fresh,
// isolated state, for the extension-host tests and for `npm start`. See scripts/install-code-server.sh.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const extRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.99.4';

export function codeServerDir() {
  return path.resolve(process.env.CODE_SERVER_DIR || path.join(os.homedir(), '.cache', 'vscode-test-host', `code-server-${CODE_SERVER_VERSION}`));
}

export function codeServerEntry() {
  const dir = codeServerDir();
  // Inside the extension folder, VS Code's built-in extensions silently break (no theme, no TypeScript).
  if (!path.relative(extRoot, dir).startsWith('..')) throw new Error(`CODE_SERVER_DIR ${dir} is inside ${extRoot}; install it elsewhere`);
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) throw new Error(`code-server not found at ${entry}; run scripts/install-code-server.sh`);
  return entry;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  'git.openRepositoryInParentFolders': 'never',
  // the built-in PHP support looks for a php binary when a .php file opens and says so in a toast that
  // covers the screenshots; this machine has none and the tests do not need it
  'php.validate.enable': false,
  'php.suggest.basic': false,
};

/**
 * Starts code-server. `env` reaches the extension host (the `extensionEnvironment` payload entry does not).
 * Returns helpers to build workbench URLs and to stop the server.
 */
export async function startCodeServer({ port, env = {}, settings = {}, log = () => {} } = {}) {
  const entry = codeServerEntry();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-guide-cs-'));
  const dirs = { home: path.join(stateDir, 'home'), userData: path.join(stateDir, 'user-data'), extensions: path.join(stateDir, 'extensions'), tmp: path.join(stateDir, 'tmp') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const configFile = path.join(stateDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const chosenPort = port || Number(process.env.CODE_SERVER_PORT) || await freePort();
  const args = [entry, '--config', configFile, '--auth', 'none', '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened', '--log', 'info'];
  const childEnv = {
    ...process.env, ...env,
    HOME: dirs.home, XDG_CONFIG_HOME: path.join(dirs.home, '.config'), XDG_DATA_HOME: path.join(dirs.home, '.local/share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    TMPDIR: dirs.tmp, // the extension host leaves its sockets here
  };
  delete childEnv.PASSWORD; delete childEnv.HASHED_PASSWORD; delete childEnv.VSCODE_IPC_HOOK_CLI;
  const child = spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const logFile = path.join(stateDir, 'code-server.log');
  const logStream = fs.createWriteStream(logFile);
  child.stdout.pipe(logStream); child.stderr.pipe(logStream);
  let exited = false;
  child.on('exit', (code, signal) => { exited = true; log(`code-server exited code=${code} signal=${signal}`); });
  const host = `127.0.0.1:${chosenPort}`;

  for (let i = 0; ; i++) {
    if (exited) throw new Error(`code-server exited early; see ${logFile}`);
    try { if ((await fetch(`http://${host}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (i > 300) throw new Error('code-server did not become healthy in 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }

  const remote = (p) => `vscode-remote://${host}${path.resolve(extRoot, p).split(path.sep).join('/')}`;
  return {
    port: chosenPort, host, stateDir, logFile, dirs,
    get exited() { return exited; },
    /** The workbench URL opening `folder` (and `openFile` in it) with this extension loaded in development mode. */
    workbenchUrl(folder, { testsPath, openFile } = {}) {
      const payload = [['extensionDevelopmentPath', remote('.')], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
      if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
      if (openFile) payload.push(['openFile', remote(openFile)]);
      return `http://${host}/?folder=${encodeURIComponent(path.resolve(extRoot, folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    tail(lines = 40) {
      try { return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
    },
    async stop({ keepState = false } = {}) {
      if (!exited) { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } }
      for (let i = 0; i < 20 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
      if (!exited) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }
      if (!keepState) fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** Headless Debian chromium through playwright-core, with the flags this closed network needs. */
export async function launchBrowser(profileDir, home) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
