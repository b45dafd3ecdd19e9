import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { SAMPLE_RUNNING_KEY, SNIPPET_INSERTED_KEY } from '../../../src/extension/guide/hands-on-tasks';
import type { RunSampleResult } from '../../../src/extension/guide/run-sample';
import { activatedApi as api } from './extension-api';
import { screenshot } from './screenshot';
import { waitForEvent } from './wait';

/** A project folder whose npm scripts need nothing from the network. */
function project(packageJson: object): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-run-sample-'));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'sample', version: '1.0.0', private: true, ...packageJson }));
  return root;
}

suite('Walkthrough steps tick when the learner did the thing', () => {
  let previousRoot: string | undefined;
  suiteSetup(async () => { previousRoot = (await api()).guide.progress.sampleRoot; });
  suiteTeardown(async () => {
    for (const execution of vscode.tasks.taskExecutions) if (execution.task.definition.type === 'backendGuide') execution.terminate();
    await (await api()).guide.progress.setSampleRoot(previousRoot);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('"Install and run it": not when npm install fails, then once the install succeeded and the API started', async () => {
    const { guide } = await api();
    await guide.progress.setSampleRoot(project({ scripts: { preinstall: 'exit 3' } }));
    assert.strictEqual(await vscode.commands.executeCommand<RunSampleResult>('backendGuide.runSample'), 'installFailed');
    assert.notStrictEqual(guide.contextKeys.value(SAMPLE_RUNNING_KEY), true);

    const root = project({ scripts: { start: 'node -e "setInterval(() => {}, 1000)"' } });
    await guide.progress.setSampleRoot(root);
    assert.strictEqual(await vscode.commands.executeCommand<RunSampleResult>('backendGuide.runSample'), 'running');
    assert.ok(fs.existsSync(path.join(root, 'package-lock.json')), 'npm install ran to its end before the step ticked');
    assert.strictEqual(guide.contextKeys.value(SAMPLE_RUNNING_KEY), true);
    assert.ok(vscode.tasks.taskExecutions.some((e) => e.task.definition.script === 'start'), 'the API is running in a task');
  });

  test('"Insert secure snippets": when a bg- snippet is inserted, not when other long text is', async () => {
    const { guide } = await api();
    const inserted = waitForEvent(guide.snippets.onDidInsert, () => true, 20000, 'a snippet insertion');
    const other = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'javascript' }));
    await other.edit((edit) => edit.insert(new vscode.Position(0, 0), "const express = require('express');\nconst app = express();\n"));
    const target = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'javascript', content: '\t' }));
    // The CommonJS form of bg-helmet as the completion provider offers it, inserted the way accepting it does.
    const snippets = JSON.parse(fs.readFileSync(path.join(vscode.extensions.getExtension('backendguide.backend-guide')!.extensionPath, 'snippets', 'node', 'variants.json'), 'utf8'));
    const helmet = Object.values(snippets).find((s: any) => [s.prefix].flat().includes('bg-helmet')) as { forms: { commonjs: string[] } };
    assert.ok(helmet?.forms.commonjs, 'the CommonJS form of bg-helmet');
    await target.insertSnippet(new vscode.SnippetString(helmet.forms.commonjs.join('\n')), new vscode.Position(0, 1));
    const uri = await inserted;
    assert.strictEqual(uri.toString(), target.document.uri.toString(), 'the first insertion noticed is the snippet, not the other text');
    assert.strictEqual(guide.contextKeys.value(SNIPPET_INSERTED_KEY), true);
  });

  test('a step whose media holds code shows it whole beside the steps (screenshot)', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const isWalkthrough = () => /^(Walkthrough|Welcome)/.test(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '');
    const shown = waitForEvent(vscode.window.tabGroups.onDidChangeTabs, isWalkthrough, 20000, 'the walkthrough tab');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', { category: 'backendguide.backend-guide#secureRestApi', step: 'protectRoute' }, false);
    await shown;
    await screenshot('walkthrough-code-step');
  });
});
