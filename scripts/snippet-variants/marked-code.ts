import { parseSnippet, type SnippetNode } from '../../src/engine/snippet-syntax';
import { escapeSnippetText, printSnippet } from './snippet-print';

/**
 * A snippet body as plain code: every tab stop or variable is replaced by an identifier-like marker, so a
 * JavaScript/TypeScript parser can read it and a transform can move, copy or drop placeholders with the code
 * around them. `restore` turns transformed code back into snippet syntax.
 */
export interface MarkedCode {
  code: string;
  restore(code: string): string;
}

const MARKER = /__bg(\d+)__/g;
const HAS_MARKER = /__bg\d+__/;

export function markSnippet(body: string): MarkedCode {
  const placeholders: SnippetNode[] = [];
  const code = parseSnippet(body).map((node) => {
    if (node.kind === 'text') {
      if (HAS_MARKER.test(node.value)) throw new Error(`the snippet text itself contains a marker: ${node.value}`);
      return node.value;
    }
    placeholders.push(node);
    return `__bg${placeholders.length - 1}__`;
  }).join('');
  return {
    code,
    restore(transformed: string): string {
      const printed = new Set<number>();
      let out = '';
      let last = 0;
      for (const match of transformed.matchAll(MARKER)) {
        const id = Number(match[1]);
        const node = placeholders[id];
        out += escapeSnippetText(transformed.slice(last, match.index));
        last = match.index + match[0].length;
        // A placeholder a transform copied (an export line naming the function) mirrors its first occurrence.
        const mirror = node.kind === 'tabstop' && (printed.has(id) || (node.children.length === 0 && !node.choices));
        if (mirror) {
          out += /^\d/.test(transformed.slice(last)) ? `\${${node.index}}` : `$${node.index}`;
        } else {
          out += printSnippet([node]);
        }
        printed.add(id);
      }
      return out + escapeSnippetText(transformed.slice(last));
    },
  };
}
