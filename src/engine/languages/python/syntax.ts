import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';

/** Generic readers of the Python tree-sitter grammar. */

/** The value of a plain string literal (no f-string parts), quotes and prefixes left out. */
export function pythonStringValue(node: Node): string | undefined {
  if (node.type === 'concatenated_string') {
    const parts = namedChildren(node).map(pythonStringValue);
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  let value = '';
  for (const child of namedChildren(node)) {
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content' || child.type === 'escape_sequence') value += child.text;
  }
  return value;
}

/** `a.b.c` for identifiers and attribute chains, `undefined` for anything else. */
export function dottedName(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const attribute = node.childForFieldName('attribute');
    const base = object && dottedName(object);
    return base && attribute ? `${base}.${attribute.text}` : undefined;
  }
  return undefined;
}

/** The statements of a block, decorated definitions unwrapped to their definition. */
export function blockStatements(block: Node): Node[] {
  return namedChildren(block).filter((n) => n.type !== 'comment');
}
