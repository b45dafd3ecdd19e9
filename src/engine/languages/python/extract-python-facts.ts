import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import { publicMarkerReader } from '../../project/public-marker';
import { LineIndex } from '../../text';
import { WHOLE_CLASS_ATTRS, type PyAssignment, type PyCallStatement, type PyClass, type PyDecorator, type PyFunction, type PyImport, type PyParam, type PythonFileFacts, type PyValue } from './python-facts';
import { bodyShape } from './body-shape';
import { classCodeParts, MAX_CODE } from './class-code';
import { readCallSites } from './call-site-facts';
import type { PyNodes } from './py-nodes';
import { callerCheckIn, refusalIn } from './refusals';
import { isDependencyCallee } from './origins';
import { dottedName, plainStringValue } from './syntax';
import { wrapperGate } from './wrapper-gates';

const MAX_ITEMS = 400;
const MAX_DEPTH = 6;

/** Reads a Python expression into a `PyValue`, to a bounded depth. */
export function pyValue(node: Node, depth = 0): PyValue {
  const text = node.text.length > 200 ? node.text.slice(0, 200) : node.text;
  if (depth > MAX_DEPTH) return { kind: 'other', text };
  const leaf = leafValue(node);
  if (leaf) return leaf;
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const argList = node.childForFieldName('arguments');
    const args: PyValue[] = [];
    const kwargs: Record<string, PyValue> = {};
    for (const arg of argList ? namedChildren(argList).slice(0, MAX_ITEMS) : []) {
      if (arg.type === 'keyword_argument') {
        const key = arg.childForFieldName('name');
        const value = arg.childForFieldName('value');
        if (key && value) kwargs[key.text] = pyValue(value, depth + 1);
      } else if (arg.type !== 'comment') args.push(pyValue(arg, depth + 1));
    }
    return callValue(node, calleeText(fn), args, kwargs, text);
  }
  if (node.type === 'list' || node.type === 'tuple' || node.type === 'set' || node.type === 'parenthesized_expression') {
    const items = namedChildren(node).filter((c) => c.type !== 'comment').slice(0, MAX_ITEMS).map((c) => pyValue(c, depth + 1));
    return node.type === 'parenthesized_expression' && items.length === 1 ? items[0] : { kind: 'list', items };
  }
  if (node.type === 'dictionary') {
    const entries: [string, PyValue][] = [];
    for (const pair of namedChildren(node).slice(0, MAX_ITEMS)) {
      const key = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
      const keyText = key ? plainStringValue(key) : undefined;
      if (keyText !== undefined && value) entries.push([keyText, pyValue(value, depth + 1)]);
    }
    return { kind: 'dict', entries };
  }
  if (node.type === 'subscript') {
    const value = node.childForFieldName('value');
    const items = namedChildren(node).slice(1).map((c) => pyValue(c, depth + 1));
    return { kind: 'subscript', value: value?.text ?? '', items };
  }
  if (node.type === 'generic_type') {
    // In annotations the grammar reads `Annotated[T, Depends(f)]` as a generic type of `type` nodes.
    const [head, params] = namedChildren(node);
    const items = params ? namedChildren(params).map((t) => (t.type === 'type' && namedChildren(t)[0] ? pyValue(namedChildren(t)[0], depth + 1) : pyValue(t, depth + 1))) : [];
    return { kind: 'subscript', value: head?.text ?? '', items };
  }
  if (node.type === 'binary_operator') {
    // `urlpatterns = [...] + router.urls`: both sides, as a list.
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left && right && node.childForFieldName('operator')?.text === '+') return { kind: 'list', items: [pyValue(left, depth + 1), pyValue(right, depth + 1)] };
  }
  return { kind: 'other', text };
}

/** A constant or a name (`"/api"`, `True`, `permissions.IsAuthenticated`) as a `PyValue`; `undefined` for anything else. */
function leafValue(node: Node): PyValue | undefined {
  if (node.type === 'true' || node.type === 'false' || node.type === 'none') return { kind: 'name', name: node.text };
  const str = plainStringValue(node);
  if (str !== undefined) return { kind: 'string', value: str };
  const name = dottedName(node);
  return name ? { kind: 'name', name } : undefined;
}

