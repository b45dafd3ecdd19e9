import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import { LocalWrites, enclosing, ownDescendants, type LocalWrite } from '../local-writes';
import { printfPieces } from '../printf';
import { asOneValue, constantText, join, textOf, valueOf, type Built } from '../sql-text-builder';
import { TextEvaluator } from '../text-evaluator';
import { keyOrigin } from '../keyed-result';
import { literalKey, mergeResults, tailExpressions, type RubyResult } from './method-results';
import { lastSegment, type RubyProject } from './ruby-project';
import type { RubyResultRef } from './ruby-facts';
import { MODEL_METADATA_METHODS, NUMERIC_METHODS, QUOTING_METHODS, REQUEST_NAMES, TEXT_PRESERVING_METHODS, TIME_METHODS } from './known-calls';

/** Ruby blocks share their method's locals, so only methods (and lambdas' own scope, the file) delimit them. */
export const RUBY_SCOPES: ReadonlySet<string> = new Set(['method', 'singleton_method']);

function writtenName(node: Node | null): string | undefined {
  return node && (node.type === 'identifier' || node.type === 'instance_variable') ? node.text : undefined;
}

/** Writes of a Ruby method: `x = ...`, `x += ...`, `x << ...`, `x.concat(...)`. */
function rubyWrites(scope: Node): readonly LocalWrite[] {
  const writes: LocalWrite[] = [];
  for (const node of ownDescendants(scope, ['assignment', 'operator_assignment', 'binary', 'call'], RUBY_SCOPES)) {
    if (node.type === 'assignment' && node.childForFieldName('left')?.type === 'left_assignment_list') {
      const value = node.childForFieldName('right') ?? undefined;
      let afterRest = false;
      namedChildren(node.childForFieldName('left')!).forEach((target, element) => {
        afterRest ||= target.type === 'rest_assignment';
        const name = writtenName(target);
        // after `*rest` the places count from the end; such a name is left unknown
        if (name) writes.push({ name, kind: 'set', value: afterRest ? undefined : value, element, end: node.endIndex });
      });
    } else if (node.type === 'assignment' || node.type === 'operator_assignment') {
      const name = writtenName(node.childForFieldName('left'));
      if (!name) continue;
      const operator = node.type === 'operator_assignment' ? node.children.find((c) => c && !c.isNamed)?.text : '=';
      const value = node.childForFieldName('right') ?? undefined;
      if (operator === '=' || operator === '+=') writes.push({ name, kind: operator === '+=' ? 'append' : 'set', value, end: node.endIndex });
      else if (operator === '||=') writes.push({ name, kind: 'append', value, end: node.endIndex });
      else writes.push({ name, kind: 'set', value: undefined, end: node.endIndex });
    } else if (node.type === 'binary' && node.childForFieldName('operator')?.text === '<<' && node.parent?.type !== 'binary') {
      const name = writtenName(node.childForFieldName('left'));
      if (name) writes.push({ name, kind: 'append', value: node.childForFieldName('right') ?? undefined, end: node.endIndex });
    } else if (node.type === 'call' && node.childForFieldName('method')?.text === 'concat') {
      const name = writtenName(node.childForFieldName('receiver'));
      const arg = node.childForFieldName('arguments');
      if (name && arg) writes.push({ name, kind: 'append', value: namedChildren(arg)[0], end: node.endIndex });
    }
  }
  return writes;
}

function rubyLocals(): LocalWrites {
  return new LocalWrites({ scopeOf: (node) => enclosing(node, RUBY_SCOPES), writesIn: rubyWrites });
}

export function rubyArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  return args ? namedChildren(args).filter((a) => a.type !== 'comment') : [];
}

