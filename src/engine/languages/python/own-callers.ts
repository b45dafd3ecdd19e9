import type { Node } from '@vscode/tree-sitter-wasm';
import { functionName } from './origins';
import type { ScopeWrites } from './names';
import type { PyTree } from './syntax';

/**
 * Whether the calls a file makes of one of its public functions are all that the file shows of it: the
 * function is defined at the top level, no decorator wraps or registers it, and the file never names it
 * other than to call it (not handed on as a callback, stored, or re-bound); a function's own local of the same
 * name is another variable. Then, as the JavaScript rule does
 * within a file, what those calls pass is what its parameters hold.
 */
export function calledOnlyInFile(tree: PyTree, writes: ScopeWrites, fn: Node, memo: Map<number, boolean>): boolean {
  const known = memo.get(fn.id);
  if (known !== undefined) return known;
  const name = functionName(fn);
  const topLevel = fn.type === 'function_definition' && fn.parent?.type === 'module';
  const result = topLevel && tree.decorators(fn).length === 0 && tree.root.descendantsOfType('identifier').every((id) => {
    if (id?.text !== name || id.id === fn.childForFieldName('name')?.id) return true;
    const scope = tree.enclosingFunction(id);
    if (scope && writes.writesOf(scope, name).length > 0) return true;
    return id.parent?.type === 'call' && id.parent.childForFieldName('function')?.id === id.id;
  });
  memo.set(fn.id, result);
  return result;
}
