import type { AppGraph } from '../../project/app-graph';
import type { ArgFact } from '../../project/facts';
import type { RouteInstance } from '../../project/route-walker';
import { escapeRegExp } from '../../text';
import { wordsOf } from './auth-names';
import type { RouteVerdict } from './route-verdicts';

/**
 * A Next.js route whose handler a library builds (`export default NextAuth(authOptions)`, `export const GET =
 * handle(honoApp)`, `createNextApiHandler({ router })`, `toNextJsHandler(auth)`) hands every request to that
 * library's own router: which sub-routes exist and what they check is not written in the route file. An auth
 * library's handler is the sign-in flow, public by nature; any other is judged by its own routes, not here.
 * So is a handler that hands the request to a router package (`fetchRequestHandler({ req, router })`).
 */

/** An npm package name, not an import alias left unresolved (`@/lib/x`, `~/x`, `#x`). */
const PACKAGE_NAME = /^(?:@[a-z0-9~-][\w.~-]*\/)?[a-z0-9~-][\w.~-]*(?:\/[\w.~-]+)*$/i;
const AUTH_LIBRARY_WORDS: ReadonlySet<string> = new Set(['auth', 'nextauth', 'clerk', 'supertokens', 'kinde', 'lucia', 'authkit', 'passport', 'oidc', 'oauth']);

function packageBehind(graph: AppGraph, file: string, arg: ArgFact): string | undefined {
  const value = arg.kind === 'ref' ? graph.resolver.resolve(file, arg.ref) : arg.kind === 'call' ? graph.resolver.resolve(file, arg.callee) : undefined;
  return value?.kind === 'package' && PACKAGE_NAME.test(value.name) ? value.name : undefined;
}

/** Packages whose request handlers are routers of their own: tRPC, GraphQL servers, Hono, next-connect. */
const ROUTER_PACKAGES = /^(?:@trpc\/server|hono|graphql-yoga|@apollo\/server|@as-integrations\/next|next-connect|elysia|itty-router|@ts-rest\/[\w-]+)(?:\/|$)/;

/** The router package a handler hands the request to (`fetchRequestHandler({ req, router })`), if it does. */
function routerCalled(graph: AppGraph, file: string, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  for (const imported of graph.set.files.get(file)?.imports ?? []) {
    if (!ROUTER_PACKAGES.test(imported.source)) continue;
    for (const local of bindingsOf(imported.text)) {
      if (new RegExp(String.raw`\b${escapeRegExp(local)}\s*\(\s*\{?[^)]{0,300}?\b(?:req|request)\b`).test(code)) return imported.source;
    }
  }
  return undefined;
}

/** The names an import statement binds: `import a, { b, c as d } from 'x'`, `import * as ns`, `const { e } = require('x')`. */
export function bindingsOf(statement: string): string[] {
  const names: string[] = [];
  const first = /^\s*(?:import\s+(?:type\s+)?|(?:const|let|var)\s+)([\w$]+)/.exec(statement);
  if (first && first[1] !== 'type') names.push(first[1]);
  const namespace = /\*\s+as\s+([\w$]+)/.exec(statement);
  if (namespace) names.push(namespace[1]);
  const braces = /\{([^}]*)\}/.exec(statement);
  for (const part of braces ? braces[1].split(',') : []) {
    const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+|\s*:\s*/).pop();
    if (name && /^[\w$]+$/.test(name)) names.push(name);
  }
  return names;
}

/** The verdict of a Next.js route whose handler a library builds, or `undefined` for a handler the project writes. */
export function delegatedVerdict(graph: AppGraph, instance: RouteInstance): RouteVerdict | undefined {
  if (instance.framework !== 'next' || !instance.handler) return undefined;
  const { file, arg } = instance.handler;
  const fn = graph.resolver.functionOf(file, arg);
  const wrappers = instance.applied.filter((use) => use.level === 'route').map((use) => use.arg).reverse();
  const library = fn ? routerCalled(graph, fn.file, fn.fact.bodyText) : [arg, ...wrappers].map((a) => packageBehind(graph, file, a)).find((name) => name !== undefined);
  if (!library) return undefined;
  if (wordsOf(library).some((w) => AUTH_LIBRARY_WORDS.has(w))) {
    const reason = `the sign-in flow ${library} serves`;
    return { instance, need: { kind: 'public', reason, signIn: true }, kind: 'public', detail: reason };
  }
  const reason = `hands every request to ${library}, whose own routes and checks are not read here`;
  return { instance, need: { kind: 'none', reason }, kind: 'no-check-needed', detail: reason };
}
