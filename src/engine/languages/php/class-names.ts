import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';

/**
 * How a PHP file names classes: its namespace and the classes its `use` statements import, so that a name
 * written in the file (`TagSearchOption`, `Options\TagSearchOption`, `\App\Models\Tag`) resolves to the fully
 * qualified name a class declaration elsewhere in the project carries (PHP manual, "Name resolution rules").
 */
export interface PhpNames {
  /** The file's namespace, without leading or trailing `\`; '' for the global namespace. */
  readonly namespace: string;
  /** Alias (the last segment, or the `as` name) to fully qualified name. */
  readonly uses: ReadonlyMap<string, string>;
}

/** The file's statements outside any function, with those of a braced `namespace X { ... }` in its place. */
export function topLevelStatements(root: Node): Node[] {
  return namedChildren(root).flatMap((statement) => {
    const body = statement.type === 'namespace_definition' ? statement.childForFieldName('body') : null;
    return body ? [statement, ...namedChildren(body)] : [statement];
  });
}

/** The first namespace declared in the file and its class imports (function and constant imports are left out). */
export function phpNamesOf(root: Node): PhpNames {
  let namespace = '';
  const uses = new Map<string, string>();
  for (const statement of topLevelStatements(root)) {
    if (statement.type === 'namespace_definition' && !namespace) namespace = statement.childForFieldName('name')?.text ?? '';
    if (statement.type !== 'namespace_use_declaration' || /^use\s+(?:function|const)\b/i.test(statement.text)) continue;
    const children = namedChildren(statement);
    const group = children.find((c) => c.type === 'namespace_name');
    const prefix = group ? `${group.text}\\` : '';
    const clauses = children.flatMap((c) => (c.type === 'namespace_use_group' ? namedChildren(c) : [c])).filter((c) => c.type === 'namespace_use_clause');
    for (const clause of clauses) {
      const name = namedChildren(clause).find((c) => c.type === 'qualified_name' || c.type === 'name');
      if (!name) continue;
      const full = `${prefix}${name.text}`.replace(/^\\/, '');
      uses.set(clause.childForFieldName('alias')?.text ?? full.slice(full.lastIndexOf('\\') + 1), full);
    }
  }
  return { namespace, uses };
}

/** The fully qualified name of a class name written in the file; `undefined` for `self`, `static`, `parent` and built-in type names. */
export function resolveClassName(written: string, names: PhpNames): string | undefined {
  const name = written.trim().replace(/^\?/, '');
  if (!/^\\?[A-Za-z_]\w*(?:\\[A-Za-z_]\w*)*$/.test(name) || /^(?:self|static|parent|array|string|int|float|bool|mixed|object|callable|iterable|void|null|never|false|true)$/i.test(name)) return undefined;
  if (name.startsWith('\\')) return name.slice(1);
  const [first, ...rest] = name.split('\\');
  const imported = names.uses.get(first);
  if (imported) return [imported, ...rest].join('\\');
  return names.namespace ? `${names.namespace}\\${name}` : name;
}
