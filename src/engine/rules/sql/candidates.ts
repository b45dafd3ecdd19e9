import type { Node } from '@vscode/tree-sitter-wasm';
import type { RuleContext } from '../../rule';
import { pathTo } from '../../ast';
import { isNamePart, isSpace } from '../../char-codes';
import { matchAllIn } from '../../text';
import { Ancestry } from './ancestry';
import { argumentList } from './syntax';
import { COMMON_METHOD_NAMES, DB_HANDLE_NAME, type CallShape } from './sinks';

/**
 * Finds the calls worth a closer look with a text scan first: a method or function named like a sink,
 * whose first argument is not a plain string literal. Only those are looked up in the tree, so a file
 * full of constant queries costs a regular expression and nothing more.
 */

export interface Candidate extends CallShape {
  readonly call: Node;
  readonly args: readonly Node[];
  /** The expression that holds the SQL text. */
  readonly sqlArg: Node;
  /** The nodes from the root down to the call, kept for calls nested no deeper than written code is (see `ancestorsOf`). */
  readonly ancestors?: readonly Node[];
}

/** The nodes from the root down to the candidate's call: kept, or read again for a deeply nested call. */
export function ancestorsOf(candidate: Candidate, ancestry: Ancestry): readonly Node[] {
  if (candidate.ancestors) return candidate.ancestors;
  const path = ancestry.pathTo(candidate.call.startIndex, candidate.call.endIndex);
  // calls are checked in text order: the next nested one is read down from this one
  ancestry.remember(path);
  return path;
}

/** A `$where: "..."` property of a MongoDB filter. */
export interface WherePair {
  readonly pair: Node;
  readonly value: Node;
}

function escapeName(name: string): string {
  return name.replace(/\$/g, '\\$');
}

const callPatterns = new Map<string, RegExp>();
/** The same, by the list of names asked for (the sink table's list is one array for every file). */
const patternOfList = new WeakMap<readonly string[], RegExp>();

/** The regular expression that finds calls of any of `names`: `name(`, `name<T>(`, `name (`. Built once per name list. */
export function callPattern(names: readonly string[]): RegExp {
  const known = patternOfList.get(names);
  if (known) return known;
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(escapeName).join('|');
  let pattern = callPatterns.get(alternatives);
  if (!pattern) {
    // A name character before the name is looked for once the name matched (`(?<=(?<![\w$])\1)`), not before
    // trying every position: the same matches as a leading `(?<![\w$])`, but the scan can skip ahead on the names'
    // first letters, which makes it about twice as fast.
    pattern = new RegExp(`(${alternatives})(?<=(?<![\\w$])\\1)\\s*(?:<[^;(){}]*>\\s*)?\\(`, 'g');
    callPatterns.set(alternatives, pattern);
  }
  patternOfList.set(names, pattern);
  return pattern;
}

/** `${TABLE}`, `${Tables.USERS}`: a substitution of a CONSTANT_CASE name, constant by convention (the environment is looked at closer). */
const CONSTANT_SUBSTITUTION = /^\$\{\s*(?!(?:process|import)\s*\.)(?:[A-Za-z_$][\w$]*\.)*[A-Z][A-Z0-9_]*\s*\}/;

/**
 * Skips a string literal starting at `start`; the offset after it, or -1 when it does not end or has a
 * substitution other than a CONSTANT_CASE name.
 */
function skipLiteral(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') { i++; continue; }
    if (c === quote) return i + 1;
    if (quote !== '`' && c === '\n') return -1;
    if (quote === '`' && c === '$' && text[i + 1] === '{') {
      const constant = CONSTANT_SUBSTITUTION.exec(text.slice(i, i + 80));
      if (!constant) return -1;
      i += constant[0].length - 1;
    }
  }
  return -1;
}

/** Skips white space and comments. */
function skipSpace(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.startsWith('//', i)) { const end = text.indexOf('\n', i); i = end < 0 ? text.length : end; continue; }
    if (text.startsWith('/*', i)) { const end = text.indexOf('*/', i + 2); i = end < 0 ? text.length : end + 2; continue; }
    return i;
  }
}

