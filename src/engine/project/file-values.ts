import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren, OwnReturns } from '../ast';
import { LineIndex } from '../text';
import type { LineRange, Range } from '../types';
import type { FileFacts, ImportFact, Span, ValueRef } from './facts';
import { FileScope, FUNCTION_TYPES, stringValue, type Declaration } from './file-scope';
import type { TreeParents } from '../tree-paths';
import { FACTORIES } from './frameworks';

export const UNKNOWN_REF: ValueRef = { root: { kind: 'unknown' }, path: [] };
const UNKNOWN = UNKNOWN_REF;
const MAX_DEPTH = 16;
const MAX_BODY_TEXT = 12000;
const MAX_IMPORT_TEXT = 300;
const MAX_ARRAY_ITEMS = 24;
/** String items kept of an array literal: enough for a project's list of public paths. */
const MAX_LISTED_STRINGS = 200;
const HANDLER_FIRST_PARAMS = new Set(['req', 'request', 'ctx', 'context', '_req', '_request', 'r']);
const HANDLER_SECOND_PARAMS = new Set(['res', 'response', 'reply', 'next', 'h', '_res']);
/** A helper handed the request and the response further down its parameters (`respond(method, req, res, data)`) acts as a handler. */
function takesRequestAndResponse(params: readonly string[]): boolean {
  const request = params.findIndex((p) => p === 'req' || p === 'request');
  return request >= 0 && params.slice(request + 1).some((p) => p === 'res' || p === 'response');
}

/**
 * The list a middleware tests the request's path against to let it through (`whitelistURLs.some((url) =>
 * req.path.startsWith(url))`, `PUBLIC_PATHS.includes(req.path)`); lists named as denials (`blacklist`,
 * `protectedPaths`) are the opposite and not taken.
 */
const PATH_LIST_TEST = /\b([A-Za-z_$][\w$]*)\s*\.\s*(some|find|includes)\s*\(\s*(?:\(?\s*([A-Za-z_$][\w$]*)\s*(?::\s*\w+\s*)?\)?\s*=>\s*(?:req|request)\s*\.\s*(?:path|url|originalUrl)\s*\.\s*startsWith\s*\(\s*\3\s*\)|(?:req|request)\s*\.\s*(?:path|url|originalUrl)\s*\))/g;
const DENIAL_LIST = /black|deny|block|forbid|protect|private|secure|auth/i;
/**
 * The read of the request's path that every match of `PATH_LIST_TEST` holds. Most handlers have none, and a
 * scan for it (from a fixed word) costs a fraction of the whole pattern's, which is tried at every name.
 */
const REQUEST_PATH_READ = /(?:req|request)\s*\.\s*(?:path|url|originalUrl)/;

function exemptPathList(code: string): { name: string; match: 'prefix' | 'exact' } | undefined {
  if (!REQUEST_PATH_READ.test(code)) return undefined;
  for (const m of code.matchAll(PATH_LIST_TEST)) {
    if (!DENIAL_LIST.test(m[1])) return { name: m[1], match: m[2] === 'includes' ? 'exact' : 'prefix' };
  }
  return undefined;
}

export const TRANSPARENT_TYPES: ReadonlySet<string> = new Set(['await_expression', 'parenthesized_expression', 'as_expression', 'non_null_expression', 'satisfies_expression', 'type_assertion']);

export function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/**
 * A statement's span without the comments that end it: whether tree-sitter puts `// note` after
 * `const app = express()` (no semicolon) inside the declaration or after it depends on how the text was
 * parsed (a fresh parse, or a re-parse after an edit), so the editor and the CLI would place fixes differently.
 */
export function statementSpanOf(node: Node): Span {
  let last = node.lastChild;
  while (last && last.type === 'comment' && last.previousSibling) last = last.previousSibling;
  return { start: node.startIndex, end: last && last.type !== 'comment' ? last.endIndex : node.endIndex };
}

/** Dotted text of a callee or reference, without whitespace and optional-chaining marks. */
export function dottedName(node: Node): string {
  // measured by its range: reading the text of the thousandth call of a chain costs the whole chain
  return node.endIndex - node.startIndex > 200 ? node.type : node.text.replace(/\s+/g, '').replace(/\?\./g, '.');
}

/**
 * The values of one file as `ValueRef`s: where each expression's value comes from (an import, a created
 * app or router, a parameter, a function, a call), registering imports, objects and functions in the
 * file's facts as they are met. Lookups are memoised per node.
 */
