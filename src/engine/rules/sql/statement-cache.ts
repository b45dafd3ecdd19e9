import { reportSpan, type FixSpec, type RelatedSpec, type ReportDescriptor, type RuleContext } from '../../rule';
import type { RuleMemory } from '../../rule-memory';
import type { Statement } from '../../top-level';
import { driverOfModule, type ModuleReference } from './imports';

/**
 * Remembers, per top-level statement and between keystrokes, the module references the statement holds
 * and the findings this rule reported in it. References depend on the statement's text alone. Findings
 * also depend on the modules the file imports (which driver is in use), on the module each imported name
 * the analysis asked about stands for, and on the module-level names it looked up; they are replayed,
 * shifted to where the statement now starts, while none of those changed. A keystroke next to an import
 * that changes only the names it binds (error recovery reading `const total = require(...)` while a line
 * above is typed) so re-checks the statements that asked about those names, not every statement.
 * Everything is keyed by the statement's whole text: V8 hashes it natively, and similar statements never
 * collide. So a keystroke costs a look-up per statement plus a fresh look at the statement it touched.
 */

/** A report with every offset relative to its statement's start. */
interface RelativeReport {
  descriptor: Omit<ReportDescriptor, 'node' | 'startOffset' | 'endOffset' | 'fixes' | 'related'>;
  start: number;
  end: number;
  fixes: FixSpec[];
  related: RelatedSpec[];
}

interface Checked {
  importsKey: string;
  moduleNames: readonly string[];
  /** Each imported name the analysis asked about, with the module it stood for (`undefined`: none). */
  bindings: readonly (readonly [string, string | undefined])[];
  reports: readonly RelativeReport[];
  /** Found in a tree with a syntax error: not replayed once the text parses cleanly, since recovery may have misread what it rests on. */
  brokenTree?: true;
  /** Something it rests on changed while the text did not parse: replayed only until it parses again (see `replay`). */
  stale?: true;
}

interface StatementEntry {
  /** Offsets relative to the statement. */
  references: readonly ModuleReference[];
  /** The modules the statement imports, as text (the names they bind are checked per read: see `Checked`). */
  imports: string;
  checked?: Checked;
  /** Set while the statement is not in the file: how many runs ago it left (see `keepDormant`). */
  idle?: number;
}

/**
 * While typing, error recovery often folds many statements into one (an unclosed bracket swallows the rest
 * of a block) and gives them back a few keystrokes later. Statements that leave together, two or more in
 * one run, are kept dormant for this many runs, so that when they come back their references and findings
 * are replayed instead of checked again. Only the latest groups are kept: each group's keys are slices of
 * the text of the run they left in, which they keep alive.
 */
const DORMANT_RUNS = 128;
const DORMANT_GROUPS = 2;

/**
 * What findings read of a statement's imports, as text: the modules it names, and for a driver module whether
 * it is really imported (`ImportFacts.drivers`). Whether another module's reference is real shows only in
 * the names it binds, which are checked per read.
 */
function importsOf(references: readonly ModuleReference[]): string {
  return references.map((r) => (driverOfModule(r.moduleName) ? `${r.moduleName}:${r.real ? 'real' : '-'}` : r.moduleName)).join(';');
}

function shiftEdits(fix: FixSpec, by: number): FixSpec {
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, startOffset: e.startOffset + by, endOffset: e.endOffset + by })) };
}

function shiftRelated(related: RelatedSpec, by: number): RelatedSpec {
  return 'startOffset' in related ? { ...related, startOffset: related.startOffset + by, endOffset: related.endOffset + by } : related;
}

function shiftReference(reference: ModuleReference, by: number): ModuleReference {
  return { ...reference, quoteAt: reference.quoteAt + by };
}

/** Every identifier-like word in the edited texts (widened to whole words by the engine). */
function wordsOf(texts: readonly string[]): ReadonlySet<string> {
  const words = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/[A-Za-z_$][\w$]*/g)) words.add(m[0]);
  return words;
}

/**
 * What still holds of an entry whose statement missed runs (dormant, or not checked for lack of time): its
 * references, which depend on its text alone, and its findings only when they rest on nothing but its text
 * and the file's imports (checked again on replay): the edits of the runs it missed are not known to it, so
 * names from other statements may have changed meanwhile.
 */
