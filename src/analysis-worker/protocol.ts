import type { EngineConfig } from '../engine/config';
import type { ContentChange } from '../engine/incremental';
import type { ProjectFactsData } from '../engine/project';
import type { RuleScope } from '../engine/types';

/**
 * Messages between the extension host and the analysis worker. Every request about a document carries the
 * document's version: the worker applies edits as they come and analyses the newest text, and the host keeps
 * a result only when it is for the newest version it sent (an older one is dropped as stale).
 */
export type Request =
  | { type: 'open'; id: string; version: number; text: string; languageId: string; fileName: string; config: EngineConfig }
  | { type: 'edit'; id: string; version: number; changes: ContentChange[] }
  | { type: 'analyze'; id: string; version: number; scope: RuleScope; budgetMs?: number; factsKey?: string }
  /** The project facts a later `analyze` names by `key` (a workspace folder), replacing those sent before. */
  | { type: 'facts'; key: string; data: ProjectFactsData }
  | { type: 'close'; id: string };

/** The outcome of one pass: findings as JSON, so the host's cost of taking them in is one measurable parse. */
export interface PassReply {
  type: 'result';
  id: string;
  version: number;
  scope: RuleScope;
  findingsJson: string;
  notes: string[];
  skipped?: string;
  deferred?: string;
  /** Time the pass took where it ran (edits applied since the last pass, parse and rules). */
  engineMs: number;
}

export type Reply =
  | PassReply
  | { type: 'failed'; id: string; version: number; scope: RuleScope; message: string }
  /** The pass was not run: the document has a newer version, whose own pass follows. */
  | { type: 'superseded'; id: string; version: number; scope: RuleScope };
