import type { Node } from '@vscode/tree-sitter-wasm';

/** Small readers of the Python tree-sitter grammar's nodes, shared by the Python extractors. */

/** The value of a plain string literal (`'x'`, `"x"`, no f-string interpolation, no implicit concatenation); `undefined` otherwise. */
export function pythonString(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content' || child.type === 'escape_sequence') value += child.text;
  }
  return value;
}

/** `a.b.c` for an identifier or an attribute chain of identifiers; `undefined` for anything else. Iterative: chains can be long. */
export function dottedName(node: Node | null | undefined): string | undefined {
  const parts: string[] = [];
  let current = node;
  while (current?.type === 'attribute') {
    const attribute = current.childForFieldName('attribute');
    if (!attribute) return undefined;
    parts.push(attribute.text);
    current = current.childForFieldName('object');
  }
  if (current?.type !== 'identifier') return undefined;
  parts.push(current.text);
  return parts.reverse().join('.');
}

/** The positional arguments and keyword arguments of a call's `argument_list`. */
export function callArguments(call: Node): { positional: Node[]; keywords: Map<string, Node> } {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (name && value) keywords.set(name, value);
    } else positional.push(arg);
  }
  return { positional, keywords };
}

/** The parameter names of a `function_definition` (`self` included; `*args` and `**kw` left out). */
export function parameterNames(fn: Node): string[] {
  const names: string[] = [];
  for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!param) continue;
    if (param.type === 'identifier') names.push(param.text);
    else if (param.type === 'default_parameter' || param.type === 'typed_parameter' || param.type === 'typed_default_parameter') {
      const name = param.childForFieldName('name') ?? param.namedChildren.find((c) => c?.type === 'identifier');
      if (name?.type === 'identifier') names.push(name.text);
    }
  }
  return names;
}

/** A module path as written in an import (`flask`, `.extensions`, `..core.security`). */
export function importedModule(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'dotted_name') return node.text;
  if (node.type === 'relative_import') return node.text.replace(/\s+/g, '');
  return undefined;
}

/** Local name to `module` and imported `name` (`'*module*'` for `import x`), for the module-level imports of a file. */
export interface PythonImport {
  local: string;
  module: string;
  /** The imported name; `undefined` for `import module` (the local name is then the module). */
  name?: string;
}

/** Reads one import statement (`import a.b as c`, `from .x import y as z`); star imports are not bindings and are skipped. */
export function importsOf(statement: Node): PythonImport[] {
  const found: PythonImport[] = [];
  if (statement.type === 'import_statement') {
    for (const child of statement.namedChildren) {
      if (child?.type === 'dotted_name') found.push({ local: child.text.split('.')[0], module: child.text });
      else if (child?.type === 'aliased_import') {
        const module = child.childForFieldName('name')?.text;
        const alias = child.childForFieldName('alias')?.text;
        if (module && alias) found.push({ local: alias, module });
      }
    }
  } else if (statement.type === 'import_from_statement') {
    const module = importedModule(statement.childForFieldName('module_name'));
    if (!module) return found;
    for (const child of statement.childrenForFieldName('name')) {
      if (child?.type === 'dotted_name') found.push({ local: child.text, module, name: child.text });
      else if (child?.type === 'aliased_import') {
        const name = child.childForFieldName('name')?.text;
        const alias = child.childForFieldName('alias')?.text;
        if (name && alias) found.push({ local: alias, module, name });
      }
    }
  }
  return found;
}
