import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../ast';
import { OrderedDescent } from '../tree-paths';
import { CallFactReader } from '../rules/sql/call-facts';
import { escapeRegExp } from '../text';
import { publishedFunctions } from './call-site-index';
import { extractClassReturns } from './extract-class-returns';
import { forwardsFirstParameter } from './pass-through';
import type { CallSiteFact, DeferredFacts, FileFacts, ValueRef } from './facts';
import type { Declaration } from './file-scope';
import { TRANSPARENT_TYPES, spanOf, type FileValues } from './file-values';

/**
 * Finds, in one file, the uses of values imported from other project files, so that the callers of a
 * function can be followed across files: every call of such a value with where each argument comes from,
 * and every use other than a call, which hands the value on where its callers are out of sight. Also says
 * what the file's published functions return as text. Found with a text scan for the imported names,
 * checked against the tree; arguments are read by the SQL evaluator. Linear in the text, and bounded by an
 * amount of work: past it, whatever was not read yet counts as handed on.
 */

/**
 * Work a file's call sites may take to read, in evaluation steps (a use of an imported name counts as
 * USE_WORK steps). Counted in steps, not milliseconds, so that what is read, and so the findings, do not
 * depend on how loaded the machine is; the costliest files of the benchmark's largest Node projects take about 22,000.
 */
export const CALL_SITE_WORK = 200_000;
const USE_WORK = 50;
/** A safety net for what the work count does not see: past this much time a file is read no further either. */
export const CALL_SITE_SAFETY_MS = 5_000;

/** How a module specifier naming a project file starts: relative, absolute, or a common source-root alias. */
const PROJECT_PREFIX = String.raw`(?:\.{1,2}(?:\/|$|(?=['"]))|\/|[@~#]\/|src\/)`;
const PROJECT_SPECIFIER = new RegExp(`^${PROJECT_PREFIX}`);

/** Text that may import from or export to other project files: the files whose facts the call-site index needs. */
export const MAY_CALL_ACROSS_FILES = new RegExp(String.raw`\b(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"]${PROJECT_PREFIX}|\bexports?\b`);

/** Where a use's value goes when it is neither called nor handed on: read, compared, printed. */
const CONSUMING_PARENTS: ReadonlySet<string> = new Set([
  'expression_statement', 'binary_expression', 'unary_expression', 'template_substitution', 'if_statement', 'while_statement',
  'class_heritage', 'extends_clause', 'implements_clause', 'decorator', 'type_arguments', 'switch_statement', 'switch_case',
]);

/** A capitalised name (`Model`, `User`): a class, whose members (`Model.findAll()`, `models.User.create()`) are not followed. */
const CLASS_NAME = /^[A-Z][a-z]/;

interface Tracked {
  readonly declaration: Declaration;
  /** What the name stands for: an import, or a part of one (`const { a } = require('./x')`). */
  readonly ref: ValueRef;
  /** The statement that imports it: occurrences inside are not uses. */
  readonly statement: Node;
}

/**
 * Reads a file's cross-file uses into `facts.callSites`, and its published functions' text returns into `facts.functions`.
 * With `deferred` (what parsing the text again needs), only what resolving callees needs: calls keep their number of
 * arguments instead of each argument's origin, and functions and classes no text returns; `deferred-calls.ts` reads
 * the rest from the text again when asked.
 */
