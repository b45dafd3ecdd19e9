import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES, pathTo } from '../../ast';
import { matchAllIn } from '../../text';
import type { Ancestry } from './ancestry';
import { INDEX_CALLBACK_METHODS, isConstantName } from './known-calls';

/**
 * Name resolution inside one file, just deep enough for the SQL rule: which declaration an identifier
 * refers to, and every place the same variable is written or read. Occurrences are found by a text
 * search over the enclosing function, then classified with the tree, so only a few nodes are touched.
 */

export type BindingKind = 'const' | 'let' | 'var' | 'param' | 'import' | 'function' | 'loop' | 'catch' | 'pattern';

export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  /** The identifier that declares the name. */
  readonly id: Node;
  /** Offsets of the region where the name is visible. */
  readonly scopeStart: number;
  readonly scopeEnd: number;
  /** The statement list the declaration stands in (writes directly in it run unconditionally). */
  readonly block?: Node;
  readonly declarator?: Node;
  readonly init?: Node;
  /** TypeScript type annotation of a parameter or variable, as written. */
  readonly typeText?: string;
  /** `for (const x of <loopOf>)`. */
  readonly loopOf?: Node;
  /** `for (const [a, b] of <loopOf>)`: which item of each element the name takes. */
  readonly loopPart?: number;
  /** A function declaration: the function itself. */
  readonly declaration?: Node;
  /**
   * A parameter: its function and position; `arrayCallback` for callbacks of `map`, `forEach`, ..., with the
   * array they are called on (`arrayOf`); the default value written for it.
   */
  readonly param?: { readonly fn: Node; readonly index: number; readonly arrayCallback: boolean; readonly arrayOf?: Node; readonly defaultValue?: Node };
}

export type OccurrenceRole = 'write' | 'update' | 'push' | 'read';

export interface Occurrence {
  /** Where the name starts. */
  readonly start: number;
  /** The identifier; absent for reads recognised from the text alone. */
  readonly node?: Node;
  readonly role: OccurrenceRole;
  /** For writes: the assignment expression; for pushes: the call. */
  readonly expression?: Node;
  /** For a write that is a statement of its own: where the block holding it starts. */
  readonly blockStart?: number;
}

export interface Resolution {
  readonly binding: Binding;
  /** Writes, updates and pushes of this variable, in source order. */
  readonly writes: readonly Occurrence[];
  readonly reads: readonly Occurrence[];
}

type Classified = { kind: 'binding'; binding: Binding } | { kind: 'occurrence'; occurrence: Occurrence };

/** What a `var` belongs to. */
const VAR_SCOPE_TYPES: ReadonlySet<string> = new Set([...FUNCTION_TYPES, 'program']);
const BLOCK_TYPES = new Set(['statement_block', 'program', 'for_statement', 'for_in_statement', 'switch_body', 'class_static_block']);
const PATTERN_TYPES = new Set(['object_pattern', 'array_pattern', 'pair_pattern', 'assignment_pattern', 'rest_pattern', 'shorthand_property_identifier_pattern', 'object_assignment_pattern']);
const IDENTIFIER_TYPES = new Set(['identifier', 'shorthand_property_identifier', 'shorthand_property_identifier_pattern']);

function sameNode(a: Node | null | undefined, b: Node): boolean {
  return !!a && a.startIndex === b.startIndex && a.endIndex === b.endIndex;
}

/**
 * An occurrence with its ancestors (`path[0]` is the program, the last element the identifier).
 * Ancestors come from one cursor walk: `Node.parent` would walk down from the root on every call.
 */
class Located {
  constructor(readonly path: readonly Node[], private readonly text: string) {}
  /** A little of the source text after the identifier. */
  get textAfter(): string { const end = this.node.endIndex; return this.text.slice(end, end + 16); }
  get node(): Node { return this.path[this.path.length - 1]; }
  /** The ancestor `levels` above the identifier. */
  up(levels: number): Node | undefined { return this.path[this.path.length - 1 - levels]; }
  /** The nearest ancestor above level `from` whose type is in `types`. */
  enclosing(types: ReadonlySet<string>, from: number): Node | undefined {
    for (let i = this.path.length - 1 - from; i >= 0; i--) if (types.has(this.path[i].type)) return this.path[i];
    return undefined;
  }
}

