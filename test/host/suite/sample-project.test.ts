import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { sampleParentProposal } from '../../../src/extension/guide/sample-project';
import { activatedApi as api } from './extension-api';
import { waitForEvent } from './wait';

const isWalkthroughTab = () => {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  return tab !== undefined && tab.input === undefined && /^(Walkthrough|Welcome)/.test(tab.label);
};

suite('Create Sample Project', () => {
  suiteTeardown(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

  test('proposes a folder beside the open project, not inside it', () => {
    const workspace = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const proposal = sampleParentProposal().fsPath;
    assert.strictEqual(proposal, path.dirname(workspace));
    assert.ok(path.relative(workspace, proposal).startsWith('..'), `${proposal} is outside ${workspace}`);
  });

  test('once the sample is open in a window, the walkthrough comes back at the step after creating it, once', async () => {
    const { guide } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The window that opens the sample: here the test workspace stands for it.
    await guide.sampleReturn.remember(vscode.workspace.workspaceFolders![0].uri, 'secureRestApi#run');
    const shown = waitForEvent(vscode.window.tabGroups.onDidChangeTabs, isWalkthroughTab, 20000, 'the walkthrough tab');
    assert.strictEqual(await guide.sampleReturn.resume(), 'secureRestApi#run');
    await shown;
    assert.strictEqual(await guide.sampleReturn.resume(), undefined, 'only once');
  });

  test('a sample created from a walkthrough elsewhere does not bring the walkthrough back in this window', async () => {
    const { guide } = await api();
    const parent = vscode.Uri.file(path.join(os.tmpdir(), `bg-sample-return-${process.pid}`));
    await vscode.workspace.fs.createDirectory(parent);
    const root = await vscode.commands.executeCommand<vscode.Uri>('backendGuide.createSampleProject', parent, { open: false, returnTo: 'secureRestApi#run' });
    assert.ok(root);
    assert.strictEqual(await guide.sampleReturn.resume(), undefined);
  });
});
