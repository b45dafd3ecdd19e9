import type { Node } from '@vscode/tree-sitter-wasm';
import { memberTypeText, typeCannotCarrySql } from './declared-types';
import type { Binding } from './scope';
import type { StringEvaluator } from './string-building';

/**
 * Declared TypeScript types of the parts of a value: a name destructured from an annotated object, and a
 * property read of a name declared with an object type.
 */

/**
 * The declared type of a name destructured from an annotated parameter or variable:
 * `async remove({ id }: { id: number })` or `const { limit }: { limit: number } = options` give `number`.
 * Only the top level of the pattern, and an object type written in place or named (`expand` reads a name).
 */
export function destructuredTypeText(binding: Binding, expand: (type: string) => string | undefined = (type) => type): string | undefined {
  if (binding.typeText !== undefined || (binding.kind !== 'param' && binding.kind !== 'pattern')) return undefined;
  const id = binding.id;
  let member: Node | null = id;
  let key: string | undefined;
  const holder = id.parent;
  if (id.type === 'shorthand_property_identifier_pattern') {
    key = id.text;
    if (holder?.type === 'object_assignment_pattern') member = holder;
  } else if (holder?.type === 'pair_pattern' && holder.childForFieldName('value')?.startIndex === id.startIndex) {
    key = holder.childForFieldName('key')?.text;
    member = holder;
  }
  const pattern = member?.parent;
  if (!key || pattern?.type !== 'object_pattern') return undefined;
  const annotated = pattern.parent;
  if (annotated?.type !== 'required_parameter' && annotated?.type !== 'optional_parameter' && annotated?.type !== 'variable_declarator') return undefined;
  const annotation = annotated.childForFieldName('type');
  const objectType = annotation ? expand(annotation.text.replace(/^:\s*/, '')) : undefined;
  return objectType ? memberTypeText(objectType, key.replace(/^['"]|['"]$/g, '')) : undefined;
}

/** `key.id` where `key` is declared `{ id: number; name: string }` (or a type of this file saying so): the property's type cannot carry SQL. */
export function isTypedSafeMember(ev: StringEvaluator, object: Node, property: string): boolean {
  if (object.type !== 'identifier') return false;
  const binding = ev.scopes.resolve(object)?.binding;
  const type = binding ? ev.declaredType(binding) : undefined;
  return !!type && typeCannotCarrySql(memberTypeText(type, property));
}
