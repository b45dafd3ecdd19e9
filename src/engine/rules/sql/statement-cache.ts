import type { Node } from '@vscode/tree-sitter-wasm';
import { reportSpan, type FixSpec, type RelatedSpec, type ReportDescriptor, type RuleContext } from '../../rule';
import type { RuleMemory } from '../../rule-memory';

/**
 * Remembers this rule's findings per top-level statement between keystrokes. A statement's findings
 * depend on its own text, on the file's imports (which driver is in use) and on the module-level names
 * its analysis looked up; they are replayed, shifted to where the statement now starts, while none of
 * those changed. Anything else is analysed again.
 */

/** A report with every offset relative to its statement's start. */
interface RelativeReport {
  descriptor: Omit<ReportDescriptor, 'node' | 'startOffset' | 'endOffset' | 'fixes' | 'related'>;
  start: number;
  end: number;
  fixes: FixSpec[];
  related: RelatedSpec[];
}

interface StatementEntry {
  importsKey: string;
  moduleNames: readonly string[];
  reports: readonly RelativeReport[];
}

export interface Statement {
  start: number;
  end: number;
}

/** Top-level statements of the file, in order (read with a cursor: no node objects are created). */
export function topLevelStatements(root: Node): Statement[] {
  const statements: Statement[] = [];
  const cursor = root.walk();
  try {
    if (!cursor.gotoFirstChild()) return statements;
    do {
      if (cursor.nodeType !== 'comment') statements.push({ start: cursor.startIndex, end: cursor.endIndex });
    } while (cursor.gotoNextSibling());
  } finally {
    cursor.delete();
  }
  return statements;
}

/** The statement holding `offset`, by binary search; `undefined` between statements. */
export function statementAt(statements: readonly Statement[], offset: number): Statement | undefined {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = statements[mid];
    if (offset < s.start) high = mid - 1;
    else if (offset >= s.end) low = mid + 1;
    else return s;
  }
  return undefined;
}

function shiftEdits(fix: FixSpec, by: number): FixSpec {
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, startOffset: e.startOffset + by, endOffset: e.endOffset + by })) };
}

function shiftRelated(related: RelatedSpec, by: number): RelatedSpec {
  return 'startOffset' in related ? { ...related, startOffset: related.startOffset + by, endOffset: related.endOffset + by } : related;
}

/** Every identifier-like word in the edited texts (widened to whole words by the engine). */
function wordsOf(texts: readonly string[]): ReadonlySet<string> {
  const words = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/[A-Za-z_$][\w$]*/g)) words.add(m[0]);
  return words;
}

export class StatementCache {
  private readonly editedWords: ReadonlySet<string>;

  constructor(private readonly context: RuleContext, private readonly memory: RuleMemory | undefined, private readonly importsKey: string) {
    this.editedWords = wordsOf(memory?.editedTexts ?? []);
  }

  /** Replays the statement's remembered findings if they still hold; true when it did. */
  replay(statement: Statement): boolean {
    if (!this.memory?.previous) return false;
    // Keyed by the statement's whole text: V8 hashes it natively, and similar statements never collide.
    const key = this.context.text.slice(statement.start, statement.end);
    const entry = this.memory.previous.get(key) as StatementEntry | undefined;
    if (!entry || entry.importsKey !== this.importsKey || entry.moduleNames.some((name) => this.editedWords.has(name))) return false;
    for (const r of entry.reports) {
      this.context.report({
        ...r.descriptor,
        startOffset: statement.start + r.start,
        endOffset: statement.start + r.end,
        fixes: r.fixes.map((f) => shiftEdits(f, statement.start)),
        related: r.related.map((rel) => shiftRelated(rel, statement.start)),
      });
    }
    this.memory.next.set(key, entry);
    return true;
  }

  /**
   * A context whose reports are passed on and also remembered relative to the statement; call `store`
   * after analysing the statement with it. Reports pointing outside the statement make it unrememberable.
   */
  recording(statement: Statement): { context: RuleContext; store(moduleNames: Iterable<string>): void } {
    const reports: RelativeReport[] = [];
    let rememberable = this.memory !== undefined;
    const inside = (start: number, end: number) => start >= statement.start && end <= statement.end;
    const report = (d: ReportDescriptor): void => {
      this.context.report(d);
      const { start, end } = reportSpan(d);
      const fixes = d.fixes ?? [];
      const related = d.related ?? [];
      const fixesInside = fixes.every((f) => f.edits.every((e) => inside(e.startOffset, e.endOffset)));
      const relatedInside = related.every((r) => 'startOffset' in r && inside(r.startOffset, r.endOffset));
      if (!inside(start, end) || !fixesInside || !relatedInside) { rememberable = false; return; }
      const { node: _node, startOffset: _s, endOffset: _e, fixes: _f, related: _r, ...descriptor } = d;
      reports.push({
        descriptor, start: start - statement.start, end: end - statement.start,
        fixes: fixes.map((f) => shiftEdits(f, -statement.start)),
        related: related.map((r) => shiftRelated(r, -statement.start)),
      });
    };
    return {
      context: { ...this.context, report },
      store: (moduleNames) => {
        if (!rememberable || !this.memory) return;
        const key = this.context.text.slice(statement.start, statement.end);
        this.memory.next.set(key, { importsKey: this.importsKey, moduleNames: [...moduleNames], reports } satisfies StatementEntry);
      },
    };
  }
}