function typeAnnotationText(holder: Node | null | undefined): string | undefined {
  const annotation = holder?.childForFieldName('type');
  return annotation ? annotation.text.replace(/^:\s*/, '') : undefined;
}

/** Resolves identifiers of one file. Caches what it found; create one per rule run. */
export class ScopeIndex {
  private readonly occurrenceCache = new Map<string, Classified[]>();
  private readonly resolutions = new WeakMap<Binding, Resolution>();
  private readonly declared = new WeakMap<readonly Classified[], readonly Binding[]>();
  /** Names looked up across the whole module since last cleared: what a result depends on outside its function. */
  readonly moduleLookups = new Set<string>();
  /**
   * Resolutions by the span of the name resolved: the evaluator asks about the same name many times (each
   * reading of a value that reads it), and each answer costs a walk down from the root. With each, whether
   * it looked the name up across the module, so that a repeated question records that again.
   */
  private readonly resolved = new Map<string, { resolution: Resolution | undefined; acrossModule: boolean }>();
  /** Module-wide lookups made so far (see `moduleLookups`), to tell whether a resolution made one. */
  private moduleLookupCount = 0;

  constructor(private readonly text: string, readonly ancestry: Ancestry) {}

  get root(): Node { return this.ancestry.root; }

  /**
   * The declaration `id` refers to, with the variable's writes and reads; `undefined` for globals.
   * `ancestors`, when the caller has them, are the nodes from the root down to `id` (or to a node
   * with the same enclosing functions).
   * A CONSTANT_CASE name not declared in an enclosing function is not looked up across the module:
   * such names are constants by convention, and the module-wide search is the expensive one.
   */
  resolve(id: Node, ancestors?: readonly Node[]): Resolution | undefined {
    if (ancestors) return this.resolveOnce(id, ancestors).resolution;
    const key = `${id.startIndex}:${id.endIndex}`;
    const known = this.resolved.get(key);
    if (known) {
      if (known.acrossModule) this.moduleLookups.add(id.text);
      return known.resolution;
    }
    const lookupsBefore = this.moduleLookupCount;
    const { resolution, declared } = this.resolveOnce(id);
    // a name assigned but never declared gets a binding made for the occasion: it is not kept
    if (declared) this.resolved.set(key, { resolution, acrossModule: this.moduleLookupCount > lookupsBefore });
    return resolution;
  }

  /** `resolve` itself; `declared`: the answer is a declaration's (or none), not a binding made for an undeclared name. */
  private resolveOnce(id: Node, ancestors?: readonly Node[]): { resolution: Resolution | undefined; declared: boolean } {
    const name = id.text;
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return { resolution: undefined, declared: true };
    const position = id.startIndex;
    const path = ancestors ?? this.ancestry.pathTo(id.startIndex, id.endIndex);
    const ranges: number[] = [];
    for (let i = path.length - 1; i >= 0; i--) if (this.ancestry.isFunction(path[i])) ranges.push(i);
    if (ranges.length > 0) this.ancestry.remember(path.slice(0, ranges[0] + 1));
    if (!isConstantName(name)) ranges.push(0);
    for (const level of ranges) {
      const classified = this.occurrences(name, path.slice(0, level + 1));
      let best: Binding | undefined;
      for (const b of this.bindingsIn(classified)) {
        if (b.scopeStart > position || b.scopeEnd < position) continue;
        if (!best || b.scopeStart > best.scopeStart || (b.scopeStart === best.scopeStart && b.id.startIndex <= position && b.id.startIndex > best.id.startIndex)) best = b;
      }
      if (best) return { resolution: this.resolution(best, classified), declared: true };
    }
    const implicit = this.implicitGlobal(name, position, path, ranges[0]);
    return { resolution: implicit, declared: implicit === undefined };
  }

  /**
   * Sloppy code assigns names it never declares (`query = "SELECT ..." + x`). Inside the function where
   * that happens, the first assignment before the use stands in for a declaration.
   */
  private implicitGlobal(name: string, position: number, path: readonly Node[], level: number | undefined): Resolution | undefined {
    if (level === undefined || level === 0) return undefined;
    const classified = this.occurrences(name, path.slice(0, level + 1));
    const first = classified.find((c): c is { kind: 'occurrence'; occurrence: Occurrence } => c.kind === 'occurrence' && c.occurrence.role === 'write' && c.occurrence.start < position);
    const assignment = first?.occurrence.expression;
    if (!first?.occurrence.node || assignment?.type !== 'assignment_expression') return undefined;
    const fn = path[level];
    const body = fn.childForFieldName('body');
    const binding: Binding = {
      name, kind: 'var', id: first.occurrence.node, scopeStart: fn.startIndex, scopeEnd: fn.endIndex,
      block: body && body.startIndex === first.occurrence.blockStart ? body : undefined, init: assignment.childForFieldName('right') ?? undefined,
    };
    return this.resolution(binding, classified);
  }