/** The call `node` as a `PyValue`, where it starts with it. */
function callValue(node: Node, callee: string, args: PyValue[], kwargs: Record<string, PyValue>, text: string): PyValue {
  return { kind: 'call', callee, args, kwargs, start: node.startIndex, line: node.startPosition.row, column: node.startPosition.column, text };
}

/** A call's callee: `X.as_view()` and `include(...)` keep their dotted name; a chained call keeps the whole callee text. */
function calleeText(fn: Node | null): string {
  return fn ? dottedName(fn) ?? fn.text.slice(0, 200) : '';
}

/**
 * What the facts keep of the value of a class attribute (`name = ...` in a class body). Most are a model's fields
 * (`name = models.CharField(max_length=100, ...)`) and the lists of a serializer's or a filter's `Meta`
 * (`fields = ('id', 'name', ...)`), which no rule reads: kept whole, they were about a third of a Django
 * project's facts (netbox: 7.0 of 22.9 MB). The frameworks' models read of any attribute a constant or a name
 * (`API_PREFIX = "/api"`), a call's callee, and a dependency whole (`user = Depends(get_user)`, see
 * `isDependencyCallee`); attributes named in `WHOLE_CLASS_ATTRS` are kept whole. Of any other value the facts keep
 * its kind only: a call without its arguments and text, anything else as `other` with no text.
 */
function classAttrValue(name: string, node: Node): PyValue {
  if (WHOLE_CLASS_ATTRS.has(name)) return pyValue(node);
  let inner = node;
  // `X = ("/api")` is the string, as `pyValue` reads it
  while (inner.type === 'parenthesized_expression') {
    const items = namedChildren(inner).filter((c) => c.type !== 'comment');
    if (items.length !== 1) break;
    inner = items[0];
  }
  const leaf = leafValue(inner);
  if (leaf) return leaf;
  if (inner.type !== 'call') return { kind: 'other', text: '' };
  const callee = calleeText(inner.childForFieldName('function'));
  if (isDependencyCallee(callee)) return pyValue(inner);
  return callValue(inner, callee, [], {}, '');
}

function decoratorsOf(definition: Node): PyDecorator[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return namedChildren(parent).filter((c) => c.type === 'decorator').map((d) => {
    const expression = namedChildren(d)[0];
    const value = expression ? pyValue(expression) : { kind: 'other' as const, text: '' };
    const name = value.kind === 'call' ? value.callee : value.kind === 'name' ? value.name : d.text.slice(1);
    return { name, call: value.kind === 'call' ? value : undefined, start: d.startIndex, end: d.endIndex };
  });
}

function paramsOf(fn: Node): PyParam[] {
  const params = fn.childForFieldName('parameters');
  if (!params) return [];
  return namedChildren(params).map((p) => {
    if (p.type === 'identifier') return { name: p.text };
    const name = p.childForFieldName('name') ?? namedChildren(p)[0];
    const type = p.childForFieldName('type');
    const value = p.childForFieldName('value');
    const annotation = type ? namedChildren(type)[0] : undefined;
    return { name: name?.text ?? '', annotation: annotation ? pyValue(annotation) : undefined, default: value ? pyValue(value) : undefined };
  });
}

class PythonFactReader {
  private readonly facts: PythonFileFacts = { publicMarks: {}, imports: [], functions: [], classes: [], assignments: [], calls: [] };
  private readonly publicReason: (offset: number) => string | undefined;

  constructor(private readonly text: string, private readonly lines: LineIndex, private readonly nodes: PyNodes) {
    this.publicReason = publicMarkerReader(text);
  }

