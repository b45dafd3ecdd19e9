import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../ast';
import { TreeParents } from '../tree-paths';

export const FUNCTION_TYPES: ReadonlySet<string> = new Set([
  'function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'generator_function', 'arrow_function', 'method_definition',
]);

/** What a name is bound to in the scope where it is looked up. */
export type Declaration =
  /** `const name = value` (with `path` for destructuring: `const { Router } = x` reads `x.Router`). */
  | { kind: 'value'; value: Node | null; path: string[] }
  | { kind: 'param'; fn: Node; index: number }
  | { kind: 'function'; node: Node }
  | { kind: 'import'; statement: Node; source: string; name: string }
  | { kind: 'class'; node: Node };

const UNWRAP_STATEMENTS = new Set(['export_statement']);

/** A function or block around a node; whether it is a function (whose names are its parameters) is read once. */
interface Scope {
  readonly node: Node;
  readonly isFunction: boolean;
}

/** Strips quotes from a string literal node's text. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  // (each read of a node's type is a call into WASM: read once)
  const type = node.type;
  if (type === 'string') return node.text.slice(1, -1);
  if (type === 'template_string' && !namedChildren(node).some((c) => c.type === 'template_substitution')) return node.text.slice(1, -1);
  return undefined;
}

/** Parameter names of a function node; `''` for destructured parameters. */
export function parameterNames(fn: Node): string[] {
  const single = fn.childForFieldName('parameter');
  if (single) return [single.type === 'identifier' ? single.text : ''];
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  const names: string[] = [];
  for (const p of namedChildren(list)) {
    let type: string | undefined = p.type;
    if (type === 'comment' || type === 'decorator') continue;
    let target: Node | null = p;
    if (type === 'required_parameter' || type === 'optional_parameter') { target = p.childForFieldName('pattern'); type = target?.type; }
    if (type === 'assignment_pattern') { target = target!.childForFieldName('left'); type = target?.type; }
    if (type === 'rest_pattern') { target = namedChildren(target!)[0] ?? null; type = target?.type; }
    names.push(type === 'identifier' ? target!.text : '');
  }
  return names;
}

/**
 * Lexical name lookup over a syntax tree, computed lazily per block and function: only the scopes on the
 * path from a reference to the program are ever read. Block-level `let`/`const` are treated like `var`
 * (function-wide), which is exact for the module-level code that wires apps together.
 */
export class FileScope {
  private readonly blocks = new Map<number, Map<string, Declaration>>();
  private readonly params = new Map<number, Map<string, Declaration>>();
  private readonly paramNames = new Map<number, string[]>();
  private thisMembers: Map<string, Node> | undefined;
  /** Scopes containing a node, innermost first, by node id; shared ancestors are walked once. */
  private readonly chains = new Map<number, Scope[]>();

  /** Parents of the tree's nodes, indexed once the tree turns out to be deep. */
  readonly parents: TreeParents;

  constructor(private readonly root: Node, private readonly text: string) {
    this.parents = new TreeParents(root);
  }

  /** `parent`: the parent of `at`, when the caller has it (a step up from `at` costs a descent from the root). */
  lookup(name: string, at: Node, parent?: Node): Declaration | undefined {
    for (const scope of this.scopeChain(at, parent)) {
      const found = scope.isFunction ? this.paramsOf(scope.node).get(name) : this.blockOf(scope.node).get(name);
      if (found) return found;
    }
    return undefined;
  }

