import type { SnippetNode } from '../../src/engine/snippet-syntax';

/**
 * Writes snippet nodes back as VS Code snippet syntax: the inverse of `parseSnippet` for the constructs the
 * JavaScript/TypeScript snippets use (text, tab stops with defaults or choices, variables; no transforms).
 */
export function printSnippet(nodes: readonly SnippetNode[], insidePlaceholder = false): string {
  return nodes.map((node) => printNode(node, insidePlaceholder)).join('');
}

/** `$` always, `}` inside a placeholder, and a backslash that would otherwise escape the next character. */
export function escapeSnippetText(text: string, insidePlaceholder = false): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '$') out += '\\$';
    else if (ch === '}' && insidePlaceholder) out += '\\}';
    else if (ch === '\\' && (next === '$' || next === '}' || next === '\\' || next === undefined)) out += '\\\\';
    else out += ch;
  }
  return out;
}

function printNode(node: SnippetNode, insidePlaceholder: boolean): string {
  if (node.kind === 'text') return escapeSnippetText(node.value, insidePlaceholder);
  if (node.transform) throw new Error(`snippet transforms are not supported in derived snippets (${node.kind} ${'index' in node ? node.index : node.name})`);
  const head = node.kind === 'tabstop' ? String(node.index) : node.name;
  if (node.kind === 'tabstop' && node.choices) {
    return `\${${head}|${node.choices.map((choice) => choice.replace(/[\\,|]/g, (c) => `\\${c}`)).join(',')}|}`;
  }
  if (node.children.length === 0) return node.kind === 'tabstop' ? `$${head}` : `\${${head}}`;
  return `\${${head}:${printSnippet(node.children, true)}}`;
}
