import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import { LocalWrites, enclosing, ownDescendants, type LocalWrite } from '../local-writes';
import { captureOrigin, groupsByIndex, matchesFilling } from './regex-matches';
import { printfPieces } from '../printf';
import { TextEvaluator } from '../text-evaluator';
import { asOneValue, constantText, join, onlyOrigins, textOf, valueOf, worstOrigin, type Built } from '../sql-text-builder';
import {
  CONFIGURATION_CALLS, MODEL_METADATA_METHODS, NUMERIC_FUNCTIONS, NUMERIC_REQUEST_METHODS, QUOTING_FUNCTIONS, QUOTING_METHODS, REQUEST_METHODS, REQUEST_RECEIVER, REQUEST_SUPERGLOBALS,
  TEXT_PRESERVING_FUNCTIONS,
} from './known-calls';
import { keyOrigin, mergeResults, originOf, type KeyedResult } from '../keyed-result';
import { phpNamesOf, resolveClassName, type PhpNames } from './class-names';
import type { PhpProject } from './php-project';
import { declaredClassOf } from './receiver-types';
import { literalContent, literalKey, phpArguments, unescape } from './syntax';

export const PHP_SCOPES: ReadonlySet<string> = new Set(['function_definition', 'method_declaration', 'anonymous_function', 'arrow_function', 'anonymous_function_creation_expression']);

function variableName(node: Node): string | undefined {
  return node.type === 'variable_name' ? node.text.slice(1) : undefined;
}

/** Writes of a PHP scope: `$x = ...`, `$x .= ...`, and loop or list targets (`foreach (... as $x)`, `[$a, $b] = ...`). */
function phpWrites(scope: Node): readonly LocalWrite[] {
  const writes: LocalWrite[] = [];
  for (const node of ownDescendants(scope, ['assignment_expression', 'augmented_assignment_expression', 'foreach_statement'], PHP_SCOPES)) {
    if (node.type === 'foreach_statement') {
      const targets = namedChildren(node).slice(1, -1).flatMap((c) => (c.type === 'pair' ? namedChildren(c) : [c]));
      for (const t of targets) {
        const name = variableName(t);
        if (name) writes.push({ name, kind: 'set', value: undefined, end: t.endIndex });
      }
      continue;
    }
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const name = left && variableName(left);
    if (!name) continue;
    const operator = node.type === 'augmented_assignment_expression' ? node.childForFieldName('operator')?.text ?? node.children.find((c) => c && !c.isNamed)?.text : '=';
    if (node.type === 'augmented_assignment_expression' && operator !== '.=') {
      writes.push({ name, kind: 'set', value: undefined, end: node.endIndex });
      continue;
    }
    writes.push({ name, kind: operator === '.=' ? 'append' : 'set', value: right ?? undefined, end: node.endIndex });
  }
  return writes;
}

export function phpLocals(): LocalWrites {
  return new LocalWrites({ scopeOf: (node) => enclosing(node, PHP_SCOPES), writesIn: phpWrites });
}

function callName(node: Node): string {
  return node.childForFieldName('function')?.text ?? node.childForFieldName('name')?.text ?? '';
}

/** Reads PHP expressions as SQL text pieces with origins. */
export class PhpText extends TextEvaluator {
  private names: PhpNames | undefined;
  private readonly scopeCalls = new Map<number, readonly Node[]>();
  private readonly elementWrites = new Map<string, boolean>();

  /** `project`: the project's PHP classes, when it was indexed, so that a typed receiver's method results can be read. */
  constructor(private readonly root: Node, deadline: number, private readonly project?: PhpProject) {
    super(phpLocals(), deadline);
  }

