import * as vscode from 'vscode';
import { guideChapterPath, parseGuideAnchor } from '../../engine/guide';

/**
 * Opens the guide at a section (`<chapter>#<section>`) in VS Code's Markdown preview, offline.
 * Returns the URI opened, for tests.
 */
export async function openGuide(extensionUri: vscode.Uri, anchor?: string): Promise<vscode.Uri | undefined> {
  const parsed = parseGuideAnchor(anchor ?? 'what-is-backend');
  if (!parsed) return undefined;
  const file = vscode.Uri.joinPath(extensionUri, guideChapterPath(parsed.chapter));
  const target = parsed.section ? file.with({ fragment: parsed.section }) : file;
  await vscode.commands.executeCommand('markdown.showPreview', target);
  return target;
}