export class FileValues {
  private readonly refMemo = new Map<number, ValueRef>();
  private readonly inProgress = new Set<number>();
  private readonly functionIndex = new Map<number, number>();
  /** The registered functions' nodes, by index in `facts.functions`. */
  private readonly functionNodes: Node[] = [];
  private readonly objectIndex = new Map<number, number | null>();
  private readonly importIndex = new Map<string, number>();
  private readonly scope: FileScope;
  /** The parents of the tree's nodes as far as they are known (shared with the scope's walks up). */
  readonly parents: TreeParents;
  /** The functions' own return statements: shared with the file's other readers of the same tree. */
  readonly ownReturns: OwnReturns;
  private lines: LineIndex | undefined;

  constructor(private readonly facts: FileFacts, root: Node, private readonly text: string, lines?: LineIndex) {
    this.scope = new FileScope(root, text);
    this.parents = this.scope.parents;
    this.ownReturns = new OwnReturns(text);
    this.lines = lines;
  }


  rangeOf(span: Span): Range {
    this.lines ??= new LineIndex(this.text);
    return this.lines.rangeOf(span.start, span.end);
  }

  /** `rangeOf` as facts keep it (see `LineRange`). */
  lineRangeOf(span: Span): LineRange {
    this.lines ??= new LineIndex(this.text);
    return this.lines.lineRangeOf(span.start, span.end);
  }

  addImport(source: string, name: string, statement: Node, style: ImportFact['style']): number {
    const key = `${statement.startIndex}:${source}:${name}`;
    let index = this.importIndex.get(key);
    if (index === undefined) {
      const span = statementSpanOf(statement);
      index = this.facts.imports.push({ source, name, span, style, text: this.text.slice(span.start, Math.min(span.end, span.start + MAX_IMPORT_TEXT)) }) - 1;
      this.importIndex.set(key, index);
    }
    return index;
  }

  /** The declaration a name refers to where `at` stands. */
  lookup(name: string, at: Node): Declaration | undefined {
    return this.scope.lookup(name, at);
  }

  /** The declaration a name refers to below the nodes of `path` (from the program down). */
  lookupAlong(name: string, path: readonly Node[]): Declaration | undefined {
    return this.scope.lookupAlong(name, path);
  }

  /** The import registered at `index` of the facts' imports. */
  importOf(index: number): ImportFact | undefined {
    return this.facts.imports[index];
  }

  /** The function registered at `index` of the facts' functions. */
  functionNode(index: number): Node | undefined {
    return this.functionNodes[index];
  }

  /** `require('x')` (possibly awaited or wrapped), or `undefined`. */
  requireSource(node: Node): string | undefined {
    let current: Node | null = node;
    while (current && TRANSPARENT_TYPES.has(current.type)) current = namedChildren(current)[0] ?? null;
    if (current?.type !== 'call_expression') return undefined;
    const fn = current.childForFieldName('function');
    if (fn?.type !== 'identifier' || fn.text !== 'require') return undefined;
    return stringValue(current.childForFieldName('arguments')?.namedChildren[0]);
  }

  functionRef(node: Node): ValueRef {
    return { root: { kind: 'function', index: this.registerFunction(node) }, path: [] };
  }

  /** `parent`: the parent of `node`, when the caller has it (it spares the scope lookup of a name a step up the tree). */
  refOf(node: Node | null | undefined, depth = 0, parent?: Node): ValueRef {
    if (!node || depth > MAX_DEPTH) return UNKNOWN;
    const memo = this.refMemo.get(node.id);
    if (memo) return memo;
    if (this.inProgress.has(node.id)) return UNKNOWN;
    this.inProgress.add(node.id);
    if (parent) this.parents.note(node, parent);
    const ref = this.computeRef(node, depth, parent);
    this.inProgress.delete(node.id);
    this.refMemo.set(node.id, ref);
    return ref;
  }

