import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES, memberChain, OwnReturns, unwrap } from '../../ast';
import type { ArgOrigin, CallArgFact, ParamPart, ValueRef } from '../../project/facts';
import { handedOnArguments } from './graphql-args';
import { Ancestry } from './ancestry';
import { ImportFacts } from './imports';
import { isRequestRead } from './origins';
import { MAX_DEPTH, settle, textOf, unsafeValues, type Evaluation } from './pieces';
import { ScopeIndex } from './scope';
import { StringEvaluator } from './string-building';
import { holdsOnlySafeValues } from './structures';
import { chainRoot, parameterNodes, propertyValue } from './syntax';

/** Arguments longer than this are not read: a big literal or callback is not a value SQL is built from. */
const MAX_ARGUMENT_TEXT = 400;
const MAX_PROPERTIES = 24;
/** How many object literals deep an argument's keys are recorded (`{ where: { id } }` is two). */
const MAX_OBJECT_DEPTH = 3;
const MAX_BODY_TEXT = 4000;
const MAX_RETURNS = 10;
const MAX_MESSAGE_TEXT = 60;
/** How many steps (a variable, a call, a template) an argument is followed. */
const ARGUMENT_DEPTH = 6;
/** Arguments whose origin their syntax tells, without evaluating them. */
const LITERAL_ORIGINS: Readonly<Record<string, ArgOrigin | undefined>> = {
  string: 'constant', number: 'constant', true: 'constant', false: 'constant', null: 'constant', undefined: 'constant', regex: 'constant',
  arrow_function: 'unknown', function_expression: 'unknown', class: 'unknown',
};
/** What a function returns, when it may be text made of its parameters: other returns are not read. */
const TEXT_RETURN_TYPES: ReadonlySet<string> = new Set(['string', 'template_string', 'binary_expression', 'ternary_expression', 'parenthesized_expression', 'identifier']);
const RANK: Readonly<Record<ArgOrigin, number>> = { constant: 0, quoted: 1, unknown: 2, request: 3 };

/** The origin that says least about safety of two (request data over unknown over quoted over constant). */
export function worstOrigin(a: ArgOrigin, b: ArgOrigin): ArgOrigin {
  return RANK[a] >= RANK[b] ? a : b;
}

function messageText(node: Node): string {
  return node.text.replace(/\s+/g, ' ').slice(0, MAX_MESSAGE_TEXT);
}

/**
 * What the SQL evaluator tells the project index about a file while its tree is at hand: where each argument
 * of a call into another file comes from (constant, quoted, request data, unknown), and what a function other
 * files may call returns as text. One reader per file and indexing run.
 */
export class CallFactReader {
  private readonly scopes: ScopeIndex;
  private readonly ev: StringEvaluator;
  /** Origins of names never written after their declaration, by declaration: the same wherever they are passed. */
  private readonly names = new Map<number, CallArgFact>();
  private readonly ownReturns: OwnReturns;

  /** The same reading with values read back from the database or configuration counted as unknown (made on first need). */
  private strictEv: StringEvaluator | undefined;

  /** Evaluation steps run so far by this reader. */
  get work(): number {
    return this.ev.work + (this.strictEv?.work ?? 0);
  }

  /** @param ownReturns The tree's return statements, when another reader of the same tree already has them. */
  constructor(private readonly text: string, root: Node, private readonly typed: boolean, ownReturns = new OwnReturns(text)) {
    this.ownReturns = ownReturns;
    this.scopes = new ScopeIndex(text, new Ancestry(root));
    // a parameter is not followed to the calls of its function: in this file they are rarely what makes an argument safe
    this.ev = new StringEvaluator(text, this.scopes, new ImportFacts(text, root), { typed, storedValues: false, callers: false });
  }

