import * as path from 'path';
import * as vscode from 'vscode';
import type { AnalysisResult } from '../engine/analyze';
import type { EngineConfig } from '../engine/config';
import { matchesAnyGlob } from '../engine/glob';
import { IncrementalDocument, type ContentChange } from '../engine/incremental';
import { isLanguageId } from '../engine/languages';
import type { Grammars } from '../engine/parser';
import type { ProjectFacts } from '../engine/project';
import type { Finding } from '../engine/types';
import type { Logger } from './logger';
import { readSettings, resolveConfig } from './settings';
import { toDiagnostic } from './to-diagnostic';

interface TrackedDocument {
  analysis: IncrementalDocument;
  config: EngineConfig;
  pending: ContentChange[];
  timer: ReturnType<typeof setTimeout> | undefined;
  findings: Finding[];
  /** Document version the findings were computed for; edits in fixes are only valid for it. */
  version: number;
}

export interface AnalysisEvent {
  uri: vscode.Uri;
  findings: readonly Finding[];
}

/**
 * Keeps diagnostics for open documents: analysed on open, re-analysed (debounced, incremental parse)
 * on change, cleared on close. Other parts (code actions, the guide's context keys) read the findings.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('backend-guide');
  private readonly documents = new Map<string, TrackedDocument>();
  private readonly opening = new Map<string, Promise<void>>();
  private readonly analysed = new vscode.EventEmitter<AnalysisEvent>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after each analysis of a document, with its findings. */
  readonly onDidAnalyze = this.analysed.event;

  constructor(private readonly grammars: Grammars, private readonly logger: Logger, private readonly projectFacts: (uri: vscode.Uri) => ProjectFacts | undefined = () => undefined) {
    this.disposables.push(
      this.collection,
      this.analysed,
      vscode.workspace.onDidOpenTextDocument((doc) => void this.open(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.change(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.close(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('backendGuide')) void this.refreshAll(); }),
    );
    for (const doc of vscode.workspace.textDocuments) void this.open(doc);
  }

  /** Findings of the last analysis of a document (empty when it is not tracked). */
  findingsFor(uri: vscode.Uri): readonly Finding[] {
    return this.documents.get(uri.toString())?.findings ?? [];
  }

  /** Findings of a document if they were computed for exactly this version of it. */
  currentFindings(doc: vscode.TextDocument): readonly Finding[] | undefined {
    const tracked = this.documents.get(doc.uri.toString());
    return tracked && tracked.version === doc.version ? tracked.findings : undefined;
  }

  private isIgnored(doc: vscode.TextDocument, config: EngineConfig): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (!folder || !config.ignore.length) return false;
    return matchesAnyGlob(path.relative(folder.uri.fsPath, doc.uri.fsPath), config.ignore);
  }

  /** Starts tracking a document; resolves once its first analysis is published. */
  open(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    if (!isLanguageId(doc.languageId) || doc.uri.scheme === 'output' || doc.uri.scheme === 'vscode-scm') return Promise.resolve();
    if (this.documents.has(key)) return Promise.resolve();
    let opening = this.opening.get(key);
    if (!opening) {
      opening = this.startTracking(doc).finally(() => this.opening.delete(key));
      this.opening.set(key, opening);
    }
    return opening;
  }

  private async startTracking(doc: vscode.TextDocument): Promise<void> {
    try {
      if (!readSettings(doc.uri).enable) return;
      const { config, problems } = await resolveConfig(doc.uri);
      problems.forEach((p) => this.logger.warn(p));
      if (this.isIgnored(doc, config)) {
        this.logger.info(`${doc.uri.fsPath}: skipped, it matches an ignore pattern`);
        return;
      }
      const analysis = await IncrementalDocument.open(doc.getText(), { languageId: doc.languageId, fileName: doc.uri.fsPath, config, grammars: this.grammars });
      if (!analysis || doc.isClosed) { analysis?.dispose(); return; }
      const tracked: TrackedDocument = { analysis, config, pending: [], timer: undefined, findings: [], version: doc.version };
      this.documents.set(doc.uri.toString(), tracked);
      this.publish(doc, tracked);
    } catch (error) {
      this.logger.error(`${doc.uri.fsPath}: could not be analysed`, error);
    }
  }

  private change(event: vscode.TextDocumentChangeEvent): void {
    const tracked = this.documents.get(event.document.uri.toString());
    if (!tracked || event.contentChanges.length === 0) return;
    tracked.pending.push(...event.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text })));
    if (tracked.timer) clearTimeout(tracked.timer);
    tracked.timer = setTimeout(() => {
      tracked.timer = undefined;
      const changes = tracked.pending.splice(0);
      try {
        tracked.analysis.update(changes, event.document.getText());
        this.publish(event.document, tracked);
      } catch (error) {
        this.logger.error(`${event.document.uri.fsPath}: re-analysis failed`, error);
      }
    }, readSettings(event.document.uri).debounceMs);
  }

  private publish(doc: vscode.TextDocument, tracked: TrackedDocument): void {
    const result: AnalysisResult = tracked.analysis.analyze({ project: this.projectFacts(doc.uri) });
    if (result.skipped) this.logger.info(`${doc.uri.fsPath}: skipped, ${result.skipped}`);
    for (const note of result.notes) this.logger.info(`${doc.uri.fsPath}: ${note}`);
    tracked.findings = result.findings;
    tracked.version = doc.version;
    this.collection.set(doc.uri, result.findings.map((f) => toDiagnostic(f, doc.uri)));
    this.analysed.fire({ uri: doc.uri, findings: result.findings });
  }

  close(uri: vscode.Uri): void {
    const key = uri.toString();
    const tracked = this.documents.get(key);
    if (tracked?.timer) clearTimeout(tracked.timer);
    tracked?.analysis.dispose();
    this.documents.delete(key);
    this.collection.delete(uri);
    this.analysed.fire({ uri, findings: [] });
  }

  /** Re-reads configuration and re-analyses every open document (settings or workspace file changed). */
  async refreshAll(): Promise<void> {
    for (const key of [...this.documents.keys()]) this.close(vscode.Uri.parse(key));
    await Promise.all(vscode.workspace.textDocuments.map((doc) => this.open(doc)));
  }

  /** Re-analyses open documents with the current project facts (another file of the project changed). */
  reanalyseOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const tracked = this.documents.get(doc.uri.toString());
      if (tracked) this.publish(doc, tracked);
    }
  }

  dispose(): void {
    for (const tracked of this.documents.values()) {
      if (tracked.timer) clearTimeout(tracked.timer);
      tracked.analysis.dispose();
    }
    this.documents.clear();
    this.disposables.forEach((d) => d.dispose());
  }
}