/** What the text after `(` says about the first argument: a plain literal (nothing to check), a name, or an expression. */
function firstArgument(text: string, from: number): 'literal' | 'name' | 'expression' | 'none' {
  const start = skipSpace(text, from);
  const c = text[start];
  if (c === ')') return 'none';
  if (c === '"' || c === "'" || c === '`') {
    const end = skipLiteral(text, start);
    if (end < 0) return 'expression';
    const next = text[skipSpace(text, end)];
    return next === ',' || next === ')' ? 'literal' : 'expression';
  }
  if (/[A-Za-z_$]/.test(c ?? '')) {
    const match = /^[\w$.]+/.exec(text.slice(start, start + 200));
    const next = text[skipSpace(text, start + (match?.[0].length ?? 0))];
    return next === ',' || next === ')' ? 'name' : 'expression';
  }
  return c === '(' || c === '[' || c === '{' ? 'expression' : 'none';
}

/** The receiver's last name from the text before `.name(`: `db` for `this.db.query(`, `''` after `)` or `]`. */
function receiverBefore(text: string, dot: number): string {
  let end = dot;
  while (end > 0 && (text[end - 1] === '?' || isSpace(text.charCodeAt(end - 1)))) end--;
  let start = end;
  while (start > 0 && isNamePart(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

function sameRange(a: Node | null | undefined, b: Node): boolean {
  return !!a && a.startIndex === b.startIndex && a.endIndex === b.endIndex;
}

/** The call whose callee ends in the name at the end of `path` (`x.name(...)`, `await x.name<T>(...)` in TypeScript, or `name(...)`). */
function callOf(path: readonly Node[]): { call: Node; member?: Node; level: number } | undefined {
  const nameNode = path[path.length - 1];
  const parent = path[path.length - 2];
  if (!parent) return undefined;
  if (nameNode.type === 'identifier') return parent.type === 'call_expression' && sameRange(parent.childForFieldName('function'), nameNode) ? { call: parent, level: path.length - 2 } : undefined;
  if (parent.type !== 'member_expression' || !sameRange(parent.childForFieldName('property'), nameNode)) return undefined;
  let level = path.length - 3;
  if (path[level]?.type === 'await_expression') level--;
  const holder = path[level];
  if (holder?.type !== 'call_expression') return undefined;
  const callee = holder.childForFieldName('function');
  return callee && callee.startIndex <= parent.startIndex && callee.endIndex >= parent.endIndex ? { call: holder, member: parent, level } : undefined;
}

/**
 * Syntax-tree depth below which calls are not looked at. Each level of a call nested in another's argument
 * adds about four; written code stays far above it. Below it, every look-up would cost the depth (reading
 * the path to the call), so thousands of nested calls would cost the depth squared in time.
 */
export const MAX_CANDIDATE_DEPTH = 1000;

/**
 * Syntax nodes the search for calls may read in one piece of text (each call looked at costs its depth).
 * Written code stays far below it (20,000 query calls 50 levels deep read a million); past it, generated
 * or hostile text stops at the same call whatever the machine's load.
 */
export const CANDIDATE_WORK = 4_000_000;

/** What stops the search for calls early. */
export interface CandidateBounds {
  /** Nodes read past which the search stops (default `CANDIDATE_WORK`): the same text always stops at the same call. */
  readonly work?: number;
  /** A safety net for a machine too loaded to do that work in time: `now()` past it stops the search. */
  readonly stopAt?: number;
  readonly now?: () => number;
  /** Candidates after which the search ends, with nothing said unchecked: whether there is one is all the caller asks. */
  readonly upTo?: number;
}

/** The calls to check, and how many were left unchecked for being nested deeper than `MAX_CANDIDATE_DEPTH`. */
export interface FoundCandidates {
  readonly candidates: Candidate[];
  readonly tooDeep: number;
  /** Set when the search stopped before every hit was looked at: on its work limit, or on the clock. */
  readonly stopped?: { readonly by: 'work' | 'time'; readonly offset: number };
}

/**
 * Calls from `hits` (matches of `callPattern`) that need a look in the tree. A method with a common name
 * (`get`, `all`, `exec`) whose argument is not written as text right there is kept only when its receiver
 * is named like a database handle or the file uses SQLite, whose API those names belong to.
 */
export function findCandidates(text: string, ancestry: Ancestry, hits: Iterable<RegExpMatchArray>, usesSqlite: boolean, bounds: CandidateBounds = {}): FoundCandidates {
  const { work: workLimit = CANDIDATE_WORK, stopAt = Infinity, now = () => performance.now(), upTo = Infinity } = bounds;
  const candidates: Candidate[] = [];
  let tooDeep = 0;
  let work = 0;
  let stopped: FoundCandidates['stopped'];
  // the node at the depth limit above the last call found too deep: every hit inside it is too deep as well
  let deepStart = -1;
  let deepEnd = -1;
  for (const match of hits) {
    if (candidates.length >= upTo) break;
    if (match.index === undefined) continue;
    // past the work limit or out of time: the calls found so far are checked, so what they hold is still reported
    if (work > workLimit || now() > stopAt) {
      stopped = { by: work > workLimit ? 'work' : 'time', offset: match.index };
      break;
    }
    if (match.index >= deepStart && match.index < deepEnd) {
      tooDeep++;
      continue;
    }
    const method = match[1];
    const nameStart = match.index;
    const before = text.slice(Math.max(0, nameStart - 3), nameStart).trimEnd();
    const isMember = before.endsWith('.');
    const argument = firstArgument(text, nameStart + match[0].length);
    if (argument === 'literal' || argument === 'none') continue;
    const receiver = isMember ? receiverBefore(text, text.lastIndexOf('.', nameStart)) : '';
    const argumentStart = skipSpace(text, nameStart + match[0].length);
    const startsAsText = /^\(?\s*['"`]/.test(text.slice(argumentStart, argumentStart + 20));
    if (COMMON_METHOD_NAMES.has(method) && !startsAsText && !usesSqlite && !DB_HANDLE_NAME.test(receiver)) continue;
    const path = ancestry.pathTo(nameStart, nameStart + method.length);
    work += path.length;
    if (path.length > MAX_CANDIDATE_DEPTH) {
      tooDeep++;
      deepStart = path[MAX_CANDIDATE_DEPTH].startIndex;
      deepEnd = path[MAX_CANDIDATE_DEPTH].endIndex;
      continue;
    }
    const nameNode = path[path.length - 1];
    if (nameNode.startIndex !== nameStart || (nameNode.type !== 'identifier' && nameNode.type !== 'property_identifier')) continue;
    const found = callOf(path);
    if (!found) continue;
    const args = argumentList(found.call);
    if (args.length === 0) continue;
    const chain = found.member?.childForFieldName('object')?.text ?? '';
    const ancestors = path.slice(0, found.level + 1);
    ancestry.remember(ancestors);
    // a deep call's path is read again when needed instead of kept (10,000 nested calls would keep 50 million nodes)
    candidates.push({ call: found.call, args, sqlArg: args[0], method, receiver, chain, bare: !found.member, ...(ancestry.isShallow(ancestors) ? { ancestors } : {}) });
    // enough found: the next hit is not even looked for
    if (candidates.length >= upTo) break;
  }
  return { candidates, tooDeep, ...(stopped ? { stopped } : {}) };
}

/**
 * Whether `findCandidates` finds a call in the whole text, or leaves one unchecked: without one, the rule
 * has no query call to report. `usesSqlite` as there, or `true` where that is not known yet.
 */
export function holdsCandidate(text: string, root: Node, names: readonly string[], usesSqlite: boolean): boolean {
  // the calls are read one at a time: the text after the first candidate is not searched
  const found = findCandidates(text, new Ancestry(root), text.matchAll(callPattern(names)), usesSqlite, { upTo: 1 });
  return found.candidates.length > 0 || found.tooDeep > 0 || found.stopped !== undefined;
}

/** Says where the search left calls unchecked, so the file is reported as analysed partly, never silently. */
export function reportUnchecked(context: Pick<RuleContext, 'lines' | 'stoppedShort' | 'ranOutOfTime'>, found: FoundCandidates): void {
  if (found.tooDeep > 0) context.stoppedShort?.(`${found.tooDeep} call(s) nested more than ${MAX_CANDIDATE_DEPTH} syntax levels deep were not checked`);
  if (!found.stopped) return;
  const line = context.lines.positionAt(found.stopped.offset).line + 1;
  if (found.stopped.by === 'work') context.stoppedShort?.(`the search for query calls read more than ${CANDIDATE_WORK} syntax nodes; calls from line ${line} on were not checked`);
  else context.ranOutOfTime?.(`the search for query calls used its share of the time budget; calls from line ${line} on were not checked`);
}

/** `{ $where: <built string> }` properties in `start..end` of the text. */
export function findWherePairs(text: string, root: Node, start = 0, end = text.length): WherePair[] {
  const pairs: WherePair[] = [];
  for (const match of matchAllIn(/(['"]?)\$where\1\s*:/g, text, start, end)) {
    const at = match.index;
    const path = pathTo(root, at, at + match[0].length - 1);
    const pair = path.reverse().find((n) => n.type === 'pair');
    if (!pair || pair.startIndex !== at) continue;
    const value = pair.childForFieldName('value');
    if (value) pairs.push({ pair, value });
  }
  return pairs;
}
