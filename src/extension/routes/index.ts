import vscode = require('vscode');
import { COMMANDS } from '../commands/ids';
import type { Logger } from '../logger';
import type { WorkspaceIndex } from '../workspace-index';
import { routesSummary } from './route-items';
import { RoutesTreeProvider, type RouteNode } from './routes-tree';
import { workspaceRoutes, type RouteGroup } from './workspace-routes';

export const ROUTES_VIEW_ID = 'backendGuide.routesView';

/** The Routes view, for the extension-host tests. */
export interface RoutesViewApi {
  view: vscode.TreeView<RouteNode>;
  provider: RoutesTreeProvider;
}

export interface RoutesViewDeps {
  workspaceIndex: WorkspaceIndex;
  logger: Logger;
}

/** Registers the Routes view: every route of the workspace with its verdict, kept in step with the workspace index. */
export function registerRoutesView(context: vscode.ExtensionContext, { workspaceIndex, logger }: RoutesViewDeps): RoutesViewApi {
  const load = async (): Promise<RouteGroup[]> => {
    try {
      return await workspaceRoutes(workspaceIndex, logger);
    } catch (error) {
      logger.error('the Routes view could not list the routes', error);
      return [];
    }
  };
  const provider = new RoutesTreeProvider(load);
  const view = vscode.window.createTreeView(ROUTES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  view.message = vscode.l10n.t('Reading the workspace…');
  context.subscriptions.push(
    provider,
    view,
    provider.onDidLoad((groups) => { view.message = routesSummary(groups); }),
    workspaceIndex.onDidChange(() => provider.invalidate()),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('backendGuide')) provider.invalidate(); }),
    vscode.commands.registerCommand(COMMANDS.refreshRoutes, () => provider.invalidate()),
  );
  return { view, provider };
}
