import vscode = require('vscode');
import { expandSnippet } from '../../engine/snippet-expand';

/** Shorter insertions are typing or pasting a word, never one of our snippets; they are not compared. */
const MIN_SNIPPET_LENGTH = 16;

interface SnippetFileEntry {
  prefix?: string | string[];
  body?: string | string[];
  /** The JavaScript/TypeScript snippets (`snippets/node/variants.json`): one body per module system. */
  forms?: Record<string, string | string[]>;
}

/** The snippets the completion provider offers in the file's module system, besides the manifest's files. */
const NODE_VARIANTS = 'snippets/node/variants.json';

/** Text without whitespace: the editor re-indents an inserted snippet and may turn its tabs into spaces. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

/**
 * Notices when one of the extension's `bg-` snippets is inserted (VS Code has no event for it): an edit
 * whose inserted text is a snippet's text with its defaults, whitespace aside. The snippet files are read
 * on the first edit long enough to be one.
 */
export class SnippetInsertions implements vscode.Disposable {
  private readonly inserted = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.inserted];
  private known: Promise<ReadonlySet<string>> | undefined;
  /** Fires with the document a snippet was inserted into. */
  readonly onDidInsert = this.inserted.event;

  constructor(private readonly extension: vscode.Extension<unknown>) {
    this.disposables.push(vscode.workspace.onDidChangeTextDocument((e) => {
      // Output channels and other generated documents change too; only what the learner edits counts.
      if (e.document.uri.scheme !== 'file' && e.document.uri.scheme !== 'untitled') return;
      const candidates = e.contentChanges.filter((c) => c.text.length >= MIN_SNIPPET_LENGTH);
      if (candidates.length) void this.check(e.document.uri, candidates.map((c) => squeezed(c.text)));
    }));
  }

  private async check(uri: vscode.Uri, texts: string[]): Promise<void> {
    const known = await (this.known ??= this.readSnippets());
    if (texts.some((t) => known.has(t))) this.inserted.fire(uri);
  }

  /** The squeezed text of every `bg-` snippet: the manifest's snippet files and every form of the JS/TS ones. */
  private async readSnippets(): Promise<ReadonlySet<string>> {
    const files: { path: string }[] = this.extension.packageJSON.contributes?.snippets ?? [];
    const texts = new Set<string>();
    for (const file of new Set([...files.map((f) => f.path), NODE_VARIANTS])) {
      try {
        const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extension.extensionUri, file))));
        for (const entry of Object.values(json) as SnippetFileEntry[]) {
          if (![entry.prefix ?? []].flat().some((p) => p.startsWith('bg-'))) continue;
          for (const body of [entry.body, ...Object.values(entry.forms ?? {})]) {
            const text = body ? squeezed(expandSnippet(body, { applyTransforms: false })) : '';
            if (text.length >= MIN_SNIPPET_LENGTH) texts.add(text);
          }
        }
      } catch {
        // an unreadable snippet file: its snippets are not noticed
      }
    }
    return texts;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
