import vscode = require('vscode');
import { expandSnippet, snippetBodyText } from '../../engine/snippet-expand';
import { COMMANDS } from '../commands/ids';
import { guideCommandUri } from '../guide-link';
import type { Logger } from '../logger';
import { NODE_SNIPPET_LANGUAGES, packageTypeOf, snippetFormFor, type NodeSnippet, type PackageType, type SnippetFormId } from './snippet-forms';

const VARIANTS_PATH = ['snippets', 'node', 'variants.json'];
const FORM_LABELS: Readonly<Record<SnippetFormId, string>> = { typescript: 'TypeScript', esm: 'ES module', commonjs: 'CommonJS' };
/** The text before the cursor that a bg- prefix is being typed into (hyphens are not word characters in JS). */
const TYPED_PREFIX = /[\w-]*$/;
/** `Guide: <chapter>#<section>` at the end of a description, as every snippet has. */
const GUIDE_REFERENCE = /\s*Guide: ([a-z0-9][a-z0-9-]*#[a-z0-9][a-z0-9-]*)\.?$/;

/**
 * Offers the bg- JavaScript/TypeScript snippets in the form that fits the file: TypeScript, ES module or
 * CommonJS (see snippetFormFor). Replaces a static `contributes.snippets` file, which could offer only one form.
 */
export class NodeSnippetCompletions implements vscode.CompletionItemProvider {
  private snippets: Promise<NodeSnippet[]> | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly logger: Logger) {}

  static register(context: vscode.ExtensionContext, logger: Logger): vscode.Disposable {
    const provider = new NodeSnippetCompletions(context.extensionUri, logger);
    return vscode.languages.registerCompletionItemProvider(NODE_SNIPPET_LANGUAGES.map((language) => ({ language })), provider);
  }

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const typed = TYPED_PREFIX.exec(document.lineAt(position.line).text.slice(0, position.character))?.[0] ?? '';
    if (!'bg-'.startsWith(typed.slice(0, 3))) return undefined;
    const form = snippetFormFor({ languageId: document.languageId, fileName: document.fileName, text: document.getText() }, await this.packageTypeFor(document.uri));
    if (!form) return undefined;
    const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
    const items: vscode.CompletionItem[] = [];
    for (const snippet of await this.load()) {
      const body = snippet.forms[form];
      if (!body) continue;
      for (const prefix of [snippet.prefix].flat()) items.push(completionItem(prefix, snippet, body, form, range));
    }
    return items;
  }

  private load(): Promise<NodeSnippet[]> {
    this.snippets ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...VARIANTS_PATH))).then(
      (bytes) => Object.values(JSON.parse(new TextDecoder().decode(bytes)) as Record<string, NodeSnippet>),
      (error: unknown) => {
        this.logger.error('cannot read the JavaScript/TypeScript snippets', error);
        return [];
      },
    );
    return this.snippets;
  }

  /** The `type` of the nearest package.json above the file, as Node reads it; undefined when there is none. */
  private async packageTypeFor(uri: vscode.Uri): Promise<PackageType | undefined> {
    if (uri.scheme === 'untitled') return undefined;
    let dir = vscode.Uri.joinPath(uri, '..');
    for (let depth = 0; depth < 32; depth++) {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, 'package.json'));
        return packageTypeOf(new TextDecoder().decode(bytes));
      } catch {
        const parent = vscode.Uri.joinPath(dir, '..');
        if (parent.path === dir.path) return undefined;
        dir = parent;
      }
    }
    return undefined;
  }
}

function completionItem(prefix: string, snippet: NodeSnippet, body: string[], form: SnippetFormId, range: vscode.Range): vscode.CompletionItem {
  const text = snippetBodyText(body);
  const item = new vscode.CompletionItem({ label: prefix, description: FORM_LABELS[form] }, vscode.CompletionItemKind.Snippet);
  item.insertText = new vscode.SnippetString(text);
  item.range = range;
  item.detail = `Backend Guide snippet (${FORM_LABELS[form]})`;
  const anchor = GUIDE_REFERENCE.exec(snippet.description)?.[1];
  const documentation = new vscode.MarkdownString().appendText(snippet.description.replace(GUIDE_REFERENCE, ''));
  if (snippet.uses) documentation.appendMarkdown(` Uses ${snippet.uses.map((name) => `\`${name}\``).join(', ')} from your code.`);
  // The lesson behind the snippet opens in the guide viewer, offline; only that command may run from here.
  if (anchor) {
    documentation.isTrusted = { enabledCommands: [COMMANDS.openGuide] };
    documentation.appendMarkdown(` [Guide](${guideCommandUri(anchor).toString()})`);
  }
  item.documentation = documentation.appendCodeblock(expandSnippet(text), form === 'typescript' ? 'typescript' : 'javascript');
  return item;
}
