import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ViewerLocation } from '../../../src/extension/guide/viewer';
import { activatedApi as api } from './extension-api';
import { screenshot } from './screenshot';
import { valueWhen } from './wait';

suite('Guide viewer: each chapter opens where it is asked to, and only what was on screen counts as read', () => {
  suiteSetup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await (await api()).guide.progress.reset();
  });
  suiteTeardown(async () => {
    await (await api()).guide.progress.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a chapter opened after another one read near its end starts at its top', async () => {
    const { guide } = await api();
    const deep = await vscode.commands.executeCommand<ViewerLocation>('backendGuide.openGuide', 'sql-injection#sources');
    assert.deepStrictEqual(deep, { chapter: 'sql-injection', section: 'sources' });

    const top = await vscode.commands.executeCommand<ViewerLocation>('backendGuide.openGuide', 'auth');
    assert.deepStrictEqual(top, { chapter: 'auth', section: '' });
    // The page reports the headings on screen once it is placed: at the top, the chapter's first section only.
    const authRead = () => Promise.resolve(guide.progress.get().read.filter((a) => a.startsWith('auth#')));
    const progressChanged: vscode.Event<void> = (listener) => guide.progress.onDidChange(() => listener());
    const read = await valueWhen(progressChanged, authRead, (r) => r.length > 0, 'the sections on screen in the auth chapter');
    assert.ok(read.includes('auth#authentication-versus-authorization'), `the first section is on screen: ${JSON.stringify(read)}`);
    // Sections hundreds of lines further down, where the previous chapter's scroll position would have put the page.
    for (const later of ['auth#protecting-endpoints', 'auth#roles-and-ownership', 'auth#sources']) assert.ok(!read.includes(later), `${later} was never on screen: ${JSON.stringify(read)}`);
    await screenshot('guide-chapter-top');
  });
});
