import * as vscode from 'vscode';
import { defaultConfig, mergeConfig, readConfigText, CONFIG_FILE_NAME, type EngineConfig } from '../engine/config';

export const SETTINGS_SECTION = 'backendGuide';

/** Typed view of the `backendGuide.*` settings; mirrors `contributes.configuration` in package.json. */
export interface ExtensionSettings {
  enable: boolean;
  debounceMs: number;
  keystrokeBudgetMs: number;
  maxFileSizeKb: number;
  timeBudgetMs: number;
  ignore: string[];
  rules: Record<string, unknown>;
}

export function readSettings(scope?: vscode.ConfigurationScope): ExtensionSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    enable: c.get<boolean>('enable', true),
    debounceMs: c.get<number>('debounceMs', 200),
    keystrokeBudgetMs: c.get<number>('keystrokeBudgetMs', 5),
    maxFileSizeKb: c.get<number>('maxFileSizeKb', 1024),
    timeBudgetMs: c.get<number>('timeBudgetMs', 2000),
    ignore: c.get<string[]>('ignore', []),
    rules: c.get<Record<string, unknown>>('rules', {}),
  };
}

export interface ResolvedConfig {
  config: EngineConfig;
  problems: string[];
}

/**
 * The engine configuration for a document: `.backendguide.yaml` at the workspace folder root, then the
 * VS Code settings over it (settings win, as they are the user's most local choice).
 */
export async function resolveConfig(uri: vscode.Uri): Promise<ResolvedConfig> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const settings = readSettings(uri);
  let base = defaultConfig();
  const problems: string[] = [];
  if (folder) {
    const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
    try {
      const bytes = await vscode.workspace.fs.readFile(file);
      const read = readConfigText(new TextDecoder().decode(bytes), file.fsPath);
      base = read.config;
      problems.push(...read.problems);
    } catch {
      // no workspace file: settings alone
    }
  }
  const merged = mergeConfig(base, { rules: settings.rules, ignore: settings.ignore, maxFileSizeKb: settings.maxFileSizeKb, timeBudgetMs: settings.timeBudgetMs }, 'settings');
  return { config: merged.config, problems: [...problems, ...merged.problems] };
}
