import type MarkdownIt from 'markdown-it';
import { parseFenceInfo, slugify } from '../../engine/guide';

export interface RenderHooks {
  /** HTML for an image: the viewer inlines SVG diagrams so they follow the theme. */
  image(src: string, alt: string): string;
}

export interface RenderedHeading {
  level: number;
  slug: string;
  text: string;
}

export interface RenderedChapter {
  html: string;
  headings: RenderedHeading[];
}

const LABELS = {
  correct: 'Correct',
  incorrect: 'Incorrect',
} as const;

/**
 * Renders a guide chapter to HTML, offline. Raw HTML in the Markdown is escaped, never passed through.
 * Heading ids are the same GitHub slugs that `guideHeadings()` computes, so anchors agree everywhere.
 */
export function renderGuideMarkdown(markdown: string, hooks: RenderHooks): RenderedChapter {
  // Loaded on first render, not at activation: the bundle keeps it in a file of its own (esbuild.js).
  const MarkdownItClass = require('markdown-it') as typeof MarkdownIt;
  const md = new MarkdownItClass({ html: false, linkify: false, typographer: false });
  const headings: RenderedHeading[] = [];
  md.core.ruler.push('guide_heading_ids', (state) => {
    const seen = new Map<string, number>();
    state.tokens.forEach((token, i) => {
      if (token.type !== 'heading_open') return;
      const text = state.tokens[i + 1]?.content ?? '';
      const base = slugify(text);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      const slug = count ? `${base}-${count}` : base;
      token.attrSet('id', slug);
      headings.push({ level: Number(token.tag.slice(1)), slug, text });
    });
  });
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx];
    const info = parseFenceInfo(token.info);
    const code = md.utils.escapeHtml(token.content);
    const language = info.language ? ` class="language-${md.utils.escapeHtml(info.language)}"` : '';
    const block = `<pre><code${language}>${code}</code></pre>`;
    if (!info.verdict) return `${block}\n`;
    const rule = info.verdict === 'incorrect' && info.ruleId ? `: flagged by <code>${md.utils.escapeHtml(info.ruleId)}</code>` : '';
    return `<figure class="example ${info.verdict}"><figcaption>${LABELS[info.verdict]}${rule}</figcaption>${block}</figure>\n`;
  };
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx];
    const alt = token.children ? md.renderer.renderInlineAsText(token.children, md.options, {}) : token.content;
    return hooks.image(String(token.attrGet('src') ?? ''), alt);
  };
  const html = md.render(markdown);
  return { html, headings };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
