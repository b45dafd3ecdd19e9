import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import type { ValueOrigin } from '../../model/sql';
import { originOf, resultOfExpressions, resultExpressions, type RubyResult } from './method-results';
import { lastSegment } from './ruby-project';
import { RubyText, rubyArguments } from './text';

/**
 * What the project index keeps of a Ruby file for other files' analyses: its classes and modules (with what
 * they inherit and include), what each method returns (read with its parameters unknown), and the calls on a
 * class or module by name with the origins of their arguments. Names are kept by their last segment
 * (`Mod::ModController` is `ModController`), so a lookup can only find more candidates, never fewer.
 */
export interface RubyFileFacts {
  readonly classes: readonly RubyClassFact[];
  readonly methods: readonly RubyMethodFact[];
  readonly calls: readonly RubyCallFact[];
  /** False when the cap on calls stopped the reading: some calls went unseen. */
  readonly complete: boolean;
}

export interface RubyClassFact {
  readonly name: string;
  readonly superclass?: string;
  /** Modules named by `include X` (or `include X[...]`) in the body. */
  readonly includes: readonly string[];
}

export interface RubyMethodFact {
  /** The class or module that defines it; '' at the top level. */
  readonly owner: string;
  readonly name: string;
  /** `def self.name`: called on the class or module itself. */
  readonly singleton: boolean;
  readonly result: RubyResult;
}

/**
 * `Owner.method(args)` or `Owner[args]`: the origin of each positional argument; `splat` when one is `*list`.
 * `results`: for an argument that holds what a method of the project returns (`length = time_interval(p)`,
 * then `Story.top(user, length)`), the calls it may come from, read in the project so that its keys keep
 * their own origins (`length[:dur]`).
 */
export interface RubyCallFact {
  readonly owner: string;
  readonly method: string;
  readonly args: readonly ValueOrigin[];
  readonly splat: boolean;
  readonly results?: readonly (readonly RubyResultRef[] | undefined)[];
}

/** A call without a receiver (or on `helpers`), to be read where the project defines the method. */
export interface RubyResultRef {
  /** The class the call is in ('' outside any). */
  readonly className: string;
  readonly method: string;
  /** Called through `helpers.`: a Rails helper answers. */
  readonly viaHelpers: boolean;
}

/** A file with none of these holds no class, method or call on a class. */
export const MAY_HOLD_RUBY_FACTS = /\b(?:class|module|def)\b|[A-Z]\w*(?:\.|\[)/;
/**
 * Work for reading the methods' results, and again for the calls' arguments, of one file, in evaluations
 * (the costliest file of the benchmark's Ruby apps takes under 200). Past it every method and call is still
 * listed, with what is left to read counted as unknown. Counted in steps, not milliseconds, so the facts do
 * not depend on the machine's load; the time is only a safety net.
 */
const FACTS_WORK = 20_000;
const FACTS_SAFETY_MS = 5_000;
/** Calls kept per file, at most: a file with more is rare, and its further calls only go unseen (parameters stay unknown). */
const MAX_CALLS = 1000;
/** Argument forms that are not positional. */
const NOT_POSITIONAL = new Set(['pair', 'block_argument', 'hash_splat_argument']);

function ownerOf(node: Node): string {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'class' || p.type === 'module') return lastSegment(p.childForFieldName('name')?.text ?? '');
  return '';
}

function classFact(node: Node): RubyClassFact {
  const superclass = node.childForFieldName('superclass');
  const superName = superclass ? namedChildren(superclass)[0]?.text : undefined;
  const includes: string[] = [];
  const body = namedChildren(node).find((c) => c.type === 'body_statement');
  for (const statement of body ? namedChildren(body) : []) {
    if (statement.type !== 'call' || statement.childForFieldName('receiver') || statement.childForFieldName('method')?.text !== 'include') continue;
    for (const arg of rubyArguments(statement)) {
      const named = arg.type === 'element_reference' ? arg.childForFieldName('object') ?? namedChildren(arg)[0] : arg;
      if (named && (named.type === 'constant' || named.type === 'scope_resolution')) includes.push(lastSegment(named.text));
    }
  }
  return { name: lastSegment(node.childForFieldName('name')?.text ?? ''), superclass: superName ? lastSegment(superName) : undefined, includes };
}

function callFact(node: Node, text: RubyText): RubyCallFact | undefined {
  const isElement = node.type === 'element_reference';
  const receiver = isElement ? node.childForFieldName('object') ?? namedChildren(node)[0] : node.childForFieldName('receiver');
  if (!receiver || (receiver.type !== 'constant' && receiver.type !== 'scope_resolution')) return undefined;
  const args = isElement ? namedChildren(node).slice(1) : rubyArguments(node);
  const positional = args.filter((a) => !NOT_POSITIONAL.has(a.type));
  const splat = positional.findIndex((a) => a.type === 'splat_argument');
  const before = splat < 0 ? positional : positional.slice(0, splat);
  const results = before.map((a) => text.heldResultCalls(a));
  return {
    owner: lastSegment(receiver.text), method: isElement ? '[]' : node.childForFieldName('method')?.text ?? '',
    args: before.map((a) => originOf(text.evaluate(a))), splat: splat >= 0, ...(results.some((r) => r) ? { results } : {}),
  };
}

/** The Ruby facts of a parsed file. Never throws. */
export function extractRubyFacts(tree: Tree): RubyFileFacts {
  const root = tree.rootNode;
  const classes = root.descendantsOfType(['class', 'module']).filter((n): n is Node => !!n).map(classFact);
  const methods: RubyMethodFact[] = [];
  let text = new RubyText(root, performance.now() + FACTS_SAFETY_MS).limitSteps(FACTS_WORK);
  for (const method of root.descendantsOfType(['method', 'singleton_method'])) {
    if (!method) continue;
    const result = resultOfExpressions(resultExpressions(method), (n) => text.evaluate(n));
    methods.push({ owner: ownerOf(method), name: method.childForFieldName('name')?.text ?? '', singleton: method.type === 'singleton_method', result });
  }
  const calls: RubyCallFact[] = [];
  text = new RubyText(root, performance.now() + FACTS_SAFETY_MS).limitSteps(FACTS_WORK);
  for (const call of root.descendantsOfType(['call', 'element_reference'])) {
    if (!call || calls.length >= MAX_CALLS) break;
    const fact = callFact(call, text);
    if (fact) calls.push(fact);
  }
  return { classes, methods, calls, complete: calls.length < MAX_CALLS };
}
