import type { Node } from '@vscode/tree-sitter-wasm';
import type { BuildKind } from '../../model/sql';
import { type NameWrite, ScopeWrites } from './names';
import {
  GENERATED_CALLS, NUMERIC_CALLS, QUERY_RESULT_CALLS, QUOTING_CALLS, SQL_OBJECT_CALLS, TEXT_PRESERVING_METHODS, functionName, isPrivateFunction, parameterOrigin, requestOrigin,
} from './origins';
import { PLACEHOLDER_TEXT, type PyEval, type PyPiece, UNKNOWN_VALUE, builtOf, isStringish, mergeBuilt, originOf, piecesAt, reOrigin, textEval, unionOf, value } from './pieces';
import { matchGroup, readRegexCall, tupleItem } from './regex-groups';
import { OwnCallers } from './own-callers';
import { FLAGGED_ORIGINS } from '../../rules/sql/neutral/judge';
import { collectionItems, guardedOrigin } from './collections';
import { readAttribute, readBinary, readConditional, readSubscript } from './operators';
import { concatenate, constantText, readStrFormat, readStringLiteral } from './strings';
import { CONSTANT_NAME, PY_COMPREHENSION_TYPES, type PyParameter, type PyTree, argumentsOf, calleeOf, named, parametersOf, unwrapPy } from './syntax';
import { type PyProjectCallers, foreignValue } from './project-callers';

/**
 * Reads a Python expression as SQL text: the pieces of the text and, for each value spliced in, where it
 * comes from (request data, a parameter whose callers are not visible, a constant however it travels, a number).
 * Follows names to their writes in the function and the module, private functions to their callers in the
 * file, and functions that return only constants. Bounded by depth and by a deadline.
 */

const MAX_DEPTH = 20;

export class PyEvaluator {
  readonly writes: ScopeWrites;
  private depth = 0;
  private readonly active = new Set<string>();
  private readonly memo = new Map<string, PyEval>();
  private readonly ownCallers: OwnCallers;
  /** Calls of the file's own functions being followed, innermost last: their arguments bind the parameters. */
  private readonly frames: { fn: Node; call: Node; method: boolean }[] = [];
  expired = false;

  /**
   * `queryFunctions`: the file's own functions that run the SQL they are given (`def run_query(sql): cursor.execute(sql)`):
   * what they return is read from the database.
   */
  constructor(
    readonly tree: PyTree, private readonly deadline: number, readonly imports: ReadonlySet<string>, private readonly queryFunctions: ReadonlySet<string> = new Set(),
    /** The callers this file's functions have in the project's other files, when the project was indexed. */
    private readonly project?: PyProjectCallers,
  ) {
    this.writes = new ScopeWrites(tree);
    this.ownCallers = new OwnCallers(tree, this.writes);
  }

  evaluate(node: Node): PyEval {
    if (this.expired || performance.now() > this.deadline) {
      this.expired = true;
      return UNKNOWN_VALUE('time budget');
    }
    if (this.depth >= MAX_DEPTH) return UNKNOWN_VALUE('too deep to follow');
    // each expression is read once per chain of followed calls: branches that meet again share the work
    const key = this.memoKey(node.id);
    const known = this.memo.get(key);
    if (known) return known;
    this.depth++;
    try {
      const result = this.read(unwrapPy(node));
      this.memo.set(key, result);
      return result;
    } finally {
      this.depth--;
    }
  }

  private memoKey(id: number | string): string {
    return this.frames.length === 0 ? String(id) : `${id}|${this.frames.map((f) => f.call.id).join(',')}`;
  }

