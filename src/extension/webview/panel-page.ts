import { escapeHtml } from '../guide/render-markdown';

/**
 * A page for the extension's webviews (guide viewer, attack replay, knowledge check). The Content-Security-Policy
 * allows nothing but the extension's own stylesheets and images and one script by nonce; `inlineStyles` also
 * lets `<style>` elements carrying the nonce apply (the guide's inlined SVG diagrams). No remote content.
 */
export interface PanelPage {
  cspSource: string;
  styleUris: readonly string[];
  scriptUri: string;
  title: string;
  body: string;
  /** `data-*` attributes of `<body>`, read by the page's script. */
  bodyData?: Readonly<Record<string, string>>;
  mainClass?: string;
  inlineStyles?: boolean;
}

export function pageNonce(): string {
  // Node's crypto is loaded when a page is first made, not as the extension activates
  return (require('crypto') as typeof import('crypto')).randomBytes(18).toString('base64url');
}

export function panelHtml(page: PanelPage, nonce: string = pageNonce()): string {
  const csp = [
    "default-src 'none'",
    `style-src ${page.cspSource}${page.inlineStyles ? ` 'nonce-${nonce}'` : ''}`,
    `img-src ${page.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const data = Object.entries(page.bodyData ?? {}).map(([key, value]) => ` data-${key}="${escapeHtml(value)}"`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${page.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`).join('\n')}
<title>${escapeHtml(page.title)}</title>
</head>
<body${data}>
<main class="${escapeHtml(page.mainClass ?? 'guide panel')}">
${page.body}
</main>
<script nonce="${nonce}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>`;
}
