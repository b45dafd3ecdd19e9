import path = require('path');
import vscode = require('vscode');
import { GUIDE_FOLDER, parseGuideAnchor } from '../../engine/guide';
import type { Logger } from '../logger';
import type { GuideContent } from './guide-content';
import { resolveGuideLink } from './guide-links';
import type { ProgressStore } from './progress';
import { escapeHtml, renderGuideMarkdown } from './render-markdown';
import { quizForChapter } from './quiz';
import { chapterLabel, tocEntry, type GuideIndex } from './toc';
import { pageNonce as newNonce } from '../webview/panel-page';
import { inlineSvg, viewerHtml } from './viewer-html';

export interface ViewerLocation {
  chapter: string;
  /** Slug of the heading scrolled to; empty for the top of the chapter. */
  section: string;
}

type ViewerMessage =
  | { type: 'shown'; chapter: string; section: string }
  | { type: 'seen'; chapter: string; sections: string[] }
  | { type: 'link'; href: string };

const SHOW_TIMEOUT_MS = 10000;

/**
 * The guide viewer: one webview panel showing a chapter rendered from Markdown, offline, themed by
 * VS Code's CSS variables. `show(anchor)` resolves once the page reports it scrolled to the section.
 */
export class GuideViewer implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private renderedChapter: string | undefined;
  private readonly shown = new vscode.EventEmitter<ViewerLocation>();
  /** Fires when the page has scrolled to a section (or the top) of a chapter. */
  readonly onDidShow = this.shown.event;
  /** Where the viewer is, as confirmed by the page; undefined while closed. */
  current: ViewerLocation | undefined;

  constructor(private readonly content: GuideContent, private readonly progress: ProgressStore, private readonly logger: Logger) {}

  async show(anchor: string): Promise<ViewerLocation | undefined> {
    const parsed = parseGuideAnchor(anchor);
    const index = await this.content.index();
    const entry = parsed && tocEntry(parsed.chapter);
    if (!parsed || !entry || !index.has(parsed.chapter)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The guide has no chapter for "{0}".', anchor));
      return undefined;
    }
    const section = parsed.section && index.resolves(anchor) ? parsed.section : '';
    if (parsed.section && !section) this.logger.warn(`guide anchor ${anchor}: no such section, showing the chapter`);
    const panel = this.ensurePanel();
    const arrived = this.waitForShow(parsed.chapter, section);
    if (this.renderedChapter === parsed.chapter) {
      panel.reveal(undefined, false);
      void panel.webview.postMessage({ type: 'scrollTo', section });
    } else {
      panel.title = entry.title;
      panel.webview.html = await this.pageHtml(panel.webview, parsed.chapter, section, index);
      this.renderedChapter = parsed.chapter;
      panel.reveal(undefined, false);
    }
    return arrived;
  }

  private waitForShow(chapter: string, section: string): Promise<ViewerLocation | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => { listener.dispose(); resolve(undefined); }, SHOW_TIMEOUT_MS);
      const listener = this.onDidShow((at) => {
        if (at.chapter !== chapter || at.section !== section) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(at);
      });
    });
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const roots = ['media', GUIDE_FOLDER].map((p) => this.content.uri(p));
    const panel = vscode.window.createWebviewPanel('backendGuide.guide', 'Backend Guide', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: roots,
    });
    panel.iconPath = this.content.uri('media/guide-icon.svg');
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.renderedChapter = undefined;
      this.current = undefined;
    });
    panel.webview.onDidReceiveMessage((message: ViewerMessage) => void this.receive(message));
    this.panel = panel;
    return panel;
  }

  private async receive(message: ViewerMessage): Promise<void> {
    if (message.type === 'shown') {
      this.current = { chapter: message.chapter, section: message.section };
      if (message.section) await this.progress.markRead([`${message.chapter}#${message.section}`]);
      this.shown.fire(this.current);
    } else if (message.type === 'seen') {
      await this.progress.markRead(message.sections.map((s) => `${message.chapter}#${s}`));
    } else if (message.type === 'link') {
      await this.follow(message.href);
    }
  }

  private async follow(href: string): Promise<void> {
    const target = resolveGuideLink(href, this.renderedChapter ?? '');
    if (!target) return;
    if (target.kind === 'guide') await this.show(target.anchor);
    else if (target.kind === 'external') await vscode.env.openExternal(vscode.Uri.parse(target.url));
    else if (target.command.startsWith('backendGuide.')) await vscode.commands.executeCommand(target.command, ...target.args);
  }

  private async pageHtml(webview: vscode.Webview, chapter: string, section: string, index: GuideIndex): Promise<string> {
    const markdown = (await this.content.chapterText(chapter)) ?? '';
    const pageNonce = newNonce();
    const svgs = new Map<string, string>();
    for (const match of markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+\.svg)\)/g)) {
      const file = path.posix.normalize(path.posix.join(GUIDE_FOLDER, match[1]));
      const svg = await this.content.readText(file);
      if (svg) svgs.set(match[1], svg);
    }
    const rendered = renderGuideMarkdown(markdown, {
      image: (src, alt) => {
        const svg = svgs.get(src);
        if (svg) return inlineSvg(svg, pageNonce, alt);
        if (/^[a-z]+:/i.test(src)) return `<span class="missing-image">${escapeHtml(alt)}</span>`;
        const uri = webview.asWebviewUri(this.content.uri(path.posix.normalize(path.posix.join(GUIDE_FOLDER, src))));
        return `<img src="${escapeHtml(uri.toString())}" alt="${escapeHtml(alt)}">`;
      },
    });
    const entry = tocEntry(chapter);
    return viewerHtml({
      cspSource: webview.cspSource,
      nonce: pageNonce,
      styleUri: webview.asWebviewUri(this.content.uri('media/guide-viewer.css')).toString(),
      scriptUri: webview.asWebviewUri(this.content.uri('media/guide-viewer.js')).toString(),
      title: entry?.title ?? chapter,
      chapter,
      section,
      body: `${this.breadcrumb(chapter)}${rendered.html}${this.quizCallout(chapter)}${this.chapterNav(chapter, index)}`,
    });
  }

  private breadcrumb(chapter: string): string {
    const parent = tocEntry(chapter)?.parent;
    const parentEntry = parent ? tocEntry(parent) : undefined;
    return parentEntry ? `<p class="breadcrumb">${escapeHtml(vscode.l10n.t('Part of'))} <a href="${parentEntry.chapter}.md">${escapeHtml(chapterLabel(parentEntry))}</a></p>` : '';
  }

  private quizCallout(chapter: string): string {
    const quiz = quizForChapter(chapter);
    if (!quiz) return '';
    const href = `command:backendGuide.takeQuiz?${encodeURIComponent(JSON.stringify([quiz.id]))}`;
    return `<p class="quiz-callout">${escapeHtml(vscode.l10n.t('Check what you learned in this chapter.'))} <a class="button" href="${escapeHtml(href)}">${escapeHtml(vscode.l10n.t('Take the knowledge check'))}</a></p>`;
  }

  private chapterNav(chapter: string, index: GuideIndex): string {
    const link = (step: -1 | 1): string => {
      const to = index.neighbour(chapter, step);
      if (!to) return '<span></span>';
      return `<a class="button" href="${to.chapter}.md">${step < 0 ? '← ' : ''}${escapeHtml(chapterLabel(to))}${step > 0 ? ' →' : ''}</a>`;
    };
    return `<nav class="chapter-nav">${link(-1)}${link(1)}</nav>`;
  }

  dispose(): void {
    this.panel?.dispose();
    this.shown.dispose();
  }
}
