import * as vscode from 'vscode';

/** npm package names (optionally scoped); anything else is refused, so nothing but a name reaches the shell. */
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/**
 * Offered with findings that need a missing dependency (`npm install helmet`): asks first, in a modal
 * dialog, then runs `npm install <package>` in a new terminal opened in the package's folder.
 * Returns whether the install was started.
 */
export async function installPackage(packageName?: unknown, packageDir?: unknown): Promise<boolean> {
  if (typeof packageName !== 'string' || !PACKAGE_NAME.test(packageName) || typeof packageDir !== 'string' || !packageDir) return false;
  const install = vscode.l10n.t('Install');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Run "npm install {0}" in {1}?', packageName, vscode.workspace.asRelativePath(packageDir) || packageDir),
    { modal: true, detail: vscode.l10n.t('npm downloads {0} from the npm registry and adds it to the dependencies in package.json.', packageName) },
    install,
  );
  if (answer !== install) return false;
  const terminal = vscode.window.createTerminal({ name: `npm install ${packageName}`, cwd: packageDir });
  terminal.show();
  terminal.sendText(`npm install ${packageName}`);
  return true;
}