  private computeRef(node: Node, depth: number, parent: Node | undefined): ValueRef {
    const type = node.type;
    if (TRANSPARENT_TYPES.has(type)) return this.refOf(namedChildren(node)[0], depth + 1, node);
    if (FUNCTION_TYPES.has(type)) return this.functionRef(node);
    switch (type) {
      case 'identifier':
        return this.refOfName(node.text, node, depth, parent);
      case 'member_expression':
      case 'subscript_expression': {
        const object = node.childForFieldName('object');
        const property = type === 'member_expression' ? node.childForFieldName('property')?.text : stringValue(node.childForFieldName('index'));
        if (!object || property === undefined) return UNKNOWN;
        if (object.type === 'this') {
          const value = this.scope.thisMember(property);
          return value ? this.refOf(value, depth + 1) : UNKNOWN;
        }
        const base = this.refOf(object, depth + 1, node);
        return base.root.kind === 'unknown' ? UNKNOWN : { root: base.root, path: [...base.path, property] };
      }
      case 'call_expression':
      case 'new_expression':
        return this.refOfCall(node, depth);
      case 'assignment_expression':
        return this.refOf(node.childForFieldName('right'), depth + 1, node);
      case 'object':
        return this.refOfObject(node, depth);
      case 'array':
        return this.arrayRef(node, depth);
      default:
        return UNKNOWN;
    }
  }

  private arrayRef(node: Node, depth: number): ValueRef {
    const children = namedChildren(node);
    const strings = children.slice(0, MAX_LISTED_STRINGS).map((item) => stringValue(item)).filter((v): v is string => v !== undefined);
    return { root: { kind: 'array', items: children.slice(0, MAX_ARRAY_ITEMS).map((item) => this.refOf(item, depth + 1, node)), ...(strings.length ? { strings } : {}) }, path: [] };
  }

  private refOfCall(node: Node, depth: number): ValueRef {
    const type = node.type;
    const fn = node.childForFieldName(type === 'new_expression' ? 'constructor' : 'function');
    if (!fn) return UNKNOWN;
    const list = node.childForFieldName('arguments') ?? node;
    if (list.id !== node.id) this.parents.note(list, node);
    const args = namedChildren(list).filter((arg) => arg.type !== 'comment');
    for (const arg of args) this.parents.note(arg, list);
    const fnType = fn.type;
    if (fnType === 'identifier' && fn.text === 'require' || fnType === 'import') {
      const source = stringValue(args[0]);
      if (source === undefined) return UNKNOWN;
      const statement = this.enclosingStatement(node);
      return { root: { kind: 'import', index: this.addImport(source, fnType === 'import' ? '*' : '=', statement, fnType === 'import' ? 'esm' : 'cjs') }, path: [] };
    }
    const created = this.objectAt(node);
    if (created !== undefined) return { root: { kind: 'object', index: created }, path: [] };
    const callee = this.refOf(fn, depth + 1, node);
    const fnArg = args.find((arg) => FUNCTION_TYPES.has(arg.type));
    if (fnArg) return { root: { kind: 'call', callee, fnArg: this.registerFunction(fnArg) }, path: [] };
    if (callee.root.kind === 'unknown') return UNKNOWN;
    // `memoize(query)`: the call returns `query` itself when the callee passes calls through (told by the resolver)
    const passed = type === 'call_expression' && args[0]?.type === 'identifier' ? this.refOf(args[0], depth + 1, list) : undefined;
    if (passed?.root.kind === 'function' && passed.path.length === 0) return { root: { kind: 'call', callee, passed: passed.root.index }, path: [] };
    if (callee.root.kind === 'function' || callee.root.kind === 'call') return { root: { kind: 'call', callee }, path: [] };
    return { root: callee.root, path: [...callee.path, '()'] };
  }

  private refOfObject(node: Node, depth: number): ValueRef {
    const props: Record<string, ValueRef> = {};
    const spreads: ValueRef[] = [];
    for (const prop of namedChildren(node)) {
      const type = prop.type;
      if (type === 'shorthand_property_identifier') {
        const name = prop.text;
        props[name] = this.refOfName(name, prop, depth + 1, node);
      } else if (type === 'spread_element') spreads.push(this.refOf(namedChildren(prop)[0], depth + 1, prop));
      else if (type === 'pair') {
        const key = prop.childForFieldName('key');
        if (key) props[stringValue(key) ?? key.text] = this.refOf(prop.childForFieldName('value'), depth + 1, prop);
      } else if (type === 'method_definition') {
        const key = prop.childForFieldName('name');
        if (key) props[key.text] = this.functionRef(prop);
      }
    }
    return { root: spreads.length ? { kind: 'literal', props, spreads } : { kind: 'literal', props }, path: [] };
  }

