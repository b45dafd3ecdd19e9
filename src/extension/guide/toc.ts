import tocJson from '../../../walkthroughs/guide/toc.json';
import { guideHeadings, parseGuideAnchor, type GuideHeading } from '../../engine/guide';

/** One Markdown file of the guide: a numbered chapter, or a lesson filed under a chapter (`parent`). */
export interface TocEntry {
  /** File name without `.md` under walkthroughs/guide, and the first part of a guide anchor. */
  chapter: string;
  title: string;
  number?: number;
  parent?: string;
}

export const TOC: readonly TocEntry[] = tocJson.chapters;

/** Numbered chapters in reading order. */
export function topChapters(toc: readonly TocEntry[] = TOC): TocEntry[] {
  return toc.filter((entry) => !entry.parent);
}

export function lessonsOf(chapter: string, toc: readonly TocEntry[] = TOC): TocEntry[] {
  return toc.filter((entry) => entry.parent === chapter);
}

export function tocEntry(chapter: string, toc: readonly TocEntry[] = TOC): TocEntry | undefined {
  return toc.find((entry) => entry.chapter === chapter);
}

/** "5. Security" for numbered chapters, the plain title for lessons. */
export function chapterLabel(entry: TocEntry): string {
  return entry.number ? `${entry.number}. ${entry.title}` : entry.title;
}

/** A heading that learners can open and that counts toward progress. */
export interface GuideSection {
  chapter: string;
  slug: string;
  title: string;
  level: number;
  /** `<chapter>#<slug>` */
  anchor: string;
}

/** Level-2 headings are the sections progress is counted in; level 3 is searchable but not counted. */
export const COUNTED_LEVEL = 2;

/** Reference lists at the end of a chapter are not sections to read or search. */
const NOT_SECTIONS = new Set(['sources', 'references']);

/** The chapters' headings, read once; `undefined` text means the chapter file is missing. */
export class GuideIndex {
  private readonly headings = new Map<string, GuideHeading[]>();

  constructor(texts: ReadonlyMap<string, string | undefined>, readonly toc: readonly TocEntry[] = TOC) {
    for (const [chapter, text] of texts) if (text !== undefined) this.headings.set(chapter, guideHeadings(text));
  }

  has(chapter: string): boolean {
    return this.headings.has(chapter);
  }

  /** Sections of one chapter file, levels 2 and 3 (level 1 is the chapter title). */
  sectionsOf(chapter: string, maxLevel = 3): GuideSection[] {
    return (this.headings.get(chapter) ?? [])
      .filter((h) => h.level >= 2 && h.level <= maxLevel && !NOT_SECTIONS.has(h.slug))
      .map((h) => ({ chapter, slug: h.slug, title: h.text.replace(/[`*_]/g, ''), level: h.level, anchor: `${chapter}#${h.slug}` }));
  }

  countedSections(chapter: string): GuideSection[] {
    return this.sectionsOf(chapter, COUNTED_LEVEL);
  }

  /** Every searchable section, chapters in table-of-contents order. */
  allSections(): GuideSection[] {
    return this.toc.flatMap((entry) => this.sectionsOf(entry.chapter));
  }

  /** True when the anchor names a chapter in the table of contents and, if given, one of its headings. */
  resolves(anchor: string): boolean {
    const parsed = parseGuideAnchor(anchor);
    if (!parsed || !tocEntry(parsed.chapter, this.toc) || !this.has(parsed.chapter)) return false;
    return !parsed.section || (this.headings.get(parsed.chapter) ?? []).some((h) => h.slug === parsed.section);
  }

  titleOf(anchor: string): string | undefined {
    const parsed = parseGuideAnchor(anchor);
    if (!parsed) return undefined;
    const entry = tocEntry(parsed.chapter, this.toc);
    if (!parsed.section) return entry?.title;
    return (this.headings.get(parsed.chapter) ?? []).find((h) => h.slug === parsed.section)?.text.replace(/[`*_]/g, '');
  }

  /** The numbered chapter before or after `chapter` (lessons step to their parent's neighbours). */
  neighbour(chapter: string, step: -1 | 1): TocEntry | undefined {
    const order = this.toc.filter((e) => this.has(e.chapter));
    const index = order.findIndex((e) => e.chapter === chapter);
    return index < 0 ? undefined : order[index + step];
  }
}
