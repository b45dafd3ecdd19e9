import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES, firstNamedChild, unwrap } from '../../ast';
import { TestedNames, allowListedChoice, guardedBy } from './allow-lists';
import { arrayElements, elementOf, loopElement } from './arrays';
import { evaluateCall } from './calls';
import { ClassMembers } from './classes';
import type { ImportFacts } from './imports';
import { isConstantName, isSafeTypeText } from './known-calls';
import { evaluateMember, evaluateSubscript } from './members';
import { isConnectionSetting } from './connection-settings';
import { contextualParameterType } from './contextual-types';
import { destructuredTypeText } from './typed-names';
import { TypeDeclarations } from './type-declarations';
import { holdsModule, holdsStoredRows, isResolverParent } from './origins';
import { ParameterValues, type CrossFileCalls } from './parameter-values';
import {
  MAX_DEPTH, SAFE, UNKNOWN, cannotCarrySql, constant, cook, countUnsafe, formsOf, isStringy, mergeForms, piecesAt, settle, sitesOf, textOf, union, unionOf, unsafeValues,
  type Evaluation, type Piece, type Quote, type TextEvaluation,
} from './pieces';
import type { Binding, Resolution, ScopeIndex } from './scope';
import { propertyValue, returnedExpressions } from './syntax';
import { NegatedChecks, validatedRead } from './validators';

const SAFE_OPERATORS = new Set(['-', '*', '/', '%', '**', '<<', '>>', '>>>', '&', '|', '^', '==', '===', '!=', '!==', '<', '<=', '>', '>=', 'instanceof', 'in']);

/** How the evaluator reads values of uncertain origin. */
export interface EvaluatorOptions {
  /** TypeScript: a parameter's default value fixes its type. */
  readonly typed: boolean;
  /** Values read back from the database or configuration count as unknown (`sql.storedValues`). */
  readonly storedValues: boolean;
  /** What other project files pass to this file's functions, and return from theirs. */
  readonly crossFile?: CrossFileCalls;
  /** `false`: a parameter is not followed to its function's calls (the project index reads arguments this way, for speed). */
  readonly callers?: boolean;
  /** `performance.now()` past which evaluation stops (everything reads as unknown and `expired` is set). */
  readonly deadline?: number;
}

