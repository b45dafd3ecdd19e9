import vscode = require('vscode');
import { guideChapterPath } from '../../engine/guide';
import { GuideIndex, TOC } from './toc';

/** Reads the guide's Markdown and media from the installed extension (offline), caching what it read. */
export class GuideContent {
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private indexPromise: Promise<GuideIndex> | undefined;

  constructor(readonly extensionUri: vscode.Uri) {}

  uri(relativePath: string): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, ...relativePath.split('/'));
  }

  async readText(relativePath: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri(relativePath)));
    } catch {
      return undefined;
    }
  }

  chapterText(chapter: string): Promise<string | undefined> {
    let text = this.texts.get(chapter);
    if (!text) {
      text = this.readText(guideChapterPath(chapter));
      this.texts.set(chapter, text);
    }
    return text;
  }

  /** Headings of every chapter in the table of contents (missing files are left out). */
  index(): Promise<GuideIndex> {
    this.indexPromise ??= Promise.all(TOC.map(async (e) => [e.chapter, await this.chapterText(e.chapter)] as const))
      .then((entries) => new GuideIndex(new Map(entries)));
    return this.indexPromise;
  }
}