  /** `parent`: the parent of `at`, when the caller has it. */
  refOfName(name: string, at: Node, depth: number, parent?: Node): ValueRef {
    const declaration: Declaration | undefined = this.scope.lookup(name, at, parent);
    if (!declaration) return UNKNOWN;
    switch (declaration.kind) {
      case 'value': {
        if (!declaration.value) return UNKNOWN;
        if (FUNCTION_TYPES.has(declaration.value.type) && !declaration.path.length) {
          return { root: { kind: 'function', index: this.registerFunction(declaration.value, name) }, path: [] };
        }
        const base = this.refOf(declaration.value, depth + 1);
        return base.root.kind === 'unknown' ? UNKNOWN : { root: base.root, path: [...base.path, ...declaration.path] };
      }
      case 'param':
        return { root: { kind: 'param', fn: this.registerFunction(declaration.fn), index: declaration.index }, path: [] };
      case 'function':
        return this.functionRef(declaration.node);
      case 'import':
        return { root: { kind: 'import', index: this.addImport(declaration.source, declaration.name, declaration.statement, 'esm') }, path: [] };
      default:
        return UNKNOWN;
    }
  }

  private enclosingStatement(node: Node): Node {
    let current = node;
    // (each step up read once: `Node.parent` costs a descent from the root)
    for (let steps = 0; ; steps++) {
      const parent = this.parents.of(current, steps);
      if (!parent) return current;
      const type = parent.type;
      if (type === 'program' || type === 'statement_block') return current;
      current = parent;
    }
  }