export function extractCallSites(root: Node, text: string, facts: FileFacts, values: FileValues, typed: boolean, deadline: number, deferred?: DeferredFacts): void {
  let reader: CallFactReader | undefined;
  let uses = 0;
  const read = (): CallFactReader => (reader ??= new CallFactReader(text, root, typed, values.ownReturns));
  const spent = (): boolean => (reader?.work ?? 0) + uses * USE_WORK > CALL_SITE_WORK || performance.now() > deadline;
  const readReturns = deferred ? undefined : read;
  if (deferred) facts.deferred = deferred;
  summarizeFunctions(facts, values, readReturns, spent);
  if (/\bexport\s+(?:default\s+)?(?:abstract\s+)?class\b/.test(text)) extractClassReturns(root, facts, readReturns, spent);
  const tracked = trackedNames(root, facts, values);
  if (tracked.size === 0) return;
  const pattern = new RegExp(String.raw`(?<![\w$.])(?:${[...tracked.keys()].map(escapeRegExp).join('|')})(?![\w$])`, 'g');
  // the uses come in text order: one descent finds them all
  const descent = new OrderedDescent(root, values.parents);
  const escaped = new Set<string>();
  const handOn = (fact: CallSiteFact): void => {
    const key = JSON.stringify(fact.callee);
    if (!escaped.has(key)) { escaped.add(key); facts.callSites.push(fact); }
  };
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    const name = match[0];
    const own = tracked.get(name);
    if (!own || (own.statement.startIndex <= start && start < own.statement.endIndex)) continue;
    if (spent()) {
      // out of budget: the imports whose uses were not all read count as handed on
      for (const { ref, statement } of tracked.values()) handOn({ callee: { root: ref.root, path: [] }, at: values.lineRangeOf(spanOf(statement)) });
      return;
    }
    const path = descent.pathTo(start, start + name.length);
    const node = path[path.length - 1];
    if (node.startIndex !== start || (node.type !== 'identifier' && node.type !== 'shorthand_property_identifier')) continue;
    if (values.lookupAlong(name, path) !== own.declaration) continue; // a local name that shadows the import
    uses++;
    recordUse(path, own.ref, text, facts, values, readReturns, handOn);
  }
}

/** Module-level names bound to values of other project files: `import x from './x'`, `const { y } = require('../y')`. */
function trackedNames(root: Node, facts: FileFacts, values: FileValues): Map<string, Tracked> {
  const tracked = new Map<string, Tracked>();
  const track = (name: string, statement: Node): void => {
    // classes and their members are not followed: their uses need not be read
    if (CLASS_NAME.test(name)) return;
    const declaration = values.lookup(name, root);
    const ref = declaration ? values.refOfName(name, statement, 0, root) : undefined;
    if (declaration && ref?.root.kind === 'import') tracked.set(name, { declaration, ref, statement });
  };
  for (const statement of namedChildren(root)) {
    if (statement.type === 'import_statement') {
      const source = statement.childForFieldName('source');
      if (!source || !PROJECT_SPECIFIER.test(source.text.slice(1, -1)) || /^import\s+type\b/.test(statement.text)) continue;
      for (const { id, spec } of identifiersBelow(statement)) {
        // `import { a as b }` binds `b`; `import { type T }` binds a type
        if (spec.type === 'import_specifier' && (spec.childForFieldName('alias') ? spec.childForFieldName('alias')?.startIndex !== id.startIndex : /^type\s/.test(spec.text))) continue;
        track(id.text, statement);
      }
    } else if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
      values.parents.note(statement, root);
      for (const declarator of namedChildren(statement)) {
        const value = declarator.childForFieldName('value');
        values.parents.note(declarator, statement);
        const ref = value ? values.refOf(value, 0, declarator) : undefined;
        const imported = ref?.root.kind === 'import' ? facts.imports[ref.root.index] : undefined;
        if (!imported || !PROJECT_SPECIFIER.test(imported.source)) continue;
        const name = declarator.childForFieldName('name');
        const ids = name?.type === 'identifier' ? [name] : name?.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']) ?? [];
        for (const id of ids) if (id) track(id.text, statement);
      }
    }
  }
  return tracked;
}

/**
 * The identifiers below a node (an import statement), each with the node holding it, in text order: what
 * `descendantsOfType('identifier')` lists, without a step up the tree for each one's parent (a descent from
 * the root) nor the runtime's scan of every node type of the grammar for the one asked.
 */
function identifiersBelow(node: Node, found: { id: Node; spec: Node }[] = []): { id: Node; spec: Node }[] {
  for (const child of namedChildren(node)) {
    const type = child.type;
    if (type === 'identifier') found.push({ id: child, spec: node });
    // (a string holds no names)
    else if (type !== 'string') identifiersBelow(child, found);
  }
  return found;
}

/**
 * Follows one use of an imported name up its member and call chain (`utils.make(trx).run('a')`): each call
 * on the way is recorded with its arguments; a chain that ends in a value handed on is recorded as such.
 */
