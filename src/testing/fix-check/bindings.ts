import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES, pathTo } from '../../engine/ast';

/**
 * A small scope reader for the fix checker, written apart from the rules' own scope code so that it checks
 * them instead of repeating them: which declaration a name refers to at a place, read from the blocks,
 * functions, catch clauses and loops around that place. `var` is taken where it is written (not hoisted out
 * of nested blocks): good enough to tell two bindings of one name apart, which is all the checker asks.
 */

export interface Binding {
  /** The identifier that declares the name. */
  readonly node: Node;
  /** The statement (or parameter list, catch clause) that declares it. */
  readonly declaration: Node;
  /** `import`, function and class declarations exist before the code around them runs. */
  readonly hoisted: boolean;
}

const BLOCK_TYPES = new Set(['program', 'statement_block', 'class_body', 'switch_body', 'switch_case', 'switch_default']);
const LOOP_WITH_DECLARATION = new Set(['for_statement', 'for_in_statement']);

/** Identifiers a pattern (`a`, `{ a, b: c }`, `[d, ...e]`, `f = 1`) declares. */
export function patternNames(pattern: Node | null | undefined): Node[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'identifier':
    case 'shorthand_property_identifier_pattern':
      return [pattern];
    case 'pair_pattern':
      return patternNames(pattern.childForFieldName('value'));
    case 'assignment_pattern':
    case 'object_assignment_pattern':
      return patternNames(pattern.childForFieldName('left'));
    case 'required_parameter':
    case 'optional_parameter':
      return patternNames(pattern.childForFieldName('pattern'));
    default:
      return pattern.namedChildren.flatMap((c) => (c && c.type !== 'comment' && !c.type.startsWith('type') ? patternNames(c) : []));
  }
}

function declarationNames(statement: Node): Array<{ node: Node; hoisted: boolean }> {
  switch (statement.type) {
    case 'export_statement': {
      const inner = statement.childForFieldName('declaration');
      return inner ? declarationNames(inner) : [];
    }
    case 'lexical_declaration':
    case 'variable_declaration':
      return statement.namedChildren.filter((d): d is Node => d?.type === 'variable_declarator').flatMap((d) => patternNames(d.childForFieldName('name')).map((node) => ({ node, hoisted: false })));
    case 'function_declaration':
    case 'generator_function_declaration':
    case 'class_declaration': {
      const name = statement.childForFieldName('name');
      return name ? [{ node: name, hoisted: true }] : [];
    }
    case 'import_statement': {
      const clause = statement.namedChildren.find((c) => c?.type === 'import_clause');
      if (!clause) return [];
      const names: Node[] = [];
      for (const part of clause.namedChildren) {
        if (!part) continue;
        if (part.type === 'identifier') names.push(part);
        else if (part.type === 'namespace_import') names.push(...part.namedChildren.filter((c): c is Node => c?.type === 'identifier'));
        else if (part.type === 'named_imports') {
          for (const spec of part.namedChildren) {
            const name = spec?.childForFieldName('alias') ?? spec?.childForFieldName('name');
            if (spec?.type === 'import_specifier' && name) names.push(name);
          }
        }
      }
      return names.map((node) => ({ node, hoisted: true }));
    }
    default:
      return [];
  }
}

/** What `scope` itself declares (not its nested blocks), with the declaring node of each name. */
function declaredIn(scope: Node): Array<{ node: Node; declaration: Node; hoisted: boolean }> {
  if (BLOCK_TYPES.has(scope.type)) {
    return scope.namedChildren.flatMap((s) => (s ? declarationNames(s).map((d) => ({ ...d, declaration: s })) : []));
  }
  if (FUNCTION_TYPES.has(scope.type)) {
    const params = scope.childForFieldName('parameters') ?? scope.childForFieldName('parameter');
    const own = scope.type === 'function_expression' || scope.type === 'function' ? scope.childForFieldName('name') : null;
    const names = params ? patternNames(params).map((node) => ({ node, declaration: params, hoisted: true })) : [];
    return own ? [...names, { node: own, declaration: scope, hoisted: true }] : names;
  }
  if (scope.type === 'catch_clause') {
    const param = scope.childForFieldName('parameter');
    return param ? patternNames(param).map((node) => ({ node, declaration: scope, hoisted: true })) : [];
  }
  if (LOOP_WITH_DECLARATION.has(scope.type)) {
    const init = scope.childForFieldName('initializer') ?? scope.childForFieldName('left');
    if (!init) return [];
    const names = init.type === 'identifier' ? [] : declarationNames(init).length ? declarationNames(init) : patternNames(init).map((node) => ({ node, hoisted: false }));
    return names.map((d) => ({ ...d, declaration: scope }));
  }
  return [];
}

/** The declaration `name` refers to at `offset` of the tree under `root`; `undefined` for a global or an undeclared name. */
export function bindingAt(root: Node, offset: number, name: string): Binding | undefined {
  const path = pathTo(root, offset, offset);
  for (let i = path.length - 1; i >= 0; i--) {
    const found = declaredIn(path[i]).find((d) => d.node.text === name);
    if (found) return { node: found.node, declaration: found.declaration, hoisted: found.hoisted };
  }
  return undefined;
}

/** The root identifiers a value reads: `a` of `a.b[c]`, `c` too, not property names. */
export function readNames(value: Node): Node[] {
  if (value.type === 'identifier') return [value];
  if (value.type === 'shorthand_property_identifier') return [value];
  const names: Node[] = [];
  for (const child of value.namedChildren) {
    if (!child) continue;
    if (child.type === 'property_identifier') continue;
    names.push(...readNames(child));
  }
  return names;
}
