import path = require('path');
import { isAppKind, type AppGraph } from '../../project/app-graph';
import type { ArgFact, FileFacts } from '../../project/facts';
import type { RouteInstance } from '../../project/route-walker';
import { APP_PARAM_NAMES } from '../../project/frameworks';

/**
 * Whether a registration-shaped call is a server route: a path a server router accepts, a handler that is
 * a function, a receiver traced to an app or router, and a file that runs on the server. `api.put(url,
 * body)` in browser code, `Topics.delete(id, uid)` and `dumper.put('^insert ...')` are not routes.
 */

/** Modules that make a file browser code: its HTTP calls are requests sent, not routes served. */
const BROWSER_MODULES: ReadonlySet<string> = new Set([
  'react', 'react-dom', 'react-dom/client', 'vue', '@angular/core', 'svelte', 'jquery', 'preact', 'solid-js', '@remix-run/react', 'next/router', 'next/navigation',
]);

/** Folders whose files are served to the browser or vendored, not run by the server. */
const BROWSER_FOLDERS = /(?:^|\/)(?:public|static|assets|vendor|bower_components|client|frontend|www)\//i;

/** Paths a server router accepts: `/x`, `*`, `(.*)`, a regular expression's text, a template (`{base}/x`), or the empty path of `route()`. */
function isRoutePath(path: string | undefined): boolean {
  return path === undefined || path === '' || /^[/*(^{]/.test(path);
}

/** The handler is something callable: an inline function, a reference or a call; not a string, number or plain object. */
function isFunctionLike(arg: ArgFact | undefined): boolean {
  return arg !== undefined && (arg.kind === 'function' || arg.kind === 'call' || arg.kind === 'array' || arg.kind === 'ref');
}

export function isBrowserFile(facts: FileFacts | undefined, fileName: string): boolean {
  if (BROWSER_FOLDERS.test(fileName.split('\\').join('/'))) return true;
  return facts?.imports.some((i) => BROWSER_MODULES.has(i.source)) ?? false;
}

export function isServerRoute(graph: AppGraph, instance: RouteInstance): boolean {
  if (!isRoutePath(instance.event.path)) return false;
  if (!instance.handler || !isFunctionLike(instance.handler.arg)) return false;
  if (isBrowserFile(graph.set.files.get(instance.file), instance.file)) return false;
  if (!instance.detached || graph.object(instance.root)) return true;
  // A route on a function parameter no app is seen reaching: only a literal path and an inline handler
  // taking a request say that this is a server route rather than some other object's method.
  const handler = instance.handler.arg;
  if (instance.event.path === undefined) return false;
  if (isAppParameter(graph, instance.root)) return true;
  return handler.kind === 'function' && isRequestHandler(graph, instance.handler.file, handler.index);
}

/** `module.exports = function (app) { ... }`: a parameter named as apps and routers are. */
function isAppParameter(graph: AppGraph, holder: string): boolean {
  const match = /^(.*)#fn(\d+):(\d+)$/.exec(holder);
  if (!match) return false;
  const name = graph.set.files.get(match[1])?.functions[Number(match[2])]?.params[Number(match[3])];
  return name !== undefined && APP_PARAM_NAMES.has(name);
}

function isRequestHandler(graph: AppGraph, file: string, index: number): boolean {
  return graph.set.files.get(file)?.functions[index]?.bodyText !== undefined;
}

/**
 * A router that no file imports, in a project whose sibling routers are imported (and mounted) by another
 * file: it is never mounted, so no request reaches its routes (`// router.use('/files', filesRouter)`
 * commented out, its import removed). A router whose siblings are not imported either may be loaded by a
 * loader the index cannot follow, and stays judged.
 */
export function isUnmountedRouter(graph: AppGraph, instance: RouteInstance, mounted: MountedRouterFolders = mountedRouterFolders(graph)): boolean {
  if (!instance.detached) return false;
  const router = graph.object(instance.root);
  if (!router || isAppKind(router.fact.kind) || graph.importersOf(router.file).length) return false;
  const folder = path.dirname(router.file);
  return mounted.folders.has(folder) || mounted.parents.has(path.dirname(folder));
}

/** Where the project's imported router files are: their folders, and those folders' parents (siblings one level up). */
export interface MountedRouterFolders {
  folders: Set<string>;
  parents: Set<string>;
}

/** Gathered once per graph, so that telling unmounted routers apart takes time linear in the project. */
export function mountedRouterFolders(graph: AppGraph): MountedRouterFolders {
  const mounted: MountedRouterFolders = { folders: new Set(), parents: new Set() };
  for (const facts of graph.set.files.values()) {
    if (facts.isTest || !facts.objects.some((o) => !isAppKind(o.kind)) || !graph.importersOf(facts.fileName).length) continue;
    const folder = path.dirname(facts.fileName);
    mounted.folders.add(folder);
    mounted.parents.add(path.dirname(folder));
  }
  return mounted;
}