  run(root: Node): PythonFileFacts {
    if (this.text.includes('backend-guide-public')) {
      for (const comment of root.descendantsOfType('comment')) {
        const reason = comment && /backend-guide-public:\s*(\S(?:.*\S)?)/.exec(comment.text)?.[1];
        if (reason) this.facts.publicMarks[comment!.startPosition.row] = reason;
      }
    }
    this.visit(root, undefined, undefined, false);
    return this.facts;
  }

  private visit(node: Node, fn: string | undefined, cls: string | undefined, nested: boolean): void {
    for (const child of namedChildren(node)) {
      switch (child.type) {
        case 'import_statement': case 'import_from_statement': this.readImport(child); break;
        case 'decorated_definition': {
          const definition = child.childForFieldName('definition');
          this.visitDefinition(definition, fn, cls, nested);
          break;
        }
        case 'function_definition': case 'class_definition': this.visitDefinition(child, fn, cls, nested); break;
        case 'expression_statement': this.readStatement(child, fn, cls); break;
        default:
          // if/try/with blocks at any level hold assignments and calls too (`if settings.DEBUG: urlpatterns += ...`).
          if (/_statement$|_clause$|^block$/.test(child.type)) this.visit(child, fn, cls, nested);
      }
    }
  }

  private visitDefinition(definition: Node | null, fn: string | undefined, cls: string | undefined, nested: boolean): void {
    if (!definition) return;
    if (definition.type === 'function_definition') {
      const name = definition.childForFieldName('name');
      const body = definition.childForFieldName('body');
      if (!name || !body) return;
      const decorators = decoratorsOf(definition);
      const first = decorators[0]?.start ?? definition.startIndex;
      const lineStart = this.text.lastIndexOf('\n', first - 1) + 1;
      const code = definition.text.slice(0, MAX_CODE);
      const check = callerCheckIn(body, this.nodes);
      const wrapper = cls && !fn ? wrapperGate(body, name.text, this.nodes) : undefined;
      const params = paramsOf(definition);
      this.facts.functions.push({
        name: name.text, className: fn ? undefined : cls, decorators, params, code,
        refuses: check ?? refusalIn(body.text.slice(0, MAX_CODE)), checksCaller: check !== undefined, shape: bodyShape(body, params.map((p) => p.name), MAX_CODE, this.nodes),
        ...(wrapper?.passesOn ? { passesOn: true } : {}), ...(wrapper?.gate ? { gate: wrapper.gate } : {}),
        defStart: lineStart, defLineStart: this.text.lastIndexOf('\n', definition.startIndex - 1) + 1, indent: this.text.slice(lineStart, first), nameStart: name.startIndex, nameEnd: name.endIndex,
        nameAt: this.lines.lineRangeOf(name.startIndex, name.endIndex), nested: fn !== undefined || nested,
        publicReason: this.publicReason(first),
      });
      this.visit(body, name.text, cls, true);
      return;
    }
    if (definition.type === 'class_definition') {
      const name = definition.childForFieldName('name');
      const body = definition.childForFieldName('body');
      if (!name || !body) return;
      const supers = definition.childForFieldName('superclasses');
      const bases = supers ? namedChildren(supers).map((b) => dottedName(b) ?? (b.type === 'subscript' ? dottedName(b.childForFieldName('value')!) ?? '' : '')).filter(Boolean) : [];
      const attrs: Record<string, PyValue> = {};
      const methods: string[] = [];
      const methodNodes: Node[] = [];
      for (const statement of namedChildren(body)) {
        const inner = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
        if (inner?.type === 'function_definition') {
          methods.push(inner.childForFieldName('name')?.text ?? '');
          methodNodes.push(inner);
        }
        const assignment = statement.type === 'expression_statement' ? namedChildren(statement)[0] : undefined;
        if (assignment?.type === 'assignment') {
          const left = assignment.childForFieldName('left');
          const right = assignment.childForFieldName('right');
          if (left?.type === 'identifier' && right) attrs[left.text] = classAttrValue(left.text, right);
        }
      }
      const decorators = decoratorsOf(definition);
      const cls: PyClass = {
        name: name.text, bases, decorators, attrs, methods, codeParts: { outside: '', methods: [], at: [] },
        start: name.startIndex, end: name.endIndex,
        publicReason: this.publicReason(decorators[0]?.start ?? definition.startIndex),
      };
      this.facts.classes.push(cls);
      const firstFunction = this.facts.functions.length;
      this.visit(body, fn, name.text, nested);
      // the body's functions have their facts now: each method's by where its name starts
      const byName = new Map<number, number>();
      for (let i = firstFunction; i < this.facts.functions.length; i += 1) byName.set(this.facts.functions[i].nameStart, i);
      cls.codeParts = classCodeParts(this.text, definition, methodNodes, (method) => byName.get(method.childForFieldName('name')?.startIndex ?? -1));
    }
  }

