import vscode = require('vscode');
import type { RouteRow } from '../../engine/rules/auth/route-report';
import { groupTreeItem, routeTreeItem } from './route-items';
import type { RouteGroup } from './workspace-routes';

export interface GroupNode {
  kind: 'group';
  group: RouteGroup;
  children: RouteLeaf[];
}

export interface RouteLeaf {
  kind: 'route';
  group: RouteGroup;
  row: RouteRow;
  parent: GroupNode;
}

/** Nodes are made once per load, so `getParent` returns the very node `getChildren` gave (`TreeView.reveal` needs that). */
export type RouteNode = GroupNode | RouteLeaf;

function nodesOf(groups: readonly RouteGroup[]): GroupNode[] {
  return groups.map((group) => {
    const node: GroupNode = { kind: 'group', group, children: [] };
    node.children = group.routes.map((row) => ({ kind: 'route', group, row, parent: node }));
    return node;
  });
}

/**
 * The Routes view's data: routes grouped by app, loaded when the view asks for them (so a hidden view
 * costs nothing) and loaded again after `invalidate()`.
 */
export class RoutesTreeProvider implements vscode.TreeDataProvider<RouteNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RouteNode | undefined>();
  private readonly loaded = new vscode.EventEmitter<readonly RouteGroup[]>();
  private listing: Promise<GroupNode[]> | undefined;
  readonly onDidChangeTreeData = this.changed.event;
  /** Fires with the groups each time a load finishes (the view's summary and the tests wait for it). */
  readonly onDidLoad = this.loaded.event;

  constructor(private readonly source: () => Promise<RouteGroup[]>) {}

  /** The routes changed (files, settings, the refresh button): the view asks again. */
  invalidate(): void {
    this.listing = undefined;
    this.changed.fire(undefined);
  }

  /** The top-level nodes, loading the routes if needed. */
  roots(): Promise<GroupNode[]> {
    if (!this.listing) {
      const listing = this.source().then(nodesOf);
      this.listing = listing;
      void listing.then((nodes) => { if (this.listing === listing) this.loaded.fire(nodes.map((n) => n.group)); }, () => undefined);
    }
    return this.listing;
  }

  async getChildren(node?: RouteNode): Promise<RouteNode[]> {
    if (!node) return this.roots();
    return node.kind === 'group' ? node.children : [];
  }

  getParent(node: RouteNode): RouteNode | undefined {
    return node.kind === 'route' ? node.parent : undefined;
  }

  getTreeItem(node: RouteNode): vscode.TreeItem {
    return node.kind === 'group' ? groupTreeItem(node.group) : routeTreeItem(node.row, node.group.folder);
  }

  dispose(): void {
    this.changed.dispose();
    this.loaded.dispose();
  }
}
