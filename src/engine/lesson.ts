import { guideHeadings, parseFenceInfo, parseGuideAnchor } from './guide';
import type { RuleMeta } from './types';

/**
 * A rule's lesson for readers outside the editor (the terminal, SARIF viewers such as GitHub code scanning):
 * the guide section its anchor names, the chapter's sources, and the rule's references. Links that resolve
 * only inside the guide (other chapters, anchors, pictures) are reduced to their text; web links stay.
 */
export function ruleLesson(meta: RuleMeta, chapterMarkdown: string): string {
  const anchor = parseGuideAnchor(meta.guideAnchor);
  const section = anchor && sectionText(chapterMarkdown, anchor.section);
  const sources = sectionText(chapterMarkdown, 'sources');
  const parts = [section ?? chapterMarkdown.trim()];
  if (sources && !parts[0].includes(sources)) parts.push(sources);
  parts.push(`References for \`${meta.id}\`: ${meta.references.map((r) => `[${r.id}](${r.url})`).join(', ')}.`);
  return labelExamples(withoutGuideLinks(parts.join('\n\n')));
}

/**
 * The lines of a chapter from the heading whose slug is `slug` up to the next heading of the same or a
 * higher level (the whole chapter for its title), trimmed; `undefined` when no heading has that slug.
 */
export function sectionText(markdown: string, slug: string): string | undefined {
  const headings = guideHeadings(markdown);
  const index = headings.findIndex((h) => h.slug === slug);
  if (index < 0) return undefined;
  const start = headings[index];
  const end = headings.slice(index + 1).find((h) => h.level <= start.level);
  return markdown.split('\n').slice(start.line, end?.line).join('\n').trim();
}

/** Pictures become their alt text and links to anything but the web become their label. */
export function withoutGuideLinks(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, alt: string, target: string) => (isWebLink(target) ? whole : `(Picture: ${alt})`))
    .replace(/(?<!!)\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, target: string) => (isWebLink(target) ? whole : label));
}

/** An example fence's verdict (`js incorrect sql-concatenation`) becomes a caption readers see, and the fence keeps its language. */
function labelExamples(markdown: string): string {
  return markdown.replace(/^([ \t]*)```(\S.*)$/gm, (whole, indent: string, info: string) => {
    const { language, verdict, ruleId } = parseFenceInfo(info);
    if (!verdict) return whole;
    const caption = verdict === 'correct' ? 'Correct:' : `Incorrect${ruleId ? ` (flagged by \`${ruleId}\`)` : ''}:`;
    return `${indent}${caption}\n\n${indent}\`\`\`${language}`;
  });
}

function isWebLink(target: string): boolean {
  return /^https?:\/\//.test(target);
}

/** Markdown as plain text for terminals and SARIF `help.text`: a link reads as `label (url)`. */
export function lessonAsText(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)');
}