  private read(node: Node): PyEval {
    switch (node.type) {
      case 'string': return readStringLiteral(node, (n) => this.evaluate(n));
      case 'concatenated_string': {
        const parts = named(node).map((part) => ({ e: this.evaluate(part), node: part }));
        return textEval(parts.flatMap((p) => piecesAt(p.e, p.node)), mergeBuilt(...parts.map((p) => builtOf(p.e))));
      }
      case 'integer': case 'float': case 'true': case 'false': case 'none':
        return value('constant', 'a literal', node.type === 'integer' || node.type === 'float' ? node.text : undefined);
      case 'identifier': return this.name(node);
      case 'attribute': return readAttribute(this, node);
      case 'subscript': return readSubscript(this, node);
      case 'call': return this.call(node);
      case 'binary_operator': return readBinary(this, node);
      case 'conditional_expression': return readConditional(this, node);
      case 'boolean_operator': {
        const [left, right] = [node.childForFieldName('left'), node.childForFieldName('right')];
        if (!left || !right) return UNKNOWN_VALUE(node.text);
        // `a or "default"`: either side
        return unionOf([{ e: this.evaluate(left), node: left }, { e: this.evaluate(right), node: right }]);
      }
      case 'await': return named(node)[0] ? this.evaluate(named(node)[0]) : UNKNOWN_VALUE(node.text);
      case 'comparison_operator': case 'not_operator': case 'unary_operator':
        return value('numeric', 'a comparison or number');
      case 'list': case 'tuple': case 'set': case 'dictionary': case 'list_comprehension': case 'generator_expression': case 'set_comprehension': case 'dictionary_comprehension': {
        const items = collectionItems(this, node, node.endIndex);
        if (items.length === 0) return value('constant', 'an empty collection');
        const merged = unionOf(items, true);
        return merged.kind === 'text' ? value(originOf(merged).origin, originOf(merged).why) : merged;
      }
      default: return UNKNOWN_VALUE(node.type);
    }
  }

  /** A name, at the point where it is read. */
  private name(id: Node): PyEval {
    const key = `${id.startIndex}:${id.text}`;
    if (this.active.has(key)) return UNKNOWN_VALUE(`${id.text} (circular)`);
    this.active.add(key);
    try {
      // a list grown with `append` is what was put in it
      const items = collectionItems(this, id, id.startIndex);
      if (items.length > 0) {
        const { origin, why } = originOf(unionOf(items, true));
        return value(origin, `items of ${id.text} (${why})`);
      }
      return this.guarded(id, this.nameAt(id.text, id, id.startIndex));
    } finally {
      this.active.delete(key);
    }
  }

  /** A flagged value that a check before it limits (`if sort not in ALLOWED: abort()`) is allowed. */
  private guarded(id: Node, e: PyEval): PyEval {
    const { origin } = originOf(e);
    if (origin !== 'request' && origin !== 'unknown') return e;
    const fn = this.tree.enclosingFunction(id);
    const guard = fn ? guardedOrigin(this, fn, id.text, id.startIndex) : undefined;
    return guard ?? e;
  }

  /** The value of `name` at offset `at`, as seen from `from` (a node in the scope that reads it). */
  nameAt(name: string, from: Node, at: number): PyEval {
    const comprehension = this.comprehensionBinding(from, name);
    if (comprehension) return comprehension;
    let scope: Node | undefined = this.tree.enclosingFunction(from);
    let point = at;
    while (scope) {
      if (this.writes.declaresOuter(scope, name)) break;
      if (this.writes.writesOf(scope, name).length > 0) return this.reachingValue(scope, name, point);
      point = scope.startIndex;
      scope = this.tree.enclosingFunction(scope);
    }
    const root = this.tree.root;
    const atModule = this.tree.enclosingFunction(from) === undefined ? at : root.endIndex;
    if (this.writes.writesOf(root, name).length > 0) return this.reachingValue(root, name, atModule);
    if (CONSTANT_NAME.test(name)) return value('constant', `constant ${name}`);
    return UNKNOWN_VALUE(`name ${name}`);
  }

  private reachingValue(scope: Node, name: string, at: number): PyEval {
    const key = this.memoKey(`${scope.id}:${name}:${at}`);
    const known = this.memo.get(key);
    if (known) return known;
    const result = this.reachingValueOnce(scope, name, at);
    this.memo.set(key, result);
    return result;
  }

  private reachingValueOnce(scope: Node, name: string, at: number): PyEval {
    const reach = this.writes.reaching(scope, name, at);
    if (reach.writes.length === 0) return UNKNOWN_VALUE(`${name} before it is set`);
    const items = reach.writes.map((w) => ({ e: this.writeValue(scope, w), node: w.value ?? w.node }));
    if (reach.before !== undefined && this.writes.reaching(scope, name, reach.before).writes.length > 0) {
      items.unshift({ e: this.reachingValue(scope, name, reach.before), node: reach.writes[0].node });
    }
    return unionOf(items);
  }

