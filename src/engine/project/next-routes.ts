import path = require('path');
import type { EventFact, FileFacts, NextFileKind, NextHandlerFact, NextMiddlewareFact, PackageFacts } from './facts';
import type { MiddlewareUse, RouteInstance } from './route-walker';

/**
 * Next.js routes as the route model sees them: one instance per exported handler, its path taken from
 * where the file sits below `app/` or `pages/`, with the project's root middleware in front when its
 * matcher covers that path and the handler's wrapper calls as route-level middleware. The Next project
 * (the folder holding `app/` or `pages/`, possibly under `src/`) is the app that consistency is judged in.
 */

const ROOT_PREFIX = 'next:';

/** The nearest package.json above a file, when the caller knows the project's packages. */
export type PackageLookup = (fileName: string) => PackageFacts | undefined;

/** True for the root key of a Next.js project (`RouteInstance.root`). */
export function isNextRoot(root: string): boolean {
  return root.startsWith(ROOT_PREFIX);
}

/** The folder of a Next.js project, from its root key. */
export function nextRootDir(root: string): string {
  return root.slice(ROOT_PREFIX.length);
}

/** The router folder's part of a path below the project folder: `app/...`, `src/app/...`, `pages/api/...`. */
function belowRouter(kind: NextFileKind, rel: readonly string[]): string[] | undefined {
  const rest = rel[0] === 'src' ? rel.slice(1) : rel;
  if (kind === 'middleware') return rest.length === 1 ? [...rest] : undefined;
  if (kind === 'app-route') return rest[0] === 'app' ? rest.slice(1) : undefined;
  return rest[0] === 'pages' && rest[1] === 'api' ? rest.slice(1) : undefined;
}

/**
 * The Next project a file belongs to and its path below the router folder. With package facts, the nearest
 * package.json decides (it must depend on `next`); without, the last `app` (or `pages/api`) folder of the path.
 */
export function nextPlacement(fileName: string, kind: NextFileKind, pkg: PackageFacts | undefined): { dir: string; rest: string[] } | undefined {
  if (pkg?.readable) {
    if (!pkg.dependencies.has('next')) return undefined;
    const rest = belowRouter(kind, path.relative(pkg.dir, fileName).split(path.sep));
    return rest ? { dir: pkg.dir, rest } : undefined;
  }
  const segments = fileName.split(/[\\/]/);
  const marker = kind === 'pages-api' ? 'pages' : 'app';
  for (let i = segments.length - 2; i >= 0; i--) {
    if (segments[i] !== marker || (kind === 'pages-api' && segments[i + 1] !== 'api')) continue;
    const dirEnd = segments[i - 1] === 'src' ? i - 1 : i;
    return { dir: segments.slice(0, dirEnd).join('/') || '/', rest: segments.slice(i + 1) };
  }
  if (kind === 'middleware') {
    const dirEnd = segments[segments.length - 2] === 'src' ? segments.length - 2 : segments.length - 1;
    return { dir: segments.slice(0, dirEnd).join('/') || '/', rest: segments.slice(-1) };
  }
  return undefined;
}

/**
 * The route path of a file below `app/` (its folders) or `pages/` (its folders and name): route groups
 * `(group)` and slots `@slot` dropped, `[id]` as `:id`, `[...slug]` and `[[...slug]]` as `*`. Folders
 * starting with `_` are private to the App Router: no route.
 */
export function nextRoutePath(kind: NextFileKind, rest: readonly string[]): string | undefined {
  const parts = kind === 'app-route' ? rest.slice(0, -1) : [...rest.slice(0, -1), rest[rest.length - 1].replace(/\.[^.]+$/, '')];
  if (kind === 'pages-api' && parts[parts.length - 1] === 'index') parts.pop();
  const out: string[] = [];
  for (const part of parts) {
    if (/^\(.*\)$/.test(part) || part.startsWith('@')) continue;
    if (kind === 'app-route' && part.startsWith('_')) return undefined;
    if (/^\[\[?\.\.\.[^\]]+\]\]?$/.test(part)) out.push('*');
    else {
      const param = /^\[([^\]]+)\]$/.exec(part);
      out.push(param ? `:${param[1]}` : part);
    }
  }
  return `/${out.join('/')}`;
}

/** Balanced `( ... )` starting at `at`, as written, or `undefined`. */
function groupAt(pattern: string, at: number): string | undefined {
  let depth = 0;
  for (let i = at; i < pattern.length; i++) {
    if (pattern[i] === '\\') { i++; continue; }
    if (pattern[i] === '(') depth++;
    else if (pattern[i] === ')' && --depth === 0) return pattern.slice(at, i + 1);
  }
  return undefined;
}

