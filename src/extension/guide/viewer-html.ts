import { panelHtml } from '../webview/panel-page';
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

/** The viewer's page: the shared webview page with the chapter to scroll to, and inline diagram styles allowed by nonce. */
export function viewerHtml(page: ViewerPage): string {
  return panelHtml({
    cspSource: page.cspSource,
    styleUris: [page.styleUri],
    scriptUri: page.scriptUri,
    title: page.title,
    body: page.body,
    bodyData: { chapter: page.chapter, section: page.section },
    mainClass: 'guide',
    inlineStyles: true,
  }, page.nonce);
}

/** Adds the page nonce to `<style>` elements of an inlined SVG so the strict policy lets them apply. */
export function inlineSvg(svg: string, nonce: string, alt: string): string {
  const body = svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<style(\s|>)/g, `<style nonce="${nonce}"$1`);
  const labelled = body.replace(/<svg\b/, `<svg role="img" aria-label="${escapeHtml(alt)}"`);
  return `<figure class="diagram">${labelled}<figcaption>${escapeHtml(alt)}</figcaption></figure>`;
}
