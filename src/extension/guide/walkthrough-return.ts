import vscode = require('vscode');

/** Where to take the learner back to once the sample project they just created is open. */
interface PendingReturn {
  /** The sample's folder. */
  root: string;
  /** `<walkthrough id>#<step id>` of this extension's walkthroughs, for example `secureRestApi#run`. */
  step: string;
}

const PENDING_KEY = 'backendGuide.walkthroughAfterSample';

export function parseWalkthroughStep(value: unknown): { walkthrough: string; step: string } | undefined {
  const match = typeof value === 'string' ? /^([A-Za-z]\w*)#([A-Za-z]\w*)$/.exec(value) : null;
  return match ? { walkthrough: match[1], step: match[2] } : undefined;
}

/** Remembers the walkthrough step to reopen when the sample at `root` is opened (a new window starts a new extension host). */
export async function rememberWalkthroughReturn(state: vscode.Memento, root: vscode.Uri, step: string): Promise<void> {
  await state.update(PENDING_KEY, { root: root.fsPath, step } satisfies PendingReturn);
}

/**
 * In a window showing the sample a walkthrough just created, reopens that walkthrough at its next step,
 * once. Resolves to the step reopened, if any.
 */
export async function resumeWalkthroughInSample(context: vscode.ExtensionContext): Promise<string | undefined> {
  const pending = context.globalState.get<PendingReturn>(PENDING_KEY);
  const target = pending && parseWalkthroughStep(pending.step);
  if (!pending || !target || !(vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === 'file' && f.uri.fsPath === pending.root)) return undefined;
  await context.globalState.update(PENDING_KEY, undefined);
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', { category: `${context.extension.id}#${target.walkthrough}`, step: target.step }, false);
  return pending.step;
}
