import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../ast';
import type { NestCompositeDecoratorFact } from './facts';

/**
 * Project-made Nest auth, recognised by what the code does: guard classes whose `canActivate` refuses the
 * caller (throws an unauthorized or forbidden exception, answers 401/403), and composite decorators that
 * apply guards with `applyDecorators(UseGuards(...))`, used on routes in other files.
 */

const REFUSES = /\bnew\s+(?:Unauthorized|Forbidden)Exception\b|HttpStatus\s*\.\s*(?:UNAUTHORIZED|FORBIDDEN)\b|\b40[13]\b|\bverify(?:Async)?\s*\(/;

function nameOfClass(node: Node): string | undefined {
  return node.childForFieldName('name')?.text;
}

/** Names of classes with a `canActivate` method whose code refuses callers. */
export function refusingGuardClasses(root: Node, text: string): string[] {
  if (!text.includes('canActivate')) return [];
  const names: string[] = [];
  for (const declaration of root.descendantsOfType('class_declaration')) {
    if (!declaration) continue;
    const body = declaration.childForFieldName('body');
    const canActivate = body && namedChildren(body).find((m) => m.type === 'method_definition' && m.childForFieldName('name')?.text === 'canActivate');
    const name = nameOfClass(declaration);
    if (canActivate && name && REFUSES.test(declaration.text)) names.push(name);
  }
  return names;
}

function guardNamesIn(node: Node): string[] {
  const names: string[] = [];
  for (const call of node.descendantsOfType('call_expression')) {
    if (call?.childForFieldName('function')?.text !== 'UseGuards') continue;
    for (const arg of namedChildren(call.childForFieldName('arguments') ?? call)) {
      const head = arg.type === 'call_expression' || arg.type === 'new_expression' ? arg.childForFieldName(arg.type === 'new_expression' ? 'constructor' : 'function') : arg;
      if (head?.type === 'identifier') names.push(head.text);
    }
  }
  return names;
}

/** `export function Auth(...roles) { return applyDecorators(SetMetadata(...), UseGuards(JwtGuard, RolesGuard)); }`. */
export function compositeDecorators(root: Node, text: string): NestCompositeDecoratorFact[] {
  if (!text.includes('applyDecorators')) return [];
  const found: NestCompositeDecoratorFact[] = [];
  for (const fn of root.descendantsOfType(['function_declaration', 'variable_declarator'])) {
    if (!fn) continue;
    const name = fn.childForFieldName('name')?.text;
    if (!name || !fn.text.includes('applyDecorators')) continue;
    const guards = guardNamesIn(fn);
    if (guards.length) found.push({ name, guards });
  }
  return found;
}
