import vscode = require('vscode');
import { defaultConfig, readConfigText, CONFIG_FILE_NAME, type ConfigReadResult } from '../engine/config';
import { readProjectFile, type FileText } from '../files/project-files';
import { layerConfig, type EngineSettings } from './config-layers';

export const SETTINGS_SECTION = 'backendGuide';

/**
 * Typed view of the `backendGuide.*` settings of the editor itself; those that also feed the engine
 * configuration are read by `engineSettings`. Together they mirror `contributes.configuration` in package.json.
 */
export interface ExtensionSettings {
  enable: boolean;
  debounceMs: number;
  keystrokeBudgetMs: number;
}

export function readSettings(scope?: vscode.ConfigurationScope): ExtensionSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    enable: c.get<boolean>('enable', true),
    debounceMs: c.get<number>('debounceMs', 200),
    keystrokeBudgetMs: c.get<number>('keystrokeBudgetMs', 5),
  };
}

/** A setting's value when the user or the workspace set it; `undefined` when only its default applies. */
function explicitValue<T>(c: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const i = c.inspect<T>(key);
  return i?.workspaceFolderLanguageValue ?? i?.workspaceLanguageValue ?? i?.globalLanguageValue ?? i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
}

/** The settings that feed the engine configuration; limits only when set, so `.backendguide.yaml` can set them otherwise. */
function engineSettings(scope: vscode.ConfigurationScope): EngineSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    rules: c.get<Record<string, unknown>>('rules', {}),
    ignore: c.get<string[]>('ignore', []),
    maxFileSizeKb: explicitValue<number>(c, 'maxFileSizeKb'),
    timeBudgetMs: explicitValue<number>(c, 'timeBudgetMs'),
  };
}

export type ResolvedConfig = ConfigReadResult;

/**
 * The text of a folder's configuration file: `undefined` when there is none, an error when it is refused
 * (not a regular file, or a link out of the folder, which is not followed).
 */
async function configFileText(file: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<FileText | undefined> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(file);
  } catch {
    return undefined;
  }
  if (file.scheme === 'file') return readProjectFile(file.fsPath, folder.uri.fsPath);
  if (stat.type !== vscode.FileType.File) return { error: 'is not a regular file (or is a link); not read' };
  try {
    return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(file)) };
  } catch (error) {
    return { error: `cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** The folder's `.backendguide.yaml` read over the defaults; no file is no problem, one that is not read is one. */
async function readFolderConfigFile(folder: vscode.WorkspaceFolder): Promise<{ read: ConfigReadResult; source: string }> {
  const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  const source = file.scheme === 'file' ? file.fsPath : file.toString();
  const text = await configFileText(file, folder);
  if (!text) return { read: { config: defaultConfig(), problems: [] }, source };
  if ('error' in text) return { read: { config: defaultConfig(), problems: [`${source} ${text.error}; the defaults apply`] }, source };
  return { read: readConfigText(text.text, source), source };
}

/**
 * The engine configuration for a document: see `layerConfig` for the precedence of VS Code settings over
 * `.backendguide.yaml` at the workspace folder root.
 */
export async function resolveConfig(uri: vscode.Uri): Promise<ResolvedConfig> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const file = folder ? await readFolderConfigFile(folder) : { read: { config: defaultConfig(), problems: [] }, source: CONFIG_FILE_NAME };
  return layerConfig(file.read, file.source, engineSettings(uri), vscode.workspace.isTrusted);
}
