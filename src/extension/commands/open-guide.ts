import type { GuideContent } from '../guide/guide-content';
import type { ProgressStore } from '../guide/progress';
import { pickGuideSection } from '../guide/section-pick';
import type { GuideViewer, ViewerLocation } from '../guide/viewer';

/**
 * `backendGuide.openGuide(anchor?)`: opens the guide viewer at `<chapter>#<section>`; with no anchor,
 * a searchable pick of every chapter and section first. Resolves to where the viewer arrived, for tests.
 */
export async function openGuide(viewer: GuideViewer, content: GuideContent, progress: ProgressStore, anchor?: string): Promise<ViewerLocation | undefined> {
  const target = typeof anchor === 'string' && anchor ? anchor : await pickGuideSection(await content.index(), progress);
  return target ? viewer.show(target) : undefined;
}
