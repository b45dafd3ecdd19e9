import type { Node } from '@vscode/tree-sitter-wasm';
import type { PyClass, PyClassCode, PythonFileFacts } from './python-facts';

/** The source the facts keep of a function or a class: this many characters from its start. */
export const MAX_CODE = 4000;

/**
 * What the facts keep of a class's source (`definition`, in `text`): its text outside its methods, and where each
 * method goes in it. Each method's source is the `code` of its own function fact already: kept whole, the classes
 * of eight real Python projects (netbox, healthchecks, bookwyrm, redash, CTFd, mealie, pygoat, Tautulli) held 12.2
 * million characters of source, 5.9 million of them their methods' a second time. `methods` are the class's own
 * methods (its body's `def`s, decorators left outside), in order, with `functionOf` giving each one's index in the
 * file's functions (`undefined` for one without a function fact, whose text then stays outside). Only the first
 * `MAX_CODE` characters of the class count, as in `classCode`.
 */
export function classCodeParts(text: string, definition: Node, methods: readonly Node[], functionOf: (method: Node) => number | undefined): PyClassCode {
  const limit = definition.startIndex + MAX_CODE;
  const parts: PyClassCode = { outside: '', methods: [], at: [] };
  let from = definition.startIndex;
  for (const method of methods) {
    if (method.startIndex >= limit) break;
    const index = functionOf(method);
    if (index === undefined) continue;
    parts.outside += text.slice(from, method.startIndex);
    parts.methods.push(index);
    parts.at.push(parts.outside.length);
    from = method.endIndex;
  }
  if (from < limit) parts.outside += text.slice(from, Math.min(definition.endIndex, limit));
  return parts;
}

/**
 * A class's source as the rules read it, its first `MAX_CODE` characters, put together again from its parts (see
 * `classCodeParts`) and its methods' code in `facts`, the facts of the class's file.
 */
export function classCode(facts: PythonFileFacts, cls: PyClass): string {
  const { outside, methods, at } = cls.codeParts;
  let code = '';
  let from = 0;
  for (let i = 0; i < methods.length; i += 1) {
    code += outside.slice(from, at[i]) + (facts.functions[methods[i]]?.code ?? '');
    from = at[i];
  }
  return (code + outside.slice(from)).slice(0, MAX_CODE);
}
