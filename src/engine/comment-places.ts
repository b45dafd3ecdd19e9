import type { Node } from '@vscode/tree-sitter-wasm';

/**
 * Whether a line comment inserted at `offset` (a line start) would be a comment: not inside a string, a
 * template literal, a regular expression, another comment or JSX text, where `// ...` is part of the text
 * and would change what the code does. Suppression and mark-public comments are inserted only where it is.
 */

/** Nodes whose inside is text, not code. */
const TEXT_TYPES: ReadonlySet<string> = new Set(['string', 'string_fragment', 'template_string', 'regex', 'regex_pattern', 'comment', 'jsx_text', 'escape_sequence']);
/** JSX, where children are text unless inside `{...}`, and tags are no place for a comment either. */
const JSX_TYPES: ReadonlySet<string> = new Set(['jsx_element', 'jsx_opening_element', 'jsx_closing_element', 'jsx_self_closing_element', 'jsx_attribute', 'jsx_fragment']);
/** Code inside a template literal or JSX: `${...}` and `{...}`. */
const CODE_INSIDE_TYPES: ReadonlySet<string> = new Set(['template_substitution', 'jsx_expression']);

export function lineCommentFitsAt(root: Node, offset: number): boolean {
  let node: Node | null = root.descendantForIndex(offset, offset);
  // the node that starts at the line start is what follows the comment, not what holds it
  while (node && node.startIndex === offset && node.parent) node = node.parent;
  for (; node; node = node.parent) {
    if (CODE_INSIDE_TYPES.has(node.type)) return true;
    if (TEXT_TYPES.has(node.type) || JSX_TYPES.has(node.type)) return false;
  }
  return true;
}
