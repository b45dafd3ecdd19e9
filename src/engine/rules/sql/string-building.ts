import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES, firstNamedChild, unwrap } from '../../ast';
import { allowListedChoice, guardedBy } from './allow-lists';
import { elementValues, evaluateCall } from './calls';
import type { ImportFacts } from './imports';
import { isConstantName, isSafeTypeText } from './known-calls';
import {
  SAFE, UNKNOWN, constant, cook, formsOf, isStringy, mergeForms, piecesAt, settle, sitesOf, textOf, unsafeValues,
  type Evaluation, type Piece, type Quote,
} from './pieces';
import type { Binding, Resolution, ScopeIndex } from './scope';

/** How deep the evaluator follows variables and calls before it calls a value unknown. */
const MAX_DEPTH = 24;

const SAFE_OPERATORS = new Set(['-', '*', '/', '%', '**', '<<', '>>', '>>>', '&', '|', '^', '==', '===', '!=', '!==', '<', '<=', '>', '>=', 'instanceof', 'in']);

/** The value of a variable where it is used: its initial value replayed through the writes before the use. */
export interface VariableValue {
  readonly evaluation: Evaluation;
  /** Declarations and writes that added unsafe values. */
  readonly sites: readonly Node[];
}

/**
 * Reads expressions as text made of literal pieces and values, following local variables, `+=`,
 * templates, `.concat()`, format functions and `.join()`. One evaluator serves one rule run.
 */
export class StringEvaluator {
  private readonly active = new Set<number>();
  private readonly activeFunctions = new Set<number>();
  /** The current value of a variable while its own writes are replayed (`sql = sql + ...`). */
  private readonly current = new Map<number, Evaluation>();
  /** Parameters of the callback being evaluated, by name (only for bodies without nested functions, so no shadowing). */
  private readonly parameters = new Map<string, Evaluation>();

  constructor(readonly text: string, readonly scopes: ScopeIndex, readonly imports: ImportFacts) {}

  evaluate(node: Node, depth = 0): Evaluation {
    if (depth > MAX_DEPTH) return UNKNOWN;
    switch (node.type) {
      case 'string': return this.stringLiteral(node);
      case 'template_string': return this.template(node, depth);
      case 'number': return constant(node.text, false);
      case 'true': case 'false': case 'null': case 'undefined': return constant(node.text, false);
      case 'parenthesized_expression': case 'as_expression': case 'non_null_expression': case 'satisfies_expression': case 'type_assertion': {
        const inner = unwrap(node);
        return inner === node ? UNKNOWN : this.evaluate(inner, depth);
      }
      case 'binary_expression': return this.binary(node, depth);
      case 'unary_expression': return node.child(0)?.text === 'void' ? constant('', false) : SAFE;
      case 'update_expression': return SAFE;
      case 'ternary_expression': return allowListedChoice(this, node, depth) ?? this.either(node.childForFieldName('consequence'), node.childForFieldName('alternative'), depth);
      case 'identifier': return this.identifier(node, depth);
      case 'member_expression': return this.member(node, depth);
      case 'subscript_expression': return this.subscript(node, depth);
      case 'call_expression': return evaluateCall(this, node, depth);
      case 'sequence_expression': { const last = node.lastNamedChild; return last ? this.evaluate(last, depth) : UNKNOWN; }
      case 'assignment_expression': { const right = node.childForFieldName('right'); return right ? this.evaluate(right, depth) : UNKNOWN; }
      default: return UNKNOWN;
    }
  }

  private stringLiteral(node: Node): Evaluation {
    const literal = node.text;
    const raw = literal.slice(1, -1);
    return textOf([{ kind: 'text', text: cook(raw), start: node.startIndex + 1, end: node.startIndex + literal.length - 1, quote: literal[0] as Quote }], true);
  }

