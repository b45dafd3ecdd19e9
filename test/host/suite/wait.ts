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
