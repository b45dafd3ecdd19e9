import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Position } from './types';

/**
 * The syntax errors of a tree, in document order: ERROR nodes (text the parser skipped) and MISSING nodes
 * (tokens it assumed). `nested` also yields errors inside an ERROR node, which often sit closer to the cause.
 * Read with a cursor that enters only subtrees holding an error, so an error-free file costs one step.
 */
export function* syntaxErrors(tree: Tree, nested = false): Generator<Node> {
  if (!tree.rootNode.hasError) return;
  const cursor = tree.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      const isError = node.isError || node.isMissing;
      if (isError) yield node;
      if ((!isError || nested) && node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** The first syntax error, or `undefined` when the tree has none. */
export function firstSyntaxError(tree: Tree): Node | undefined {
  for (const node of syntaxErrors(tree)) return node;
  return undefined;
}

/**
 * How much of a file a parse lost: the characters inside ERROR nodes, plus one per error so that a
 * MISSING token (zero width) still counts. 0 for a clean parse; lower is better.
 */
export function syntaxDamage(tree: Tree): number {
  let damage = 0;
  for (const node of syntaxErrors(tree)) damage += 1 + (node.isError ? node.endIndex - node.startIndex : 0);
  return damage;
}

/** What a report says about a file analysed only partly; `at` is the first syntax error, 0-based. */
export function describeSyntaxError(at: Position): string {
  return `syntax error near line ${at.line + 1}, column ${at.character + 1}; the rules ran on the rest of the file`;
}
