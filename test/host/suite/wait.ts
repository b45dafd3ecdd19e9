import * as fs from 'fs';
import * as vscode from 'vscode';

/** Waits for an event that satisfies `accept`, failing after `timeoutMs` (a guard, not a delay). */
export function waitForEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, timeoutMs = 20000, what = 'event'): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out waiting for ${what}`)); }, timeoutMs);
    const sub = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}

/** Diagnostics of our source for `uri` once `accept` holds: now, or after the next matching change. */
export async function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 20000): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Backend Guide');
  if (accept(ours())) return ours();
  await waitForEvent(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === uri.toString()) && accept(ours()), timeoutMs, `diagnostics on ${uri.toString()}`);
  return ours();
}

/**
 * The value `read` gives once `accept` holds for it: now, or after a later `event` (each event reads again).
 * For state that an event announces but does not carry, such as a tree view's rows or code actions.
 */
export function valueWhen<T>(event: vscode.Event<unknown>, read: () => Thenable<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20000): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      sub.dispose();
      clearTimeout(timer);
      finish();
    };
    const check = () => read().then((value) => {
      if (accept(value)) settle(() => resolve(value));
    }, (error) => settle(() => reject(error)));
    const sub = event(() => void check());
    const timer = setTimeout(() => settle(() => reject(new Error(`timed out waiting for ${what}`))), timeoutMs);
    void check();
  });
}

/**
 * Resolves once the editor sees files that another program writes in `folder`. Its file watcher starts after the
 * window opens, and a file written before then is never reported: the first test of a run, which writes a file on
 * disk right after activation, failed in CI that way while the same write in a later test passed. A probe file is
 * written (again, with new content, each time a short guard runs out) until a watcher of this test sees it.
 */
export async function watcherReady(folder: vscode.Uri, attempts = 60): Promise<void> {
  const probe = vscode.Uri.joinPath(folder, '.watcher-probe');
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '.watcher-probe'));
  try {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const seen = new Promise<boolean>((resolve) => {
        const subs = [watcher.onDidCreate(() => done(true)), watcher.onDidChange(() => done(true))];
        const timer = setTimeout(() => done(false), 1000);
        function done(value: boolean) {
          clearTimeout(timer);
          subs.forEach((s) => s.dispose());
          resolve(value);
        }
      });
      fs.writeFileSync(probe.fsPath, String(attempt));
      if (await seen) return;
    }
    throw new Error(`the editor saw no file written in ${folder.fsPath}`);
  } finally {
    watcher.dispose();
    fs.rmSync(probe.fsPath, { force: true });
  }
}
