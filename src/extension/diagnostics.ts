import path = require('path');
import vscode = require('vscode');
import type { EngineConfig } from '../engine/config';
import { ignoreMatcher } from '../engine/glob';
import { AnalysisClient, type PassResult as ClientResult } from '../analysis-worker/client';
import type { ContentChange } from '../engine/incremental';
import { isLanguageId } from '../engine/languages';
import type { ProjectFacts } from '../engine/project';
import { isInSkippedFolder } from '../engine/skipped-folders';
import type { Finding, RuleScope } from '../engine/types';
import type { Logger } from './logger';
import { readSettings, resolveConfig } from './settings';
import { toDiagnostic } from './to-diagnostic';

/**
 * After typing, project rules (which read other files' facts and cost more) wait this much longer than
 * file rules: one keystroke rarely changes whether a route is protected, and the squiggles VS Code already
 * shows move with the text in the meantime.
 */
const PROJECT_PASS_DELAY_MS = 600;

/** The findings of one pass (file or project rules) and the document version they were computed for. */
interface PassResult {
  findings: Finding[];
  version: number;
}

interface TrackedDocument {
  doc: vscode.TextDocument;
  config: EngineConfig;
  pending: ContentChange[];
  fileTimer: ReturnType<typeof setTimeout> | undefined;
  projectTimer: ReturnType<typeof setTimeout> | undefined;
  passes: Record<RuleScope, PassResult>;
  /** The last file pass was deferred: the pause pass must run the file rules again. */
  fileDeferred: boolean;
}

export interface AnalysisEvent {
  uri: vscode.Uri;
  findings: readonly Finding[];
}

const SCOPES: readonly RuleScope[] = ['file', 'project'];

/** Where the analysis worker's script and the grammars are (dist/analysis-worker.js, dist/wasm). */
export interface AnalysisPlace {
  workerFile?: string;
  wasmDir?: string;
}

