import type { Node } from '@vscode/tree-sitter-wasm';
import { firstNamedChild, unwrap } from '../../ast';

/** Small readings of the syntax tree the SQL evaluator shares. */

/** Call arguments without comments. */
export function argumentList(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'arguments') return [];
  return args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

/** `db` for `this.db`, `knex` for `knex`, `''` for calls and other expressions. */
export function lastName(node: Node): string {
  const target = unwrap(node);
  if (target.type === 'identifier' || target.type === 'this') return target.text;
  if (target.type === 'member_expression') return target.childForFieldName('property')?.text ?? '';
  return '';
}

/** The identifier (or `this`) a member or call chain starts from: `pgp` for `pgp.as.format`, `process` for `process.env.X`. */
export function chainRoot(node: Node): Node | undefined {
  let target = unwrap(node);
  while (target.type === 'member_expression' || target.type === 'call_expression' || target.type === 'subscript_expression') {
    const next = target.childForFieldName(target.type === 'call_expression' ? 'function' : 'object');
    if (!next) return undefined;
    target = unwrap(next);
  }
  return target.type === 'identifier' || target.type === 'this' ? target : undefined;
}

/** The name a member or call chain starts from; `''` when it starts elsewhere. */
export function rootName(node: Node): string {
  const root = chainRoot(node);
  return root?.type === 'identifier' ? root.text : '';
}

/** The expression a callback returns: an arrow function's expression body, or its single `return`. */
export function returnedExpression(fn: Node): Node | undefined {
  const body = fn.childForFieldName('body');
  if (!body || body.type !== 'statement_block') return body ?? undefined;
  const statements = body.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  return statements.length === 1 && statements[0].type === 'return_statement' ? firstNamedChild(statements[0]) : undefined;
}

/**
 * What each `return` of a function gives (`undefined` for a bare `return;`), or the expression body of an
 * arrow function. Returns of functions nested inside count too: callers read them as the function's own.
 */
export function returnedExpressions(fn: Node): (Node | undefined)[] {
  const body = fn.childForFieldName('body');
  if (!body) return [];
  if (body.type !== 'statement_block') return [body];
  return body.descendantsOfType('return_statement').map((r) => (r ? firstNamedChild(r) ?? undefined : undefined));
}

/** A function's parameters, each the identifier or pattern it binds. */
export function parameterNodes(fn: Node): Node[] {
  const single = fn.childForFieldName('parameter');
  if (single) return [single];
  return (fn.childForFieldName('parameters')?.namedChildren ?? [])
    .filter((p): p is Node => p !== null && p.type !== 'comment')
    .map((p) => (p.type === 'required_parameter' || p.type === 'optional_parameter' ? p.childForFieldName('pattern') ?? p : p));
}

/** The value written for `key` in an object literal (`key: value`, or the shorthand `key`). */
export function propertyValue(literal: Node, key: string): Node | undefined {
  for (const member of literal.namedChildren) {
    if (member?.type === 'shorthand_property_identifier' && member.text === key) return member;
    if (member?.type === 'pair' && member.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '') === key) return member.childForFieldName('value') ?? undefined;
  }
  return undefined;
}