  protected read(node: Node): Built {
    switch (node.type) {
      case 'parenthesized_expression':
      case 'argument': {
        const inner = namedChildren(node).at(-1);
        return inner ? this.evaluate(inner) : valueOf(node, 'unknown', 'empty');
      }
      case 'string':
      case 'nowdoc':
        return textOf(literalContent(node), node.startIndex, node.endIndex);
      case 'encapsed_string':
      case 'heredoc':
        return this.interpolated(node);
      case 'integer':
      case 'float':
      case 'boolean':
      case 'null':
        return textOf(node.text, node.startIndex, node.endIndex);
      case 'binary_expression':
        return this.binary(node);
      case 'variable_name':
        return this.variableValue(node);
      case 'dynamic_variable_name':
        return valueOf(node, 'unknown', 'a variable variable');
      case 'subscript_expression':
        return this.subscript(node);
      case 'cast_expression': {
        const type = node.childForFieldName('type')?.text.replace(/[()\s]/g, '') ?? '';
        const value = node.childForFieldName('value');
        if (/^(int|integer|float|double|bool|boolean)$/i.test(type)) return valueOf(node, 'numeric', `(${type}) cast`);
        return value ? asOneValue(node, this.evaluate(value), 'cast') : valueOf(node, 'unknown', 'cast');
      }
      case 'class_constant_access_expression':
        return valueOf(node, 'constant', 'class constant');
      case 'name':
        return valueOf(node, 'constant', 'constant');
      case 'conditional_expression':
        return this.listChoice(node) ?? this.choice(node, [node.childForFieldName('body'), node.childForFieldName('alternative')]);
      case 'match_expression':
        return this.choice(node, node.descendantsOfType(['match_conditional_expression', 'match_default_expression']).map((arm) => arm?.childForFieldName('return_expression') ?? null));
      case 'function_call_expression':
        return this.functionCall(node);
      case 'member_call_expression':
      case 'nullsafe_member_call_expression':
        return this.methodCall(node);
      case 'scoped_call_expression':
        return this.staticCall(node);
      case 'member_access_expression':
      case 'nullsafe_member_access_expression':
        return this.property(node);
      case 'array_creation_expression':
        return this.arrayElements(node).every((e) => constantText(this.evaluate(e)) !== undefined)
          ? valueOf(node, 'constant', 'a fixed array')
          : asOneValue(node, join(this.arrayElements(node).map((e) => this.evaluate(e))), 'an array');
      default:
        return valueOf(node, 'unknown', `a ${node.type.replace(/_/g, ' ')}`);
    }
  }

  private interpolated(node: Node): Built {
    const parts: Built[] = [];
    const children = node.type === 'heredoc' ? namedChildren(node).filter((c) => c.type === 'heredoc_body').flatMap((b) => b.children) : node.children;
    for (const child of children) {
      if (!child) continue;
      if (child.type === 'string_content' || child.type === 'escape_sequence' || child.type === 'string_value') parts.push(textOf(unescape(child.text), child.startIndex, child.endIndex));
      else if (child.isNamed) parts.push(asOneValue(child, this.evaluate(child), 'interpolated'));
    }
    return join(parts, parts.some((p) => p.pieces.some((x) => x.kind === 'value')) ? 'interpolation' : undefined);
  }

  private binary(node: Node): Built {
    const operator = node.childForFieldName('operator')?.text ?? node.children.find((c) => c && !c.isNamed)?.text;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (operator === '.' && left && right) return join([this.evaluate(left), this.evaluate(right)], 'concatenation');
    if (operator === '??' && left && right) return this.choice(node, [left, right]);
    if (operator && /^[-+*/%&|^]$|^<<$|^>>$|^\*\*$/.test(operator)) return valueOf(node, 'numeric', 'arithmetic');
    return valueOf(node, 'constant', 'a comparison');
  }


  private variableValue(node: Node): Built {
    const name = node.text.slice(1);
    if (REQUEST_SUPERGLOBALS.has(name)) return valueOf(node, 'request', `$${name}`);
    if (name === 'this') return valueOf(node, 'unknown', '$this');
    if (this.checkedAgainstList(node)) return valueOf(node, 'allowed', 'checked with in_array against a fixed list');
    return this.variable(name, node, () => this.unwrittenVariable(node));
  }

  /**
   * `$x` read inside `if (in_array($x, [...]))`, or after `if (!in_array($x, [...])) { return; }` in its
   * function: the value is one of a fixed list (literals or a constant).
   */
  private checkedAgainstList(use: Node): boolean {
    for (let p = use.parent; p && !PHP_SCOPES.has(p.type); p = p.parent) {
      const body = p.type === 'if_statement' ? p.childForFieldName('body') : null;
      if (body && use.startIndex >= body.startIndex && use.endIndex <= body.endIndex && this.isListCheck(p.childForFieldName('condition'), use.text, false)) return true;
    }
    const scope = enclosing(use, PHP_SCOPES);
    return scope.descendantsOfType('if_statement').some((s) => !!s && s.endIndex <= use.startIndex && enclosing(s, PHP_SCOPES).id === scope.id
      && this.isListCheck(s.childForFieldName('condition'), use.text, true) && /\b(?:return|exit|die|throw)\b/.test(s.childForFieldName('body')?.text ?? ''));
  }