/** A `config.matcher` entry (path-to-regexp: `/a/:id`, `/a/:path*`, `/((?!api|_next).*)`) as a regular expression. */
export function matcherRegExp(pattern: string): RegExp | undefined {
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const param = /^:([\w$]+)/.exec(pattern.slice(i, i + 64));
    if (param) {
      i += param[0].length;
      const custom = pattern[i] === '(' ? groupAt(pattern, i) : undefined;
      if (custom) i += custom.length;
      const modifier = '*+?'.includes(pattern[i] ?? 'x') ? pattern[i++] : '';
      const one = custom ? `(?:${custom.slice(1, -1)})` : '[^/]+';
      const slash = out.endsWith('/') && modifier !== '' && modifier !== '+';
      if (slash) out = out.slice(0, -1);
      out += modifier === '*' ? (slash ? `(?:/${one})*` : `(?:${one}(?:/${one})*)?`) : modifier === '?' ? (slash ? `(?:/${one})?` : `(?:${one})?`) : modifier === '+' ? `${one}(?:/${one})*` : one;
    } else if (pattern[i] === '(') {
      const group = groupAt(pattern, i) ?? pattern.slice(i);
      out += group;
      i += group.length;
    } else if (pattern[i] === '*') {
      out += '.*';
      i++;
    } else {
      out += pattern[i].replace(/[.+?^${}|[\]\\]/g, '\\$&');
      i++;
    }
  }
  try {
    return new RegExp(`^${out}/?$`);
  } catch {
    return undefined;
  }
}

/** True when middleware with this matcher runs for requests to `routePath` (a matcher that cannot be read is taken to). */
export function matcherCovers(middleware: NextMiddlewareFact, routePath: string): boolean {
  if (!middleware.matcher || middleware.matcherUnknown) return true;
  const sample = routePath.split('/').map((s) => (s.startsWith(':') || s === '*' ? 'x1' : s)).join('/') || '/';
  return middleware.matcher.some((pattern) => matcherRegExp(pattern)?.test(sample) ?? true);
}

function eventOf(handler: NextHandlerFact, fullPath: string, name: string): EventFact {
  const event: EventFact = {
    method: handler.methods[0] ?? 'all', calleeName: `export ${name}`, path: fullPath, args: [...handler.wrappers, handler.handler],
    span: handler.reportSpan, reportSpan: handler.reportSpan, reportAt: handler.reportAt,
  };
  if (handler.publicReason !== undefined) event.publicReason = handler.publicReason;
  return event;
}

/** Every Next.js route of the project, with its middleware (root middleware, then wrappers) and handler. */
export function nextRouteInstances(files: Iterable<FileFacts>, packageFor: PackageLookup | undefined): RouteInstance[] {
  const middleware = new Map<string, { file: string; fact: NextMiddlewareFact; event: EventFact }>();
  const routeFiles: { facts: FileFacts; dir: string; fullPath: string }[] = [];
  for (const facts of files) {
    const next = facts.next;
    if (!next || facts.isTest) continue;
    const placement = nextPlacement(facts.fileName, next.kind, packageFor?.(facts.fileName));
    if (!placement) continue;
    if (next.kind === 'middleware' && next.middleware) {
      const span = next.middleware.handler.span;
      middleware.set(placement.dir, { file: facts.fileName, fact: next.middleware, event: { method: 'use', calleeName: 'middleware', args: [next.middleware.handler], span, reportSpan: span, reportAt: [0, 0, 0, 0] } });
      continue;
    }
    const fullPath = nextRoutePath(next.kind, placement.rest);
    if (fullPath !== undefined) routeFiles.push({ facts, dir: placement.dir, fullPath });
  }
  const out: RouteInstance[] = [];
  for (const { facts, dir, fullPath } of routeFiles) {
    const front = middleware.get(dir);
    for (const handler of facts.next!.handlers) {
      const event = eventOf(handler, fullPath, facts.next!.kind === 'app-route' ? handler.methods[0].toUpperCase() : 'default');
      const applied: MiddlewareUse[] = [];
      if (front && matcherCovers(front.fact, fullPath)) applied.push({ file: front.file, arg: front.fact.handler, event: front.event, level: 'app', scope: '/' });
      for (const wrapper of handler.wrappers) applied.push({ file: facts.fileName, arg: wrapper, event, level: 'route', scope: fullPath });
      out.push({
        file: facts.fileName, event, framework: 'next', methods: handler.methods, fullPath, applied, later: [],
        handler: { file: facts.fileName, arg: handler.handler, code: handler.code }, detached: false, root: `${ROOT_PREFIX}${dir}`,
      });
    }
  }
  return out;
}
