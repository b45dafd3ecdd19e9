import vscode = require('vscode');

/** The "Backend Guide" output channel: skipped files, rule failures and configuration problems. */
export class Logger implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;

  constructor() {
    this.channel = vscode.window.createOutputChannel('Backend Guide', { log: true });
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string, error?: unknown): void {
    this.channel.error(error === undefined ? message : `${message}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
