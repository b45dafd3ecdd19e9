import type { Node } from '@vscode/tree-sitter-wasm';
import { PY_COMPREHENSION_TYPES, PY_FUNCTION_TYPES, type PyTree, named, parametersOf, targetNames, unwrapPy } from './syntax';

/**
 * Where Python names get their values: the writes of each scope (assignments, `+=`, loop variables,
 * parameters, imports), and which of them reach a given point of the code.
 */

export type WriteKind = 'assign' | 'augment' | 'for' | 'param' | 'import' | 'opaque';

export interface NameWrite {
  readonly kind: WriteKind;
  readonly name: string;
  /** The node of the write (the assignment, the `for` statement, the parameter, the import). */
  readonly node: Node;
  /** Offset from which the write holds. */
  readonly at: number;
  /** `assign`: the value; `augment`: the right side; `for`: the iterable; `import`: the imported name's node. */
  readonly value?: Node;
  /** `augment`: the operator (`+=`); `assign` from an unpacking that could not be split: `unpack`. */
  readonly detail?: string;
}

/** Statements under which a write may not happen (a branch, a loop body, a handler). */
const CONDITIONAL_TYPES = new Set(['if_statement', 'elif_clause', 'else_clause', 'for_statement', 'while_statement', 'try_statement', 'except_clause', 'case_clause', 'match_statement']);
/** Definitions whose bodies are scopes of their own. */
const OWN_SCOPE_TYPES = new Set(['function_definition', 'lambda', 'class_definition', ...PY_COMPREHENSION_TYPES]);

function addTargetWrites(out: NameWrite[], target: Node, value: Node | undefined, node: Node, at: number): void {
  const t = unwrapPy(target);
  if (t.type === 'identifier') {
    out.push({ kind: 'assign', name: t.text, node, at, value });
    return;
  }
  const targets = t.type === 'pattern_list' || t.type === 'tuple_pattern' || t.type === 'list_pattern' || t.type === 'tuple' || t.type === 'list' ? named(t) : [];
  const values = value && ['expression_list', 'tuple', 'list'].includes(unwrapPy(value).type) ? named(unwrapPy(value)) : undefined;
  if (values && values.length === targets.length && targets.every((x) => x.type !== 'list_splat_pattern')) {
    targets.forEach((x, i) => addTargetWrites(out, x, values[i], node, at));
    return;
  }
  for (const name of targetNames(t)) out.push({ kind: 'assign', name: name.text, node, at, value, detail: 'unpack' });
}

/** The writes directly in a scope (a function, a lambda, or the module), in document order. */
export function collectWrites(scope: Node): NameWrite[] {
  const out: NameWrite[] = [];
  if (PY_FUNCTION_TYPES.has(scope.type)) {
    for (const p of parametersOf(scope)) out.push({ kind: 'param', name: p.name, node: p.node, at: scope.startIndex });
  }
  const body = PY_FUNCTION_TYPES.has(scope.type) ? scope.childForFieldName('body') : scope;
  const stack: Node[] = body ? [body] : [];
  const visit: Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit.push(node);
    if (node !== body && OWN_SCOPE_TYPES.has(node.type)) continue;
    const children = named(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  for (const node of visit) {
    switch (node.type) {
      case 'assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right') ?? undefined;
        // `a = b = v`: the inner assignment writes `b`, this one `a` with the same value
        let value = right;
        while (value?.type === 'assignment') value = value.childForFieldName('right') ?? undefined;
        if (left && value) addTargetWrites(out, left, value, node, node.endIndex);
        break;
      }
      case 'augmented_assignment': {
        const left = unwrapPy(node.childForFieldName('left') ?? node);
        const op = node.childForFieldName('operator')?.text ?? '';
        if (left.type === 'identifier') out.push({ kind: 'augment', name: left.text, node, at: node.endIndex, value: node.childForFieldName('right') ?? undefined, detail: op });
        break;
      }
      case 'for_statement': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right') ?? undefined;
        if (left) for (const name of targetNames(left)) out.push({ kind: 'for', name: name.text, node, at: (right ?? left).endIndex, value: right });
        break;
      }
      case 'named_expression': {
        const name = node.childForFieldName('name');
        if (name) out.push({ kind: 'assign', name: name.text, node, at: node.endIndex, value: node.childForFieldName('value') ?? undefined });
        break;
      }
      case 'as_pattern_target':
        for (const name of targetNames(named(node)[0] ?? node)) out.push({ kind: 'opaque', name: name.text, node, at: node.endIndex });
        break;
      case 'import_statement':
      case 'import_from_statement':
        for (const imported of named(node)) {
          if (imported === node.childForFieldName('module_name')) continue;
          const alias = imported.type === 'aliased_import' ? imported.childForFieldName('alias') : undefined;
          const dotted = imported.type === 'aliased_import' ? imported.childForFieldName('name') : imported;
          const name = alias?.text ?? (node.type === 'import_statement' ? dotted?.text.split('.')[0] : dotted?.text);
          if (name && dotted) out.push({ kind: 'import', name, node, at: node.endIndex, value: dotted });
        }
        break;
      case 'function_definition':
      case 'class_definition':
        if (node !== scope) {
          const name = node.childForFieldName('name');
          if (name) out.push({ kind: 'opaque', name: name.text, node, at: node.startIndex, detail: node.type });
        }
        break;
      default:
        break;
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The writes of every scope, computed once per scope. */
export class ScopeWrites {
  private readonly byScope = new Map<number, Map<string, NameWrite[]>>();

  constructor(private readonly tree: PyTree) {}

  writesOf(scope: Node, name: string): readonly NameWrite[] {
    let table = this.byScope.get(scope.id);
    if (!table) {
      table = new Map();
      for (const write of collectWrites(scope)) {
        const list = table.get(write.name) ?? [];
        list.push(write);
        table.set(write.name, list);
      }
      this.byScope.set(scope.id, table);
    }
    return table.get(name) ?? [];
  }

  /** True when the function declares the name `global` or `nonlocal` (its writes then belong to another scope). */
  declaresOuter(scope: Node, name: string): boolean {
    return PY_FUNCTION_TYPES.has(scope.type) && (scope.childForFieldName('body')?.descendantsOfType(['global_statement', 'nonlocal_statement']) ?? [])
      .some((s) => !!s && named(s).some((n) => n.text === name));
  }

  /**
   * The writes of a name that reach offset `at` in `scope`: the last one, and when it sits in a branch or loop
   * that does not hold `at`, also every write in that branch and the value before it (`before`: the offset
   * from which to look again). Empty when no write precedes `at`.
   */
  reaching(scope: Node, name: string, at: number): { writes: readonly NameWrite[]; before?: number } {
    const writes = this.writesOf(scope, name).filter((w) => w.at <= at && !(w.node.startIndex <= at && at < w.node.endIndex && w.kind !== 'for' && w.kind !== 'param'));
    if (writes.length === 0) return { writes: [] };
    const last = writes[writes.length - 1];
    let branch: Node | undefined;
    for (const ancestor of this.tree.ancestors(last.node)) {
      if (ancestor.id === scope.id) break;
      if (CONDITIONAL_TYPES.has(ancestor.type) && !(ancestor.startIndex <= at && at < ancestor.endIndex)) branch = ancestor;
    }
    // a loop variable holds only inside its loop
    if (!branch) return { writes: [last] };
    const inBranch = writes.filter((w) => w.node.startIndex >= branch!.startIndex && w.node.endIndex <= branch!.endIndex);
    return { writes: inBranch, before: branch.startIndex };
  }
}
