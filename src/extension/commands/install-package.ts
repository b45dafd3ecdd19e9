import vscode = require('vscode');

/** npm package names (optionally scoped); anything else is refused, so nothing but a name reaches the shell. */
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/**
 * In Restricted Mode the install is not run, and the dialog says why: npm reads the folder's `.npmrc`
 * (which can point it at another registry) and runs the install scripts of what it installs.
 */
async function explainRestricted(packageName: string): Promise<void> {
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('"npm install {0}" is not run in Restricted Mode.', packageName),
    {
      modal: true,
      detail: vscode.l10n.t("npm would read this folder's .npmrc, which can send it to another registry, and would run the install scripts of the packages it installs. Trust the workspace if you know where it comes from, or run npm install yourself once you have checked it."),
    },
    manage,
  );
  if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
}

/**
 * Offered with findings that need a missing dependency (`npm install helmet`): asks first, in a modal
 * dialog, then runs `npm install <package>` in a new terminal opened in the package's folder; in a
 * workspace that is not trusted it explains why it does not. Returns whether the install was started.
 */
export async function installPackage(packageName?: unknown, packageDir?: unknown): Promise<boolean> {
  if (typeof packageName !== 'string' || !PACKAGE_NAME.test(packageName) || typeof packageDir !== 'string' || !packageDir) return false;
  if (!vscode.workspace.isTrusted) {
    await explainRestricted(packageName);
    return false;
  }
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
