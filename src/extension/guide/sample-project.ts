import os = require('os');
import vscode = require('vscode');
import { FLASK_SAMPLE_FILES, FLASK_SAMPLE_FOLDER_NAME } from './flask-sample-files';
import { HANDS_ON_TASKS } from './hands-on-tasks';
import type { ProgressStore } from './progress';
import { SAMPLE_FILES, SAMPLE_FOLDER_NAME } from './sample-files';
import { parseWalkthroughStep, rememberWalkthroughReturn } from './walkthrough-return';

export interface CreateSampleOptions {
  /** False to leave the current window as it is (tests); by default the learner chooses where to open it. */
  open?: boolean;
  /** The walkthrough step (`<walkthrough>#<step>`) to show once the sample is open: the walkthrough's links pass it. */
  returnTo?: string;
}

/** What the sample step needs of the extension: where to remember the step to come back to. */
export interface SampleContext {
  globalState: vscode.Memento;
  /** Reopens the remembered walkthrough step when the sample is open in this window. */
  resumeWalkthrough(): Promise<unknown>;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function freeFolder(parent: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(parent, n === 1 ? name : `${name}-${n}`);
    if (!(await exists(candidate))) return candidate;
  }
}

/**
 * Opens the new sample. A modal question, so the choice cannot slip away into the notification centre; a
 * new window or this one restart the extension there, which reopens the walkthrough (see walkthrough-return.ts).
 */
async function openSampleFolder(root: vscode.Uri, context: SampleContext): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    await vscode.commands.executeCommand('vscode.openFolder', root);
    return;
  }
  const newWindow = vscode.l10n.t('Open in New Window');
  const thisWindow = vscode.l10n.t('Open in This Window');
  const add = vscode.l10n.t('Add to Workspace');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The sample project is ready in {0}.', root.fsPath), {
    modal: true,
    detail: vscode.l10n.t('Open it to follow the walkthrough on its code; the walkthrough comes back at the next step.'),
  }, newWindow, thisWindow, add);
  if (choice === add) {
    vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders.length, 0, { uri: root });
    await context.resumeWalkthrough();
  } else if (choice) {
    await vscode.commands.executeCommand('vscode.openFolder', root, { forceNewWindow: choice === newWindow });
  }
}

/**
 * Where the folder picker starts: beside the open project (its parent folder), never inside it, so the
 * sample does not end up in the learner's own repository; the home folder when nothing is open.
 */
export function sampleParentProposal(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  return folder ? vscode.Uri.joinPath(folder.uri, '..') : vscode.Uri.file(os.homedir());
}

/** Asks where to create a sample (unless `parent` is given) and writes `files` into a new folder named `name` there. */
async function writeSample(parent: vscode.Uri | null | undefined, name: string, files: Readonly<Record<string, string>>): Promise<vscode.Uri | undefined> {
  const picked = parent ?? (await vscode.window.showOpenDialog({
    defaultUri: sampleParentProposal(),
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Create Sample Here'),
    title: vscode.l10n.t('Where should Backend Guide create the sample project?'),
  }))?.[0];
  if (!picked) return undefined;
  const root = await freeFolder(picked, name);
  for (const [relative, text] of Object.entries(files)) {
    const file = vscode.Uri.joinPath(root, ...relative.split('/'));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  }
  return root;
}

/**
 * Writes the sample shop API into a new folder inside the one the learner picks, remembers where it is
 * (hands-on steps check its files), then opens it. Resolves to the sample's root.
 */
export async function createSampleProject(progress: ProgressStore, context: SampleContext, parent?: vscode.Uri | null, options: CreateSampleOptions = {}): Promise<vscode.Uri | undefined> {
  const root = await writeSample(parent, SAMPLE_FOLDER_NAME, SAMPLE_FILES);
  if (!root) return undefined;
  await progress.setSampleRoot(root.fsPath);
  await progress.completeTask('sampleCreated');
  if (options.returnTo && parseWalkthroughStep(options.returnTo)) await rememberWalkthroughReturn(context.globalState, root, options.returnTo);
  if (options.open !== false) await openSampleFolder(root, context);
  return root;
}

/**
 * Writes the Flask sample (the same shop API in Python) into a new folder inside the one the learner picks
 * and opens it. It is not the walkthroughs' hands-on sample: those steps keep checking the Express one.
 */
export async function createFlaskSampleProject(context: SampleContext, parent?: vscode.Uri | null, options: CreateSampleOptions = {}): Promise<vscode.Uri | undefined> {
  const root = await writeSample(parent, FLASK_SAMPLE_FOLDER_NAME, FLASK_SAMPLE_FILES);
  if (!root) return undefined;
  if (options.returnTo && parseWalkthroughStep(options.returnTo)) await rememberWalkthroughReturn(context.globalState, root, options.returnTo);
  if (options.open !== false) await openSampleFolder(root, context);
  return root;
}

export async function sampleRoot(progress: ProgressStore): Promise<vscode.Uri | undefined> {
  const stored = progress.sampleRoot;
  if (stored && (await exists(vscode.Uri.file(stored)))) return vscode.Uri.file(stored);
  const create = vscode.l10n.t('Create Sample Project');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('There is no Backend Guide sample project yet.'), create);
  if (choice === create) await vscode.commands.executeCommand('backendGuide.createSampleProject');
  return undefined;
}

/** Opens a file of the sample project (a hands-on task's file when none is given). */
export async function openSampleFile(progress: ProgressStore, relative?: string): Promise<vscode.TextEditor | undefined> {
  const root = await sampleRoot(progress);
  if (!root) return undefined;
  const file = relative ?? (await vscode.window.showQuickPick(HANDS_ON_TASKS.filter((t) => t.file).map((t) => ({ label: t.file!, description: t.title })), {
    placeHolder: vscode.l10n.t('Which file of the sample project?'),
  }))?.label;
  if (!file) return undefined;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, ...file.split('/')));
  return vscode.window.showTextDocument(doc, { preview: false });
}

const PLAYGROUND = `// Backend Guide playground: an unsaved file with problems left in on purpose.
// Hover a squiggle and follow its link, or press Ctrl+. (Cmd+. on macOS) and choose "Learn why".
const express = require('express');
const { Pool } = require('pg');

const app = express();
const pool = new Pool();

app.get('/users/:id', async (req, res) => {
  const { rows } = await pool.query("SELECT id, name FROM users WHERE id = " + req.params.id);
  res.json(rows[0]);
});

app.listen(3000);
`;

/** The playground's name: an untitled file named by the editor after its first line would show a comment as its title. */
export const PLAYGROUND_NAME = 'backend-guide-playground.js';

/** Opens an unsaved JavaScript file whose problems the diagnostics flag, to try "Learn why" (the same one again if it is open). */
export async function openPlayground(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: PLAYGROUND_NAME }));
  if (doc.getText() === '') {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), PLAYGROUND);
    await vscode.workspace.applyEdit(edit);
  }
  return vscode.window.showTextDocument(doc, { preview: false });
}