  private writeValue(scope: Node, write: NameWrite): PyEval {
    switch (write.kind) {
      case 'assign': {
        if (!write.value) return UNKNOWN_VALUE(write.name);
        if (write.detail !== 'unpack') return this.evaluate(write.value);
        const whole = this.evaluate(write.value);
        const items = collectionItems(this, write.value, write.at);
        const e = items.length > 0 ? unionOf(items, true) : whole;
        return value(originOf(e).origin, `unpacked from ${write.value.text.slice(0, 30)}`);
      }
      case 'augment': {
        const right = write.value;
        if (!right) return UNKNOWN_VALUE(write.name);
        const before = this.reachingValue(scope, write.name, write.node.startIndex);
        const added = this.evaluate(right);
        if (write.detail === '+=' && (isStringish(before) || isStringish(added))) {
          return concatenate(write.node, before, right, added, 'append');
        }
        const merged = unionOf([{ e: before, node: write.node }, { e: added, node: right }]);
        return merged.kind === 'text' ? merged : value(write.detail === '+=' ? originOf(merged).origin : 'numeric', `${write.name} ${write.detail}`);
      }
      case 'for': {
        if (!write.value) return UNKNOWN_VALUE(write.name);
        return this.itemOf(write.value, write.at);
      }
      case 'param': {
        const fn = scope;
        const param = parametersOf(fn).find((p) => p.name === write.name);
        if (!param) return UNKNOWN_VALUE(write.name);
        const bound = param.splat ? undefined : this.boundArgument(fn, param.name, param.index);
        if (bound) return bound;
        const declared = parameterOrigin(this.tree, fn, param);
        if (declared) return value(declared.origin, declared.why);
        if (fn.type === 'function_definition' && isPrivateFunction(fn)) {
          const passed = this.argumentsPassed(fn, param.name, param.index, param.default);
          if (passed) return passed;
        } else if (this.ownCallers.onlyInFile(fn)) {
          // a public function: the file's calls count when each passes a value that cannot carry SQL syntax, or
          // tuples whose elements are known apart (the whole stays flagged)
          const passed = this.argumentsPassed(fn, param.name, param.index, param.default);
          if (passed && (!FLAGGED_ORIGINS.has(originOf(passed).origin) || (passed.kind === 'value' && (passed.parts || passed.itemParts)))) return passed;
        }
        return this.passedByProject(fn, param, false) ?? UNKNOWN_VALUE(`parameter ${param.name} of ${functionName(fn)}()`);
      }
      case 'import': return CONSTANT_NAME.test(write.name) ? value('constant', `imported constant ${write.name}`) : UNKNOWN_VALUE(`imported ${write.name}`);
      case 'opaque': return write.detail === 'function_definition' || write.detail === 'class_definition' ? value('constant', write.detail) : UNKNOWN_VALUE(write.name);
    }
  }

  /**
   * What the callers in this file pass for a parameter of a function; `undefined` when it has none.
   * `anyReceiver`: a method's calls on any object count (`db.upsert(...)`), not only those on `self`;
   * `read`: what of an argument is asked (its value, or what iterating it gives).
   */
  private argumentsPassed(fn: Node, name: string, index: number, fallback: Node | undefined, anyReceiver = false, read = (n: Node) => this.evaluate(n)): PyEval | undefined {
    const fnName = functionName(fn);
    const isMethod = !!this.tree.classOf(fn) && parametersOf(fn)[0]?.name === 'self';
    const calls = (this.tree.ofType.get('call') ?? []).filter((call) => {
      const callee = calleeOf(call);
      if (callee.name !== fnName) return false;
      if (anyReceiver) return !!callee.receiver;
      return !callee.receiver || /^(?:self|cls)$/.test(callee.receiver.text) === isMethod;
    });
    if (calls.length === 0) return undefined;
    const items: { e: PyEval; node: Node }[] = [];
    for (const call of calls) {
      const args = argumentsOf(call);
      const arg = args.keywords.get(name) ?? args.positional[index - (isMethod ? 1 : 0)];
      if (arg) items.push({ e: read(arg), node: arg });
      else if (fallback) items.push({ e: read(fallback), node: fallback });
      else if (args.splat) items.push({ e: UNKNOWN_VALUE(`${fnName}(*args)`), node: call });
    }
    return items.length > 0 ? unionOf(items) : undefined;
  }