function unescape(text: string): string {
  return text.replace(/\\([nrt"'\\#])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[c] ?? c);
}

interface ClassMembers {
  /** Names of `attr_reader`s. */
  readonly readers: ReadonlySet<string>;
  /** Methods by name (the first definition). */
  readonly methods: ReadonlyMap<string, Node>;
  /** Values assigned, by the written name (`@period`). */
  readonly assignments: ReadonlyMap<string, readonly Node[]>;
}

/** Reads Ruby expressions as SQL text pieces with origins. */
export class RubyText extends TextEvaluator {
  private heredocs: Map<number, Node> | undefined;
  private readonly classMembers = new Map<number, ClassMembers>();
  private readonly memberValues = new Map<string, Built>();
  /** `x if ...` and `x unless ...` statements per scope, for the guards before a use. */
  private readonly modifiers = new Map<number, readonly Node[]>();

  /** `project`: the project's Ruby methods and calls, when it was indexed; `inHelper`: the file is a Rails helper. */
  constructor(private readonly root: Node, deadline: number, private readonly project?: RubyProject, private readonly inHelper = false) {
    super(rubyLocals(), deadline);
  }

  /** `a, b = x, y` and `a, b = cond ? [x, y] : [z, w]`: the element of each possible right side at the name's place. */
  protected override writtenValue(write: LocalWrite, use: Node): Built {
    if (write.element === undefined || !write.value) return super.writtenValue(write, use);
    const index = write.element;
    const values = tailExpressions(write.value).map((tail) => {
      const element = tail.type === 'array' || tail.type === 'right_assignment_list' ? namedChildren(tail)[index] : undefined;
      return element ? this.evaluate(element) : valueOf(tail, 'unknown', 'an element of a list');
    });
    if (values.length > 1 && values.every((v) => constantText(v) !== undefined)) return valueOf(use, 'allowed', 'one of fixed values');
    return asOneValue(use, join(values), `local variable ${write.name}`);
  }

  protected read(node: Node): Built {
    switch (node.type) {
      case 'parenthesized_statements': {
        const inner = namedChildren(node).at(-1);
        return inner ? this.evaluate(inner) : valueOf(node, 'unknown', 'empty');
      }
      case 'string':
      case 'heredoc_body':
        return this.interpolated(node, node.children);
      case 'heredoc_beginning': {
        const body = this.heredocBody(node);
        return body ? this.evaluate(body) : valueOf(node, 'unknown', 'a heredoc');
      }
      case 'simple_symbol':
        return textOf(node.text.slice(1), node.startIndex, node.endIndex);
      case 'integer':
      case 'float':
      case 'true':
      case 'false':
      case 'nil':
        return textOf(node.text, node.startIndex, node.endIndex);
      case 'constant':
      case 'scope_resolution':
        return valueOf(node, 'constant', 'a constant');
      case 'binary':
        return this.binary(node);
      case 'identifier':
        if (REQUEST_NAMES.has(node.text)) return valueOf(node, 'request', node.text);
        if (this.checkedAgainstList(node)) return valueOf(node, 'allowed', 'checked with include? against a fixed list');
        return this.variable(node.text, node, () => this.unwritten(node));
      case 'instance_variable':
        return this.variable(node.text, node, () => this.instanceVariable(node));
      case 'element_reference':
        return this.element(node);
      case 'conditional':
        return this.choice(node, [node.childForFieldName('consequence'), node.childForFieldName('alternative')]);
      case 'call':
        return this.call(node);
      default:
        return valueOf(node, 'unknown', `a ${node.type.replace(/_/g, ' ')}`);
    }
  }

  private interpolated(node: Node, children: readonly (Node | null)[]): Built {
    const parts: Built[] = [];
    for (const child of children) {
      if (!child) continue;
      if (child.type === 'string_content' || child.type === 'heredoc_content' || child.type === 'escape_sequence') parts.push(textOf(unescape(child.text), child.startIndex, child.endIndex));
      else if (child.type === 'interpolation') {
        const inner = namedChildren(child).at(-1);
        if (inner) parts.push(asOneValue(inner, this.evaluate(inner), 'interpolated'));
      }
    }
    return join(parts, parts.some((p) => p.pieces.some((x) => x.kind === 'value')) ? 'interpolation' : undefined);
  }

  /** Heredoc bodies follow their `<<~SQL` openers in order, so the n-th opener reads the n-th body. */
  private heredocBody(beginning: Node): Node | undefined {
    if (!this.heredocs) {
      this.heredocs = new Map();
      const openers = this.root.descendantsOfType('heredoc_beginning');
      const bodies = this.root.descendantsOfType('heredoc_body');
      openers.forEach((o, i) => { if (o && bodies[i]) this.heredocs!.set(o.id, bodies[i]!); });
    }
    return this.heredocs.get(beginning.id);
  }

  private binary(node: Node): Built {
    const operator = node.childForFieldName('operator')?.text;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right) return valueOf(node, 'unknown', 'an expression');
    if (operator === '+' || operator === '<<') {
      const l = this.evaluate(left);
      if (l.pieces.some((p) => p.kind === 'text') || left.type === 'string') return join([l, this.evaluate(right)], operator === '+' ? 'concatenation' : 'append');
      return valueOf(node, 'numeric', 'arithmetic');
    }
    if (operator === '%' && (left.type === 'string' || left.type === 'heredoc_beginning')) {
      const template = constantText(this.evaluate(left));
      const args = right.type === 'array' ? namedChildren(right) : [right];
      return template === undefined ? valueOf(node, 'unknown', 'a built format') : { ...printfPieces(template, left, args, (n) => this.evaluate(n), node), built: ['percent-format'] };
    }
    if (operator === '||') return this.choice(node, [left, right]);
    return valueOf(node, 'numeric', 'arithmetic or a comparison');
  }


  private unwritten(node: Node): Built {
    const scope = enclosing(node, RUBY_SCOPES);
    const parameters = RUBY_SCOPES.has(scope.type) ? scope.childForFieldName('parameters') : null;
    const list = parameters ? namedChildren(parameters) : [];
    const position = list.findIndex((p) => (p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text) === node.text);
    const parameter = this.classMethodParameter(node);
    if (position >= 0 || parameter) {
      const passed = parameter && this.project?.passedTo(parameter.owner, parameter.method, parameter.position, parameter.rest);
      return valueOf(node, passed ?? 'unknown', passed ? 'what every call in the project passes' : 'parameter of a method');
    }
    return this.ownMethod(node, node.text) ?? valueOf(node, 'unknown', `${node.text}, not written here`);
  }

  /** `LIST.include?(x)` or `%w[a b].include?(x)` (negated with `!` when `negated`), LIST a constant or literal list. */
  private isListCheck(condition: Node | null, variable: string, negated: boolean): boolean {
    let expr = condition;
    while (expr?.type === 'parenthesized_statements') expr = namedChildren(expr)[0] ?? null;
    if (negated) {
      if (expr?.type !== 'unary' || !expr.text.startsWith('!')) return false;
      expr = expr.childForFieldName('operand');
    }
    if (expr?.type !== 'call' || !/^(?:include\?|member\?|in\?)$/.test(expr.childForFieldName('method')?.text ?? '')) return false;
    const list = expr.childForFieldName('receiver');
    if (rubyArguments(expr)[0]?.text !== variable || !list) return false;
    return list.type === 'constant' || list.type === 'scope_resolution' || list.type === 'string_array' || list.type === 'symbol_array'
      || (list.type === 'array' && namedChildren(list).every((e) => constantText(this.evaluate(e)) !== undefined));
  }

  /**
   * A name read inside `if LIST.include?(x)`, or after `raise ... unless LIST.include?(x)` (`return if !...`)
   * in its method: the value is one of a fixed list.
   */
  private checkedAgainstList(use: Node): boolean {
    for (let p = use.parent; p && !RUBY_SCOPES.has(p.type); p = p.parent) {
      const consequence = p.type === 'if' ? p.childForFieldName('consequence') : null;
      if (consequence && use.startIndex >= consequence.startIndex && use.endIndex <= consequence.endIndex && this.isListCheck(p.childForFieldName('condition'), use.text, false)) return true;
    }
    const scope = enclosing(use, RUBY_SCOPES);
    let modifiers = this.modifiers.get(scope.id);
    if (!modifiers) {
      modifiers = scope.descendantsOfType(['unless_modifier', 'if_modifier']).filter((m): m is Node => !!m);
      this.modifiers.set(scope.id, modifiers);
    }
    return modifiers.some((m) => m.endIndex <= use.startIndex
      && /^(?:raise|return|fail|head|render|redirect_to)\b/.test(m.childForFieldName('body')?.text ?? '')
      && this.isListCheck(m.childForFieldName('condition'), use.text, m.type === 'if_modifier'));
  }

  /** The class (or module) around a node, where its methods and instance variables are written. */
  private classOf(node: Node): Node | undefined {
    for (let p = node.parent; p; p = p.parent) if (p.type === 'class' || p.type === 'module') return p;
    return undefined;
  }

  /**
   * A method of the enclosing class called without arguments (`period`, `table_name`): model metadata is
   * constant; a reader (`attr_reader :period`) has its instance variable's value; a method defined here
   * without parameters has the value of its last expression. `undefined` when none of these applies.
   */
  private ownMethod(use: Node, name: string): Built | undefined {
    if (MODEL_METADATA_METHODS.has(name)) return valueOf(use, 'constant', `the model's ${name}`);
    const owner = this.classOf(use);
    if (!owner) return undefined;
    const members = this.members(owner);
    if (members.readers.has(name)) return asOneValue(use, this.instanceVariable(use, `@${name}`), `attr_reader ${name}`);
    const method = members.methods.get(name);
    if (!method || method.childForFieldName('parameters')) return undefined;
    const body = namedChildren(method).find((c) => c.type === 'body_statement');
    const last = body ? namedChildren(body).filter((c) => c.type !== 'comment').at(-1) : undefined;
    return last ? asOneValue(use, this.memberValue(owner, name, use, () => this.evaluate(last)), `the value of ${name}`) : undefined;
  }

  /** What a class's readers, methods and instance variable writes are, read once per class. */
  private members(owner: Node): ClassMembers {
    let members = this.classMembers.get(owner.id);
    if (!members) {
      const readers = owner.descendantsOfType('call').filter((c) => c?.childForFieldName('method')?.text === 'attr_reader');
      const methods = new Map<string, Node>();
      for (const m of owner.descendantsOfType('method')) if (m && !methods.has(m.childForFieldName('name')?.text ?? '')) methods.set(m.childForFieldName('name')?.text ?? '', m);
      const assignments = new Map<string, Node[]>();
      for (const a of owner.descendantsOfType('assignment')) {
        const left = a?.childForFieldName('left')?.text ?? '';
        const right = a?.childForFieldName('right');
        if (right) assignments.set(left, [...(assignments.get(left) ?? []), right]);
      }
      members = { readers: new Set(readers.flatMap((r) => rubyArguments(r!).map((a) => a.text.slice(1)))), methods, assignments };
      this.classMembers.set(owner.id, members);
    }
    return members;
  }

  /** A method's or instance variable's value, read once per class (a member that reads itself is unknown). */
  private memberValue(owner: Node, name: string, use: Node, read: () => Built): Built {
    const key = `${owner.id}:${name}`;
    const known = this.memberValues.get(key);
    if (known) return known;
    this.memberValues.set(key, valueOf(use, 'unknown', `${name}, which reads itself`));
    const value = read();
    this.memberValues.set(key, value);
    return value;
  }

  /** An instance variable read where its method does not write it: the values the class writes to it anywhere. */
  private instanceVariable(use: Node, name = use.text): Built {
    const owner = this.classOf(use);
    const writes = owner ? this.members(owner).assignments.get(name) ?? [] : [];
    if (!owner || writes.length === 0) return valueOf(use, 'unknown', `${name}, set elsewhere`);
    return asOneValue(use, this.memberValue(owner, name, use, () => join(writes.map((w) => this.evaluate(w)))), `${name}, as the class sets it`);
  }

  /**
   * A parameter of something the project calls on a class by name: `def self.name(...)`, or the lambda of a
   * model's `scope :name, ->(...) { ... }` (called as `Model.name(...)`). `undefined` for other parameters, and
   * past a parameter that is not a plain name (its position in a call is not fixed).
   */
  private classMethodParameter(node: Node): { owner: string; method: string; position: number; rest: boolean } | undefined {
    let holder: Node | undefined;
    let method = '';
    for (let p = node.parent; p && !holder; p = p.parent) {
      if (p.type === 'method' || p.type === 'class' || p.type === 'module') return undefined;
      if (p.type === 'singleton_method' && p.childForFieldName('object')?.type === 'self') {
        holder = p;
        method = p.childForFieldName('name')?.text ?? '';
      } else if (p.type === 'singleton_method') return undefined;
      else if (p.type === 'lambda' && p.parent?.type === 'argument_list') {
        const call = p.parent.parent;
        const name = call?.type === 'call' && !call.childForFieldName('receiver') && call.childForFieldName('method')?.text === 'scope' ? namedChildren(p.parent)[0] : undefined;
        if (name?.type !== 'simple_symbol') return undefined;
        holder = p;
        method = name.text.slice(1);
      }
    }
    const owner = holder && this.classOf(holder);
    const parameters = holder?.childForFieldName('parameters');
    const list = parameters ? namedChildren(parameters) : [];
    const position = list.findIndex((p) => (p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text) === node.text);
    if (!owner || position < 0 || list.slice(0, position + 1).some((p) => p.type !== 'identifier' && p.type !== 'splat_parameter')) return undefined;
    return { owner: lastSegment(owner.childForFieldName('name')?.text ?? ''), method, position, rest: list[position].type === 'splat_parameter' };
  }

  /** The call a receiverless call (or one on `helpers`) makes, named for the project's methods. */
  private resultRef(call: Node): RubyResultRef | undefined {
    if (call.type !== 'call') return undefined;
    const receiver = call.childForFieldName('receiver');
    const viaHelpers = receiver?.type === 'identifier' && /^helpers?$/.test(receiver.text);
    if (receiver && !viaHelpers) return undefined;
    const owner = this.classOf(call);
    const className = viaHelpers || !owner ? '' : lastSegment(owner.childForFieldName('name')?.text ?? '');
    return { className, method: call.childForFieldName('method')?.text ?? '', viaHelpers };
  }

  /**
   * What a call to one of the project's methods returns, read where the method is defined: a call without a
   * receiver (a method of the class, of what it inherits or includes, or a Rails helper) or on `helpers`.
   * `undefined` without an index, or when no project method of that name may answer.
   */
  private projectResult(call: Node): RubyResult | undefined {
    const ref = this.project ? this.resultRef(call) : undefined;
    return ref && this.project?.resultOf(ref.className, ref.method, this.inHelper || ref.viaHelpers);
  }

  /** The calls whose result a name holds (`length = time_interval(p)`), when every write gives one; a call itself. */
  private heldCalls(node: Node, depth = 0): Node[] | undefined {
    if (depth > 8) return undefined;
    if (node.type === 'call') return [node];
    if (node.type === 'parenthesized_statements') {
      const inner = namedChildren(node).at(-1);
      return inner && this.heldCalls(inner, depth + 1);
    }
    if (node.type !== 'identifier' && node.type !== 'instance_variable') return undefined;
    let values: (Node | undefined)[] = this.locals.reaching(node.text, node).map((w) => (w.kind === 'set' && w.element === undefined ? w.value : undefined));
    if (values.length === 0 && node.type === 'instance_variable') {
      const owner = this.classOf(node);
      values = owner ? [...this.members(owner).assignments.get(node.text) ?? []] : [];
    }
    const calls = values.map((v) => (v ? this.heldCalls(v, depth + 1) : undefined));
    return calls.length > 0 && calls.every((c) => c) ? calls.flat() as Node[] : undefined;
  }

  /** For the project index: the receiverless calls an argument holds the result of, when it holds nothing else. */
  heldResultCalls(node: Node): RubyResultRef[] | undefined {
    const refs = this.heldCalls(node)?.map((c) => this.resultRef(c));
    return refs && refs.every((r) => r) ? refs as RubyResultRef[] : undefined;
  }

  /**
   * The result of a project method a name holds (`length = time_interval(p)`, then `length[:dur]`), when every
   * write gives one; for a parameter of a class method or scope, what the project's calls pass, key by key.
   */
  private resultHeldBy(node: Node): RubyResult | undefined {
    if (!this.project) return undefined;
    const parameter = node.type === 'identifier' && this.locals.reaching(node.text, node).length === 0 ? this.classMethodParameter(node) : undefined;
    if (parameter && !parameter.rest) return this.project.resultPassedTo(parameter.owner, parameter.method, parameter.position);
    const results = this.heldCalls(node)?.map((c) => this.projectResult(c));
    return results && results.length > 0 && results.every((r) => r) ? mergeResults(results as RubyResult[]) : undefined;
  }

  private element(node: Node): Built {
    const object = node.childForFieldName('object') ?? namedChildren(node)[0];
    if (!object) return valueOf(node, 'unknown', 'an element');
    const key = literalKey(namedChildren(node)[1]);
    const result = key !== undefined && namedChildren(node).length === 2 ? this.resultHeldBy(object) : undefined;
    if (result && key !== undefined) return valueOf(node, keyOrigin(result, key), `[:${key}] of what a project method returns`);
    const base = this.evaluate(object);
    const value = asOneValue(node, base, `an element of ${object.text}`);
    if (constantText(base) !== undefined || (object.type === 'constant' && /^[A-Z_0-9]+$/.test(object.text))) return valueOf(node, 'allowed', 'a lookup in a fixed table');
    return value;
  }

  private call(node: Node): Built {
    const method = node.childForFieldName('method')?.text ?? '';
    const receiver = node.childForFieldName('receiver');
    const args = rubyArguments(node);
    if (receiver && REQUEST_NAMES.has(receiver.text.split(/[.[]/)[0]) && !NUMERIC_METHODS.has(method)) return valueOf(node, 'request', `${receiver.text.split(/[.[]/)[0]}`);
    if (NUMERIC_METHODS.has(method)) return valueOf(node, 'numeric', `${method}`);
    if (TIME_METHODS.test(method) && (receiver || method === 'now')) return valueOf(node, 'numeric', `a date or time (.${method})`);
    if (MODEL_METADATA_METHODS.has(method)) return valueOf(node, 'constant', `the model's ${method}`);
    if (QUOTING_METHODS.has(method)) return valueOf(node, 'quoted', `${method}()`);
    if (!receiver && (method === 'format' || method === 'sprintf') && args[0]) {
      const template = constantText(this.evaluate(args[0]));
      return template === undefined ? valueOf(node, 'unknown', 'a built format') : printfPieces(template, args[0], args.slice(1), (n) => this.evaluate(n), node);
    }
    if (method === 'join' && receiver) return this.joinList(node, receiver, args[0]);
    if (TEXT_PRESERVING_METHODS.has(method) && receiver) return asOneValue(node, this.evaluate(receiver), `.${method}`);
    if (!receiver && REQUEST_NAMES.has(method)) return valueOf(node, 'request', method);
    if (!receiver && args.length === 0) {
      const own = this.ownMethod(node, method);
      if (own) return own;
    }
    const result = this.projectResult(node);
    if (result) return valueOf(node, result.origin, `what ${method} returns (read where it is defined)`);
    if (receiver && /^(?:pluck|ids|find|find_by|first|last|take|all|where|select|order)$/.test(method)) return valueOf(node, 'stored', `read from the database by .${method}`);
    return valueOf(node, 'unknown', `the result of ${method}`);
  }

  /** `list.join(sep)`: fixed text when every element of a literal array is; else one value with the list's origin. */
  private joinList(node: Node, list: Node, separator: Node | undefined): Built {
    const sep = separator ? constantText(this.evaluate(separator)) ?? '' : '';
    if (list.type === 'array') {
      const parts: Built[] = [];
      namedChildren(list).forEach((e, i) => {
        if (i > 0) parts.push(textOf(sep, node.startIndex, node.startIndex));
        parts.push(this.evaluate(e));
      });
      return join(parts, 'join');
    }
    if (list.type === 'string_array' || list.type === 'symbol_array') return valueOf(node, 'constant', 'a fixed list');
    return { ...asOneValue(node, this.evaluate(list), 'a joined list'), built: ['join'] };
  }
}
