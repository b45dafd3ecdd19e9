import { defaultConfig, mergeConfig, type ConfigReadResult, type EngineConfig } from '../engine/config';

/** The VS Code settings that feed the engine configuration; a limit is present only when someone set it. */
export interface EngineSettings {
  rules: Record<string, unknown>;
  ignore: string[];
  maxFileSizeKb?: number;
  timeBudgetMs?: number;
}

/**
 * In Restricted Mode a workspace's `.backendguide.yaml` may lower the size and time limits, never raise
 * them: a workspace that cannot be trusted must not make the editor parse huge files for long.
 */
function restrictedLimits(file: EngineConfig, source: string): ConfigReadResult {
  const defaults = defaultConfig();
  const problems: string[] = [];
  const config = { ...file };
  if (file.maxFileSizeBytes > defaults.maxFileSizeBytes) {
    config.maxFileSizeBytes = defaults.maxFileSizeBytes;
    problems.push(`${source}: 'maxFileSizeKb' raises the limit, which a workspace in Restricted Mode cannot do; trust the workspace to use it`);
  }
  if (file.timeBudgetMs > defaults.timeBudgetMs) {
    config.timeBudgetMs = defaults.timeBudgetMs;
    problems.push(`${source}: 'timeBudgetMs' raises the limit, which a workspace in Restricted Mode cannot do; trust the workspace to use it`);
  }
  return { config, problems };
}

/**
 * The configuration of a document, by precedence: a VS Code setting someone set (user, workspace or
 * folder) wins; otherwise `.backendguide.yaml` at the folder root (in Restricted Mode its limits count only
 * when lower than the defaults); otherwise the defaults. Rule severities from settings win over the file's
 * rule by rule; ignore patterns of both apply.
 */
export function layerConfig(file: ConfigReadResult, fileSource: string, settings: EngineSettings, trusted: boolean): ConfigReadResult {
  const fromFile = trusted ? { config: file.config, problems: [] } : restrictedLimits(file.config, fileSource);
  const merged = mergeConfig(fromFile.config, settings, 'settings');
  return { config: merged.config, problems: [...file.problems, ...fromFile.problems, ...merged.problems] };
}
