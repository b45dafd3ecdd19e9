import vscode = require('vscode');
import type { ProgressStore } from './progress';
import { chapterLabel, type GuideIndex, type TocEntry } from './toc';

interface SectionItem extends vscode.QuickPickItem {
  anchor?: string;
}

function chapterItems(entry: TocEntry, index: GuideIndex, progress: ProgressStore): SectionItem[] {
  const items: SectionItem[] = [{ label: chapterLabel(entry), kind: vscode.QuickPickItemKind.Separator }];
  items.push({ label: `$(book) ${entry.title}`, description: vscode.l10n.t('start of chapter'), anchor: entry.chapter });
  for (const section of index.sectionsOf(entry.chapter)) {
    const read = progress.isRead(section.anchor);
    items.push({
      label: `${section.level === 3 ? '\u2003' : ''}$(${read ? 'pass-filled' : 'circle-large-outline'}) ${section.title}`,
      description: entry.title,
      anchor: section.anchor,
    });
  }
  return items;
}

/** A searchable pick of every chapter and section; resolves to the chosen anchor. */
export async function pickGuideSection(index: GuideIndex, progress: ProgressStore): Promise<string | undefined> {
  const items = index.toc.filter((entry) => index.has(entry.chapter)).flatMap((entry) => chapterItems(entry, index, progress));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Backend Guide'),
    placeHolder: vscode.l10n.t('Search the guide: type a topic such as "joins", "CORS" or "sessions"'),
    matchOnDescription: true,
  });
  return picked?.anchor;
}
