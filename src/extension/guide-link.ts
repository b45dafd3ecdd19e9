import vscode = require('vscode');
import { COMMANDS } from './commands/ids';

/**
 * The link behind a finding's code: a command URI that opens the guide at the rule's section, inside the
 * editor and offline. The hover and the Problems view open diagnostic code targets with commands allowed.
 */
export function guideCommandUri(anchor: string): vscode.Uri {
  return vscode.Uri.parse(`command:${COMMANDS.openGuide}?${encodeURIComponent(JSON.stringify([anchor]))}`);
}
