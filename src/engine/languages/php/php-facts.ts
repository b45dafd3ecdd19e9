import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import { keyedResult, mergeResults, originOf, plainResult, type KeyedResult } from '../keyed-result';
import { ownDescendants } from '../local-writes';
import { phpNamesOf, resolveClassName, topLevelStatements, type PhpNames } from './class-names';
import { literalKey } from './syntax';
import { PHP_SCOPES, PhpText } from './text';

/**
 * What the project index keeps of a PHP file for other files' analyses: its classes by fully qualified name,
 * what each one extends, and what each of its methods returns, read in this file with the parameters unknown
 * (an array literal key by key, so that `$option->getParts()['operator']` is read apart from a key that
 * carries the input). Plain data, no tree nodes.
 */
export interface PhpFileFacts {
  readonly classes: readonly PhpClassFact[];
}

export interface PhpClassFact {
  /** Fully qualified name, without a leading `\`. */
  readonly name: string;
  readonly extends?: string;
  /** The methods with a body, in source order (a list, not a record: a method may be called `toString` or `constructor`). */
  readonly methods: readonly PhpMethodFact[];
}

export interface PhpMethodFact {
  readonly name: string;
  readonly result: KeyedResult;
}

/**
 * A file that declares no class, or none that returns an array literal or extends another (and so may override
 * a method that does), holds nothing another file reads.
 */
export const MAY_HOLD_PHP_FACTS = /\b(?:class|trait)\s+\w[\s\S]*?(?:\bextends\b|\breturn\s*(?:\[|array\s*\())/i;

/**
 * Work for reading what the methods of one file return, in evaluations; past it the methods left are read as
 * unknown. Counted in steps so the facts do not depend on the machine's load; the time is only a safety net.
 */
const FACTS_WORK = 20_000;
const FACTS_SAFETY_MS = 5_000;

/**
 * The origin of one returned expression: an array literal by its keys (literal string or integer keys). Other
 * values are not read (unknown): reading every method's every return would cost more than the few calls on
 * typed receivers that other files splice into SQL are worth.
 */
function resultOf(node: Node, text: PhpText): KeyedResult {
  if (node.type !== 'array_creation_expression') return plainResult('unknown');
  return keyedResult(namedChildren(node).filter((e) => e.type === 'array_element_initializer').map((element) => {
    const parts = namedChildren(element);
    const value = parts.at(-1);
    const key = parts.length === 2 ? literalKey(parts[0]) : undefined;
    const spread = value?.type === 'variadic_unpacking';
    return { key: spread ? undefined : key, origin: value ? originOf(text.evaluate(value)) : 'unknown' };
  }));
}

/** A method body that may return an array literal; the others are not read (their results are unknown). */
const RETURNS_ARRAY = /\breturn\s*(?:\[|array\s*\()/i;

/** What a method returns: every `return` in its body (not in nested functions), merged; `undefined` for abstract methods. */
function methodResult(method: Node, text: PhpText): KeyedResult | undefined {
  const body = method.childForFieldName('body');
  if (!body) return undefined;
  if (!RETURNS_ARRAY.test(body.text)) return plainResult('unknown');
  const returns = ownDescendants(body, ['return_statement'], PHP_SCOPES).map((r) => namedChildren(r)[0]);
  // a `return;` gives null, which prints as nothing
  return mergeResults(returns.map((value) => (value ? resultOf(value, text) : plainResult('constant'))));
}

function classFact(node: Node, names: PhpNames, text: PhpText): PhpClassFact | undefined {
  const declared = node.childForFieldName('name')?.text;
  const name = declared && resolveClassName(declared, { namespace: names.namespace, uses: new Map() });
  if (!name) return undefined;
  const base = namedChildren(node).find((c) => c.type === 'base_clause');
  const parent = base && namedChildren(base)[0];
  const methods: PhpMethodFact[] = [];
  for (const member of namedChildren(node.childForFieldName('body') ?? node)) {
    if (member.type !== 'method_declaration') continue;
    const result = methodResult(member, text);
    if (result) methods.push({ name: member.childForFieldName('name')?.text ?? '', result });
  }
  const extendsName = parent && resolveClassName(parent.text, names);
  return { name, ...(extendsName ? { extends: extendsName } : {}), methods };
}

/** The PHP facts of a parsed file. Never throws. */
export function extractPhpFacts(tree: Tree): PhpFileFacts {
  const root = tree.rootNode;
  const classes: PhpClassFact[] = [];
  try {
    const names = phpNamesOf(root);
    const text = new PhpText(root, performance.now() + FACTS_SAFETY_MS).limitSteps(FACTS_WORK);
    for (const node of topLevelStatements(root)) {
      const fact = node.type === 'class_declaration' || node.type === 'trait_declaration' ? classFact(node, names, text) : undefined;
      if (fact) classes.push(fact);
    }
  } catch {
    // a tree the reading did not expect: the classes read so far are still right
  }
  return { classes };
}
