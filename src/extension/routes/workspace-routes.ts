import path = require('path');
import vscode = require('vscode');
import { ignoreMatcher } from '../../engine/glob';
import type { RouteRow } from '../../engine/rules/auth/route-report';
import { engine } from '../engine-loader';
import type { Logger } from '../logger';
import { resolveConfig } from '../settings';
import type { WorkspaceIndex } from '../workspace-index';

/** The routes of one app, router or Nest controller: the top level of the Routes view. */
export interface RouteGroup {
  /** The app as the engine names it (`app (src/app.js)`), prefixed with the folder in a multi-root workspace. */
  label: string;
  folder: vscode.WorkspaceFolder;
  routes: RouteRow[];
}

/**
 * Every route of every workspace folder, from the facts the workspace index already keeps for the
 * diagnostics (no second index) and the folder's configuration; routes in ignored files are left out, as
 * the command line leaves those files out. Waits for the first indexing.
 */
export async function workspaceRoutes(index: WorkspaceIndex, logger: Logger): Promise<RouteGroup[]> {
  await index.ready;
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const groups = new Map<string, RouteGroup>();
  for (const folder of folders) {
    const facts = index.factsFor(folder.uri);
    if (!facts) continue;
    const { config } = await resolveConfig(folder.uri);
    let rows: RouteRow[];
    try {
      rows = engine().projectRoutes(facts, config);
    } catch (error) {
      logger.error(`${folder.name}: routes could not be listed`, error);
      continue;
    }
    const ignored = ignoreMatcher(config.ignore);
    for (const row of rows) {
      if (ignored(path.relative(folder.uri.fsPath, row.file))) continue;
      const label = folders.length > 1 ? `${folder.name}: ${row.app}` : row.app;
      const group = groups.get(label) ?? { label, folder, routes: [] };
      group.routes.push(row);
      groups.set(label, group);
    }
  }
  return [...groups.values()];
}
