import { IncrementalDocument } from '../engine/incremental';
import type { Grammars } from '../engine/parser';
import { projectFactsFrom, type ProjectFacts } from '../engine/project';
import { allRules } from '../engine/registry';
import type { RuleScope } from '../engine/types';
import type { PassReply, Reply, Request } from './protocol';

interface OpenDocument {
  /** Resolves to the parsed document (`undefined` for a language that is not analysed). */
  ready: Promise<IncrementalDocument | undefined>;
  version: number;
  /** Passes asked for and not run yet: the newest request per scope. */
  wanted: Map<RuleScope, { version: number; budgetMs?: number; factsKey?: string }>;
}

/**
 * The analysis side of the editor, free of `vscode`: keeps each open document parsed, applies edits as they
 * arrive and runs the passes asked for on the newest text. Passes are run after the requests waiting at that
 * moment are taken in, so a burst of keystrokes costs one pass, and a pass asked for an older version than
 * the document now has is skipped (a newer request follows it). Runs in the worker thread, or in the
 * extension host's thread when the worker cannot run.
 */
export class AnalysisSession {
  private readonly documents = new Map<string, OpenDocument>();
  private readonly facts = new Map<string, ProjectFacts>();
  private scheduled = false;

  constructor(private readonly grammars: Grammars, private readonly reply: (reply: Reply) => void) {}

  handle(request: Request): void {
    switch (request.type) {
      case 'open': {
        this.close(request.id);
        const ready = IncrementalDocument.open(request.text, { languageId: request.languageId, fileName: request.fileName, config: request.config, grammars: this.grammars });
        this.documents.set(request.id, { ready, version: request.version, wanted: new Map() });
        return;
      }
      case 'edit': {
        const open = this.documents.get(request.id);
        if (!open) return;
        open.version = request.version;
        // edits are applied in the order they came, each once the document is parsed
        open.ready = open.ready.then((doc) => { doc?.update(request.changes); return doc; });
        return;
      }
      case 'analyze': {
        const open = this.documents.get(request.id);
        if (!open) return;
        const replaced = open.wanted.get(request.scope);
        if (replaced) this.reply({ type: 'superseded', id: request.id, version: replaced.version, scope: request.scope });
        open.wanted.set(request.scope, { version: request.version, budgetMs: request.budgetMs, factsKey: request.factsKey });
        this.schedule();
        return;
      }
      case 'facts':
        this.facts.set(request.key, projectFactsFrom(request.data));
        return;
      case 'close':
        this.close(request.id);
        return;
    }
  }

  private close(id: string): void {
    const open = this.documents.get(id);
    if (!open) return;
    this.documents.delete(id);
    for (const [scope, wanted] of open.wanted) this.reply({ type: 'superseded', id, version: wanted.version, scope });
    void open.ready.then((doc) => doc?.dispose());
  }

  /** Runs the wanted passes once the requests already waiting have been taken in. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.runWanted();
    });
  }

  private async runWanted(): Promise<void> {
    for (const [id, open] of this.documents) {
      if (open.wanted.size === 0) continue;
      const doc = await open.ready.catch(() => undefined);
      // closed or re-opened while parsing: the new entry answers for itself
      if (this.documents.get(id) !== open) continue;
      for (const scope of ['file', 'project'] as const) {
        const wanted = open.wanted.get(scope);
        if (!wanted) continue;
        open.wanted.delete(scope);
        if (wanted.version !== open.version) {
          this.reply({ type: 'superseded', id, version: wanted.version, scope });
          continue;
        }
        this.reply(doc ? this.runPass(id, doc, wanted.version, scope, wanted.budgetMs, wanted.factsKey) : { type: 'result', id, version: wanted.version, scope, findingsJson: '[]', notes: [], skipped: 'language not analysed', engineMs: 0 });
      }
    }
  }

  private runPass(id: string, doc: IncrementalDocument, version: number, scope: RuleScope, budgetMs: number | undefined, factsKey: string | undefined): Reply {
    const started = performance.now();
    try {
      const rules = allRules().filter((rule) => rule.meta.scope === scope);
      const result = doc.analyze({ rules, project: factsKey === undefined ? undefined : this.facts.get(factsKey) }, budgetMs);
      const reply: PassReply = { type: 'result', id, version, scope, findingsJson: JSON.stringify(result.findings), notes: result.notes, engineMs: 0 };
      if (result.skipped) reply.skipped = result.skipped;
      if (result.deferred) reply.deferred = result.deferred;
      reply.engineMs = performance.now() - started;
      return reply;
    } catch (error) {
      return { type: 'failed', id, version, scope, message: String(error instanceof Error ? error.stack ?? error.message : error) };
    }
  }

  dispose(): void {
    for (const id of [...this.documents.keys()]) this.close(id);
  }
}
