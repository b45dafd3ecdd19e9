import { spawn, type ChildProcess } from 'child_process';
import fs = require('fs');
import net = require('net');
import os = require('os');
import path = require('path');
import { killTree, trackChild } from './process-tree';

/**
 * Preloaded into the learner's app (`node --require`): tells the checker, over the IPC channel, the port of the
 * first server that starts listening. An event from the app itself, so the checker never polls the port, and
 * it learns when the app listens somewhere else than PORT.
 */
const LISTEN_REPORTER = `'use strict';
const net = require('node:net');
const listen = net.Server.prototype.listen;
let told = false;
net.Server.prototype.listen = function (...args) {
  this.once('listening', () => {
    if (told || typeof process.send !== 'function') return;
    told = true;
    const address = this.address();
    process.send({ backendGuideListening: address && typeof address === 'object' ? address.port : String(address) });
    if (process.channel) process.channel.unref();
  });
  return listen.apply(this, args);
};
`;

/** Upper bound on how long an app may take to start listening: a cold start of a small app takes well under a second. */
export const START_CAP_MS = 30_000;
/** Upper bound on how long a stopped app may take to exit after SIGKILL. */
const EXIT_CAP_MS = 5_000;
/** The last characters of the app's output kept for messages. */
const OUTPUT_TAIL = 2_000;

export interface AppLaunch {
  /** The project folder. */
  cwd: string;
  /** The file to run (`src/server.js`). */
  entry: string;
  /** The Node executable (the CLI's own; the extension finds `node` on PATH, since its own is Electron). */
  node: string;
  env: Record<string, string>;
}

export type StartOutcome =
  | { kind: 'listening'; app: RunningApp }
  | { kind: 'failed'; reason: string };

/** A free TCP port on 127.0.0.1, from the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The file `npm start` runs: `node <file>` in scripts.start, else `main`, else src/server.js. */
export function entryOf(projectDir: string): string {
  let pkg: { scripts?: Record<string, string>; main?: string } = {};
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
  } catch {
    // no package.json: the default below, and the start failure says what is missing
  }
  const start = /^\s*node\s+(?:--?[\w-]+(?:=\S+)?\s+)*([^\s&|;]+)\s*$/.exec(pkg.scripts?.start ?? '');
  return start?.[1] ?? pkg.main ?? 'src/server.js';
}

/** The learner's app, started by `startApp`; `stop` kills its process tree and waits for the exit. */
export class RunningApp {
  constructor(private readonly child: ChildProcess, readonly port: number, private readonly output: () => string) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What the app printed so far (the end of it). */
  outputTail(): string {
    return this.output();
  }

  /** Whether it exited (crashed) since it started listening. */
  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const cap = setTimeout(resolve, EXIT_CAP_MS);
    child.once('exit', () => {
      clearTimeout(cap);
      resolve();
    });
    killTree(child);
  });
}

let reporterFile: string | undefined;
function listenReporter(): string {
  if (reporterFile && fs.existsSync(reporterFile)) return reporterFile;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-guide-track-'));
  // one file per process, removed when it ends
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  reporterFile = path.join(dir, 'listen-reporter.cjs');
  fs.writeFileSync(reporterFile, LISTEN_REPORTER);
  return reporterFile;
}

/**
 * Starts the learner's app with PORT set to a free port and waits until it listens (an event it sends), exits,
 * or START_CAP_MS pass. Whatever happens, a process that is not returned running has been killed.
 */
export async function startApp(launch: AppLaunch): Promise<StartOutcome> {
  const entryPath = path.resolve(launch.cwd, launch.entry);
  if (!fs.existsSync(entryPath)) return { kind: 'failed', reason: `${launch.entry} does not exist (package.json's "start" script or "main" names the file to run)` };
  const port = await freePort();
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
  };
  let child: ChildProcess;
  try {
    child = spawn(launch.node, ['--require', listenReporter(), entryPath], {
      cwd: launch.cwd,
      env: { ...process.env, ...launch.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
  } catch (error) {
    return { kind: 'failed', reason: `could not run ${launch.node}: ${error instanceof Error ? error.message : String(error)}` };
  }
  trackChild(child);
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // 'close' comes after the output pipes ended, so a crash's last words are read before they are quoted
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const outcome = await new Promise<StartOutcome>((resolve) => {
    const done = (result: StartOutcome) => {
      clearTimeout(cap);
      child.removeAllListeners('message');
      resolve(result);
    };
    const cap = setTimeout(() => done({ kind: 'failed', reason: `the app did not start listening within ${START_CAP_MS / 1000} s` }), START_CAP_MS);
    child.on('message', (message: { backendGuideListening?: number | string }) => {
      const listening = message?.backendGuideListening;
      if (listening === undefined) return;
      if (listening === port) done({ kind: 'listening', app: new RunningApp(child, port, () => output) });
      else done({ kind: 'failed', reason: `the app listens on ${listening}, not on the port in the PORT environment variable (${port}): read it with process.env.PORT` });
    });
    child.on('error', (error) => done({ kind: 'failed', reason: `could not run ${launch.node}: ${error.message}` }));
    child.on('exit', (code, signal) => done({ kind: 'failed', reason: `the app exited (${signal ?? `code ${code}`}) before it listened` }));
  });
  if (outcome.kind === 'failed') {
    await stopChild(child);
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, EXIT_CAP_MS).unref())]);
    const tail = output.trim();
    return { kind: 'failed', reason: tail ? `${outcome.reason}. Its output ended with:\n${tail}` : outcome.reason };
  }
  return outcome;
}