  /** The same lookup, from the nodes above the name (`path[0]` the program, as `pathTo` gives them). */
  lookupAlong(name: string, path: readonly Node[]): Declaration | undefined {
    for (let i = path.length - 1; i >= 0; i--) {
      const scope = path[i];
      const type = scope.type;
      const isFunction = FUNCTION_TYPES.has(type);
      if (!isFunction && type !== 'program' && type !== 'statement_block') continue;
      const found = isFunction ? this.paramsOf(scope).get(name) : this.blockOf(scope).get(name);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Functions and blocks containing `node`, innermost first. `Node.parent` costs a descent from the root
   * in this tree-sitter build, so each node's chain is computed once and reused by its descendants, and
   * the parents of a deep tree are indexed (see `TreeParents`).
   */
  private scopeChain(node: Node, parent?: Node): Scope[] {
    const pending: Node[] = [];
    let base: Scope[] = [];
    for (let current: Node | null = node; current; current = current === node && parent ? parent : this.parents.of(current, pending.length)) {
      const cached = this.chains.get(current.id);
      if (cached) { base = cached; break; }
      // the program as the caller holds it: its statements, once listed, are not listed again
      if (current.id === this.root.id) current = this.root;
      pending.push(current);
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const n = pending[i];
      const type = n.type;
      const isFunction = FUNCTION_TYPES.has(type);
      if (isFunction || type === 'program' || type === 'statement_block') base = [{ node: n, isFunction }, ...base];
      this.chains.set(n.id, base);
    }
    return base;
  }

  /** The value assigned to `this.<name>` in a class (field initialiser or `this.name = value`), if any. */
  thisMember(name: string): Node | undefined {
    if (!this.thisMembers) {
      this.thisMembers = new Map();
      if (this.text.includes('class')) {
        for (const field of this.root.descendantsOfType(['field_definition', 'public_field_definition'])) {
          const key = field?.childForFieldName('property') ?? field?.childForFieldName('name');
          const value = field?.childForFieldName('value');
          if (key && value) this.thisMembers.set(key.text, value);
        }
      }
      for (const match of this.text.matchAll(/\bthis\s*\.\s*([A-Za-z_$][\w$]*)\s*=(?![=>])/g)) {
        const member = this.root.descendantForIndex(match.index ?? 0)?.parent;
        const assignment = member?.parent;
        if (member?.type !== 'member_expression' || assignment?.type !== 'assignment_expression') continue;
        const value = assignment.childForFieldName('right');
        if (value && !this.thisMembers.has(match[1])) this.thisMembers.set(match[1], value);
      }
    }
    return this.thisMembers.get(name);
  }

  /** The function's parameter names (see `parameterNames`), read once per function: by its scope and by its fact. */
  parameterNamesOf(fn: Node): readonly string[] {
    let names = this.paramNames.get(fn.id);
    if (!names) {
      names = parameterNames(fn);
      this.paramNames.set(fn.id, names);
    }
    return names;
  }

  private paramsOf(fn: Node): Map<string, Declaration> {
    let map = this.params.get(fn.id);
    if (!map) {
      map = new Map();
      this.parameterNamesOf(fn).forEach((name, index) => { if (name && !map!.has(name)) map!.set(name, { kind: 'param', fn, index }); });
      const own = fn.childForFieldName('name');
      const type = own ? fn.type : undefined;
      if (own && type !== 'method_definition' && type !== 'function_declaration') map.set(own.text, { kind: 'function', node: fn });
      this.params.set(fn.id, map);
    }
    return map;
  }

  private blockOf(block: Node): Map<string, Declaration> {
    let map = this.blocks.get(block.id);
    if (!map) {
      map = new Map();
      for (const statement of namedChildren(block)) this.declare(statement, map);
      this.blocks.set(block.id, map);
    }
    return map;
  }

  private declare(statement: Node, map: Map<string, Declaration>): void {
    let node = statement;
    let type = node.type;
    if (UNWRAP_STATEMENTS.has(type)) {
      const inner = node.childForFieldName('declaration');
      if (!inner) return;
      node = inner;
      type = node.type;
    }
    switch (type) {
      case 'lexical_declaration':
      case 'variable_declaration':
        for (const declarator of namedChildren(node)) {
          if (declarator.type !== 'variable_declarator') continue;
          declarePattern(declarator.childForFieldName('name'), declarator.childForFieldName('value'), [], map);
        }
        return;
      case 'function_declaration':
      case 'generator_function_declaration': {
        const name = node.childForFieldName('name');
        if (name) map.set(name.text, { kind: 'function', node });
        return;
      }
      case 'class_declaration': {
        const name = node.childForFieldName('name');
        if (name) map.set(name.text, { kind: 'class', node });
        return;
      }
      case 'import_statement':
        declareImport(node, map);
        return;
      case 'expression_statement': {
        // `app = express()` after `let app;`
        const assignment = namedChildren(node)[0];
        if (assignment?.type !== 'assignment_expression') return;
        const left = assignment.childForFieldName('left');
        const existing = left?.type === 'identifier' ? map.get(left.text) : undefined;
        if (left?.type === 'identifier' && (!existing || (existing.kind === 'value' && !existing.value))) {
          map.set(left.text, { kind: 'value', value: assignment.childForFieldName('right'), path: [] });
        }
        return;
      }
      default:
        return;
    }
  }
}

function declarePattern(pattern: Node | null, value: Node | null, path: string[], map: Map<string, Declaration>): void {
  if (!pattern) return;
  if (pattern.type === 'identifier') {
    map.set(pattern.text, { kind: 'value', value, path });
    return;
  }
  if (pattern.type !== 'object_pattern') return;
  for (const prop of namedChildren(pattern)) {
    if (prop.type === 'shorthand_property_identifier_pattern') map.set(prop.text, { kind: 'value', value, path: [...path, prop.text] });
    else if (prop.type === 'pair_pattern') {
      const key = prop.childForFieldName('key');
      const keyText = key ? (stringValue(key) ?? key.text) : '';
      declarePattern(prop.childForFieldName('value'), value, [...path, keyText], map);
    } else if (prop.type === 'object_assignment_pattern') {
      const left = prop.childForFieldName('left');
      if (left?.type === 'shorthand_property_identifier_pattern') map.set(left.text, { kind: 'value', value, path: [...path, left.text] });
    }
  }
}

function declareImport(statement: Node, map: Map<string, Declaration>): void {
  const source = stringValue(statement.childForFieldName('source'));
  for (const part of namedChildren(statement)) {
    if (part.type === 'import_require_clause') {
      const name = namedChildren(part).find((c) => c.type === 'identifier');
      const from = stringValue(part.childForFieldName('source'));
      if (name && from !== undefined) map.set(name.text, { kind: 'import', statement, source: from, name: '=' });
    }
    if (part.type !== 'import_clause' || source === undefined) continue;
    for (const item of namedChildren(part)) {
      if (item.type === 'identifier') map.set(item.text, { kind: 'import', statement, source, name: 'default' });
      else if (item.type === 'namespace_import') {
        const local = namedChildren(item).find((c) => c.type === 'identifier');
        if (local) map.set(local.text, { kind: 'import', statement, source, name: '*' });
      } else if (item.type === 'named_imports') {
        for (const spec of namedChildren(item)) {
          if (spec.type !== 'import_specifier') continue;
          const name = spec.childForFieldName('name');
          const alias = spec.childForFieldName('alias');
          if (name) map.set((alias ?? name).text, { kind: 'import', statement, source, name: stringValue(name) ?? name.text });
        }
      }
    }
  }
}
