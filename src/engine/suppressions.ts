import { lineBreakAfter, lineEndAt, type LineIndex } from './text';
import type { Finding, LanguageId } from './types';

/**
 * Inline suppressions, each best given with a reason after `--`:
 *   // backend-guide-disable-next-line sql-concatenation -- ids are validated as integers above
 *   // backend-guide-disable-line missing-auth -- public by design
 *   // backend-guide-disable-file missing-helmet -- headers are set by the reverse proxy
 * Python and Ruby use `#` comments. Without rule ids the comment silences every rule at that place.
 */
const DIRECTIVE = /(?:\/\/|\/\*|#)\s*backend-guide-disable-(next-line|line|file)\b([^\r\n]*)/g;

export type SuppressionScope = 'next-line' | 'line' | 'file';

interface Suppression {
  scope: SuppressionScope;
  line: number;
  ruleIds: string[] | 'all';
}

function parseRuleIds(rest: string): string[] | 'all' {
  const beforeReason = rest.split(/\s--\s?|\*\//)[0];
  const ids = beforeReason.split(/[\s,]+/).filter((id) => /^[a-z][a-z0-9-]*$/.test(id));
  return ids.length ? ids : 'all';
}

function collectSuppressions(text: string, lines: LineIndex): Suppression[] {
  if (!text.includes('backend-guide-disable')) return [];
  const result: Suppression[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    result.push({ scope: match[1] as SuppressionScope, line: lines.positionAt(match.index ?? 0).line, ruleIds: parseRuleIds(match[2]) });
  }
  return result;
}

function covers(s: Suppression, finding: Finding): boolean {
  if (s.ruleIds !== 'all' && !s.ruleIds.includes(finding.ruleId)) return false;
  const line = finding.range.start.line;
  if (s.scope === 'file') return true;
  if (s.scope === 'line') return s.line === line;
  return s.line + 1 === line;
}

/**
 * Whether an inline directive in `text` silences `ruleId` somewhere (naming it, or naming no rule). A
 * hands-on task is not done while its file silences the task's rule: a hidden finding is not a fixed one.
 */
export function silencesRule(text: string, ruleId: string): boolean {
  if (!text.includes('backend-guide-disable')) return false;
  for (const match of text.matchAll(DIRECTIVE)) {
    const ids = parseRuleIds(match[2]);
    if (ids === 'all' || ids.includes(ruleId)) return true;
  }
  return false;
}

/** Drops findings silenced by inline comments. */
export function applySuppressions(findings: Finding[], text: string, lines: LineIndex): Finding[] {
  const suppressions = collectSuppressions(text, lines);
  if (!suppressions.length) return findings;
  return findings.filter((f) => !suppressions.some((s) => covers(s, f)));
}

/** The comment that silences `finding`, inserted above its line (or at the top of the file), with a reason to fill in. */
export function suppressionEdit(text: string, lines: LineIndex, finding: Finding, languageId: LanguageId, scope: 'next-line' | 'file', reason = 'reason'): { startOffset: number; endOffset: number; newText: string } {
  const marker = languageId === 'python' || languageId === 'ruby' ? '#' : '//';
  const lineBreak = lineBreakAfter(text, 0);
  if (scope === 'file') {
    // after a shebang line (lone CR included), which must stay first
    const shebangEnd = text.startsWith('#!') ? lineEndAt(text, 0) : -1;
    const afterShebang = shebangEnd < 0 ? 0 : shebangEnd === text.length ? text.length : shebangEnd + lineBreakAfter(text, shebangEnd).length;
    // before `<?php` a comment would be HTML text, so in PHP it goes on the line after the opening tag
    const phpOpen = languageId === 'php' ? /^(?:#![^\r\n]*(?:\r\n?|\n))?<\?php[ \t]*(?:\r\n?|\n)/.exec(text)?.[0].length ?? -1 : -1;
    const at = phpOpen >= 0 ? phpOpen : afterShebang;
    const before = phpOpen < 0 && shebangEnd === text.length ? lineBreak : '';
    return { startOffset: at, endOffset: at, newText: `${before}${marker} backend-guide-disable-file ${finding.ruleId} -- ${reason}${lineBreak}` };
  }
  const line = finding.range.start.line;
  const lineStart = lines.offsetAt({ line, character: 0 });
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  return { startOffset: lineStart, endOffset: lineStart, newText: `${indent}${marker} backend-guide-disable-next-line ${finding.ruleId} -- ${reason}${lineBreak}` };
}
