import * as fs from 'fs';
import * as path from 'path';

/**
 * Asks the test runner for a screenshot of the real UI and resolves once the PNG exists (the runner writes
 * it atomically). Without a runner that takes screenshots (for example under @vscode/test-electron) it
 * resolves at once.
 */
export function screenshot(name: string, timeoutMs = 20000): Promise<string | undefined> {
  const dir = process.env.BACKEND_GUIDE_SCREENSHOT_DIR;
  if (!dir) return Promise.resolve(undefined);
  const file = path.join(dir, `${name}.png`);
  const startedAt = Date.now();
  const previous = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
  console.log(`SCREENSHOT:${name}`);
  return new Promise((resolve, reject) => {
    const isFresh = () => fs.existsSync(file) && fs.statSync(file).mtimeMs > previous && fs.statSync(file).mtimeMs >= startedAt - 1000;
    const watcher = fs.watch(dir, () => {
      if (isFresh()) { cleanup(); resolve(file); }
    });
    const timer = setTimeout(() => { cleanup(); reject(new Error(`screenshot ${name} was not taken within ${timeoutMs} ms`)); }, timeoutMs);
    const cleanup = () => { watcher.close(); clearTimeout(timer); };
    if (isFresh()) { cleanup(); resolve(file); }
  });
}
