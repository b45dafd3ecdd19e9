import path = require('path');
import vscode = require('vscode');
import type { RouteRow } from '../../engine/rules/auth/route-report';
import type { RouteGroup } from './workspace-routes';

type Verdict = RouteRow['verdict'];

const VERDICT_ICONS: Record<Verdict, vscode.ThemeIcon> = {
  protected: new vscode.ThemeIcon('shield', new vscode.ThemeColor('testing.iconPassed')),
  public: new vscode.ThemeIcon('globe'),
  'no-check-needed': new vscode.ThemeIcon('eye'),
  unprotected: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  'no-auth-app': new vscode.ThemeIcon('unlock'),
};

/** `viewItem` values, one per verdict, so menus can target (for example) only unprotected routes. */
export const ROUTE_CONTEXT_VALUES: Record<Verdict, string> = {
  protected: 'route.protected',
  public: 'route.public',
  'no-check-needed': 'route.noCheckNeeded',
  unprotected: 'route.unprotected',
  'no-auth-app': 'route.noAuthApp',
};

/** What the view says beside a route: the verdict and, where it is short, why. */
export function verdictDescription(row: RouteRow): string {
  switch (row.verdict) {
    case 'protected': return vscode.l10n.t('protected by {0}', row.detail);
    case 'public': return vscode.l10n.t('public: {0}', row.detail);
    case 'no-check-needed': return vscode.l10n.t('needs no check: {0}', row.detail);
    case 'unprotected': return vscode.l10n.t('UNPROTECTED');
    case 'no-auth-app': return vscode.l10n.t('public: app has no authentication');
  }
}

/** Markdown inline code that survives backticks in the code (template literals in middleware arguments). */
function inlineCode(code: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence} ${code} ${fence}`;
}

/** Plain text as Markdown (what `appendText` does, without turning every space into `&nbsp;`). */
function plain(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}

function routeTooltip(row: RouteRow, folder: vscode.WorkspaceFolder): vscode.MarkdownString {
  const where = `${path.relative(folder.uri.fsPath, row.file).split(path.sep).join('/')}:${row.line}`;
  const middleware = row.middleware.length
    ? [vscode.l10n.t('Runs before the handler, in order:'), '', ...row.middleware.map((m, i) => `${i + 1}. ${inlineCode(m)}`)]
    : [plain(vscode.l10n.t('No middleware runs before the handler.'))];
  return new vscode.MarkdownString([
    `**${inlineCode(`${row.method} ${row.path}`)}** — ${plain(verdictDescription(row))}`,
    '',
    plain(row.detail),
    '',
    ...middleware,
    '',
    plain(`${where} · ${row.framework}`),
  ].join('\n'));
}

export function routeTreeItem(row: RouteRow, folder: vscode.WorkspaceFolder): vscode.TreeItem {
  const item = new vscode.TreeItem(`${row.method} ${row.path}`, vscode.TreeItemCollapsibleState.None);
  item.description = verdictDescription(row);
  item.iconPath = VERDICT_ICONS[row.verdict];
  item.tooltip = routeTooltip(row, folder);
  item.contextValue = ROUTE_CONTEXT_VALUES[row.verdict];
  const line = Math.max(0, row.line - 1);
  const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(line, 0, line, 0) };
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Route'), arguments: [vscode.Uri.file(row.file), options] };
  return item;
}

function countOf(rows: readonly RouteRow[], ...verdicts: Verdict[]): number {
  return rows.filter((r) => verdicts.includes(r.verdict)).length;
}

export function groupTreeItem(group: RouteGroup): vscode.TreeItem {
  const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
  const open = countOf(group.routes, 'unprotected');
  item.description = open
    ? vscode.l10n.t('{0} routes, {1} unprotected', group.routes.length, open)
    : vscode.l10n.t('{0} routes', group.routes.length);
  item.iconPath = new vscode.ThemeIcon('server');
  item.contextValue = 'routeGroup';
  return item;
}

/** The line above the tree: how many routes and how they stand. */
export function routesSummary(groups: readonly RouteGroup[]): string {
  const rows = groups.flatMap((g) => g.routes);
  if (!rows.length) return vscode.l10n.t('No Express, Koa, Fastify or NestJS routes found in this workspace.');
  return vscode.l10n.t('{0} routes: {1} protected, {2} public, {3} needing no check, {4} unprotected', rows.length,
    countOf(rows, 'protected'), countOf(rows, 'public', 'no-auth-app'), countOf(rows, 'no-check-needed'), countOf(rows, 'unprotected'));
}