  /**
   * Whether what `textReturn` or `propertyReturns` said of `fn` holds only because values read back from the
   * database or configuration count as safe (`fetchAccount` returns a row): with `sql.storedValues` they do not.
   */
  readsStored(fn: Node): boolean {
    this.strictEv ??= new StringEvaluator(this.text, this.scopes, this.ev.imports, { typed: this.typed, storedValues: true, callers: false });
    const lenient = [this.textReturn(fn), this.propertyReturns(fn)];
    const strict = [this.textReturn(fn, this.strictEv), this.propertyReturns(fn, this.strictEv)];
    return JSON.stringify(lenient) !== JSON.stringify(strict);
  }

  /** Where an argument's value comes from; an object literal's properties each on their own. */
  argument(arg: Node, refOf?: (node: Node) => ValueRef): CallArgFact {
    const target = unwrap(arg);
    const fact = target.type === 'object' ? this.objectArgument(target, 1) : this.valueArgument(target);
    const schema = refOf && handedOnArguments(this.ev, target, refOf);
    return schema ? { ...fact, schema } : fact;
  }

  private objectArgument(object: Node, depth: number): CallArgFact {
    const props: Record<string, ArgOrigin> = {};
    const nested: Record<string, CallArgFact> = {};
    let rest: ArgOrigin | undefined;
    let count = 0;
    for (const member of object.namedChildren) {
      if (!member || member.type === 'comment') continue;
      if (++count > MAX_PROPERTIES) return { origin: 'unknown' };
      if (member.type === 'spread_element') {
        const spread = member.namedChildren[0];
        const origin = spread ? this.valueArgument(spread).origin : 'unknown';
        // a spread may also replace what was written before it
        for (const key of Object.keys(props)) props[key] = worstOrigin(props[key], origin);
        rest = rest ? worstOrigin(rest, origin) : origin;
        for (const key of Object.keys(nested)) delete nested[key];
        continue;
      }
      const key = member.type === 'shorthand_property_identifier' ? member : member.childForFieldName('key') ?? member.childForFieldName('name');
      if (!key || key.type === 'computed_property_name') {
        // a computed key may name any property written before it
        rest = 'unknown';
        for (const written of Object.keys(nested)) delete nested[written];
        continue;
      }
      const value = member.type === 'pair' ? member.childForFieldName('value') : member.type === 'shorthand_property_identifier' ? member : undefined;
      const name = key.type === 'string' ? key.text.slice(1, -1) : key.text;
      props[name] = value && !FUNCTION_TYPES.has(value.type) ? this.valueArgument(value).origin : 'unknown';
      const literal = value && unwrap(value);
      // (a later property of the same name replaces an earlier one, literal or not)
      if (literal?.type === 'object' && depth < MAX_OBJECT_DEPTH) nested[name] = this.objectArgument(literal, depth + 1);
      else delete nested[name];
    }
    const origin = [...Object.values(props), rest ?? 'constant'].reduce(worstOrigin, 'constant');
    const fact: CallArgFact = rest ? { origin, props, rest } : { origin, props };
    if (Object.keys(nested).length > 0) fact.nested = nested;
    return fact;
  }

  private valueArgument(node: Node): CallArgFact {
    if (node.endIndex - node.startIndex > MAX_ARGUMENT_TEXT || FUNCTION_TYPES.has(node.type)) return { origin: 'unknown' };
    const literal = LITERAL_ORIGINS[node.type];
    if (literal) return { origin: literal };
    if (isRequestRead(node)) return { origin: 'request', text: messageText(node) };
    const resolution = node.type === 'identifier' ? this.scopes.resolve(node) : undefined;
    const key = resolution && resolution.writes.length === 0 ? resolution.binding.id.startIndex : undefined;
    const known = key === undefined ? undefined : this.names.get(key);
    if (known) return known;
    const origin = this.evaluatedOrigin(node);
    if (key !== undefined) this.names.set(key, origin);
    return origin;
  }