/** How many evaluation steps run between two looks at the clock. */
const STEPS_PER_CLOCK_READ = 1024;

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
  /** What parameters are given by all their callers. */
  private readonly callerValues: ParameterValues;
  /** What names hold as a whole (`heldValue`), by declaration offset: it depends on the declaration alone. */
  private readonly held = new Map<number, Evaluation | undefined>();

  readonly classes: ClassMembers;
  /** Where names are tested against a list or pattern, the places a guard can be. */
  readonly tests: TestedNames;
  /** Where values are negated checks' arguments (`!validate(id)`), the places a validator guard can be. */
  readonly negatedChecks: NegatedChecks;
  /** What other project files pass to this file's functions, and return from theirs. */
  readonly crossFile: CrossFileCalls | undefined;
  /** What a value read back from the database or configuration counts as. */
  readonly stored: Evaluation;

  constructor(readonly text: string, readonly scopes: ScopeIndex, readonly imports: ImportFacts, private readonly options: EvaluatorOptions = { typed: false, storedValues: false }) {
    this.classes = new ClassMembers(text, scopes.ancestry, scopes.moduleLookups, options.crossFile?.memberSight);
    this.stored = options.storedValues ? UNKNOWN : SAFE;
    this.callerValues = new ParameterValues(this, options.crossFile, options.callers !== false);
    this.tests = new TestedNames(text);
    this.negatedChecks = new NegatedChecks(text);
    this.crossFile = options.crossFile;
  }


  /** Set once the deadline has passed: results since then are incomplete and must not be reported. */
  expired = false;
  private steps = 0;

  /** Evaluation steps run so far: a measure of work that, unlike time, does not depend on the machine's load. */
  get work(): number {
    return this.steps;
  }

  evaluate(node: Node, depth = 0): Evaluation {
    if (depth > MAX_DEPTH || this.expired) return UNKNOWN;
    if (++this.steps % STEPS_PER_CLOCK_READ === 0 && this.options.deadline !== undefined && performance.now() > this.options.deadline) {
      this.expired = true;
      return UNKNOWN;
    }
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
      case 'identifier': case 'shorthand_property_identifier': return this.identifier(node, depth);
      case 'member_expression': return evaluateMember(this, node, depth);
      case 'subscript_expression': return evaluateSubscript(this, node, depth);
      case 'array': return this.arrayAsText(node, depth);
      case 'call_expression': return evaluateCall(this, node, depth);
      case 'await_expression': { const awaited = node.namedChildren[0]; return awaited ? this.evaluate(awaited, depth) : UNKNOWN; }
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
    if (!object || !method) return undefined;
    if (object.type === 'this') {
      const cls = this.classes.enclosingClass(object);
      return cls && this.classes.member(cls, method, 'method');
    }
    if (object.type !== 'identifier') return undefined;
    const cls = /^[A-Z]/.test(object.text) ? this.classes.classNamed(object.text) : undefined;
    if (cls) return this.classes.member(cls, method, 'static');
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

  /** Whether `node`, read one level deeper than `depth`, cannot carry SQL (a constant, or a value known safe). */
  readsSafe(node: Node, depth: number): boolean {
    return cannotCarrySql(settle(this.evaluate(node, depth + 1)));
  }

  /** `f(...)` or `await f(...)` where `f` is a function of this file: the function and the call. */
  localCallOf(expression: Node): { fn: Node; call: Node } | undefined {
    let target = unwrap(expression);
    if (target.type === 'await_expression') target = unwrap(target.namedChildren[0] ?? target);
    const callee = target.type === 'call_expression' ? target.childForFieldName('function') : undefined;
    const fn = callee ? this.localFunction(callee) : undefined;
    return fn ? { fn, call: target } : undefined;
  }

  /** What a function of this file returns for `args`: its returned expressions, parameters bound to the arguments. */
  returnedBy(fn: Node, args: readonly Node[], depth: number): Evaluation {
    return this.withArguments(fn, args, depth, (returned) => returned
      .map((expression) => ({ expression, value: asForeign(this.evaluate(expression, depth + 1)) }))
      .map(({ expression, value }) => (value.kind === 'text' ? { ...value, sites: [...value.sites, expression] } : value))
      .reduce<Evaluation>((acc, value, i) => (i === 0 ? value : union(acc, fn, value, fn)), UNKNOWN));
  }

  /**
   * `property` of what a function of this file returns for `args`, when every return is an object literal
   * (`return { sqlConditions, sanitizedTerm }`): the values written for it, parameters bound to the arguments.
   */
  returnedProperty(fn: Node, args: readonly Node[], property: string, depth: number): Evaluation {
    return this.withArguments(fn, args, depth, (returned) => {
      const values = returned.map((expression) => {
        const literal = unwrap(expression);
        const value = literal.type === 'object' ? propertyValue(literal, property) : undefined;
        return { evaluation: value ? asForeign(this.evaluate(value, depth + 1)) : UNKNOWN, node: value ?? expression };
      });
      return unionOf(values);
    });
  }

  private withArguments(fn: Node, args: readonly Node[], depth: number, compute: (returned: Node[]) => Evaluation): Evaluation {
    const body = fn.childForFieldName('body');
    if (!body || this.activeFunctions.has(fn.startIndex) || depth > MAX_DEPTH || body.endIndex - body.startIndex > 4000) return UNKNOWN;
    const returned = returnedExpressions(fn).filter((r): r is Node => !!r);
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
      return compute(returned);
    } finally {
      this.activeFunctions.delete(fn.startIndex);
      for (const key of bound) this.current.delete(key);
    }
  }

  /** The value a callback parameter stands for while its body is evaluated by name (see `withParameters`). */
  boundParameter(name: string): Evaluation | undefined {
    return this.parameters.get(name);
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
    if (!resolution) return this.unresolvedValue(node) ?? UNKNOWN;
    const value = settleInPlace(asForeign(this.valueAt(resolution, node.startIndex, depth).evaluation));
    if (value.kind === 'constant' || value.kind === 'safe') return value;
    return guardedBy(this, node, resolution.binding, depth) ?? validatedRead(this, node) ?? value;
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
    // a run of unconditional `+=` onto text that already holds request data appends to one list of pieces
    // (copying the whole string at each of 20,000 `q += ...` lines is quadratic)
    const run = new AppendRun();
    for (const write of writes) {
      if (this.expired) return { evaluation: UNKNOWN, sites: [] };
      if (write.start >= position || write.start <= binding.id.startIndex) continue;
      const expression = write.expression;
      if (write.role === 'update') { value = SAFE; run.end(); continue; }
      if (write.role === 'push') continue;
      if (!expression || expression.type === 'for_in_statement') { value = UNKNOWN; run.end(); continue; }
      const right = expression.childForFieldName('right');
      if (!right) continue;
      const operator = expression.childForFieldName('operator')?.text ?? '=';
      const unconditional = write.blockStart !== undefined && write.blockStart === binding.block?.startIndex;
      if (expression.type === 'augmented_assignment_expression' && operator === '+=' && unconditional && value.kind === 'text') {
        const appended = run.append(value, settleInPlace(this.evaluate(right, depth)), right);
        if (appended) {
          if (appended.addedUnsafe) sites.push(expression);
          value = appended.value;
          continue;
        }
      }
      run.end();
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
    const held = this.heldValue(binding, depth);
    if (held) return held;
    switch (binding.kind) {
      case 'param':
        return this.parameterValue(binding, depth);
      case 'loop':
        return binding.loopOf ? loopElement(this, binding.loopOf, binding.loopPart, depth) : UNKNOWN;
      case 'const': case 'let': case 'var':
        if (!binding.init) return constant('', false);
        return this.evaluate(binding.init, depth);
      case 'pattern': {
        // `const { database } = getDBConf('database')`: a part of a whole that cannot carry SQL cannot either
        const whole = binding.declarator?.childForFieldName('value');
        if (whole && cannotCarrySql(settle(this.evaluate(whole, depth)))) return SAFE;
        return isConstantName(binding.name) ? constant(binding.name, true) : UNKNOWN;
      }
      default:
        return isConstantName(binding.name) ? constant(binding.name, true) : UNKNOWN;
    }
  }

  /**
   * What a name holds as a whole, when that alone says it cannot carry SQL: a type that cannot, a module,
   * rows read back from the database, the parent object of a GraphQL resolver.
   */
  heldValue(binding: Binding, depth: number): Evaluation | undefined {
    const key = binding.id.startIndex;
    if (!this.held.has(key)) this.held.set(key, this.readHeldValue(binding, depth));
    return this.held.get(key);
  }

  private readHeldValue(binding: Binding, depth: number): Evaluation | undefined {
    if (isSafeTypeText(this.declaredType(binding))) return SAFE;
    if (holdsModule(binding)) return SAFE;
    if (holdsStoredRows(binding)) return this.stored;
    if (binding.kind !== 'param' || !binding.param) return undefined;
    if (isResolverParent(binding) || isConnectionSetting(binding)) return this.stored;
    // `new DataLoader(async (keys) => ...)` returned as `DataLoader<number, Row>`: the keys are typed by the loader
    if (this.options.typed && isSafeTypeText(contextualParameterType(binding, (name) => this.imports.moduleOf(name)))) return SAFE;
    // TypeScript types an unannotated parameter by its default: `timeoutMs = 10 * MINUTE` is a number
    const { defaultValue } = binding.param;
    if (!this.options.typed || binding.typeText !== undefined || !defaultValue) return undefined;
    const value = settle(this.evaluate(defaultValue, depth + 1));
    return value.kind === 'safe' || (value.kind === 'constant' && !value.isString) ? SAFE : undefined;
  }

  private typeDeclarations: TypeDeclarations | undefined;

  /** The TypeScript type a name is declared with (in place, through destructuring, or by a type this file declares). */
  declaredType(binding: Binding): string | undefined {
    if (!this.options.typed) return binding.typeText;
    const key = binding.id.startIndex;
    if (this.declaredTypes.has(key)) return this.declaredTypes.get(key);
    const declarations = (this.typeDeclarations ??= new TypeDeclarations(this.scopes.root, this.text));
    const type = declarations.expand(binding.typeText ?? destructuredTypeText(binding, (t) => declarations.expand(t)));
    this.declaredTypes.set(key, type);
    return type;
  }

  /** `declaredType` by declaration offset (it depends on the declaration alone). */
  private readonly declaredTypes = new Map<number, string | undefined>();

  /** A name declared nowhere in the file: CONSTANT_CASE names are constants by convention. */
  unresolvedValue(id: Node): Evaluation | undefined {
    return isConstantName(id.text) ? constant(id.text, true) : undefined;
  }

  /** A parameter: an element of the array a callback walks, or one of the arguments every caller in sight passes. */
  private parameterValue(binding: Binding, depth: number): Evaluation {
    const param = binding.param;
    if (!param) return UNKNOWN;
    if (param.arrayCallback) {
      if (param.index === 1) return SAFE;
      return param.index === 0 && param.arrayOf ? elementOf(this, param.arrayOf, depth + 1) ?? UNKNOWN : UNKNOWN;
    }
    return this.parameterProperty(binding, [], depth);
  }

  /** `args.orderBy` for a parameter `args`: what callers pass for that property (`below`), when it is safe. */
  parameterProperty(binding: Binding, below: readonly string[], depth: number): Evaluation {
    // a parameter's value from its callers does not depend on where it is read: computed once per run
    return this.callerValues.valueOf(binding, below, depth, this.current.size === 0 && this.parameters.size === 0 && depth < MAX_DEPTH / 2);
  }

  /** An array where text is expected (`${list}`) reads as its elements joined with commas. */
  private arrayAsText(node: Node, depth: number): Evaluation {
    const elements = arrayElements(this, node, depth);
    if (!elements) return UNKNOWN;
    const settled = elements.values.map((e) => settle(e.evaluation));
    if (settled.every((e) => e.kind === 'constant')) return constant(settled.map((e) => (e as { text: string }).text).join(','), true);
    return settled.every((e) => e.kind === 'constant' || e.kind === 'safe') ? SAFE : UNKNOWN;
  }
}

/**
 * Appends `+=` pieces onto text that already holds request data, in place. Copying would give the same
 * pieces (text with unsafe values never collapses to a constant), in quadratic time over a long run.
 */
class AppendRun {
  private pieces: Piece[] | undefined;

  append(value: TextEvaluation, right: Evaluation, rightNode: Node): { value: TextEvaluation; addedUnsafe: boolean } | undefined {
    if (!this.pieces || this.pieces !== value.pieces) {
      if (unsafeValues(value.pieces).length === 0) return undefined; // a constant prefix still collapses: the general path
      this.pieces = [...value.pieces];
    }
    const added = piecesAt(right, rightNode);
    for (const piece of added) this.pieces.push(piece);
    const next: TextEvaluation = {
      kind: 'text', pieces: this.pieces, exact: false,
      forms: mergeForms(value.forms, formsOf(right), ['compound']),
      sites: right.kind === 'text' && right.sites.length > 0 ? [...value.sites, ...right.sites] : value.sites,
    };
    return { value: next, addedUnsafe: unsafeValues(added).length > 0 };
  }

  /** Any other write: the pieces are no longer this run's to append to. */
  end(): void {
    this.pieces = undefined;
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
