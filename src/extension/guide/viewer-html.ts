import { escapeHtml } from './render-markdown';

export interface ViewerPage {
  cspSource: string;
  nonce: string;
  styleUri: string;
  scriptUri: string;
  title: string;
  chapter: string;
  /** Section to scroll to once the page has loaded; empty for the top. */
  section: string;
  body: string;
}

/**
 * The viewer's page. The Content-Security-Policy allows nothing but the extension's own stylesheet and
 * images, one script by nonce, and the diagrams' inline `<style>` (by the same nonce): no remote content.
 */
export function viewerHtml(page: ViewerPage): string {
  const csp = [
    "default-src 'none'",
    `style-src ${page.cspSource} 'nonce-${page.nonce}'`,
    `img-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
<title>${escapeHtml(page.title)}</title>
</head>
<body data-chapter="${escapeHtml(page.chapter)}" data-section="${escapeHtml(page.section)}">
<main class="guide">
${page.body}
</main>
<script nonce="${page.nonce}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>`;
}

/** Adds the page nonce to `<style>` elements of an inlined SVG so the strict policy lets them apply. */
export function inlineSvg(svg: string, nonce: string, alt: string): string {
  const body = svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<style(\s|>)/g, `<style nonce="${nonce}"$1`);
  const labelled = body.replace(/<svg\b/, `<svg role="img" aria-label="${escapeHtml(alt)}"`);
  return `<figure class="diagram">${labelled}<figcaption>${escapeHtml(alt)}</figcaption></figure>`;
}
