import type { Node } from '@vscode/tree-sitter-wasm';
import { pathTo } from './ast';

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
  // read down from the root once: each Node.parent walks down from the root again, the depth squared in deep nesting
  const path = pathTo(root, offset, offset);
  let i = path.length - 1;
  // the node that starts at the line start is what follows the comment, not what holds it
  while (i > 0 && path[i].startIndex === offset) i--;
  for (; i >= 0; i--) {
    const type = path[i].type;
    if (CODE_INSIDE_TYPES.has(type)) return true;
    if (TEXT_TYPES.has(type) || JSX_TYPES.has(type)) return false;
  }
  return true;
}