  /**
   * What every caller in the project passes for a parameter of a function (`items`: what iterating it gives):
   * the calls in this file and, from the project's facts, in the others (`callers.ts`); `undefined` without
   * project facts, when its callers are out of sight, or when it has none.
   */
  private passedByProject(fn: Node, param: PyParameter, items: boolean): PyEval | undefined {
    if (!this.project || param.splat || fn.type !== 'function_definition') return undefined;
    const method = !!this.tree.classOf(fn) && /^(?:self|cls)$/.test(parametersOf(fn)[0]?.name ?? '');
    const foreign = this.project.callers.argumentsFor({ file: this.project.fileName, name: functionName(fn), method, param: { name: param.name, position: param.index - (method ? 1 : 0) } });
    if (!foreign) return undefined;
    const read = (n: Node): PyEval => (items ? this.itemOf(n, n.startIndex) : this.evaluate(n));
    const fallback = (): PyEval => (param.default ? read(param.default) : UNKNOWN_VALUE(`${param.name} left out`));
    const local = this.argumentsPassed(fn, param.name, param.index, param.default, method, read);
    const passed = [...(local ? [local] : []), ...foreign.map((call) => foreignValue(this.project!, call, param.name, items, fallback))];
    return passed.length > 0 ? unionOf(passed.map((e) => ({ e, node: param.node })), true) : undefined;
  }

  /**
   * What iterating a parameter gives (a dict's keys, a list's items): for a lambda or a function being
   * followed from a call, what iterating that call's argument gives; otherwise what its callers pass.
   */
  parameterItems(fn: Node, name: string): PyEval | undefined {
    const param = parametersOf(fn).find((p) => p.name === name);
    if (!param || param.splat) return undefined;
    const at = this.frames.map((f) => f.fn.id).lastIndexOf(fn.id);
    if (at >= 0) {
      const frame = this.frames[at];
      const args = argumentsOf(frame.call);
      const arg = args.keywords.get(name) ?? args.positional[param.index - (frame.method ? 1 : 0)];
      if (!arg) return undefined;
      const saved = this.frames.splice(at);
      try {
        return this.itemOf(arg, arg.startIndex);
      } finally {
        this.frames.push(...saved);
      }
    }
    return this.passedByProject(fn, param, true);
  }

  /** A name bound by a comprehension that holds `from`: one item of what it iterates. */
  private comprehensionBinding(from: Node, name: string): PyEval | undefined {
    for (const ancestor of this.tree.ancestors(from)) {
      if (ancestor.type === 'function_definition' || ancestor.type === 'lambda') return undefined;
      if (!PY_COMPREHENSION_TYPES.has(ancestor.type)) continue;
      for (const clause of named(ancestor).filter((c) => c.type === 'for_in_clause')) {
        const left = clause.childForFieldName('left');
        const right = clause.childForFieldName('right');
        if (left && right && (left.text === name || left.descendantsOfType('identifier').some((i) => i?.text === name))) {
          return this.itemOf(right, right.startIndex);
        }
      }
    }
    return undefined;
  }

  /** One item of what a loop or comprehension iterates: the items the code spells out, else what the whole has for an origin. */
  private itemOf(iterable: Node, at: number): PyEval {
    const items = collectionItems(this, iterable, at, false, 0, true);
    if (items.length > 0) return unionOf(items, true);
    const whole = this.evaluate(iterable);
    const tuple = tupleItem(whole, `item of ${iterable.text.slice(0, 30)}`);
    if (tuple) return tuple;
    const { origin, why } = originOf(whole);
    return value(origin === 'constant' ? 'allowed' : origin, `item of ${iterable.text.slice(0, 30)} (${why})`);
  }