  private isListCheck(condition: Node | null, variable: string, negated: boolean): boolean {
    let expr = condition;
    while (expr?.type === 'parenthesized_expression') expr = namedChildren(expr)[0] ?? null;
    if (negated) {
      if (expr?.type !== 'unary_op_expression' || !expr.text.startsWith('!')) return false;
      expr = expr.childForFieldName('argument') ?? namedChildren(expr)[0] ?? null;
    }
    if (expr?.type !== 'function_call_expression' || expr.childForFieldName('function')?.text.replace(/^\\/, '') !== 'in_array') return false;
    const [value, list] = phpArguments(expr);
    if (value?.text !== variable || !list) return false;
    if (list.type === 'name' || list.type === 'class_constant_access_expression') return true;
    return this.fixedList(list) !== undefined;
  }

  /**
   * `in_array($x, LIST) ? $x : 'default'` (or `!in_array(...) ? 'default' : $x`): the value is one of a fixed
   * list or a fixed default; `undefined` for other conditionals.
   */
  private listChoice(node: Node): Built | undefined {
    const condition = node.childForFieldName('condition');
    const body = node.childForFieldName('body');
    const alternative = node.childForFieldName('alternative');
    if (!body || !alternative) return undefined;
    const checked = (value: Node, other: Node, negated: boolean): boolean => value.type === 'variable_name' && this.isListCheck(condition, value.text, negated) && constantText(this.evaluate(other)) !== undefined;
    return checked(body, alternative, false) || checked(alternative, body, true) ? valueOf(node, 'allowed', 'checked with in_array against a fixed list') : undefined;
  }

  /** `$this->name` of a property the file declares with a literal value and never assigns: that value's node. */
  private fixedProperty(node: Node): Node | undefined {
    const name = node.childForFieldName('name')?.text ?? '';
    if (node.childForFieldName('object')?.text !== '$this') return undefined;
    const declared = this.root.descendantsOfType('property_element').find((p) => p?.childForFieldName('name')?.text === `$${name}`);
    const assigned = this.root.descendantsOfType(['assignment_expression', 'augmented_assignment_expression']).some((a) => /^\$this->(\w+)/.exec(a?.childForFieldName('left')?.text ?? '')?.[1] === name);
    return assigned ? undefined : declared?.childForFieldName('default_value') ?? undefined;
  }

  /** A variable nothing in its function writes: a parameter, a `global`, or one the code cannot see. */
  private unwrittenVariable(node: Node): Built {
    const scope = enclosing(node, PHP_SCOPES);
    if (PHP_SCOPES.has(scope.type)) {
      const parameters = scope.childForFieldName('parameters');
      const parameter = parameters && namedChildren(parameters).find((p) => p.childForFieldName('name')?.text === node.text);
      if (parameter) {
        const type = parameter.childForFieldName('type')?.text ?? '';
        if (/^\??(int|float|bool)$/.test(type)) return valueOf(node, 'numeric', `${type} parameter`);
        const index = namedChildren(parameters).indexOf(parameter);
        return this.passedHere(node, index, this.callsOf(scope), phpArguments) ?? valueOf(node, 'unknown', 'parameter of a function');
      }
    }
    return valueOf(node, 'unknown', 'a variable not written here');
  }

  /** Calls in this file of a named function or of a method on `$this`, `self::` or `static::`. */
  private callsOf(fn: Node): Node[] {
    const name = fn.childForFieldName('name')?.text;
    if (!name || fn.type === 'anonymous_function' || fn.type === 'arrow_function') return [];
    const types = fn.type === 'method_declaration' ? ['member_call_expression', 'scoped_call_expression'] : ['function_call_expression'];
    return this.root.descendantsOfType(types).filter((c): c is Node => {
      if (!c) return false;
      if (c.type === 'function_call_expression') return c.childForFieldName('function')?.text === name;
      const on = c.childForFieldName('object')?.text ?? c.childForFieldName('scope')?.text;
      return c.childForFieldName('name')?.text === name && (on === '$this' || on === 'self' || on === 'static');
    });
  }

