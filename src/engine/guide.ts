/**
 * Guide anchors name a section of a guide chapter: `<chapter>#<section>`, where the chapter is the file
 * `walkthroughs/guide/<chapter>.md` and the section is the GitHub-style slug of one of its headings.
 */
export const GUIDE_FOLDER = 'walkthroughs/guide';

export interface GuideAnchor {
  chapter: string;
  section: string;
}

export function parseGuideAnchor(anchor: string): GuideAnchor | undefined {
  const match = /^([a-z0-9][a-z0-9-]*)(?:#([a-z0-9][a-z0-9-]*))?$/.exec(anchor);
  return match ? { chapter: match[1], section: match[2] ?? '' } : undefined;
}

/** GitHub-style heading slug: lower case, punctuation dropped, spaces to hyphens. */
export function slugify(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[`*_~]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

export function guideChapterPath(chapter: string): string {
  return `${GUIDE_FOLDER}/${chapter}.md`;
}

export interface GuideHeading {
  level: number;
  text: string;
  slug: string;
  line: number;
}

/** Headings of a Markdown chapter with their slugs (duplicates get `-1`, `-2`, as on GitHub); code fences skipped. */
export function guideHeadings(markdown: string): GuideHeading[] {
  const headings: GuideHeading[] = [];
  const seen = new Map<string, number>();
  let inFence = false;
  markdown.split('\n').forEach((raw, line) => {
    if (/^\s*(```|~~~)/.test(raw)) inFence = !inFence;
    if (inFence) return;
    const match = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(raw);
    if (!match) return;
    const base = slugify(match[2]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    headings.push({ level: match[1].length, text: match[2], slug: count ? `${base}-${count}` : base, line });
  });
  return headings;
}

/** What an example fence's info string says: `js incorrect sql-concatenation`, `ts correct`, or plain `js`. */
export interface ExampleInfo {
  language: string;
  verdict?: 'correct' | 'incorrect';
  ruleId?: string;
}

export function parseFenceInfo(info: string): ExampleInfo {
  const [language = '', verdict, ruleId] = info.trim().split(/\s+/);
  if (verdict === 'correct' || verdict === 'incorrect') return { language, verdict, ruleId };
  return { language };
}