  private call(node: Node): PyEval {
    const { name, receiver } = calleeOf(node);
    const args = argumentsOf(node);
    if (receiver) {
      const source = requestOrigin(node);
      if (source) return value(source.origin, source.why);
    }
    if (SQL_OBJECT_CALLS.has(name) && this.isSqlObjectCall(name, receiver)) return { kind: 'sql-object', why: `${name}()` };
    if (QUOTING_CALLS.has(name) && (receiver || args.positional.length > 0)) return value('quoted', `${name}()`);
    if (NUMERIC_CALLS.has(name)) return value('numeric', `${name}()`);
    if (GENERATED_CALLS.has(name)) return value('generated', `${name}()`);
    if ((receiver && QUERY_RESULT_CALLS.has(name)) || this.queryFunctions.has(name)) return value('stored', `rows read by ${name}()`);
    if (name === 'sub' && receiver?.text === 're' && strips(args.positional)) return value('allowed', 're.sub() keeps only word characters');
    const matched = receiver?.text === 're' ? readRegexCall(name, args.positional, (n) => this.evaluate(n)) : undefined;
    if (matched) return matched;
    if (!receiver) return this.plainCall(node, name, args.positional);
    const recv = this.evaluate(receiver);
    if (recv.kind === 'sql-object') return recv;
    if (name === 'format' && isStringish(recv)) return readStrFormat(recv, node, (n) => this.evaluate(n));
    if (name === 'join' && isStringish(recv) && args.positional[0]) return this.join(receiver, recv, args.positional[0]);
    if (TEXT_PRESERVING_METHODS.has(name)) return recv;
    if (name === 'replace') return this.replaced(recv, args.positional);
    if (name === 'get' && args.positional[0]) {
      const items = collectionItems(this, receiver, node.startIndex);
      if (items.length > 0 && items.every((i) => ['constant', 'allowed'].includes(originOf(i.e).origin))) {
        const fallback = args.positional[1] ? this.evaluate(args.positional[1]) : value('constant', 'None');
        return unionOf([{ e: value('allowed', `an item of ${receiver.text.slice(0, 30)}`), node }, { e: fallback, node: args.positional[1] ?? node }], true);
      }
    }
    if (/^(?:self|cls)$/.test(receiver.text)) {
      const own = this.constantFunction(node, name, true);
      if (own) return own;
    }
    // a method of a fixed object (a model class, a constant) called with fixed arguments gives a fixed result
    if (recv.kind === 'value' && (recv.origin === 'constant' || recv.origin === 'allowed') && !args.splat
      && [...args.positional, ...args.keywords.values()].every((a) => ['constant', 'allowed', 'numeric'].includes(originOf(this.evaluate(a)).origin))) {
      return value('allowed', `${name}() of ${receiver.text.slice(0, 30)}`);
    }
    const group = name === 'group' ? matchGroup(recv, args.positional) : undefined;
    if (group) return group;
    if (['split', 'rsplit', 'partition', 'splitlines', 'group', 'groups', 'groupdict'].includes(name)) {
      const { origin, why } = originOf(recv);
      return value(origin, why);
    }
    return UNKNOWN_VALUE(`result of ${receiver.text.slice(0, 30)}.${name}()`);
  }

  private isSqlObjectCall(name: string, receiver: Node | undefined): boolean {
    if (['SQL', 'Identifier', 'Literal', 'Placeholder', 'Composed'].includes(name)) return !receiver || /^(?:sql|psycopg2?\.sql)$/.test(receiver.text);
    const sqlalchemy = ['sqlalchemy', 'sqlmodel', 'flask_sqlalchemy'].some((m) => this.imports.has(m));
    return sqlalchemy && (!receiver || /^(?:sa|sqlalchemy|sql|db|sqlmodel)$/.test(receiver.text));
  }

  private plainCall(node: Node, name: string, positional: readonly Node[]): PyEval {
    if (['str', 'repr', 'format', 'escape_html'].includes(name) && positional[0]) {
      const inner = this.evaluate(positional[0]);
      return inner.kind === 'text' ? inner : value(originOf(inner).origin, originOf(inner).why, inner.kind === 'value' ? inner.text : undefined);
    }
    if (['sorted', 'list', 'tuple', 'set', 'reversed', 'dict'].includes(name)) {
      const inner = positional[0] ? this.evaluate(positional[0]) : value('constant', `${name}()`);
      return reOrigin(inner, originOf(inner).origin, originOf(inner).why);
    }
    return this.constantFunction(node, name, false) ?? this.lambdaCall(node, name) ?? UNKNOWN_VALUE(`result of ${name}()`);
  }

  /** A call of a name bound once, in the calling function, to a lambda (`gen = lambda d: [...]`): its body with its parameters bound to this call's arguments. */
  private lambdaCall(node: Node, name: string): PyEval | undefined {
    const scope = this.tree.enclosingFunction(node) ?? this.tree.root;
    const writes = this.writes.writesOf(scope, name);
    const fn = writes.length === 1 && writes[0].kind === 'assign' && writes[0].detail !== 'unpack' ? writes[0].value : undefined;
    const body = fn?.type === 'lambda' ? fn.childForFieldName('body') : null;
    if (!fn || !body || this.frames.some((f) => f.fn.id === fn.id)) return undefined;
    this.frames.push({ fn, call: node, method: false });
    try {
      return this.evaluate(body);
    } finally {
      this.frames.pop();
    }
  }