  private resolution(binding: Binding, classified: readonly Classified[]): Resolution {
    // the same binding is resolved from each of its uses: sorting its occurrences once keeps that linear
    const known = this.resolutions.get(binding);
    if (known) return known;
    const resolved = this.sortOccurrences(binding, classified);
    this.resolutions.set(binding, resolved);
    return resolved;
  }

  private sortOccurrences(binding: Binding, classified: readonly Classified[]): Resolution {
    const shadows = classified
      .filter((c): c is { kind: 'binding'; binding: Binding } => c.kind === 'binding' && c.binding !== binding)
      .map((c) => c.binding)
      .filter((b) => b.scopeStart >= binding.scopeStart && b.scopeEnd <= binding.scopeEnd && (b.scopeStart > binding.scopeStart || b.scopeEnd < binding.scopeEnd));
    const writes: Occurrence[] = [];
    const reads: Occurrence[] = [];
    for (const c of classified) {
      if (c.kind !== 'occurrence') continue;
      const at = c.occurrence.start;
      if (at < binding.scopeStart || at > binding.scopeEnd) continue;
      if (shadows.some((s) => at >= s.scopeStart && at <= s.scopeEnd)) continue;
      (c.occurrence.role === 'read' ? reads : writes).push(c.occurrence);
    }
    return { binding, writes, reads };
  }

  /**
   * Whether `name` is declared (a variable, parameter, catch binding, function or class) between two offsets:
   * such a name there may stand for something else than before.
   */
  declaredBetween(name: string, from: number, to: number): boolean {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
    return this.bindingsIn(this.occurrences(name, [this.root])).some((b) => b.id.startIndex > from && b.id.startIndex < to);
  }

  /** The declarations among a name's occurrences (a name read thousands of times is declared a few times). */
  private bindingsIn(classified: readonly Classified[]): readonly Binding[] {
    let found = this.declared.get(classified);
    if (!found) {
      found = classified.flatMap((c) => (c.kind === 'binding' ? [c.binding] : []));
      this.declared.set(classified, found);
    }
    return found;
  }

