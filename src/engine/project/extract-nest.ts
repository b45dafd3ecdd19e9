import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../ast';
import type { DecoratorFact, NestControllerFact, NestRouteFact } from './facts';
import { stringValue } from './file-scope';
import { publicMarkerReader } from './public-marker';
import { indentOfLineAt, lineStartAt } from '../text';

/** NestJS route decorators from `@nestjs/common`, by the lower-case HTTP method they register. */
export const NEST_ROUTE_DECORATORS: Readonly<Record<string, string>> = {
  Get: 'get', Post: 'post', Put: 'put', Patch: 'patch', Delete: 'delete', All: 'all', Head: 'head', Options: 'options',
};

const MAX_BODY_TEXT = 12000;

function calleeName(node: Node | null | undefined): string {
  if (!node) return '';
  if (node.type === 'call_expression') return calleeName(node.childForFieldName('function'));
  if (node.type === 'new_expression') return calleeName(node.childForFieldName('constructor'));
  if (node.type === 'member_expression') return node.childForFieldName('property')?.text ?? '';
  return node.type === 'identifier' ? node.text : '';
}

function decoratorFact(decorator: Node): DecoratorFact {
  const expression = namedChildren(decorator)[0];
  const name = calleeName(expression);
  const args = expression?.type === 'call_expression' ? namedChildren(expression.childForFieldName('arguments') ?? expression) : [];
  const argNames = args.map(calleeName).filter((n) => n);
  let path = stringValue(args[0]);
  if (path === undefined && args[0]?.type === 'object') {
    const pair = namedChildren(args[0]).find((p) => p.type === 'pair' && p.childForFieldName('key')?.text.replace(/['"]/g, '') === 'path');
    path = stringValue(pair?.childForFieldName('value'));
  }
  return { name, argNames, path, span: { start: decorator.startIndex, end: decorator.endIndex } };
}

function classDecorators(declaration: Node): Node[] {
  const own = namedChildren(declaration).filter((c) => c.type === 'decorator');
  const parent = declaration.parent;
  const outer = parent?.type === 'export_statement' ? namedChildren(parent).filter((c) => c.type === 'decorator') : [];
  return [...outer, ...own];
}

function controllerRoutes(body: Node, text: string, publicReasonAt: (offset: number) => string | undefined, lineAt: (offset: number) => number): NestRouteFact[] {
  const routes: NestRouteFact[] = [];
  let pending: Node[] = [];
  for (const member of namedChildren(body)) {
    if (member.type === 'decorator') { pending.push(member); continue; }
    if (member.type === 'method_definition') {
      const inner = namedChildren(member).filter((c) => c.type === 'decorator');
      const decorators = [...pending, ...inner];
      const facts = decorators.map(decoratorFact);
      const routeIndex = facts.findIndex((d) => NEST_ROUTE_DECORATORS[d.name] !== undefined);
      if (routeIndex >= 0) {
        const first = decorators[0];
        const lineStart = lineStartAt(text, first.startIndex);
        const body = member.childForFieldName('body');
        const route: NestRouteFact = {
          method: NEST_ROUTE_DECORATORS[facts[routeIndex].name],
          path: facts[routeIndex].path ?? '',
          methodName: member.childForFieldName('name')?.text ?? '',
          decorators: facts,
          reportSpan: facts[routeIndex].span,
          line: lineAt(decorators[routeIndex].startIndex),
          lineStart,
          indent: indentOfLineAt(text, first.startIndex),
        };
        if (body) route.bodyText = text.slice(member.startIndex, Math.min(member.endIndex, member.startIndex + MAX_BODY_TEXT));
        const reason = publicReasonAt(first.startIndex);
        if (reason !== undefined) route.publicReason = reason;
        routes.push(route);
      }
    }
    if (member.type !== 'comment') pending = [];
  }
  return routes;
}

/** Guard names applied to every route: `app.useGlobalGuards(new X())` and `{ provide: APP_GUARD, useClass: X }`. */
function globalGuardsOf(root: Node, text: string): string[] {
  const guards: string[] = [];
  for (const match of text.matchAll(/\.\s*useGlobalGuards\s*\(/g)) {
    const at = (match.index ?? 0) + match[0].indexOf('useGlobalGuards');
    const call = root.descendantForIndex(at)?.parent?.parent;
    if (call?.type !== 'call_expression') continue;
    guards.push(...namedChildren(call.childForFieldName('arguments') ?? call).map(calleeName).filter((n) => n));
  }
  for (const match of text.matchAll(/provide\s*:\s*APP_GUARD\s*,[^}]*?use(?:Class|Existing)\s*:\s*([\w$]+)|use(?:Class|Existing)\s*:\s*([\w$]+)\s*,[^}]*?provide\s*:\s*APP_GUARD/g)) {
    guards.push(match[1] ?? match[2]);
  }
  return guards;
}

export interface NestFacts {
  controllers: NestControllerFact[];
  globalGuards: string[];
}

/**
 * Controllers with their route methods and decorators, and the guards applied globally. `lineAt` gives the
 * 1-based line of an offset as the rest of the engine counts lines (a lone `\r` ends one too; tree-sitter
 * rows count only `\n`).
 */
export function extractNestFacts(root: Node, text: string, lineAt: (offset: number) => number): NestFacts {
  const controllers: NestControllerFact[] = [];
  const publicReasonAt = publicMarkerReader(text);
  if (text.includes('@Controller')) {
    for (const declaration of root.descendantsOfType('class_declaration')) {
      if (!declaration) continue;
      const decorators = classDecorators(declaration).map(decoratorFact);
      const controller = decorators.find((d) => d.name === 'Controller');
      const body = declaration.childForFieldName('body');
      if (!controller || !body) continue;
      controllers.push({
        name: declaration.childForFieldName('name')?.text ?? '',
        path: controller.path ?? '',
        decorators,
        routes: controllerRoutes(body, text, publicReasonAt, lineAt),
        span: { start: declaration.startIndex, end: declaration.endIndex },
      });
    }
  }
  return { controllers, globalGuards: globalGuardsOf(root, text) };
}