function textOnly(entry: StatementEntry): StatementEntry {
  const checked = entry.checked && entry.checked.moduleNames.length === 0 ? entry.checked : undefined;
  return { references: entry.references, imports: entry.imports, checked };
}

/** Carries dormant entries into `next`: the latest groups one run older, and `left` as a group when two or more left at once. */
function keepDormant(previous: ReadonlyMap<string, StatementEntry>, current: ReadonlySet<string>, left: readonly string[], next: Map<string, unknown>): void {
  const leftTogether = left.length >= 2;
  const ages = new Set<number>();
  for (const entry of previous.values()) if (entry.idle !== undefined && entry.idle + 1 < DORMANT_RUNS) ages.add(entry.idle + 1);
  const kept = new Set([...ages].sort((a, b) => a - b).slice(0, DORMANT_GROUPS - (leftTogether ? 1 : 0)));
  for (const [key, entry] of previous) {
    if (entry.idle !== undefined && kept.has(entry.idle + 1) && !current.has(key)) next.set(key, { ...entry, idle: entry.idle + 1 });
  }
  if (leftTogether) for (const key of left) next.set(key, { ...previous.get(key), idle: 0 });
}

export class StatementCache {
  /**
   * Names that may mean something else than when findings were remembered: every word of the edits, of
   * the text the parser read differently (see `RuleMemory.editedTexts`) and of the statements that changed
   * (added, removed or rewritten), since a statement's findings can rest on a module-level declaration in
   * another statement (`let q = "SELECT ..."` above a `db.query(q)`), and on how that one was parsed.
   */
  private changedWords: ReadonlySet<string> | undefined;
  /** Texts the changed words are read from, on first need: a big changed statement costs a scan. */
  private changedTexts: readonly string[] = [];
  /** The same without what the parser read differently (see `RuleMemory.typedTexts`): what counts while the text does not parse. */
  private typedWords: ReadonlySet<string> | undefined;
  private typedTexts: readonly string[] = [];
  private readonly treeBroken: boolean;
  private readonly keys = new Map<Statement, string>();
  private readonly entries = new Map<Statement, StatementEntry>();
  private importsKey = '';

  constructor(private readonly context: RuleContext, private readonly memory: RuleMemory | undefined) {
    this.treeBroken = memory !== undefined && context.tree.rootNode.hasError;
  }

  private keyOf(statement: Statement): string {
    let key = this.keys.get(statement);
    if (key === undefined) {
      key = this.context.text.slice(statement.start, statement.end);
      this.keys.set(statement, key);
    }
    return key;
  }

  /**
   * The module references in each statement, with absolute offsets: remembered for statements whose text
   * is unchanged, found with `scan` for the others (reading bound names when remembering, since the
   * imports key is made of them). Also fixes the imports key that findings are kept under.
   */
  references(statements: readonly Statement[], scan: (statement: Statement, readNames: boolean) => ModuleReference[]): ModuleReference[] {
    const all: ModuleReference[] = [];
    const imports: string[] = [];
    const changed: string[] = [...(this.memory?.editedTexts ?? [])];
    const typed: string[] = [...(this.memory?.typedTexts ?? [])];
    const current = new Set<string>();
    for (const statement of statements) {
      const key = this.memory ? this.keyOf(statement) : '';
      current.add(key);
      const stored = this.memory?.previous?.get(key) as StatementEntry | undefined;
      // a statement back from dormancy is new to this run, for the statements that read its names too
      if (this.memory?.previous && (!stored || stored.idle !== undefined)) {
        changed.push(key);
        typed.push(key);
      }
      const previous = stored && (stored.idle === undefined ? stored : textOnly(stored));
      const found = previous ? previous.references.map((r) => shiftReference(r, statement.start)) : scan(statement, this.memory !== undefined);
      if (this.memory) {
        const references = previous?.references ?? found.map((r) => shiftReference(r, -statement.start));
        const entry: StatementEntry = { references, imports: previous?.imports ?? importsOf(references), checked: previous?.checked };
        this.entries.set(statement, entry);
        if (entry.imports) imports.push(entry.imports);
      }
      for (const r of found) all.push(r);
    }
    // joined without statement boundaries: error recovery may merge statements without changing what they import
    this.importsKey = imports.join(';');
    const left: string[] = [];
    for (const [key, entry] of this.memory?.previous ?? []) {
      if (current.has(key) || (entry as StatementEntry).idle !== undefined) continue;
      changed.push(key);
      typed.push(key);
      left.push(key);
    }
    if (this.memory?.previous) keepDormant(this.memory.previous as ReadonlyMap<string, StatementEntry>, current, left, this.memory.next);
    this.changedTexts = changed;
    this.changedWords = undefined;
    this.typedTexts = typed;
    this.typedWords = undefined;
    return all;
  }