function recordUse(path: readonly Node[], imported: ValueRef, text: string, facts: FileFacts, values: FileValues, read: (() => CallFactReader) | undefined, handOn: (fact: CallSiteFact) => void): void {
  const name = path[path.length - 1];
  const segments = [...imported.path];
  let level = path.length - 1;
  let called = false;
  // (climbed along the path from the root: `Node.parent` walks down from the root again on every call)
  for (; level > 0; level--) {
    const current = path[level];
    const parent = path[level - 1];
    // a member chain or call starts where its object or callee does
    const head = parent.startIndex === current.startIndex;
    if (TRANSPARENT_TYPES.has(parent.type)) continue;
    if (parent.type === 'member_expression' && head) {
      const property = /^\s*\??\.\s*([\w$#]+)\s*$/.exec(text.slice(current.endIndex, parent.endIndex));
      if (!property) break;
      segments.push(property[1]);
      called = false;
      continue;
    }
    if (!head || (parent.type !== 'call_expression' && parent.type !== 'new_expression')) break;
    recordCall({ root: imported.root, path: [...segments] }, current, parent, facts, values, read);
    segments.push('()');
    called = true;
  }
  const current = path[level];
  if (called || name.type === 'shorthand_property_identifier' && isExportedObject(path, level)) return;
  const holder = path[level - 1];
  if (!holder || holder.type.startsWith('jsx') || CONSUMING_PARENTS.has(holder.type) || isReExport(path, level)) return;
  handOn({ callee: { root: imported.root, path: segments }, at: values.lineRangeOf(spanOf(current)) });
}

/** Records a call with the origin of each argument, or with their number only when `read` is not given (deferred). */
function recordCall(ref: ValueRef, callee: Node, call: Node, facts: FileFacts, values: FileValues, read: (() => CallFactReader) | undefined): void {
  // `new Model()`, `Model.findAll()`, `models.User.create()`: classes and their members are not followed
  if (call.type === 'new_expression' || ref.path.some((segment) => CLASS_NAME.test(segment))) return;
  const list = namedChildren(call.childForFieldName('arguments') ?? call).filter((a) => a.type !== 'comment');
  if (list.length === 0) return; // passes nothing: every parameter gets its default
  const spreadAt = list.findIndex((a) => a.type === 'spread_element');
  const given = spreadAt < 0 ? list : list.slice(0, spreadAt);
  const at = values.lineRangeOf(spanOf(callee));
  const fact: CallSiteFact = read ? { callee: ref, args: given.map((arg) => read().argument(arg, (node) => values.refOf(node))), at } : { callee: ref, arity: given.length, at };
  if (spreadAt >= 0) fact.spreadAt = spreadAt;
  facts.callSites.push(fact);
}

/** `export { x }`, `export default x`, `module.exports = x`, `exports.y = x`: followed by the index through exports. */
function isReExport(path: readonly Node[], level: number): boolean {
  const value = path[level];
  const holder = path[level - 1];
  if (holder.type === 'export_specifier' || holder.type === 'export_statement') return true;
  if (holder.type === 'pair') return isExportedObject(path, level - 1);
  return isExportsAssignment(holder) && holder.childForFieldName('right')?.startIndex === value.startIndex;
}

/** A property of an object literal that is what the module exports (`module.exports = { helper }`, `export default { helper }`). */
function isExportedObject(path: readonly Node[], level: number): boolean {
  let at = level;
  while (at > 0 && path[at].type !== 'object') at--;
  const holder = at > 0 ? path[at - 1] : undefined;
  return !!holder && (holder.type === 'export_statement' || isExportsAssignment(holder));
}

function isExportsAssignment(node: Node): boolean {
  return node.type === 'assignment_expression' && /^(?:module\s*\.\s*)?exports\b/.test(node.childForFieldName('left')?.text ?? '');
}

/** What each published function (one the exports reach) returns as text (not when deferred: no `read`), while the work budget allows. */
function summarizeFunctions(facts: FileFacts, values: FileValues, read: (() => CallFactReader) | undefined, spent: () => boolean): void {
  for (const index of publishedFunctions(facts)) {
    const fact = facts.functions[index];
    const fn = values.functionNode(index);
    if (!fn || fact.bodyText !== undefined || spent()) continue;
    if (forwardsFirstParameter(fn)) fact.forwards = true;
    if (!read) continue;
    const parts = read().textReturn(fn);
    if (parts) fact.textReturn = parts;
    const properties = parts ? undefined : read().propertyReturns(fn);
    if (properties) fact.propertyReturns = properties;
    if ((parts || properties) && read().readsStored(fn)) fact.readsStored = true;
  }
}