/**
 * Keeps diagnostics for open documents: analysed on open, re-analysed on change (debounced, incremental
 * parse; file rules at once, project rules when typing pauses), cleared on close. The analysis runs in a
 * worker thread (started with the first analysed document): this thread only hands it the edits and
 * publishes the findings it returns for the newest version. Where the worker cannot run, the analysis runs
 * here, and the file pass after a keystroke has a budget (setting `keystrokeBudgetMs`): one that needs
 * longer is given up, the problems shown stay, and the pause pass finishes it without a budget. Each pass
 * has its own diagnostic collection, so one pass never republishes the other's findings at stale positions.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly collections: Record<RuleScope, vscode.DiagnosticCollection> = {
    file: vscode.languages.createDiagnosticCollection('backend-guide'),
    project: vscode.languages.createDiagnosticCollection('backend-guide-project'),
  };
  private readonly documents = new Map<string, TrackedDocument>();
  /** Documents whose tracking has started and is reading their configuration, with the `configGeneration` it started in. */
  private readonly opening = new Map<string, { done: Promise<void>; generation: number }>();
  /**
   * Counts `refreshAll` calls. An opening that started before the latest may have read the configuration as it was
   * before the change that asked for the refresh: it is not joined, and it tracks nothing when it ends.
   */
  private configGeneration = 0;
  private readonly analysed = new vscode.EventEmitter<AnalysisEvent>();
  private readonly deferred = new vscode.EventEmitter<{ uri: vscode.Uri; reason: string }>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after each analysis pass of a document, with all its current findings. */
  readonly onDidAnalyze = this.analysed.event;
  /** Fires when a keystroke pass gives up on its budget and leaves the document to the pause pass. */
  readonly onDidDefer = this.deferred.event;

  private analysis: AnalysisClient | undefined;

  constructor(private readonly place: AnalysisPlace, private readonly logger: Logger, private readonly projectFacts: (uri: vscode.Uri) => ProjectFacts | undefined = () => undefined) {
    this.disposables.push(
      this.collections.file,
      this.collections.project,
      this.analysed,
      this.deferred,
      vscode.workspace.onDidOpenTextDocument((doc) => void this.open(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.change(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.close(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('backendGuide')) void this.refreshAll(); }),
      // trusting the workspace lets its `.backendguide.yaml` raise the limits
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.refreshAll()),
    );
    for (const doc of vscode.workspace.textDocuments) void this.open(doc);
  }

  /** The analysis, started on first use so that activation does not wait for a thread to start. */
  private get client(): AnalysisClient {
    if (!this.analysis) {
      const client = AnalysisClient.start({ ...this.place, log: (message) => this.logger.info(message) });
      client.onResult((result) => this.publish(result));
      this.analysis = client;
    }
    return this.analysis;
  }

  /** True while the analysis runs in its worker thread (false before the first document, or after a fallback). */
  get analysesInWorker(): boolean {
    return this.analysis?.inWorker ?? false;
  }

  private static combined(tracked: TrackedDocument): Finding[] {
    return [...tracked.passes.file.findings, ...tracked.passes.project.findings];
  }

  /** Findings of the last analysis of a document (empty when it is not tracked). */
  findingsFor(uri: vscode.Uri): readonly Finding[] {
    const tracked = this.documents.get(uri.toString());
    return tracked ? DiagnosticsController.combined(tracked) : [];
  }

  /** Findings of a document computed for exactly this version of it (fix edits are valid only for that). */
  currentFindings(doc: vscode.TextDocument): readonly Finding[] | undefined {
    const tracked = this.documents.get(doc.uri.toString());
    if (!tracked) return undefined;
    return SCOPES.flatMap((scope) => (tracked.passes[scope].version === doc.version ? tracked.passes[scope].findings : []));
  }

  /** Files the command line would not scan either: under a skipped folder (node_modules, build output) or ignored. */
  private isIgnored(doc: vscode.TextDocument, config: EngineConfig): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (!folder) return false;
    const relative = path.relative(folder.uri.fsPath, doc.uri.fsPath);
    return isInSkippedFolder(relative) || ignoreMatcher(config.ignore)(relative);
  }

  /** Starts tracking a document; resolves once its first analysis is published. */
  open(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    if (!isLanguageId(doc.languageId) || doc.uri.scheme === 'output' || doc.uri.scheme === 'vscode-scm') return Promise.resolve();
    if (this.documents.has(key)) return Promise.resolve();
    const under = this.opening.get(key);
    if (under?.generation === this.configGeneration) return under.done;
    const generation = this.configGeneration;
    const done: Promise<void> = this.startTracking(doc, generation).finally(() => {
      if (this.opening.get(key)?.done === done) this.opening.delete(key);
    });
    this.opening.set(key, { done, generation });
    return done;
  }

  private async startTracking(doc: vscode.TextDocument, generation: number): Promise<void> {
    try {
      if (!readSettings(doc.uri).enable) return;
      const { config, problems } = await resolveConfig(doc.uri);
      // the configuration changed while it was read: the opening of the newer refresh tracks the document
      if (generation !== this.configGeneration) return;
      problems.forEach((p) => this.logger.warn(p));
      if (this.isIgnored(doc, config)) {
        this.logger.info(`${doc.uri.fsPath}: skipped, it is in a skipped folder or matches an ignore pattern`);
        return;
      }
      if (doc.isClosed) return;
      const key = doc.uri.toString();
      const empty = (): PassResult => ({ findings: [], version: doc.version });
      const tracked: TrackedDocument = { doc, config, pending: [], fileTimer: undefined, projectTimer: undefined, passes: { file: empty(), project: empty() }, fileDeferred: false };
      this.documents.set(key, tracked);
      this.client.open(key, () => {
        // the text holds every change so far: those not handed over yet must not be applied again
        tracked.pending.length = 0;
        return { text: doc.getText(), version: doc.version, languageId: doc.languageId, fileName: doc.uri.fsPath, config };
      });
      this.runPass(tracked, 'file');
      this.runPass(tracked, 'project');
      await this.client.settled(key);
    } catch (error) {
      this.logger.error(`${doc.uri.fsPath}: could not be analysed`, error);
    }
  }

  private change(event: vscode.TextDocumentChangeEvent): void {
    const doc = event.document;
    const tracked = this.documents.get(doc.uri.toString());
    if (!tracked || event.contentChanges.length === 0) return;
    tracked.pending.push(...event.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text })));
    if (tracked.fileTimer) clearTimeout(tracked.fileTimer);
    if (tracked.projectTimer) clearTimeout(tracked.projectTimer);
    tracked.fileTimer = setTimeout(() => {
      tracked.fileTimer = undefined;
      try {
        this.client.edit(doc.uri.toString(), doc.version, tracked.pending.splice(0));
        this.runPass(tracked, 'file', readSettings(doc.uri).keystrokeBudgetMs);
        tracked.projectTimer = setTimeout(() => {
          tracked.projectTimer = undefined;
          this.runPausePass(tracked);
        }, PROJECT_PASS_DELAY_MS);
      } catch (error) {
        this.logger.error(`${doc.uri.fsPath}: re-analysis failed`, error);
      }
    }, readSettings(doc.uri).debounceMs);
  }

  /**
   * Asks for a pass of one scope's rules on the document's newest version; `publish` shows its findings.
   * The budget applies where the analysis runs in this thread (see `AnalysisClient.analyze`).
   */
  private runPass(tracked: TrackedDocument, scope: RuleScope, budgetMs?: number): void {
    const { doc } = tracked;
    if (doc.isClosed || this.documents.get(doc.uri.toString()) !== tracked) return;
    // file rules read project facts too (which SQL driver the db module imports)
    this.client.analyze(doc.uri.toString(), scope, { budgetMs, facts: this.projectFacts(doc.uri) });
  }

  /**
   * Publishes a pass's findings (only ever for the newest version the analysis was given). A pass deferred
   * on its budget publishes nothing and leaves the document marked deferred.
   */
  private publish(result: ClientResult): void {
    const tracked = this.documents.get(result.id);
    if (!tracked) return;
    const { doc } = tracked;
    const { scope } = result;
    if (scope === 'file') tracked.fileDeferred = result.deferred !== undefined;
    if (result.deferred) {
      this.deferred.fire({ uri: doc.uri, reason: result.deferred });
      return;
    }
    if (result.skipped && scope === 'file') this.logger.info(`${doc.uri.fsPath}: skipped, ${result.skipped}`);
    for (const note of result.notes) {
      if (scope === 'file' || !note.startsWith('syntax error')) this.logger.info(`${doc.uri.fsPath}: ${note}`);
    }
    tracked.passes[scope] = { findings: result.findings, version: result.version };
    this.collections[scope].set(doc.uri, result.findings.map((f) => toDiagnostic(f, doc.uri)));
    this.analysed.fire({ uri: doc.uri, findings: DiagnosticsController.combined(tracked) });
  }

  /** What runs once typing pauses: the file rules if their keystroke pass was deferred, then the project rules. */
  private runPausePass(tracked: TrackedDocument): void {
    if (tracked.fileDeferred) this.runPass(tracked, 'file');
    this.runPass(tracked, 'project');
  }

  close(uri: vscode.Uri): void {
    const key = uri.toString();
    const tracked = this.documents.get(key);
    if (tracked?.fileTimer) clearTimeout(tracked.fileTimer);
    if (tracked?.projectTimer) clearTimeout(tracked.projectTimer);
    if (tracked) this.analysis?.close(key);
    this.documents.delete(key);
    for (const scope of SCOPES) this.collections[scope].delete(uri);
    this.analysed.fire({ uri, findings: [] });
  }

  /** Re-reads configuration and re-analyses every open document (settings or workspace file changed). */
  async refreshAll(): Promise<void> {
    this.configGeneration += 1;
    for (const key of [...this.documents.keys()]) this.close(vscode.Uri.parse(key));
    await Promise.all(vscode.workspace.textDocuments.map((doc) => this.open(doc)));
  }

  /**
   * Re-runs the rules of open documents (another file of the project changed on disk, or indexing finished):
   * the project rules, and the file rules, whose fixes may rest on other files (a driver imported in db.js);
   * those replay what they remember of unchanged statements, so this costs little.
   */
  reanalyseOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const tracked = this.documents.get(doc.uri.toString());
      if (!tracked || tracked.pending.length || tracked.fileTimer) continue;
      this.runPass(tracked, 'file');
      this.runPass(tracked, 'project');
    }
  }

  dispose(): void {
    for (const tracked of this.documents.values()) {
      if (tracked.fileTimer) clearTimeout(tracked.fileTimer);
      if (tracked.projectTimer) clearTimeout(tracked.projectTimer);
    }
    this.documents.clear();
    void this.analysis?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
