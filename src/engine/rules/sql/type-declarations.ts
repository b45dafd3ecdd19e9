import type { Node } from '@vscode/tree-sitter-wasm';

/** Text that may declare an interface or a type alias without type parameters (`type Key =`). */
const DECLARES_TYPE = /\binterface\s+[A-Za-z_$]|\btype\s+[A-Za-z_$][\w$]*\s*(?:=|\/[*/])/;

/**
 * Object types a file names and declares itself (`interface Key { id: number }`, `type Key = { id: number }`),
 * so that a declared type written as a name can be read like one written in place. Interfaces that extend
 * others, generic declarations and names declared more than once are left unread (their members are not all
 * in sight here).
 */
export class TypeDeclarations {
  private declared: Map<string, string | undefined> | undefined;

  constructor(private readonly root: Node, private readonly text: string) {}

  /** `type` itself, or the object type a bare name declared in this file stands for. */
  expand(type: string | undefined): string | undefined {
    if (!type || !/^[A-Za-z_$][\w$]*$/.test(type.trim())) return type;
    return this.declarations().get(type.trim()) ?? type;
  }

  private declarations(): Map<string, string | undefined> {
    if (this.declared) return this.declared;
    const found = new Map<string, string | undefined>();
    // most files declare no type: a look at the text spares the tree walk (`type` alone also starts type-only
    // imports, `import { type Request }`; only an alias without type parameters, `type Key =`, is read)
    if (DECLARES_TYPE.test(this.text)) {
      for (const node of this.root.descendantsOfType(['interface_declaration', 'type_alias_declaration'])) {
        const name = node?.childForFieldName('name')?.text;
        if (!node || !name) continue;
        const plain = !node.childForFieldName('type_parameters') && !node.namedChildren.some((c) => c?.type === 'extends_type_clause');
        const body = node.type === 'interface_declaration' ? node.childForFieldName('body') : node.childForFieldName('value');
        found.set(name, found.has(name) || !plain ? undefined : body?.text);
      }
    }
    this.declared = found;
    return found;
  }
}
