import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../ast';
import type { NestMiddlewareFact, NestRouteSpec } from './facts';
import { stringValue } from './file-scope';

/**
 * NestJS middleware bound to routes in a module's `configure(consumer)`:
 * `consumer.apply(AuthMiddleware).exclude(...).forRoutes({ path: 'articles', method: RequestMethod.POST }, UsersController)`.
 */

function nameOf(node: Node | undefined): string {
  if (!node) return '';
  if (node.type === 'identifier') return node.text;
  if (node.type === 'member_expression') return node.childForFieldName('property')?.text ?? '';
  if (node.type === 'call_expression') return nameOf(node.childForFieldName('function') ?? undefined);
  return '';
}

function routeSpec(node: Node): NestRouteSpec | undefined {
  const path = stringValue(node);
  if (path !== undefined) return { path };
  if (node.type === 'identifier') return { controller: node.text };
  if (node.type !== 'object') return undefined;
  const spec: NestRouteSpec = {};
  for (const pair of namedChildren(node)) {
    if (pair.type !== 'pair') continue;
    const key = pair.childForFieldName('key')?.text.replace(/['"]/g, '');
    const value = pair.childForFieldName('value');
    if (key === 'path') spec.path = stringValue(value) ?? undefined;
    if (key === 'method' && value) spec.method = nameOf(value).toLowerCase();
  }
  return spec.path !== undefined ? spec : undefined;
}

export function nestMiddlewareOf(root: Node, text: string): NestMiddlewareFact[] {
  const facts: NestMiddlewareFact[] = [];
  if (!text.includes('forRoutes')) return facts;
  for (const match of text.matchAll(/\.\s*forRoutes\s*\(/g)) {
    const at = (match.index ?? 0) + match[0].indexOf('forRoutes');
    const member = root.descendantForIndex(at)?.parent;
    const call = member?.parent;
    if (member?.type !== 'member_expression' || call?.type !== 'call_expression') continue;
    let receiver = member.childForFieldName('object');
    let middleware: string[] = [];
    while (receiver?.type === 'call_expression') {
      const fn = receiver.childForFieldName('function');
      if (fn?.type !== 'member_expression') break;
      if (fn.childForFieldName('property')?.text === 'apply') {
        middleware = namedChildren(receiver.childForFieldName('arguments') ?? receiver).map(nameOf).filter((n) => n);
        break;
      }
      receiver = fn.childForFieldName('object');
    }
    if (!middleware.length) continue;
    const routes = namedChildren(call.childForFieldName('arguments') ?? call).map(routeSpec).filter((r): r is NestRouteSpec => r !== undefined);
    if (routes.length) facts.push({ middleware, routes });
  }
  return facts;
}

/** True when a `forRoutes` entry covers a Nest route (`path` with `*` and `:params`, method or `all`, or the controller). */
export function specCovers(spec: NestRouteSpec, controller: string, method: string, fullPath: string): boolean {
  if (spec.controller !== undefined) return spec.controller === controller;
  if (spec.method && spec.method !== 'all' && spec.method !== method) return false;
  const want = (spec.path ?? '').split('/').filter(Boolean);
  const have = fullPath.split('/').filter(Boolean);
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '*' || want[i] === '(.*)') return true;
    if (want[i].endsWith('*')) return (have[i] ?? '').startsWith(want[i].slice(0, -1));
    if (have[i] === undefined) return false;
    if (want[i] !== have[i] && !want[i].startsWith(':') && !have[i].startsWith(':')) return false;
  }
  return want.length === have.length;
}