  /**
   * A call of a function of this file (or a method of the same class): what its `return`s give, with its
   * parameters bound to this call's arguments. Constant returns give a constant; returned text (a query
   * built by a helper) gives that text. `undefined` when the function is not found or returns other values.
   */
  private constantFunction(node: Node, name: string, method: boolean): PyEval | undefined {
    const scope = method ? this.tree.classOf(this.tree.enclosingFunction(node) ?? node)?.childForFieldName('body') : this.tree.root;
    if (!scope) return undefined;
    const definitions = named(scope).map((s) => (s.type === 'decorated_definition' ? s.childForFieldName('definition') : s)).filter((s): s is Node => s?.type === 'function_definition' && s.childForFieldName('name')?.text === name);
    if (definitions.length !== 1 || this.frames.some((f) => f.fn.id === definitions[0].id)) return undefined;
    const fn = definitions[0];
    const returns = fn.childForFieldName('body')?.descendantsOfType('return_statement').filter((r): r is Node => !!r && this.tree.enclosingFunction(r)?.id === fn.id) ?? [];
    if (returns.length === 0) return undefined;
    const items: { e: PyEval; node: Node }[] = [];
    this.frames.push({ fn, call: node, method });
    try {
      for (const ret of returns) {
        const expression = named(ret)[0];
        if (!expression) return undefined;
        items.push({ e: this.evaluate(expression), node: expression });
      }
    } finally {
      this.frames.pop();
    }
    if (items.every((i) => ['constant', 'allowed', 'numeric', 'placeholder'].includes(originOf(i.e).origin))) {
      const merged = unionOf(items, true);
      return merged.kind === 'text' ? value('constant', `${name}() returns constants`, constantText(merged)) : merged;
    }
    if (items.some((i) => i.e.kind === 'text')) return unionOf(items);
    // otherwise the result has its returns' origin (rows read from the database are stored)
    const { origin, why } = originOf(unionOf(items));
    return reOrigin(unionOf(items), origin, `${name}() returns ${why}`);
  }

  /** The argument a call being followed (`frames`) passes for a parameter, read where the call is. */
  private boundArgument(fn: Node, name: string, index: number): PyEval | undefined {
    const at = this.frames.map((f) => f.fn.id).lastIndexOf(fn.id);
    if (at < 0) return undefined;
    const frame = this.frames[at];
    const args = argumentsOf(frame.call);
    const arg = args.keywords.get(name) ?? args.positional[index - (frame.method ? 1 : 0)];
    if (!arg) return undefined;
    const saved = this.frames.splice(at);
    try {
      return this.evaluate(arg);
    } finally {
      this.frames.push(...saved);
    }
  }

  /** `sep.join(items)`: the items' pieces with the separator between them. */
  private join(sepNode: Node, sep: PyEval, iterable: Node): PyEval {
    const items = collectionItems(this, iterable, iterable.startIndex, true);
    if (items.length === 0) {
      // what iterating it gives: a parameter's from its callers, else what the whole holds
      const whole = this.itemOf(iterable, iterable.startIndex);
      const { origin, why } = originOf(whole);
      return textEval(piecesAt(value(origin, why), iterable), ['join']);
    }
    const allText = items.map((i) => constantText(i.e));
    if (allText.every((t) => t !== undefined && PLACEHOLDER_TEXT.test(t))) return value('placeholder', 'joined placeholders');
    const pieces: PyPiece[] = [];
    const built: BuildKind[][] = [['join']];
    items.forEach((item, i) => {
      if (i > 0) pieces.push(...piecesAt(sep, sepNode).map((p) => (p.kind === 'text' ? { ...p, literal: false } : p)));
      pieces.push(...piecesAt(item.e, item.node));
      built.push([...builtOf(item.e)]);
    });
    return textEval(pieces, mergeBuilt(...built));
  }

  private replaced(recv: PyEval, positional: readonly Node[]): PyEval {
    const [from, to] = positional.map((p) => (p ? constantText(this.evaluate(p)) : undefined));
    if (from === "'" && (to === "''" || to === "\\'")) return value('quoted', 'quotes doubled');
    return recv;
  }
}

/** Patterns that match every character outside letters, digits and `_` (`[^\w]`, `\W`, `[^a-zA-Z0-9_]`, `[^0-9]`). */
const NON_WORD_CLASS = /^r?["'](?:\\W\+?|\[\^(?:\\w|\\d|a-zA-Z0-9_?|A-Za-z0-9_?|0-9|a-z0-9_?|\w)+\]\+?|\\D\+?)["']$/;

/** `re.sub(NON_WORD, "", x)`: what is left holds only word characters, which cannot end a string or a statement. */
function strips(args: readonly Node[]): boolean {
  const [pattern, replacement] = args;
  return !!pattern && !!replacement && NON_WORD_CLASS.test(pattern.text) && /^["']{2}$/.test(replacement.text);
}

export type { PyEval };