  registerFunction(node: Node, declaredName?: string): number {
    const existing = this.functionIndex.get(node.id);
    if (existing !== undefined) return existing;
    // a copy: the facts are plain data, the scope keeps its own
    const params = [...this.scope.parameterNamesOf(node)];
    const index = this.facts.functions.push({ params, span: spanOf(node), returns: [] }) - 1;
    this.functionIndex.set(node.id, index);
    this.functionNodes[index] = node;
    const fact = this.facts.functions[index];
    const name = node.childForFieldName('name')?.text ?? declaredName;
    if (name) fact.name = name;
    if (HANDLER_FIRST_PARAMS.has(params[0] ?? '') || HANDLER_SECOND_PARAMS.has(params[1] ?? '') || takesRequestAndResponse(params)) {
      // A request handler's return value never carries an app or router; its code is what rules read.
      fact.bodyText = this.text.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + MAX_BODY_TEXT));
      const exempt = exemptPathList(fact.bodyText);
      if (exempt) {
        const list = this.refOfName(exempt.name, node, 0);
        if (list.root.kind !== 'unknown') fact.exemptPaths = { name: exempt.name, list, match: exempt.match };
      }
    } else {
      fact.returns = this.returnsOf(node);
    }
    return index;
  }

  private returnsOf(fn: Node): ValueRef[] {
    const body = fn.childForFieldName('body');
    if (!body) return [];
    this.parents.note(body, fn);
    if (body.type !== 'statement_block') {
      const ref = this.refOf(body, 0, fn);
      return ref.root.kind === 'unknown' ? [] : [ref];
    }
    if (!body.text.includes('return')) return this.constructedObject(body);
    // Returns inside nested functions belong to those.
    const returns = this.ownReturns.of(body);
    const refs: ValueRef[] = [];
    for (const statement of returns) {
      const ref = this.refOf(namedChildren(statement)[0], 0, statement);
      if (ref.root.kind !== 'unknown') refs.push(ref);
    }
    // No return of its own (none, or every one belongs to a nested function): it returns nothing, as a constructor does.
    return returns.length ? refs : this.constructedObject(body);
  }

  /**
   * What `new Handler(db)` makes of a constructor function that returns nothing: an object of the
   * properties its body assigns to `this` (`this.list = (req, res) => ...`), so `handler.list` resolves.
   */
  private constructedObject(body: Node): ValueRef[] {
    if (!body.text.includes('this.')) return [];
    const props: Record<string, ValueRef> = {};
    for (const statement of namedChildren(body)) {
      const assignment = statement.type === 'expression_statement' ? namedChildren(statement)[0] : undefined;
      if (assignment?.type !== 'assignment_expression') continue;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      const name = left?.type === 'member_expression' && left.childForFieldName('object')?.type === 'this' ? left.childForFieldName('property')?.text : undefined;
      if (name && right) props[name] = this.refOf(right);
    }
    return Object.keys(props).length ? [{ root: { kind: 'literal', props }, path: [] }] : [];
  }

  /** Index of the object a factory call creates, or `undefined` when the call is not a factory. */
  objectAt(call: Node): number | undefined {
    const memo = this.objectIndex.get(call.id);
    if (memo !== undefined) return memo ?? undefined;
    this.objectIndex.set(call.id, null);
    const isNew = call.type === 'new_expression';
    const callee = this.refOf(call.childForFieldName(isNew ? 'constructor' : 'function'));
    if (callee.root.kind !== 'import') return undefined;
    const imported = this.facts.imports[callee.root.index];
    const pattern = FACTORIES.find((f) => f.module === imported.source && f.imports.includes(imported.name)
      && f.member.length === callee.path.length && f.member.every((m, i) => callee.path[i] === m)
      && (f.call === 'either' || (f.call === 'new') === isNew));
    if (!pattern) return undefined;
    const index = this.facts.objects.push({ kind: pattern.kind, span: spanOf(call) }) - 1;
    this.objectIndex.set(call.id, index);
    const fact = this.facts.objects[index];
    const options = call.childForFieldName('arguments')?.namedChildren[0];
    if (options?.type === 'object') {
      for (const pair of namedChildren(options)) {
        if (pair.type === 'pair' && pair.childForFieldName('key')?.text.replace(/['"]/g, '') === 'prefix') fact.prefix = stringValue(pair.childForFieldName('value'));
      }
    }
    this.describeBinding(call, fact);
    return index;
  }

  /** Where the created object is stored: `const app = express();`, `this.app = express();`, a class field. */
  private describeBinding(call: Node, fact: FileFacts['objects'][number]): void {
    let current: Node = call;
    while (current.parent && (TRANSPARENT_TYPES.has(current.parent.type) || current.parent.type === 'assignment_expression' && current.parent.childForFieldName('right')?.id === current.id)) {
      const parent: Node = current.parent;
      if (parent.type === 'assignment_expression') {
        const left = parent.childForFieldName('left');
        const leftText = left ? dottedName(left) : '';
        if (left && (left.type === 'identifier' || /^this\.[\w$]+$/.test(leftText))) {
          fact.boundTo ??= leftText;
          if (parent.parent?.type === 'expression_statement') fact.statement ??= statementSpanOf(parent.parent);
        }
      }
      current = parent;
    }
    const parent = current.parent;
    if (parent?.type === 'variable_declarator' && parent.childForFieldName('name')?.type === 'identifier') {
      fact.boundTo = parent.childForFieldName('name')!.text;
      const declaration = parent.parent;
      if (declaration && namedChildren(declaration).filter((c) => c.type !== 'comment').length === 1) fact.statement = statementSpanOf(declaration);
    } else if ((parent?.type === 'field_definition' || parent?.type === 'public_field_definition') && !fact.boundTo) {
      const key = parent.childForFieldName('property') ?? parent.childForFieldName('name');
      if (key) { fact.boundTo = `this.${key.text}`; fact.statement = statementSpanOf(parent); }
    }
  }

  /** A string known without running the code: literals, templates and `+` over constants and `this.path`-style fields. */
  staticString(node: Node | null | undefined, depth = 0): string | undefined {
    if (!node || depth > 4) return undefined;
    const plain = stringValue(node);
    if (plain !== undefined) return plain;
    switch (node.type) {
      case 'template_string': {
        let result = '';
        for (const part of namedChildren(node)) {
          if (part.type === 'template_substitution') {
            const value = this.staticString(namedChildren(part)[0], depth + 1);
            if (value === undefined) return undefined;
            result += value;
          } else result += part.text;
        }
        return result;
      }
      case 'binary_expression': {
        if (node.childForFieldName('operator')?.text !== '+') return undefined;
        const left = this.staticString(node.childForFieldName('left'), depth + 1);
        const right = left === undefined ? undefined : this.staticString(node.childForFieldName('right'), depth + 1);
        return right === undefined ? undefined : left! + right;
      }
      case 'identifier': {
        const declaration = this.scope.lookup(node.text, node);
        return declaration?.kind === 'value' && !declaration.path.length ? this.staticString(declaration.value, depth + 1) : undefined;
      }
      case 'member_expression':
        return node.childForFieldName('object')?.type === 'this' ? this.staticString(this.scope.thisMember(node.childForFieldName('property')?.text ?? ''), depth + 1) : undefined;
      default:
        return undefined;
    }
  }
}
