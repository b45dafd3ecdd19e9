import type { Node } from '@vscode/tree-sitter-wasm';
import { functionName } from './origins';
import type { ScopeWrites } from './names';
import type { PyTree } from './syntax';

/**
 * Whether the calls a file makes of one of its public functions are all that the file shows of it: the
 * function is defined at the top level, no decorator wraps or registers it, and the file never names it
 * other than to call it (not handed on as a callback, stored, or re-bound); a function's own local of the same
 * name is another variable. Then, as the JavaScript rule does within a file, what those calls pass is what its
 * parameters hold. The file's identifiers are grouped by name once, on the first question.
 */
export class OwnCallers {
  private byName: Map<string, Node[]> | undefined;
  private readonly known = new Map<number, boolean>();

  constructor(private readonly tree: PyTree, private readonly writes: ScopeWrites) {}

  onlyInFile(fn: Node): boolean {
    let result = this.known.get(fn.id);
    if (result === undefined) {
      result = fn.type === 'function_definition' && fn.parent?.type === 'module' && this.tree.decorators(fn).length === 0 && this.namedOnlyByCalls(fn);
      this.known.set(fn.id, result);
    }
    return result;
  }

  private namedOnlyByCalls(fn: Node): boolean {
    const name = functionName(fn);
    return (this.identifiers().get(name) ?? []).every((id) => {
      if (id.id === fn.childForFieldName('name')?.id) return true;
      const scope = this.tree.enclosingFunction(id);
      if (scope && this.writes.writesOf(scope, name).length > 0) return true;
      return id.parent?.type === 'call' && id.parent.childForFieldName('function')?.id === id.id;
    });
  }

  private identifiers(): Map<string, Node[]> {
    if (!this.byName) {
      this.byName = new Map();
      for (const id of this.tree.root.descendantsOfType('identifier')) {
        if (!id) continue;
        const list = this.byName.get(id.text);
        if (list) list.push(id); else this.byName.set(id.text, [id]);
      }
    }
    return this.byName;
  }
}