  private evaluatedOrigin(node: Node): CallArgFact {
    // a shallow reading (a few steps from the argument) tells constants and quoted values; deeper ones stay unknown
    const value = settle(this.ev.evaluate(node, MAX_DEPTH - ARGUMENT_DEPTH));
    if (value.kind === 'constant') return { origin: 'constant' };
    if (value.kind === 'safe') return { origin: 'quoted' };
    if (value.kind === 'unknown' && holdsOnlySafeValues(this.ev, node, MAX_DEPTH - ARGUMENT_DEPTH)) return { origin: 'constant' };
    const unsafe = value.kind === 'text' ? unsafeValues(value.pieces).map((p) => p.node) : [node];
    const request = unsafe.find((n) => this.isRequestData(n));
    return request ? { origin: 'request', text: messageText(request) } : { origin: 'unknown' };
  }

  private isRequestData(node: Node): boolean {
    const root = chainRoot(node);
    const binding = root?.type === 'identifier' ? this.scopes.resolve(root)?.binding : undefined;
    return isRequestRead(unwrap(node), binding);
  }

  /**
   * What `fn` returns as text: `[]` when it is always constants and quoted values, the parts of its parameters
   * the text is made of otherwise (`(cond, fragment) => cond ? fragment : ''` gives parameter 1); `undefined`
   * when it returns anything else.
   */
  textReturn(fn: Node, ev = this.ev): ParamPart[] | undefined {
    const returned = this.returned(fn);
    if (!returned || returned.length === 0 || returned.some((r) => !TEXT_RETURN_TYPES.has(r.type))) return undefined;
    return this.partsOf(fn, returned, ev);
  }

  /**
   * When every return of `fn` is an object literal (`return { sqlConditions, sanitizedTerm }`): for each
   * property written in all of them, what `textReturn` says of the values written for it. Properties whose
   * values are anything else are left out.
   */
  propertyReturns(fn: Node, ev = this.ev): Record<string, ParamPart[]> | undefined {
    const returned = this.returned(fn)?.map(unwrap);
    // (a spread may write any property over the ones written before it)
    if (!returned || returned.length === 0 || returned.some((r) => r.type !== 'object' || r.namedChildren.some((c) => c?.type === 'spread_element'))) return undefined;
    const keys = returned.map((literal) => new Set(literalKeys(literal)));
    const common = [...keys[0]].filter((key) => keys.every((k) => k.has(key))).slice(0, MAX_PROPERTIES);
    const found: Record<string, ParamPart[]> = {};
    for (const key of common) {
      const values = returned.map((literal) => propertyValue(literal, key));
      if (values.some((v) => !v || (v.type !== 'shorthand_property_identifier' && !TEXT_RETURN_TYPES.has(v.type)))) continue;
      const parts = this.partsOf(fn, values as Node[], ev);
      if (parts) found[key] = parts;
    }
    return Object.keys(found).length > 0 ? found : undefined;
  }

  private returned(fn: Node): Node[] | undefined {
    const body = fn.childForFieldName('body');
    if (!body || body.endIndex - body.startIndex > MAX_BODY_TEXT) return undefined;
    return returnedExpressions(fn, body, this.ownReturns);
  }

  /** The parts of `fn`'s parameters the text of `expressions` is made of; `undefined` when something else unsafe is. */
  private partsOf(fn: Node, expressions: readonly Node[], ev: StringEvaluator): ParamPart[] | undefined {
    // a parameter that cannot carry SQL as a whole (typed `number`, ...) is not a part the text is made of
    const markers = parameterMarkers(fn).filter(({ id }) => {
      const binding = this.scopes.resolve(id)?.binding;
      const held = binding ? ev.heldValue(binding, 0) : undefined;
      return held?.kind !== 'safe' && held?.kind !== 'constant';
    });
    const parts = new Map<string, ParamPart>();
    const values = markers.map(({ id }): [Node, Evaluation] => [id, textOf([{ kind: 'value', node: id, safe: false }], false)]);
    return ev.withValues(values, () => {
      for (const expression of expressions) {
        const value = settle(ev.evaluate(expression));
        if (value.kind === 'constant' || value.kind === 'safe') continue;
        const unsafe = value.kind === 'text' ? unsafeValues(value.pieces).map((p) => p.node) : [expression];
        for (const node of unsafe) {
          const part = this.parameterRead(node, fn, markers);
          if (!part) return undefined;
          parts.set(`${part.index}:${part.path.join('.')}`, part);
        }
      }
      return [...parts.values()];
    });
  }

