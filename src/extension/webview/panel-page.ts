import { randomBytes } from 'crypto';
import { escapeHtml } from '../guide/render-markdown';

/** A page for the extension's own panels (attack replay, knowledge check): no remote content, one script by nonce. */
export interface PanelPage {
  cspSource: string;
  styleUris: readonly string[];
  scriptUri: string;
  title: string;
  body: string;
}

export function pageNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function panelHtml(page: PanelPage, nonce: string = pageNonce()): string {
  const csp = ["default-src 'none'", `style-src ${page.cspSource}`, `img-src ${page.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${page.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`).join('\n')}
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<main class="guide panel">
${page.body}
</main>
<script nonce="${nonce}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>`;
}
