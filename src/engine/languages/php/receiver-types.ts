import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import { enclosing, type LocalWrites } from '../local-writes';
import { PHP_SCOPES } from './text';

/**
 * The class a receiver is declared to hold, as written in the file (resolve it with `class-names.ts`): a
 * parameter's type (`TagSearchOption $option`, also inside a closure that captures it with `use`), a local set
 * only by `new X(...)`, a `/** @var X $x *\/` comment, or for `$this->x` a typed property or promoted
 * constructor parameter of the enclosing class. `undefined` when the code does not say.
 */

const MAX_HOPS = 8;

/** A declared type naming one class: `X`, `?X`, `\A\X` (a union, intersection or built-in type names none). */
function namedType(type: Node | null | undefined): string | undefined {
  if (!type) return undefined;
  const inner = type.type === 'optional_type' ? namedChildren(type)[0] : type;
  return inner?.type === 'named_type' ? inner.text : undefined;
}

function parameterOf(scope: Node, variable: string): Node | undefined {
  const parameters = scope.childForFieldName('parameters');
  return parameters ? namedChildren(parameters).find((p) => p.childForFieldName('name')?.text === variable) : undefined;
}

/** `$x` captured by the closure `scope` from the code around it: `use ($x)`, or any variable for an arrow function. */
function captures(scope: Node, variable: string): boolean {
  if (scope.type === 'arrow_function') return true;
  const clause = namedChildren(scope).find((c) => c.type === 'anonymous_function_use_clause');
  return !!clause && namedChildren(clause).some((v) => v.text === variable || v.text === `&${variable}`);
}

/** `/** @var X $x *\/` in the function, before the use. */
function docVarType(scope: Node, use: Node, variable: string): string | undefined {
  for (const comment of scope.descendantsOfType('comment')) {
    if (!comment || comment.startIndex > use.startIndex) break;
    const match = /@var\s+(\??\\?[A-Za-z_][\w\\]*)\s+(\$\w+)/.exec(comment.text);
    if (match && match[2] === variable) return match[1];
  }
  return undefined;
}

function variableType(use: Node, variable: string, locals: LocalWrites, hops: number): string | undefined {
  const writes = locals.reaching(variable.slice(1), use);
  if (writes.length > 0) {
    const created = writes.map((w) => (w.kind === 'set' && w.value?.type === 'object_creation_expression' ? namedChildren(w.value).find((c) => c.type === 'name' || c.type === 'qualified_name')?.text : undefined));
    return created.every((c) => c && c === created[0]) ? created[0] : undefined;
  }
  const scope = enclosing(use, PHP_SCOPES);
  if (!PHP_SCOPES.has(scope.type)) return undefined;
  const parameter = parameterOf(scope, variable);
  const documented = (parameter && namedType(parameter.childForFieldName('type'))) ?? docVarType(scope, use, variable);
  if (documented || parameter) return documented;
  return hops < MAX_HOPS && captures(scope, variable) ? variableType(scope, variable, locals, hops + 1) : undefined;
}

/** `$this->name`: the type of the property the enclosing class declares, or of the promoted constructor parameter. */
function propertyType(use: Node, name: string): string | undefined {
  let cls: Node | null = use.parent;
  while (cls && cls.type !== 'class_declaration' && cls.type !== 'trait_declaration') cls = cls.parent;
  const body = cls?.childForFieldName('body');
  for (const member of body ? namedChildren(body) : []) {
    if (member.type === 'property_declaration' && namedChildren(member).some((e) => e.type === 'property_element' && e.childForFieldName('name')?.text === `$${name}`)) {
      return namedType(member.childForFieldName('type'));
    }
    if (member.type === 'method_declaration' && member.childForFieldName('name')?.text === '__construct') {
      const promoted = parameterOf(member, `$${name}`);
      if (promoted?.type === 'property_promotion_parameter') return namedType(promoted.childForFieldName('type'));
    }
  }
  return undefined;
}

/** The class `receiver` is declared to hold, as written, or `undefined`. */
export function declaredClassOf(receiver: Node, locals: LocalWrites): string | undefined {
  if (receiver.type === 'variable_name' && receiver.text !== '$this') return variableType(receiver, receiver.text, locals, 0);
  if (receiver.type === 'member_access_expression' && receiver.childForFieldName('object')?.text === '$this') {
    const name = receiver.childForFieldName('name');
    return name?.type === 'name' ? propertyType(receiver, name.text) : undefined;
  }
  return undefined;
}