  private readImport(node: Node): void {
    if (node.type === 'import_statement') {
      for (const item of namedChildren(node)) {
        if (item.type === 'dotted_name') this.facts.imports.push({ module: item.text, alias: item.text.split('.')[0] });
        if (item.type === 'aliased_import') {
          const name = item.childForFieldName('name');
          const alias = item.childForFieldName('alias');
          if (name && alias) this.facts.imports.push({ module: name.text, alias: alias.text });
        }
      }
      return;
    }
    const moduleNode = node.childForFieldName('module_name');
    if (!moduleNode) return;
    const module = moduleNode.text.replace(/\s+/g, '');
    for (const item of namedChildren(node)) {
      if (item === moduleNode || item.startIndex === moduleNode.startIndex) continue;
      if (item.type === 'dotted_name') this.facts.imports.push({ module, name: item.text, alias: item.text });
      else if (item.type === 'aliased_import') {
        const name = item.childForFieldName('name');
        const alias = item.childForFieldName('alias');
        if (name && alias) this.facts.imports.push({ module, name: name.text, alias: alias.text });
      } else if (item.type === 'wildcard_import') this.facts.imports.push({ module, name: '*', alias: '*' });
    }
  }

  private readStatement(statement: Node, fn: string | undefined, cls: string | undefined): void {
    const expression = namedChildren(statement)[0];
    if (!expression) return;
    if ((expression.type === 'assignment' || expression.type === 'augmented_assignment') && !cls) {
      const left = expression.childForFieldName('left');
      const right = expression.childForFieldName('right');
      const target = left && dottedName(left);
      if (!target || !right) return;
      const value = pyValue(right);
      if (value.kind === 'other') return;
      const item: PyAssignment = {
        target, value, augmented: expression.type === 'augmented_assignment',
        start: statement.startIndex, end: statement.endIndex, line: this.lines.positionAt(statement.startIndex).line, inFunction: fn,
      };
      if (this.facts.assignments.length < 4 * MAX_ITEMS) this.facts.assignments.push(item);
      return;
    }
    if (expression.type === 'call' && !cls) {
      const value = pyValue(expression);
      if (value.kind !== 'call' || !value.callee.includes('.') || this.facts.calls.length >= 4 * MAX_ITEMS) return;
      const call: PyCallStatement = { call: value, end: expression.endIndex, publicReason: this.publicReason(expression.startIndex) };
      this.facts.calls.push(call);
    }
  }
}

/**
 * Whether a Python file can hold facts: any view, decorator, settings or URLconf module can matter to a route
 * in another file (a view is any function or class), so every file that defines or assigns something is read.
 */
export const MAY_HOLD_PYTHON_FACTS = /\b(?:def|class|import)\b|=/;

/** `nodes`: those of the tree the facts pass asks for (see `PyNodes`): below every function's body, and in the whole file. */
export function extractPythonFacts(tree: Tree, text: string, lines: LineIndex | undefined, nodes: PyNodes): PythonFileFacts {
  lines ??= new LineIndex(text);
  return { ...new PythonFactReader(text, lines, nodes).run(tree.rootNode), ...readCallSites(tree.rootNode, lines, nodes) };
}