  private template(node: Node, depth: number): Evaluation {
    const pieces: Piece[] = [];
    let exact = true;
    let substituted = false;
    let forms = mergeForms();
    let sites: Node[] = [];
    let runStart = -1;
    let runEnd = -1;
    const flush = (): void => {
      if (runStart < 0) return;
      const raw = this.text.slice(runStart, runEnd);
      pieces.push({ kind: 'text', text: cook(raw), start: runStart, end: runEnd, quote: '`' });
      runStart = -1;
    };
    // (told apart by their text: reading each child's type is a trip into WebAssembly)
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (this.text.startsWith('${', child.startIndex)) {
        flush();
        substituted = true;
        const expression = firstNamedChild(child);
        if (!expression) return UNKNOWN;
        const value = this.evaluate(expression, depth + 1);
        if (value.kind === 'text') {
          exact = exact && value.exact;
          forms = mergeForms(forms, value.forms);
          sites = [...sites, ...value.sites];
        }
        pieces.push(...piecesAt(settleInPlace(value), expression));
      } else {
        if (runStart < 0) runStart = child.startIndex;
        runEnd = child.endIndex;
      }
    }
    flush();
    if (pieces.length === 0) pieces.push({ kind: 'text', text: '', start: node.startIndex + 1, end: node.startIndex + 1, quote: '`' });
    return textOf(pieces, exact, substituted ? mergeForms(forms, ['template']) : forms, sites);
  }

  private binary(node: Node, depth: number): Evaluation {
    const operator = node.childForFieldName('operator')?.text ?? '';
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right) return UNKNOWN;
    if (operator === '+') return this.plus(this.evaluate(left, depth + 1), left, this.evaluate(right, depth + 1), right, 'concatenation');
    if (operator === '||' || operator === '??') return this.either(left, right, depth);
    if (operator === '&&') return this.either(right, right, depth);
    return SAFE_OPERATORS.has(operator) ? SAFE : UNKNOWN;
  }

  /** `left + right`: a string when either side is one, otherwise a number. */
  plus(left: Evaluation, leftNode: Node, right: Evaluation, rightNode: Node, form: 'concatenation' | 'compound'): Evaluation {
    if (!isStringy(left) && !isStringy(right)) {
      if (left.kind === 'constant' && right.kind === 'constant') return constant(left.text + right.text, false);
      if ((left.kind === 'constant' || left.kind === 'safe') && (right.kind === 'constant' || right.kind === 'safe')) return SAFE;
      return UNKNOWN;
    }
    const pieces = [...piecesAt(settleInPlace(left), leftNode), ...piecesAt(settleInPlace(right), rightNode)];
    const exact = (left.kind !== 'text' || left.exact) && (right.kind !== 'text' || right.exact);
    return textOf(pieces, exact, mergeForms(formsOf(left), formsOf(right), [form]), [...sitesOf(left), ...sitesOf(right)]);
  }

  /** One of two values (`c ? a : b`, `a || b`): constant or safe only when both are. */
  either(a: Node | null, b: Node | null, depth: number): Evaluation {
    if (!a || !b) return UNKNOWN;
    const first = settle(this.evaluate(a, depth + 1));
    const second = a === b ? first : settle(this.evaluate(b, depth + 1));
    return union(first, a, second, b);
  }

  /** The function a callee names, when this file defines it: `function f() {}`, `const f = () => ...`, `const o = { f() {} }` with `o.f`. */
  localFunction(callee: Node): Node | undefined {
    const target = unwrap(callee);
    if (target.type === 'identifier') {
      const resolution = this.scopes.resolve(target);
      const binding = resolution?.binding;
      if (!binding || resolution.writes.length > 0) return undefined;
      const fn = binding.kind === 'function' ? binding.declaration : binding.kind === 'const' && binding.init ? unwrap(binding.init) : undefined;
      return fn && FUNCTION_TYPES.has(fn.type) ? fn : undefined;
    }
    if (target.type !== 'member_expression') return undefined;
    const object = target.childForFieldName('object');
    const method = target.childForFieldName('property')?.text;
    if (object?.type !== 'identifier' || !method) return undefined;
    const resolution = this.scopes.resolve(object);
    const literal = resolution?.binding.kind === 'const' && resolution.binding.init ? unwrap(resolution.binding.init) : undefined;
    if (literal?.type !== 'object') return undefined;
    for (const member of literal.namedChildren) {
      if (member?.type === 'method_definition' && member.childForFieldName('name')?.text === method) return member;
      const value = member?.type === 'pair' && member.childForFieldName('key')?.text === method ? member.childForFieldName('value') : undefined;
      if (value && FUNCTION_TYPES.has(unwrap(value).type)) return unwrap(value);
    }
    return undefined;
  }

  /** What a function of this file returns for `args`: its returned expressions, parameters bound to the arguments. */
  returnedBy(fn: Node, args: readonly Node[], depth: number): Evaluation {
    const body = fn.childForFieldName('body');
    if (!body || this.activeFunctions.has(fn.startIndex) || depth > MAX_DEPTH || body.endIndex - body.startIndex > 4000) return UNKNOWN;
    const returned = body.type === 'statement_block'
      ? body.descendantsOfType('return_statement').map((r) => r && firstNamedChild(r)).filter((r): r is Node => !!r)
      : [body];
    if (returned.length === 0 || returned.length > 10) return UNKNOWN;
    const single = fn.childForFieldName('parameter');
    const params = single ? [single] : (fn.childForFieldName('parameters')?.namedChildren ?? []).map((p) => (p?.type === 'required_parameter' || p?.type === 'optional_parameter' ? p.childForFieldName('pattern') : p));
    const bound: number[] = [];
    params.forEach((param, i) => {
      if (param?.type !== 'identifier') return;
      this.current.set(param.startIndex, asForeign(args[i] ? settle(this.evaluate(args[i], depth + 1)) : constant('', false)));
      bound.push(param.startIndex);
    });
    this.activeFunctions.add(fn.startIndex);
    try {
      return returned
        .map((expression) => ({ expression, value: asForeign(this.evaluate(expression, depth + 1)) }))
        .map(({ expression, value }) => (value.kind === 'text' ? { ...value, sites: [...value.sites, expression] } : value))
        .reduce<Evaluation>((acc, value, i) => (i === 0 ? value : union(acc, fn, value, fn)), UNKNOWN);
    } finally {
      this.activeFunctions.delete(fn.startIndex);
      for (const key of bound) this.current.delete(key);
    }
  }

  /** Evaluates with the given parameter names standing for the given values (a callback body without nested functions). */
  withParameters<T>(values: ReadonlyMap<string, Evaluation>, compute: () => T): T {
    const saved = new Map(this.parameters);
    for (const [name, value] of values) this.parameters.set(name, value);
    try {
      return compute();
    } finally {
      this.parameters.clear();
      for (const [name, value] of saved) this.parameters.set(name, value);
    }
  }

  /** Evaluates with the given identifiers (declarations of parameters) standing for the given values. */
  withValues<T>(values: readonly [Node, Evaluation][], compute: () => T): T {
    for (const [id, value] of values) this.current.set(id.startIndex, value);
    try {
      return compute();
    } finally {
      for (const [id] of values) this.current.delete(id.startIndex);
    }
  }

  private identifier(node: Node, depth: number): Evaluation {
    const name = node.text;
    const parameter = this.parameters.get(name);
    if (parameter) return parameter;
    if (name === 'undefined') return constant('', false);
    if (name === 'NaN' || name === 'Infinity') return SAFE;
    const resolution = this.scopes.resolve(node);
    if (!resolution) return isConstantName(name) ? constant(name, true) : UNKNOWN;
    const value = settleInPlace(asForeign(this.valueAt(resolution, node.startIndex, depth).evaluation));
    if (value.kind === 'constant' || value.kind === 'safe') return value;
    return guardedBy(this, node, resolution.binding, depth) ?? value;
  }

  /** The value a variable holds at `position`. */
  valueAt(resolution: Resolution, position: number, depth: number): VariableValue {
    const { binding } = resolution;
    const key = binding.id.startIndex;
    const replaying = this.current.get(key);
    if (replaying) return { evaluation: replaying, sites: [] };
    if (this.active.has(key) || depth > MAX_DEPTH) return { evaluation: UNKNOWN, sites: [] };
    this.active.add(key);
    try {
      return this.replay(resolution, position, depth + 1);
    } finally {
      this.active.delete(key);
    }
  }

  private replay(resolution: Resolution, position: number, depth: number): VariableValue {
    const { binding, writes } = resolution;
    const start = this.initialValue(binding, depth);
    if (binding.kind === 'function' || binding.kind === 'import') return { evaluation: start, sites: [] };
    let value = start;
    const sites: Node[] = binding.init && value.kind === 'text' && unsafeValues(value.pieces).length > 0 ? [binding.init] : [];
    for (const write of writes) {
      if (write.start >= position || write.start <= binding.id.startIndex) continue;
      const expression = write.expression;
      if (write.role === 'update') { value = SAFE; continue; }
      if (write.role === 'push') continue;
      if (!expression || expression.type === 'for_in_statement') { value = UNKNOWN; continue; }
      const right = expression.childForFieldName('right');
      if (!right) continue;
      const operator = expression.childForFieldName('operator')?.text ?? '=';
      let next: Evaluation;
      if (expression.type === 'augmented_assignment_expression') {
        next = operator === '+=' ? this.plus(value, binding.id, this.evaluate(right, depth), right, 'compound') : SAFE;
      } else {
        this.current.set(binding.id.startIndex, asForeign(value));
        try {
          next = this.evaluate(right, depth);
        } finally {
          this.current.delete(binding.id.startIndex);
        }
      }
      if (countUnsafe(next) > countUnsafe(value)) sites.push(expression);
      value = write.blockStart !== undefined && write.blockStart === binding.block?.startIndex ? asForeign(next) : union(value, binding.id, next, right);
    }
    if (value.kind === 'text' && (writes.length > 0 || value.sites.length > 0 || sites.length > 0)) value = { ...value, sites: [...new Set([...value.sites, ...sites])] };
    return { evaluation: value, sites };
  }

  private initialValue(binding: Binding, depth: number): Evaluation {
    switch (binding.kind) {
      case 'param':
        if (isSafeTypeText(binding.typeText)) return SAFE;
        return binding.param?.index === 1 && binding.param.arrayCallback ? SAFE : UNKNOWN;
      case 'loop':
        return binding.loopOf ? this.loopElement(binding.loopOf, depth) : UNKNOWN;
      case 'const': case 'let': case 'var':
        if (isSafeTypeText(binding.typeText)) return SAFE;
        if (!binding.init) return constant('', false);
        return this.evaluate(binding.init, depth);
      default:
        return isConstantName(binding.name) ? constant(binding.name, true) : UNKNOWN;
    }
  }

  /** `for (const t of ['a', 'b'])`: constant when every element is. */
  private loopElement(iterated: Node, depth: number): Evaluation {
    const elements = elementValues(this, iterated, depth);
    if (!elements) return UNKNOWN;
    return elements.values.reduce<Evaluation>((acc, e, i) => (i === 0 ? settle(e.evaluation) : union(acc, iterated, settle(e.evaluation), e.node)), constant('', true));
  }

  /** Elements of an array literal, or of a local array built with literals and `push`. */
  arrayElements(node: Node, depth: number): { values: { evaluation: Evaluation; node: Node }[]; exact: boolean; sites: Node[] } | undefined {
    const target = unwrap(node);
    if (target.type === 'array') {
      const values: { evaluation: Evaluation; node: Node }[] = [];
      let exact = true;
      for (const c of target.namedChildren) {
        if (!c || c.type === 'comment') continue;
        if (c.type !== 'spread_element') { values.push({ evaluation: this.evaluate(c, depth + 1), node: c }); continue; }
        const spread = firstNamedChild(c);
        const inner = spread && depth < MAX_DEPTH ? elementValues(this, spread, depth + 1) : undefined;
        values.push(...(inner?.values ?? [{ evaluation: UNKNOWN, node: c }]));
        exact = false;
      }
      return { values, exact, sites: [] };
    }
    if (target.type !== 'identifier') return undefined;
    const resolution = this.scopes.resolve(target);
    if (!resolution && isConstantName(target.text)) return { values: [{ evaluation: constant(target.text, true), node: target }], exact: false, sites: [] };
    const init = resolution?.binding.init ? unwrap(resolution.binding.init) : undefined;
    if (!resolution || !init || depth > MAX_DEPTH) return undefined;
    if (init.type !== 'array') return resolution.writes.length === 0 ? elementValues(this, init, depth + 1) : undefined;
    const base = this.arrayElements(init, depth + 1);
    if (!base) return undefined;
    const values = [...base.values];
    const sites: Node[] = [];
    for (const write of resolution.writes) {
      if (write.start >= target.startIndex) continue;
      if (write.role !== 'push' || !write.expression) return undefined;
      const args = write.expression.childForFieldName('arguments');
      for (const arg of args?.namedChildren ?? []) {
        if (!arg || arg.type === 'comment') continue;
        const evaluation = arg.type === 'spread_element' ? UNKNOWN : this.evaluate(arg, depth + 1);
        if (countUnsafe(evaluation) > 0 || evaluation.kind === 'unknown') sites.push(write.expression);
        values.push({ evaluation, node: arg });
      }
    }
    return { values, exact: false, sites };
  }

  private member(node: Node, depth: number): Evaluation {
    const property = node.childForFieldName('property')?.text ?? '';
    const object = node.childForFieldName('object');
    if (property === 'length' || property === 'size') return SAFE;
    if (isConstantName(property) || (object?.type === 'identifier' && isConstantName(object.text))) return constant(property, true);
    return object ? this.lookUp(object, property, depth) : UNKNOWN;
  }

  private subscript(node: Node, depth: number): Evaluation {
    const object = node.childForFieldName('object');
    return object ? this.lookUp(object, undefined, depth) : UNKNOWN;
  }

  /** `MAP[key]` or `MAP.key` where MAP is an object or array literal of constants (an allow-list). */
  private lookUp(object: Node, property: string | undefined, depth: number): Evaluation {
    let literal = unwrap(object);
    if (literal.type === 'identifier') {
      const resolution = this.scopes.resolve(literal);
      if (!resolution && isConstantName(literal.text)) return constant(literal.text, true);
      const init = resolution?.binding.kind === 'const' ? resolution.binding.init : undefined;
      if (!init || resolution!.writes.length > 0) return UNKNOWN;
      literal = unwrap(init);
    }
    if (literal.type === 'array') {
      const elements = this.arrayElements(literal, depth);
      return elements ? elements.values.reduce<Evaluation>((acc, e, i) => (i === 0 ? settle(e.evaluation) : union(acc, literal, settle(e.evaluation), e.node)), UNKNOWN) : UNKNOWN;
    }
    if (literal.type !== 'object') return UNKNOWN;
    let result: Evaluation | undefined;
    for (const pair of literal.namedChildren) {
      if (!pair || pair.type !== 'pair') continue;
      const key = pair.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '');
      const value = pair.childForFieldName('value');
      if (!value) return UNKNOWN;
      if (property !== undefined && key !== property) continue;
      const evaluation = settle(this.evaluate(value, depth + 1));
      result = result ? union(result, literal, evaluation, value) : evaluation;
    }
    return result ?? UNKNOWN;
  }
}