  private subscript(node: Node): Built {
    const base = namedChildren(node)[0];
    if (!base) return valueOf(node, 'unknown', 'subscript');
    if (base.type === 'variable_name' && REQUEST_SUPERGLOBALS.has(base.text.slice(1))) return valueOf(node, 'request', base.text);
    if (base.type === 'array_creation_expression') {
      const elements = namedChildren(base).map((e) => namedChildren(e).at(-1)).filter((e): e is Node => !!e);
      if (elements.every((e) => constantText(this.evaluate(e)) !== undefined)) return valueOf(node, 'allowed', 'a lookup in a fixed array');
    }
    const keyed = this.heldResult(base);
    if (keyed && !this.elementWritten(base)) {
      const key = literalKey(namedChildren(node)[1]);
      return valueOf(node, key === undefined ? keyed.origin : keyOrigin(keyed, key), `[${key ?? '?'}] of what a project method returns`);
    }
    const captured = base.type === 'variable_name' ? this.capture(node, base) : undefined;
    if (captured && !this.elementWritten(base)) return captured;
    const held = this.evaluate(base);
    const origin = worstOrigin(held.pieces.filter((p) => p.kind === 'value').map((p) => (p.kind === 'value' ? p.origin : 'constant')));
    if (origin === 'constant' && held.pieces.length > 0) return valueOf(node, 'allowed', 'a lookup in a fixed array');
    return valueOf(node, origin === 'constant' ? 'unknown' : origin, `an element of ${base.text}`);
  }

  /** `$parts['op'] = ...` (or `.=`, `??=`, `$parts[] = ...`) somewhere in the variable's function: its elements are not only what it was set to. */
  private elementWritten(base: Node): boolean {
    if (base.type !== 'variable_name') return false;
    const name = base.text.slice(1);
    const scope = enclosing(base, PHP_SCOPES);
    const key = `${scope.id}:${name}`;
    let written = this.elementWrites.get(key);
    if (written === undefined) {
      written = new RegExp(`\\$${name}(?:\\s*\\[[^\\]]*\\])+\\s*(?:[-.+*/%|&^]|\\?\\?|\\*\\*|<<|>>)?=(?!=)`).test(scope.text);
      this.elementWrites.set(key, written);
    }
    return written;
  }

  /** `$m[i]` of a `$m` that only `preg_match($pattern, $subject, $m)` fills: see `regex-matches.ts`. */
  private capture(node: Node, base: Node): Built | undefined {
    if (this.locals.reaching(base.text.slice(1), base).length > 0) return undefined;
    const calls = matchesFilling(this.callsIn(enclosing(base, PHP_SCOPES)), base.text, base.startIndex);
    if (calls.length === 0) return undefined;
    const key = literalKey(namedChildren(node)[1]);
    const index = key !== undefined && /^\d+$/.test(key) ? Number(key) : undefined;
    const origins = calls.map((call) => {
      const [pattern, subject] = phpArguments(call);
      const group = index !== undefined && pattern && groupsByIndex(call) ? captureOrigin(pattern, index, this) : undefined;
      return group ?? (subject ? originOf(this.evaluate(subject)) : 'unknown');
    });
    return valueOf(node, worstOrigin(origins), `a capture of ${calls[0].childForFieldName('function')?.text ?? 'preg_match'}()`);
  }

  /** The function calls of a scope (not of functions nested in it), read once per scope. */
  private callsIn(scope: Node): readonly Node[] {
    let calls = this.scopeCalls.get(scope.id);
    if (!calls) {
      calls = ownDescendants(scope, ['function_call_expression'], PHP_SCOPES);
      this.scopeCalls.set(scope.id, calls);
    }
    return calls;
  }

  /** For `regex-matches.ts`: a node's constant text. */
  constantText(node: Node): string | undefined {
    return constantText(this.evaluate(node));
  }

  /** For `regex-matches.ts`: the value of the one write reaching a variable. */
  onlyWrite(variable: Node): Node | undefined {
    const writes = this.locals.reaching(variable.text.slice(1), variable);
    return writes.length === 1 && writes[0].kind === 'set' ? writes[0].value : undefined;
  }

  /** For `regex-matches.ts`: the texts of an array literal of literals, or of a property set to one and never assigned. */
  fixedList(node: Node): string[] | undefined {
    const list = node.type === 'member_access_expression' ? this.fixedProperty(node) : node;
    const texts = list?.type === 'array_creation_expression' ? this.arrayElements(list).map((e) => this.constantText(e)) : undefined;
    return texts?.every((t) => t !== undefined) ? texts as string[] : undefined;
  }