  /** Occurrences of `name` inside the last node of `rangePath` (the path from the root to a function, or the root). */
  private occurrences(name: string, rangePath: readonly Node[]): Classified[] {
    const range = rangePath[rangePath.length - 1];
    if (rangePath.length === 1) {
      this.moduleLookups.add(name);
      this.moduleLookupCount++;
    }
    const key = `${name}@${range.startIndex}`;
    const cached = this.occurrenceCache.get(key);
    if (cached) return cached;
    const found: Classified[] = [];
    // not preceded by a word character or by a single dot (a property), but `...name` is a use
    const pattern = new RegExp(`(?<![\\w$])(?<!(?<!\\.)\\.)${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    for (const match of matchAllIn(pattern, this.text, range.startIndex, range.endIndex)) {
      const start = match.index;
      if (isPlainRead(this.text, start, name.length)) {
        found.push({ kind: 'occurrence', occurrence: { start, role: 'read' } });
        continue;
      }
      const path = [...rangePath.slice(0, -1), ...pathTo(range, start, start + name.length)];
      const node = path[path.length - 1];
      if (!IDENTIFIER_TYPES.has(node.type) || node.startIndex !== start || node.endIndex !== start + name.length) continue;
      const c = classify(new Located(path, this.text));
      if (c) found.push(c);
    }
    this.occurrenceCache.set(key, found);
    return found;
  }
}

/** Text after a name that writes to it: `=`, `+=`, `??=`, ..., `++`, `--` (not `==`, `=>`). */
const WRITE_AFTER = /^\s*(?:(?:[-+*/%&|^]|\*\*|<<|>>>?|\?\?|\|\||&&)?=(?![=>])|\+\+|--)/;
/** Text after a name that reads it: `name.prop` (not `.push(`), `name(`, `name[`, name`...`. */
const READ_AFTER = /^\s*(?:\??\.(?!\s*(?:push|unshift)\s*\()(?!\.)|\(|\[|`)/;
/** Text before a name that makes it a value being read: `${`, `= `, `=> `, an operator, `return`. */
const READ_BEFORE = /(?:\$\{|=|=>|[+*/%?]|(?<![-])-|&&|\|\||\breturn|\bawait|\btypeof)\s*$/;

/**
 * Whether an occurrence is a plain read, told from the text around it so that the common case needs no
 * tree look-up: `name.prop`, `name(...)`, `${name}`, `x = name + 1`. Declarations, parameters, patterns,
 * writes and pushes all fail these tests and are classified with the tree.
 */
function isPlainRead(text: string, start: number, length: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(start + length, start + length + 16);
  // `function name`, `++name`, `name = ...`, and `name =>` (the parameter of an arrow function) are not reads
  if (/\bfunction\s*\*?\s*$/.test(before) || /(?:\+\+|--)\s*$/.test(before) || WRITE_AFTER.test(after) || /^\s*=>/.test(after)) return false;
  return READ_AFTER.test(after) || READ_BEFORE.test(before);
}

function declaratorBinding(at: Located, level: number, declarator: Node, destructured: boolean): Binding | undefined {
  const statement = at.up(level + 1);
  if (!statement) return undefined;
  const isVar = statement.type === 'variable_declaration';
  const kindText = statement.type === 'lexical_declaration' ? statement.childForFieldName('kind')?.text ?? statement.child(0)?.text : 'var';
  const kind: BindingKind = destructured ? 'pattern' : kindText === 'const' ? 'const' : kindText === 'let' ? 'let' : 'var';
  const scope = isVar ? at.enclosing(VAR_SCOPE_TYPES, level + 2) : at.enclosing(BLOCK_TYPES, level + 2);
  if (!scope) return undefined;
  const above = at.up(level + 2);
  const block = above?.type === 'export_statement' ? at.up(level + 3) : above;
  return {
    name: at.node.text, kind, id: at.node, scopeStart: scope.startIndex, scopeEnd: scope.endIndex, block, declarator,
    init: destructured ? undefined : declarator.childForFieldName('value') ?? undefined,
    typeText: destructured ? undefined : typeAnnotationText(declarator),
  };
}

/** A parameter; `level` is how far above the identifier its function (or formal_parameters) is. */
function parameterBinding(at: Located, holderLevel: number): Binding | undefined {
  const holder = at.up(holderLevel);
  const fnLevel = holder?.type === 'formal_parameters' ? holderLevel + 1 : holderLevel;
  const fn = at.up(fnLevel);
  if (!holder || !fn) return undefined;
  const node = at.node;
  let index = 0;
  let typeText: string | undefined;
  let defaultValue: Node | undefined;
  if (holder.type === 'formal_parameters') {
    const params = holder.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    index = params.findIndex((p) => p.startIndex <= node.startIndex && node.endIndex <= p.endIndex);
    const own = params[index];
    if (own && (own.type === 'required_parameter' || own.type === 'optional_parameter') && sameNode(own.childForFieldName('pattern'), node)) {
      typeText = typeAnnotationText(own);
      defaultValue = own.childForFieldName('value') ?? undefined;
    }
    if (own?.type === 'assignment_pattern' && sameNode(own.childForFieldName('left'), node)) defaultValue = own.childForFieldName('right') ?? undefined;
  }
  const args = at.up(fnLevel + 1);
  const call = at.up(fnLevel + 2);
  const callee = call?.type === 'call_expression' && args?.type === 'arguments' ? call.childForFieldName('function') : undefined;
  const arrayCallback = callee?.type === 'member_expression' && INDEX_CALLBACK_METHODS.has(callee.childForFieldName('property')?.text ?? '');
  const arrayOf = arrayCallback ? callee?.childForFieldName('object') ?? undefined : undefined;
  const body = fn.childForFieldName('body');
  return {
    name: node.text, kind: 'param', id: node, scopeStart: fn.startIndex, scopeEnd: fn.endIndex, block: body?.type === 'statement_block' ? body : undefined,
    typeText, param: { fn, index, arrayCallback, arrayOf, defaultValue },
  };
}

/** Says what one occurrence of a name is: a declaration, a write, a push onto it, or a read. */
function classify(at: Located): Classified | undefined {
  const node = at.node;
  // Walk out of destructuring patterns to what declares or assigns them.
  let level = 1;
  let holder = at.up(level);
  let child: Node = node;
  let destructured = false;
  while (holder && PATTERN_TYPES.has(holder.type)) {
    // (the key of a pair, the left of `x = default`, is the first child: comparing offsets spares a node lookup)
    if (holder.type === 'pair_pattern' && holder.startIndex === child.startIndex) return undefined;
    if ((holder.type === 'assignment_pattern' || holder.type === 'object_assignment_pattern') && holder.startIndex !== child.startIndex) break;
    destructured = destructured || holder.type !== 'assignment_pattern';
    child = holder;
    holder = at.up(++level);
  }
  if (!holder) return undefined;
  const binding = (b: Binding | undefined): Classified | undefined => b && { kind: 'binding', binding: b };
  const occurrence = (role: OccurrenceRole, expression?: Node, blockStart?: number): Classified => ({ kind: 'occurrence', occurrence: { start: node.startIndex, node, role, expression, blockStart } });
  switch (holder.type) {
    case 'variable_declarator':
      if (holder.startIndex === child.startIndex) return binding(declaratorBinding(at, level, holder, destructured || child !== node));
      break;
    case 'formal_parameters':
      return binding(parameterBinding(at, level));
    case 'required_parameter':
    case 'optional_parameter':
      if (at.up(level + 1)?.type === 'formal_parameters' && sameNode(holder.childForFieldName('pattern'), child)) return binding(parameterBinding(at, level + 1));
      break;
    case 'arrow_function':
      if (sameNode(holder.childForFieldName('parameter'), child)) return binding(parameterBinding(at, level));
      break;
    case 'function_declaration':
    case 'generator_function_declaration':
    case 'class_declaration':
      if (sameNode(holder.childForFieldName('name'), node)) {
        const scope = at.enclosing(BLOCK_TYPES, level + 1);
        return scope && binding({ name: node.text, kind: 'function', id: node, scopeStart: scope.startIndex, scopeEnd: scope.endIndex, declaration: holder });
      }
      break;
    case 'import_clause':
    case 'import_specifier':
    case 'namespace_import':
    case 'named_imports':
    case 'import_require_clause':
      if (holder.type === 'import_specifier' && holder.childForFieldName('alias') && sameNode(holder.childForFieldName('name'), node)) return undefined;
      return binding({ name: node.text, kind: 'import', id: node, scopeStart: at.path[0].startIndex, scopeEnd: at.path[0].endIndex });
    case 'for_in_statement':
      if (sameNode(holder.childForFieldName('left'), child)) {
        if (!holder.childForFieldName('kind')) return occurrence('write', holder);
        const isOf = holder.childForFieldName('operator')?.text === 'of';
        const pattern = at.up(1);
        const loopPart = destructured && pattern?.type === 'array_pattern' && pattern === child ? pattern.namedChildren.findIndex((c) => c?.startIndex === node.startIndex) : undefined;
        const loopOf = isOf && ((!destructured && child === node) || loopPart !== undefined) ? holder.childForFieldName('right') ?? undefined : undefined;
        return binding({ name: node.text, kind: 'loop', id: node, scopeStart: holder.startIndex, scopeEnd: holder.endIndex, loopOf, loopPart });
      }
      break;
    case 'catch_clause':
      if (sameNode(holder.childForFieldName('parameter'), child)) return binding({ name: node.text, kind: 'catch', id: node, scopeStart: holder.startIndex, scopeEnd: holder.endIndex });
      break;
    case 'assignment_expression':
    case 'augmented_assignment_expression':
      if (holder.startIndex === child.startIndex) {
        const statement = at.up(level + 1);
        const block = statement?.type === 'expression_statement' ? at.up(level + 2) : undefined;
        return occurrence('write', child === node ? holder : undefined, block?.startIndex);
      }
      break;
    case 'update_expression':
      return occurrence('update', holder);
    case 'member_expression': {
      const call = at.up(level + 1);
      if (child === node && holder.startIndex === node.startIndex && call?.type === 'call_expression' && /^\s*\.\s*(push|unshift)\s*\(/.test(at.textAfter)) {
        return occurrence('push', call);
      }
      break;
    }
  }
  return occurrence('read');
}
