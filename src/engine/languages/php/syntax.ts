import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';

/** How PHP syntax reads: literal string bodies, array keys, a call's arguments. */

/** A literal array key: a single-quoted or plain double-quoted string, or an integer. */
export function literalKey(node: Node | undefined): string | undefined {
  if (node?.type === 'integer') return String(Number(node.text));
  if (node?.type === 'string') return literalContent(node);
  if (node?.type === 'encapsed_string' && namedChildren(node).every((c) => c.type === 'string_content')) {
    return namedChildren(node).map((c) => c.text).join('');
  }
  return undefined;
}

/** A single-quoted string or nowdoc's text (escapes `\\` and `\'` read as PHP reads them). */
export function literalContent(node: Node): string {
  if (node.type === 'nowdoc') return namedChildren(node).filter((c) => c.type === 'nowdoc_body').map((b) => b.text).join('').replace(/^\r?\n/, '');
  const body = node.text.replace(/^[bB]?'|'$/g, '');
  return body.replace(/\\([\\'])/g, '$1');
}

/** A double-quoted string's escapes, read as PHP reads them. */
export function unescape(text: string): string {
  return text.replace(/\\([nrt"\\$])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[c] ?? c);
}

/** The call's arguments, skipping spread and named-argument wrappers. */
export function phpArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  return args ? namedChildren(args).map((a) => (a.type === 'argument' ? namedChildren(a).at(-1) ?? a : a)) : [];
}
