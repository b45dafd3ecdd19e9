import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { pathTo } from '../../engine/ast';
import { parseSource } from '../../engine/parse-source';
import type { Grammars } from '../../engine/parser';
import type { OffsetEdit } from '../../engine/rule';
import { syntaxErrors } from '../../engine/syntax-errors';
import { applyTextEdits, LineIndex } from '../../engine/text';
import type { Finding, LanguageId } from '../../engine/types';
import { bindingAt } from './bindings';
import { changeOutsideEdits, mapOffset, placeEdits, type PlacedEdit } from './edits';
import { sqlMoveProblems } from './sql-moves';

/**
 * Applies one fix (or suppression comment) and checks that it keeps behaviour: the result parses with no
 * new syntax error, the finding is gone and no other finding came or went, nothing outside the edits
 * changed (tokens, comments and their nesting), and the fix's semantic preconditions hold, read from the
 * trees before and after it (see sql-moves.ts and the binding checks below).
 */

export type FixKind = 'parameterize' | 'helmet' | 'auth-middleware' | 'nest-guard' | 'mark-public' | 'suppress-line' | 'suppress-file' | 'other';

export function fixKind(title: string): FixKind {
  if (title.startsWith('Use a parameterized query')) return 'parameterize';
  if (title.startsWith('Apply Helmet')) return 'helmet';
  if (title.startsWith('Require authentication: add @UseGuards')) return 'nest-guard';
  if (title.startsWith('Require authentication')) return 'auth-middleware';
  if (title.startsWith('Mark this route public')) return 'mark-public';
  return 'other';
}

export interface Reanalysis {
  findings: readonly Finding[];
  /** The re-analysis did not finish (time budget, failure): its findings cannot be compared. */
  incomplete: boolean;
}

export interface FixUnderCheck {
  kind: FixKind;
  text: string;
  languageId: LanguageId;
  finding: Finding;
  /** Every finding of the file before the fix. */
  findings: readonly Finding[];
  edits: readonly OffsetEdit[];
  grammars: Grammars;
  reanalyse(text: string): Promise<Reanalysis>;
}

export interface FixVerdict {
  /** Why the fix does not keep behaviour, one line each; empty when it does. */
  problems: string[];
  /** Set when it could not be checked (the re-analysis did not finish). */
  unchecked?: string;
}

function errorCount(tree: Tree): number {
  let count = 0;
  for (const _ of syntaxErrors(tree)) count++;
  return count;
}

function findingKey(f: Finding, offset: number): string {
  return `${f.ruleId}:${f.messageId}@${offset}`;
}

/** A name the edits use, declared where the use can see it and before the use runs (imports and functions are hoisted). */
function declaredBefore(root: Node, at: number, name: string, source?: string): string | undefined {
  const binding = bindingAt(root, at, name);
  if (!binding) return `\`${name}\` is not declared where the fix uses it`;
  if (!binding.hoisted && binding.declaration.endIndex > at) return `\`${name}\` is declared only after the fix uses it`;
  if (source && !binding.declaration.text.includes(source)) return `\`${name}\` is not bound to ${source}`;
  return undefined;
}

function helmetProblems(root: Node, edits: readonly PlacedEdit[]): string[] {
  for (const e of edits) {
    const use = /([\w$]+)((?:\.[\w$]+)*)\.use\(([\w$]+)\(\)\)/.exec(e.newText);
    if (!use) continue;
    const at = e.newStart + use.index;
    const problems = [declaredBefore(root, at + use[0].indexOf('(') + 1, use[3], 'helmet')];
    if (use[1] !== 'this') problems.push(declaredBefore(root, at, use[1]));
    return problems.filter((p): p is string => !!p);
  }
  return ['no edit applies helmet'];
}