  private functionCall(node: Node): Built {
    const name = callName(node).replace(/^\\/, '');
    const args = phpArguments(node);
    const lower = name.toLowerCase();
    if (NUMERIC_FUNCTIONS.has(lower)) return valueOf(node, 'numeric', `${name}()`);
    if (QUOTING_FUNCTIONS.has(lower)) return valueOf(node, 'quoted', `${name}()`);
    if (lower === 'request' && args.length > 0) return valueOf(node, 'request', 'request()');
    if ((lower === 'sprintf' || lower === 'vsprintf') && args[0]) return this.sprintf(node, args[0], lower === 'vsprintf' ? this.arrayElements(args[1]) : args.slice(1));
    if ((lower === 'implode' || lower === 'join') && args.length > 0) return this.implode(node, args);
    if (lower === 'array_fill' && args[2] && constantText(this.evaluate(args[2])) !== undefined) return valueOf(node, 'placeholder', 'a list of fixed text');
    if (lower === 'str_repeat' && args[0] && constantText(this.evaluate(args[0])) !== undefined) return valueOf(node, 'placeholder', 'repeated fixed text');
    if (lower === 'filter_input') return valueOf(node, 'request', `${name}()`);
    if (CONFIGURATION_CALLS.has(name)) return valueOf(node, 'stored', `configuration read by ${name}()`);
    if (lower === 'filter_var' && args[1] && /INT|FLOAT|BOOL/.test(args[1].text)) return valueOf(node, 'numeric', 'filter_var as a number');
    if (TEXT_PRESERVING_FUNCTIONS.has(lower) && args[0]) return asOneValue(node, this.evaluate(args[lower === 'str_replace' || lower === 'preg_replace' ? 2 : 0] ?? args[0]), `${name}()`);
    if (lower === 'uniqid' || lower === 'md5' || lower === 'sha1' || lower === 'date') return valueOf(node, 'generated', `${name}()`);
    const own = this.constantFunction(name);
    if (own !== undefined) return textOf(own, node.startIndex, node.endIndex);
    return valueOf(node, 'unknown', `the result of ${name}()`);
  }

  /** A function of this file that takes no parameters and returns only literal text. */
  private constantFunction(name: string): string | undefined {
    for (const fn of this.root.descendantsOfType(['function_definition', 'method_declaration'])) {
      if (!fn || fn.childForFieldName('name')?.text !== name) continue;
      if (namedChildren(fn.childForFieldName('parameters') ?? fn).length > 0) return undefined;
      const returns = fn.descendantsOfType('return_statement').map((r) => r && namedChildren(r)[0]);
      if (returns.length === 0 || !returns.every((r) => r && (r.type === 'string' || r.type === 'nowdoc'))) return undefined;
      return returns.length === 1 && returns[0] ? literalContent(returns[0]) : '';
    }
    return undefined;
  }

  private sprintf(node: Node, format: Node, args: readonly Node[]): Built {
    const template = constantText(this.evaluate(format));
    if (template === undefined) return valueOf(node, 'unknown', 'sprintf with a built format');
    return printfPieces(template, format, args, (n) => this.evaluate(n), node);
  }

  private arrayElements(node: Node | undefined): Node[] {
    if (!node || node.type !== 'array_creation_expression') return [];
    return namedChildren(node).map((e) => namedChildren(e).at(-1)).filter((e): e is Node => !!e);
  }

  private implode(node: Node, args: readonly Node[]): Built {
    const list = args.length > 1 ? args[1] : args[0];
    const elements = list.type === 'array_creation_expression' ? this.arrayElements(list).map((e) => this.evaluate(e)) : [this.evaluate(list)];
    const values = join(elements, 'join');
    if (onlyOrigins(values, ['constant', 'placeholder'])) return valueOf(node, 'placeholder', 'joined fixed text');
    return asOneValue(node, values, 'implode()');
  }

