import vscode = require('vscode');

/** An event that fires once after a burst of triggers has been quiet for `delayMs`. */
export class CoalescedEmitter implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private pending: ReturnType<typeof setTimeout> | undefined;
  readonly event = this.emitter.event;

  constructor(private readonly delayMs: number) {}

  fireSoon(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => { this.pending = undefined; this.emitter.fire(); }, this.delayMs);
  }

  /** Fires now, dropping a pending fire. */
  fireNow(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    this.emitter.fire();
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.emitter.dispose();
  }
}