function middlewareProblems(root: Node, edits: readonly PlacedEdit[], kind: FixKind): string[] {
  const problems: string[] = [];
  for (const e of edits) {
    const names = kind === 'nest-guard' ? /@(UseGuards)\(([\w$]+)/.exec(e.newText)?.slice(1) : /^([\w$]+)[^,]*, $/.exec(e.newText)?.slice(1);
    for (const name of names ?? []) {
      const problem = declaredBefore(root, e.newStart + e.newText.indexOf(name), name);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** Every `//` comment the edits write is a comment in the tree after them, whole. */
function commentProblems(root: Node, edits: readonly PlacedEdit[]): string[] {
  const problems: string[] = [];
  for (const e of edits) {
    for (const match of e.newText.matchAll(/\/\/[^\r\n]*/g)) {
      const at = e.newStart + match.index;
      const path = pathTo(root, at, at + match[0].length);
      const node = path[path.length - 1];
      if (node.type !== 'comment' || node.startIndex !== at) problems.push(`the inserted comment is part of a ${node.type}, not a comment`);
    }
  }
  return problems;
}

export async function checkFix(fix: FixUnderCheck): Promise<FixVerdict> {
  const edits = placeEdits(fix.edits);
  const newText = applyTextEdits(fix.text, fix.edits);
  const before = await parseSource(fix.grammars, fix.languageId, fix.text, 20000);
  const after = await parseSource(fix.grammars, fix.languageId, newText, 20000);
  try {
    const problems: string[] = [];
    const errors = [errorCount(before.tree), errorCount(after.tree)];
    if (errors[1] > errors[0]) problems.push(`the result has ${errors[1] - errors[0]} new syntax error(s)`);
    const outside = changeOutsideEdits(before.tree, after.tree, edits);
    if (outside) problems.push(outside);
    const root = after.tree.rootNode;
    if (fix.kind === 'parameterize') problems.push(...sqlMoveProblems(before.tree.rootNode, root, edits));
    if (fix.kind === 'helmet') problems.push(...helmetProblems(root, edits));
    if (fix.kind === 'auth-middleware' || fix.kind === 'nest-guard') problems.push(...middlewareProblems(root, edits, fix.kind));
    if (fix.kind === 'mark-public' || fix.kind === 'suppress-line' || fix.kind === 'suppress-file') problems.push(...commentProblems(root, edits));
    const again = await fix.reanalyse(newText);
    if (again.incomplete) return { problems, unchecked: 're-analysis did not finish' };
    const oldLines = new LineIndex(fix.text);
    const newLines = new LineIndex(newText);
    const fixedLine = fix.finding.range.start.line;
    const expected = new Set<string>();
    let fixedKey = '';
    for (const f of fix.findings) {
      const key = findingKey(f, mapOffset(edits, oldLines.offsetAt(f.range.start)));
      if (f === fix.finding) fixedKey = key;
      // a line suppression silences its rule's every finding on that line; a file one, the rule's every finding
      else if (!(f.ruleId === fix.finding.ruleId && (fix.kind === 'suppress-file' || (fix.kind === 'suppress-line' && f.range.start.line === fixedLine)))) expected.add(key);
    }
    const now = new Set(again.findings.map((f) => findingKey(f, newLines.offsetAt(f.range.start))));
    if (now.has(fixedKey)) problems.push('the finding is still reported');
    const lost = [...expected].filter((k) => !now.has(k));
    // the same rule at the same place with another message is what the fix left to do (signed in, not yet an admin check)
    const narrowed = (k: string) => k.split('@')[1] === fixedKey.split('@')[1] && k.split(':')[0] === fixedKey.split(':')[0];
    const added = [...now].filter((k) => !expected.has(k) && k !== fixedKey && !narrowed(k));
    if (lost.length) problems.push(`other findings are gone: ${lost.join(', ')}`);
    if (added.length) problems.push(`new findings: ${added.join(', ')}`);
    return { problems };
  } finally {
    before.tree.delete();
    after.tree.delete();
  }
}