  private methodCall(node: Node): Built {
    const object = node.childForFieldName('object');
    const method = node.childForFieldName('name')?.text ?? '';
    const receiver = object?.text ?? '';
    if (REQUEST_RECEIVER.test(receiver) || /(?:^|->)request\(\)$/.test(receiver) || this.isRequestParameter(object)) {
      if (NUMERIC_REQUEST_METHODS.has(method)) return valueOf(node, 'numeric', `${receiver}->${method}()`);
      if (REQUEST_METHODS.has(method)) return valueOf(node, 'request', `${receiver}->${method}()`);
    }
    if (QUOTING_METHODS.has(method)) return valueOf(node, 'quoted', `->${method}()`);
    if (MODEL_METADATA_METHODS.has(method)) return valueOf(node, 'constant', `the model's ${method}()`);
    if (CONFIGURATION_CALLS.has(method)) return valueOf(node, 'stored', `configuration read by ->${method}()`);
    if (/^(?:lastInsertId|rowCount|insert_id|num_rows|count|getId|id)$/.test(method)) return valueOf(node, 'numeric', `->${method}()`);
    if (object && /^(?:fetch\w*|get_var|get_row|get_results|first|value|pluck)$/.test(method)) return valueOf(node, 'stored', `read from the database by ->${method}()`);
    const result = this.projectResult(node);
    if (result) return valueOf(node, result.origin, `what ${receiver}->${method}() returns in the project`);
    return valueOf(node, 'unknown', `the result of ->${method}()`);
  }

  /** What `$x->m()` returns when `$x` is declared as a class of the project (`project`); `undefined` otherwise. */
  private projectResult(call: Node): KeyedResult | undefined {
    const object = call.childForFieldName('object');
    const method = call.childForFieldName('name');
    if (!this.project || !object || method?.type !== 'name') return undefined;
    const written = declaredClassOf(object, this.locals);
    this.names ??= phpNamesOf(this.root);
    const className = written && resolveClassName(written, this.names);
    return className ? this.project.resultOf(className, method.text) : undefined;
  }

  /** The project method result a value holds: the call itself, or a local every write of which is such a call. */
  private heldResult(node: Node): KeyedResult | undefined {
    if (node.type === 'member_call_expression' || node.type === 'nullsafe_member_call_expression') return this.projectResult(node);
    if (node.type !== 'variable_name' || !this.project) return undefined;
    const writes = this.locals.reaching(node.text.slice(1), node);
    const results = writes.map((w) => (w.kind === 'set' && w.value && /member_call_expression$/.test(w.value.type) ? this.projectResult(w.value) : undefined));
    return results.length > 0 && results.every((r) => r) ? mergeResults(results as KeyedResult[]) : undefined;
  }

  private isRequestParameter(object: Node | null): boolean {
    if (object?.type !== 'variable_name') return false;
    const scope = enclosing(object, PHP_SCOPES);
    const parameters = PHP_SCOPES.has(scope.type) ? scope.childForFieldName('parameters') : null;
    const parameter = parameters && namedChildren(parameters).find((p) => p.childForFieldName('name')?.text === object.text);
    return !!parameter && /Request(?:Interface)?$/.test(parameter.childForFieldName('type')?.text ?? '');
  }

  private staticCall(node: Node): Built {
    const scope = node.childForFieldName('scope')?.text ?? '';
    const method = node.childForFieldName('name')?.text ?? '';
    if (/^(?:Request|Input)$/.test(scope) && REQUEST_METHODS.has(method)) return valueOf(node, 'request', `${scope}::${method}()`);
    if (/^(?:DB|PDO)$/.test(scope) && /^(?:escape|quote)$/.test(method)) return valueOf(node, 'quoted', `${scope}::${method}()`);
    if (CONFIGURATION_CALLS.has(method)) return valueOf(node, 'stored', `configuration read by ${scope}::${method}()`);
    if (scope === 'self' || scope === 'static') {
      const own = this.constantFunction(method);
      if (own !== undefined) return textOf(own, node.startIndex, node.endIndex);
    }
    return valueOf(node, 'unknown', `the result of ${scope}::${method}()`);
  }

  /** `$this->table`: constant when the class declares it with literal text and nothing else assigns it. */
  private property(node: Node): Built {
    const object = node.childForFieldName('object')?.text;
    const name = node.childForFieldName('name')?.text ?? '';
    // `$wpdb->posts`, `$wpdb->prefix`: table names from the WordPress configuration
    if (object === '$wpdb') return valueOf(node, 'stored', 'a WordPress table name');
    const initial = this.fixedProperty(node);
    const text = initial && constantText(this.evaluate(initial));
    if (text !== undefined) return textOf(text, node.startIndex, node.endIndex);
    return valueOf(node, 'unknown', `property ${name}`);
  }
}