  /**
   * Keeps for the next run what `statements` (not checked in this run, for lack of time) remembered: their
   * references, and findings that rest on their text and the file's imports alone (see `textOnly`: the edits of
   * this run count as seen once it completes, so a name they read could change unnoticed).
   */
  keepUnchecked(statements: readonly Statement[]): void {
    for (const statement of statements) {
      const entry = this.entries.get(statement);
      const key = this.memory ? this.keyOf(statement) : '';
      if (!entry || !this.memory || this.memory.next.has(key)) continue;
      this.memory.next.set(key, textOnly(entry));
    }
  }

  /** Adds what the findings also rest on beyond the file's imports (other files' facts, package.json). */
  alsoDependsOn(key: string): void {
    if (key) this.importsKey += `\0${key}`;
  }

  /**
   * Replays the statement's remembered findings if they still hold (`moduleOf`: what an imported name stands
   * for now); true when it did. While the text does not parse, a statement whose text is unchanged replays them
   * whatever changed, so what the editor shows does not flicker while a bracket is open (error recovery may
   * have folded it into a broken statement, see `withFoldsSplit`); when something they rest on changed
   * meanwhile, they are marked stale and checked again once the text parses.
   */
  replay(statement: Statement, moduleOf: (name: string) => string | undefined): boolean {
    const entry = this.entries.get(statement);
    const checked = entry?.checked;
    if (!entry || !checked) return false;
    const holds = this.stillHolds(checked, moduleOf);
    if (!this.treeBroken && (!holds || checked.stale || checked.brokenTree)) return false;
    for (const r of checked.reports) {
      this.context.report({
        ...r.descriptor,
        startOffset: statement.start + r.start,
        endOffset: statement.start + r.end,
        fixes: r.fixes.map((f) => shiftEdits(f, statement.start)),
        related: r.related.map((rel) => shiftRelated(rel, statement.start)),
      });
    }
    this.memory?.next.set(this.keyOf(statement), holds ? entry : { ...entry, checked: { ...checked, stale: true } });
    return true;
  }

  /** Whether nothing the findings rest on changed: the imports, the modules of the names read, the module-level names read. */
  private stillHolds(checked: Checked, moduleOf: (name: string) => string | undefined): boolean {
    if (checked.importsKey !== this.importsKey) return false;
    if (checked.bindings.some(([name, module]) => moduleOf(name) !== module)) return false;
    if (checked.moduleNames.length === 0) return true;
    // While the text does not parse, how error recovery read it says nothing about what a statement means: only
    // what the edits changed counts (back to a clean parse, findings from a broken tree are checked again).
    const changed = this.treeBroken ? (this.typedWords ??= wordsOf(this.typedTexts)) : (this.changedWords ??= wordsOf(this.changedTexts));
    return !checked.moduleNames.some((name) => changed.has(name));
  }

  /**
   * A context whose reports are passed on and also remembered relative to the statement; call `store`
   * after analysing the statement with it. Reports pointing outside the statement make it unrememberable.
   */
  recording(statement: Statement): { context: RuleContext; store(moduleNames: Iterable<string>, bindings: ReadonlyMap<string, string | undefined>): void } {
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
      store: (moduleNames, bindings) => {
        const entry = this.entries.get(statement);
        if (!this.memory || !entry) return;
        const checked: Checked | undefined = rememberable ? { importsKey: this.importsKey, moduleNames: [...moduleNames], bindings: [...bindings], reports, ...(this.treeBroken ? { brokenTree: true as const } : {}) } : undefined;
        this.memory.next.set(this.keyOf(statement), { ...entry, checked });
      },
    };
  }
}