  /** The part of a parameter of `fn` an expression reads: the parameter (`p`, `{ p }`) or a property chain (`p.a.b`). */
  private parameterRead(node: Node, fn: Node, markers: readonly Marker[]): ParamPart | undefined {
    const marked = markers.find((m) => m.id.startIndex === node.startIndex && m.id.endIndex === node.endIndex);
    if (marked) return marked.part;
    const chain = memberChain(node);
    if (chain?.root.type !== 'identifier') return undefined;
    const { root: target, path } = chain;
    const binding = this.scopes.resolve(target)?.binding;
    const marker = binding && markers.find((m) => m.id.startIndex === binding.id.startIndex);
    if (!marker || binding.param?.fn.startIndex !== fn.startIndex) return undefined;
    return { index: marker.part.index, path: [...marker.part.path, ...path] };
  }
}

interface Marker {
  readonly id: Node;
  readonly part: ParamPart;
}

/** Each name a function's parameters bind, with the part of the parameter it stands for (one level of destructuring). */
function parameterMarkers(fn: Node): Marker[] {
  const markers: Marker[] = [];
  parameterNodes(fn).forEach((param, index) => {
    const target = param.type === 'assignment_pattern' ? param.childForFieldName('left') : param;
    if (target?.type === 'identifier') { markers.push({ id: target, part: { index, path: [] } }); return; }
    if (target?.type !== 'object_pattern') return;
    for (const member of target.namedChildren) {
      if (member?.type === 'shorthand_property_identifier_pattern') markers.push({ id: member, part: { index, path: [member.text] } });
      const left = member?.type === 'object_assignment_pattern' ? member.childForFieldName('left') : undefined;
      if (left?.type === 'shorthand_property_identifier_pattern') markers.push({ id: left, part: { index, path: [left.text] } });
      const key = member?.type === 'pair_pattern' ? member.childForFieldName('key') : undefined;
      const value = member?.type === 'pair_pattern' ? member.childForFieldName('value') : undefined;
      if (key?.type === 'property_identifier' && value?.type === 'identifier') markers.push({ id: value, part: { index, path: [key.text] } });
    }
  });
  return markers;
}

/** The expressions a function returns (not those of functions nested in it); `undefined` for a bare `return;`. */
function returnedExpressions(fn: Node, body: Node, ownReturns: OwnReturns): Node[] | undefined {
  if (body.type !== 'statement_block') return [body];
  const returns = ownReturns.of(body);
  if (returns.length > MAX_RETURNS || fn.type === 'method_definition' && /^(?:get|set)\b/.test(fn.text)) return undefined;
  const expressions: Node[] = [];
  for (const statement of returns) {
    const value = statement.namedChildren.find((c) => c !== null && c.type !== 'comment');
    if (!value) return undefined;
    expressions.push(value);
  }
  return expressions;
}

/** The names an object literal writes (`{ a, b: 1, 'c': x }`), without spreads or computed keys. */
function literalKeys(literal: Node): string[] {
  const keys: string[] = [];
  for (const member of literal.namedChildren) {
    if (member?.type === 'shorthand_property_identifier') keys.push(member.text);
    const key = member?.type === 'pair' ? member.childForFieldName('key') : undefined;
    if (key?.type === 'property_identifier') keys.push(key.text);
    else if (key?.type === 'string') keys.push(key.text.slice(1, -1));
  }
  return keys;
}
