import type { Node } from '@vscode/tree-sitter-wasm';
import { pathTo } from '../../ast';

/** Generic reading of Python syntax trees (tree-sitter-python), shared by the Python front ends. */

/** Node types that open a new scope of names. */
export const PY_FUNCTION_TYPES: ReadonlySet<string> = new Set(['function_definition', 'lambda']);
export const PY_COMPREHENSION_TYPES: ReadonlySet<string> = new Set(['list_comprehension', 'generator_expression', 'set_comprehension', 'dictionary_comprehension']);

/** A name written in capitals (`USERS_TABLE`): a constant by Python's convention (PEP 8). */
export const CONSTANT_NAME = /^_*[A-Z][A-Z0-9_]*$/;

/** The expression inside parentheses. */
export function unwrapPy(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression') {
    const inner = current.namedChildren.find((c): c is Node => c !== null && c.type !== 'comment');
    if (!inner) break;
    current = inner;
  }
  return current;
}

export function named(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

/**
 * The nodes of a file a front end asks about: those of some types (found inside WASM, in document order) and
 * the ancestors of a node, read top-down by position (tree-sitter's `Node.parent` walks down from the root
 * on every call; a map of every node's parent costs a walk of the whole tree), remembered per node.
 */
export class PyTree {
  readonly ofType = new Map<string, Node[]>();
  private readonly paths = new Map<number, Node[]>();

  constructor(readonly root: Node, collect: readonly string[]) {
    for (const type of collect) this.ofType.set(type, []);
    for (const node of root.descendantsOfType([...collect])) if (node) this.ofType.get(node.type)?.push(node);
  }

  /** The ancestors of a node, from the root down to its parent. */
  private pathOf(node: Node): Node[] {
    const known = this.paths.get(node.id);
    if (known) return known;
    const path = pathTo(this.root, node.startIndex, node.endIndex);
    const at = path.findIndex((n) => n.id === node.id);
    const ancestors = at >= 0 ? path.slice(0, at) : path.filter((n) => n.id !== node.id);
    this.paths.set(node.id, ancestors);
    return ancestors;
  }

  parent(node: Node): Node | undefined {
    return this.pathOf(node).at(-1);
  }

  /** Ancestors from the parent outwards. */
  *ancestors(node: Node): Generator<Node> {
    const path = this.pathOf(node);
    for (let i = path.length - 1; i >= 0; i--) yield path[i];
  }

  /** The innermost function (or lambda) holding the node, or `undefined` at module level. */
  enclosingFunction(node: Node): Node | undefined {
    for (const ancestor of this.ancestors(node)) if (PY_FUNCTION_TYPES.has(ancestor.type)) return ancestor;
    return undefined;
  }

  /** The class whose body directly holds a function (a method's class). */
  classOf(fn: Node): Node | undefined {
    const holder = this.parent(fn)?.type === 'decorated_definition' ? this.parent(this.parent(fn)!) : this.parent(fn);
    const cls = holder?.type === 'block' ? this.parent(holder) : undefined;
    return cls?.type === 'class_definition' ? cls : undefined;
  }

  /** The decorators written above a function or class definition. */
  decorators(definition: Node): Node[] {
    const holder = this.parent(definition);
    return holder?.type === 'decorated_definition' ? named(holder).filter((n) => n.type === 'decorator') : [];
  }
}

/** Whether a string literal is an f-string, raw or bytes, from its prefix. */
export interface StringPrefix {
  readonly f: boolean;
  readonly raw: boolean;
  readonly bytes: boolean;
  readonly triple: boolean;
}

export function stringPrefix(node: Node): StringPrefix {
  const start = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '';
  const letters = /^[A-Za-z]*/.exec(start)?.[0].toLowerCase() ?? '';
  return { f: letters.includes('f'), raw: letters.includes('r'), bytes: letters.includes('b'), triple: /'''|"""/.test(start) };
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', 0: '\0', '\n': '' };

/** The value of a string literal's raw characters: escape sequences decoded (not in raw strings), `{{`/`}}` of f-strings undone. */
export function cookPy(raw: string, prefix: StringPrefix): string {
  let text = prefix.raw ? raw : raw.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[\s\S])/g, (whole, esc: string) => {
    if (esc.length === 3 && esc[0] === 'x') return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (esc.length === 5 && esc[0] === 'u') return String.fromCharCode(parseInt(esc.slice(1), 16));
    return ESCAPES[esc] ?? whole;
  });
  if (prefix.f) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  return text;
}

/** The text of a string literal with no interpolation, cooked; `undefined` for anything else. */
export function plainStringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrapPy(node);
  if (n.type === 'concatenated_string') {
    const parts = named(n).map(plainStringValue);
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  if (n.type !== 'string') return undefined;
  const prefix = stringPrefix(n);
  if (named(n).some((c) => c.type === 'interpolation')) return undefined;
  const start = n.namedChildren.find((c) => c?.type === 'string_start');
  const end = n.namedChildren.find((c) => c?.type === 'string_end');
  if (!start || !end) return undefined;
  return cookPy(n.text.slice(start.endIndex - n.startIndex, end.startIndex - n.startIndex), prefix);
}

/** `a.b.c` (also through calls and subscripts: `a.b().c[0]`) as its root identifier and the names read after it. */
export function attributeChain(node: Node): { root: Node; path: string[] } {
  const path: string[] = [];
  let current = unwrapPy(node);
  for (;;) {
    if (current.type === 'attribute') {
      path.unshift(current.childForFieldName('attribute')?.text ?? '');
      current = unwrapPy(current.childForFieldName('object') ?? current);
    } else if (current.type === 'call') {
      current = unwrapPy(current.childForFieldName('function') ?? current);
    } else if (current.type === 'subscript') {
      current = unwrapPy(current.childForFieldName('value') ?? current);
    } else if (current.type === 'await') {
      current = unwrapPy(named(current)[0] ?? current);
    } else {
      return { root: current, path };
    }
  }
}

/** The called name and the object it is called on: `cur.execute(...)` is `execute` on `cur`. */
export function calleeOf(call: Node): { name: string; receiver?: Node } {
  const fn = unwrapPy(call.childForFieldName('function') ?? call);
  if (fn.type === 'attribute') return { name: fn.childForFieldName('attribute')?.text ?? '', receiver: fn.childForFieldName('object') ?? undefined };
  return { name: fn.type === 'identifier' ? fn.text : '' };
}

/** A call's positional arguments and keyword arguments by name; splats (`*a`, `**k`) are counted apart. */
export interface CallArguments {
  readonly positional: readonly Node[];
  readonly keywords: ReadonlyMap<string, Node>;
  /** The first `*args` or `**kwargs` argument, when there is one. */
  readonly splat?: Node;
  readonly list?: Node;
}

export function argumentsOf(call: Node): CallArguments {
  const list = call.childForFieldName('arguments') ?? undefined;
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  let splat: Node | undefined;
  if (list?.type === 'argument_list') {
    for (const arg of named(list)) {
      if (arg.type === 'keyword_argument') {
        const name = arg.childForFieldName('name')?.text;
        const value = arg.childForFieldName('value');
        if (name && value) keywords.set(name, value);
      } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') splat ??= arg;
      else positional.push(arg);
    }
  } else if (list) positional.push(list); // a generator argument: f(x for x in y)
  return { positional, keywords, splat, list };
}

/** The names a function's parameters bind, with the parameter node, its type annotation and default. */
export interface PyParameter {
  readonly name: string;
  readonly index: number;
  readonly node: Node;
  readonly type?: Node;
  readonly default?: Node;
  /** `*args` or `**kwargs`. */
  readonly splat: boolean;
}

export function parametersOf(fn: Node): PyParameter[] {
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  const out: PyParameter[] = [];
  named(list).forEach((p, index) => {
    if (p.type === 'identifier') out.push({ name: p.text, index, node: p, splat: false });
    else if (p.type === 'typed_parameter' || p.type === 'typed_default_parameter' || p.type === 'default_parameter') {
      const nameNode = p.childForFieldName('name') ?? named(p).find((c) => c.type === 'identifier' || c.type === 'list_splat_pattern' || c.type === 'dictionary_splat_pattern');
      if (!nameNode) return;
      const splat = nameNode.type !== 'identifier';
      const name = splat ? named(nameNode)[0]?.text ?? '' : nameNode.text;
      out.push({ name, index, node: p, type: p.childForFieldName('type') ?? undefined, default: p.childForFieldName('value') ?? undefined, splat });
    } else if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') {
      out.push({ name: named(p)[0]?.text ?? '', index, node: p, splat: true });
    }
  });
  return out;
}

/** The identifiers an assignment target binds (`a`, `a, b`, `(a, [b, c])`), with their position in a flat unpacking, when simple. */
export function targetNames(target: Node): Node[] {
  const t = unwrapPy(target);
  if (t.type === 'identifier') return [t];
  if (t.type === 'pattern_list' || t.type === 'tuple_pattern' || t.type === 'list_pattern' || t.type === 'expression_list' || t.type === 'tuple' || t.type === 'list') return named(t).flatMap(targetNames);
  if (t.type === 'list_splat_pattern') return named(t).flatMap(targetNames);
  return [];
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