/** A value that stands for pieces found elsewhere: usable to recognise SQL, not to rewrite in place. */
function asForeign(value: Evaluation): Evaluation {
  return value.kind === 'text' && value.exact ? { ...value, exact: false } : value;
}

/** Constant or safe text becomes a single piece in place; text with unsafe values keeps its pieces. */
function settleInPlace(value: Evaluation): Evaluation {
  if (value.kind !== 'text' || value.exact) return value;
  return settle(value);
}

function countUnsafe(value: Evaluation): number {
  return value.kind === 'text' ? unsafeValues(value.pieces).length : value.kind === 'unknown' ? 1 : 0;
}

/** What a value is when it may be either of two. */
export function union(a: Evaluation, aNode: Node, b: Evaluation, bNode: Node): Evaluation {
  if (a.kind === 'constant' && b.kind === 'constant') return constant(a.text, a.isString || b.isString);
  const harmless = (e: Evaluation): boolean => e.kind === 'constant' || e.kind === 'safe';
  if (harmless(a) && harmless(b)) return SAFE;
  if (a.kind !== 'text' && b.kind !== 'text') return UNKNOWN;
  return textOf([...piecesAt(a, aNode), ...piecesAt(b, bNode)], false, mergeForms(formsOf(a), formsOf(b)), [...sitesOf(a), ...sitesOf(b)]);
}
