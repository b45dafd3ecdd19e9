import type { Node } from '@vscode/tree-sitter-wasm';
import { memberTypeText } from './declared-types';
import type { Binding } from './scope';

/**
 * The declared type of a name destructured from an annotated parameter or variable:
 * `async remove({ id }: { id: number })` or `const { limit }: { limit: number } = options` give `number`.
 * Only the top level of the pattern, and only an object type written in place.
 */
export function destructuredTypeText(binding: Binding): string | undefined {
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
  return annotation ? memberTypeText(annotation.text.replace(/^:\s*/, ''), key.replace(/^['"]|['"]$/g, '')) : undefined;
}
