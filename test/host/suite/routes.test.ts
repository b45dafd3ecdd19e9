import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RouteRow } from '../../../src/engine/rules/auth/route-report';
import type { RouteLeaf, RoutesTreeProvider } from '../../../src/extension/routes/routes-tree';
import { activatedApi as api, workspaceFile } from './extension-api';
import { screenshot } from './screenshot';
import { valueWhen } from './wait';

// The runner copies the repository's sample/ into the workspace; these are its rows in `backend-guide routes sample`.
const SAMPLE_APP = 'app (sample/src/app.js)';
const ORDERS_FILE = 'sample/src/routes/orders.js';

/** The view's route nodes once `accept` holds for them: now, or after the view's data next changes. */
function routesWhen(provider: RoutesTreeProvider, accept: (leaves: RouteLeaf[]) => boolean, what: string): Promise<RouteLeaf[]> {
  // The same call the view makes when it is told the data changed.
  return valueWhen(provider.onDidChangeTreeData, () => provider.roots().then((groups) => groups.flatMap((group) => group.children)), accept, what);
}

const routeNamed = (leaves: RouteLeaf[], label: string) => leaves.find((l) => `${l.row.method} ${l.row.path}` === label);

function shown(provider: RoutesTreeProvider, leaf: RouteLeaf | undefined): vscode.TreeItem & { icon: string; tooltipText: string } {
  assert.ok(leaf, 'the route is in the view');
  const item = provider.getTreeItem(leaf);
  const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : String(item.iconPath);
  const tooltipText = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip);
  return Object.assign(item, { icon, tooltipText });
}

