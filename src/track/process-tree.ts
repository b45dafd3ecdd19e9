import type { ChildProcess } from 'child_process';

/** Node's `child_process`, loaded when a process tree is first listed or ended: the extension loads this module as it activates. */
function childProcess(): typeof import('child_process') {
  return require('child_process') as typeof import('child_process');
}

/**
 * Every process below `root` (children, grandchildren...), from `ps`. A process that started its own process
 * group or session (a server started with `detached`) is not reached by killing the root's group, so the
 * checker kills each descendant by id too.
 */
export function descendantsOf(root: number): number[] {
  const listing = childProcess().spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  if (listing.status !== 0) return [];
  const children = new Map<number, number[]>();
  for (const line of listing.stdout.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!Number.isInteger(pid) || !Number.isInteger(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Kills a process started with `detached` and everything it started: its process group, then any descendant outside it. */
export function killTree(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  if (process.platform === 'win32') {
    childProcess().spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
    return;
  }
  // listed before anything dies: once the root is gone, its orphans are re-parented and cannot be found
  const descendants = descendantsOf(pid);
  for (const target of [-pid, ...descendants]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** The learner's processes alive in this process, so an interrupted check (Ctrl+C on the CLI) can still kill them. */
const live = new Set<ChildProcess>();

/** Remembers a started process until it exits. */
export function trackChild(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
}

/** Kills every process trees still alive: for a signal handler, before this process exits. */
export function killAllChildren(): void {
  for (const child of live) killTree(child);
  live.clear();
}
