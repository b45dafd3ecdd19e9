import vscode = require('vscode');
import type { ReplayReport } from '../../engine/replay/replay';
import { panelHtml } from '../webview/panel-page';
import { replayBody, type ReplayView } from './replay-html';

type PanelMessage = { type: 'shown'; view: ReplayView } | { type: 'link'; href: string };

/**
 * The panel that shows an attack replay. `show` resolves once the page has drawn the report, and `switchTo`
 * once it shows the asked view, so callers (and tests) wait for the page, not for time.
 */
export class ReplayPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly shown = new vscode.EventEmitter<ReplayView>();
  /** Fires when the page shows a view: after each report is drawn, and after each switch. */
  readonly onDidShow = this.shown.event;
  /** The report on screen. */
  report: ReplayReport | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly openGuide: (anchor: string) => Thenable<unknown>) {}

  async show(report: ReplayReport, where: string): Promise<void> {
    const panel = this.ensurePanel();
    const drawn = this.next('vulnerable');
    this.report = report;
    const media = (file: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    panel.webview.html = panelHtml({
      cspSource: panel.webview.cspSource,
      styleUris: [media('guide-viewer.css'), media('panel.css')],
      scriptUri: media('replay.js'),
      title: 'SQL injection replay',
      body: replayBody(report, where),
    });
    panel.reveal(undefined, false);
    await drawn;
  }

  /** Shows the query as written or with the fix. */
  async switchTo(view: ReplayView): Promise<void> {
    const shown = this.next(view);
    await this.panel?.webview.postMessage({ type: 'show', view });
    await shown;
  }

  private next(view: ReplayView): Promise<void> {
    return new Promise((resolve) => {
      const listener = this.onDidShow((at) => { if (at === view) { listener.dispose(); resolve(); } });
    });
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const panel = vscode.window.createWebviewPanel('backendGuide.replay', vscode.l10n.t('SQL injection replay'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    panel.onDidDispose(() => { this.panel = undefined; this.report = undefined; });
    panel.webview.onDidReceiveMessage((message: PanelMessage) => {
      if (message.type === 'shown') this.shown.fire(message.view);
      else if (message.type === 'link') void this.follow(message.href);
    });
    this.panel = panel;
    return panel;
  }

  private async follow(href: string): Promise<void> {
    const match = /^command:backendGuide\.openGuide\?(.*)$/.exec(href);
    if (!match) return;
    const [anchor] = JSON.parse(decodeURIComponent(match[1])) as string[];
    if (typeof anchor === 'string') await this.openGuide(anchor);
  }

  dispose(): void {
    this.panel?.dispose();
    this.shown.dispose();
  }
}