suite('Backend Guide: Routes view', () => {
  suiteSetup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  test("shows the sample's routes under their app, each with its verdict, icon and middleware", async () => {
    const { routes } = await api();
    await vscode.commands.executeCommand('backendGuide.routesView.focus');
    const leaves = await routesWhen(routes.provider, (ls) => routeNamed(ls, 'DELETE /orders/:id') !== undefined, 'the sample routes in the Routes view');

    const [group] = (await routes.provider.getChildren()).filter((n) => n.kind === 'group' && n.group.label === SAMPLE_APP);
    assert.ok(group, `a group ${SAMPLE_APP} among ${JSON.stringify((await routes.provider.roots()).map((g) => g.group.label))}`);
    const groupItem = routes.provider.getTreeItem(group);
    assert.strictEqual(groupItem.label, SAMPLE_APP);
    assert.strictEqual(groupItem.description, '5 routes, 1 unprotected');
    const labels = (await routes.provider.getChildren(group)).map((n) => routes.provider.getTreeItem(n).label);
    assert.deepStrictEqual(labels, ['GET /products', 'GET /products/search', 'GET /orders', 'POST /orders', 'DELETE /orders/:id']);

    const remove = shown(routes.provider, routeNamed(leaves, 'DELETE /orders/:id'));
    assert.strictEqual(remove.description, 'UNPROTECTED');
    assert.strictEqual(remove.icon, 'warning');
    assert.strictEqual(remove.contextValue, 'route.unprotected');
    assert.match(remove.tooltipText, /no check runs before the handler/);
    assert.ok(remove.tooltipText.includes("1. ` express.json({ limit: '100kb' }) `"), remove.tooltipText);
    assert.doesNotMatch(remove.tooltipText, /requireAuth/);

    const create = shown(routes.provider, routeNamed(leaves, 'POST /orders'));
    assert.strictEqual(create.description, 'protected by requireAuth (route level)');
    assert.strictEqual(create.icon, 'shield');
    assert.strictEqual(create.contextValue, 'route.protected');
    // The middleware in the order it runs: the body parser from app.js, then the route's own check.
    assert.ok(create.tooltipText.indexOf('express.json') < create.tooltipText.indexOf('2. ` requireAuth `'), create.tooltipText);

    const list = shown(routes.provider, routeNamed(leaves, 'GET /products'));
    assert.strictEqual(list.description, 'needs no check: a read of nothing marked sensitive');
    assert.strictEqual(list.contextValue, 'route.noCheckNeeded');

    assert.strictEqual(routes.view.message, '5 routes: 2 protected, 0 public, 2 needing no check, 1 unprotected');
  });

  test('clicking a route opens its file at the line that registers it', async () => {
    const { routes } = await api();
    const leaves = await routesWhen(routes.provider, (ls) => routeNamed(ls, 'DELETE /orders/:id') !== undefined, 'the sample routes');
    const leaf = routeNamed(leaves, 'DELETE /orders/:id')!;
    const { command } = routes.provider.getTreeItem(leaf);
    assert.ok(command, 'a route item has a command that runs on click');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.strictEqual(editor.document.uri.fsPath, workspaceFile(ORDERS_FILE).fsPath);
    const line = editor.selection.active.line;
    assert.match(editor.document.lineAt(line).text, /^router\.delete\('\/:id'/);

    // The picture for the README: the Guide view folded away and the side bar wide enough for the verdicts.
    await vscode.commands.executeCommand('backendGuide.guideView.toggleVisibility');
    try {
      // Resizing acts on the focused part: narrowing the editor widens the side bar.
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      for (let i = 0; i < 4; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
      // Not selected: a selected row paints its icon in the selection colour, and the warning should show orange.
      await routes.view.reveal(leaf, { select: false, focus: false, expand: true });
      await screenshot('routes-view');
    } finally {
      await vscode.commands.executeCommand('backendGuide.guideView.toggleVisibility');
    }
  });

  test('follows the files: protecting DELETE /orders/:id on disk turns it protected', async () => {
    const { routes } = await api();
    const uri = workspaceFile(ORDERS_FILE);
    const original = await vscode.workspace.fs.readFile(uri);
    const text = new TextDecoder().decode(original);
    assert.ok(text.includes("router.delete('/:id', async"), 'the sample registers DELETE /:id without a check');
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text.replace("router.delete('/:id', async", "router.delete('/:id', requireAuth, async")));
      const leaves = await routesWhen(routes.provider, (ls) => routeNamed(ls, 'DELETE /orders/:id')?.row.verdict === 'protected', 'DELETE /orders/:id to turn protected');
      assert.strictEqual(shown(routes.provider, routeNamed(leaves, 'DELETE /orders/:id')).description, 'protected by requireAuth (route level)');
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
    }
    await routesWhen(routes.provider, (ls) => routeNamed(ls, 'DELETE /orders/:id')?.row.verdict === 'unprotected', 'DELETE /orders/:id to be unprotected again');
  });

  test('the refresh button reads .backendguide.yaml again: a route listed in auth.publicRoutes shows as public', async () => {
    const { routes } = await api();
    const config = workspaceFile('.backendguide.yaml');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode("auth:\n  publicRoutes: ['DELETE /orders/:id']\n"));
    try {
      const refreshed = routesWhen(routes.provider, (ls) => routeNamed(ls, 'DELETE /orders/:id')?.row.verdict === 'public', 'DELETE /orders/:id to show as public');
      await vscode.commands.executeCommand('backendGuide.refreshRoutes');
      const leaves = await refreshed;
      const remove: RouteRow = routeNamed(leaves, 'DELETE /orders/:id')!.row;
      assert.strictEqual(shown(routes.provider, routeNamed(leaves, 'DELETE /orders/:id')).description, `public: ${remove.detail}`);
      assert.match(remove.detail, /publicRoutes/);
    } finally {
      await vscode.workspace.fs.delete(config);
      await vscode.commands.executeCommand('backendGuide.refreshRoutes');
    }
    await routesWhen(routes.provider, (ls) => routeNamed(ls, 'DELETE /orders/:id')?.row.verdict === 'unprotected', 'DELETE /orders/:id to be unprotected again');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
