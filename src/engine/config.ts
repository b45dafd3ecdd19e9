import type { SeverityOrOff } from './types';

/**
 * Settings shared by the extension (VS Code settings) and the CLI (`.backendguide.yaml`).
 * Rule-specific sections (`sql`, `auth`, ...) are read by the rules through their own typed accessors.
 */
export interface EngineConfig {
  /** Per-rule severity overrides; `off` disables a rule. */
  rules: Record<string, SeverityOrOff>;
  /** Glob patterns (relative to the workspace root) of files never analysed. */
  ignore: string[];
  /** Files larger than this many bytes are skipped with a reason. */
  maxFileSizeBytes: number;
  /** Parsing plus rules of one file may take at most this long before the file is skipped. */
  timeBudgetMs: number;
  /** Rule-specific options, keyed by section name (for example `sql`, `auth`, `helmet`). */
  options: Record<string, unknown>;
}

export const CONFIG_FILE_NAME = '.backendguide.yaml';

export function defaultConfig(): EngineConfig {
  return { rules: {}, ignore: [], maxFileSizeBytes: 1024 * 1024, timeBudgetMs: 2000, options: {} };
}

const SEVERITIES: readonly string[] = ['off', 'hint', 'info', 'warning', 'error'];

export function isSeverityOrOff(value: unknown): value is SeverityOrOff {
  return typeof value === 'string' && SEVERITIES.includes(value);
}

export interface ConfigReadResult {
  config: EngineConfig;
  /** Problems found in the file; the offending entries are ignored. */
  problems: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The most entries one list of the configuration may hold (`ignore`, `auth.publicRoutes`, ...), and the
 * longest pattern: every file path or route is matched against every pattern, so a file from an untrusted
 * workspace must not be able to make that cost without end. Real configurations stay far below both.
 */
export const MAX_LIST_ENTRIES = 1000;
export const MAX_PATTERN_LENGTH = 500;

/** The list within the caps, each entry cut or dropped said once in `problems`. */
function boundedList(list: readonly unknown[], what: string, source: string, problems: string[]): unknown[] {
  const kept: unknown[] = [];
  let tooLong = 0;
  for (const entry of list.slice(0, MAX_LIST_ENTRIES)) {
    if (typeof entry === 'string' && entry.length > MAX_PATTERN_LENGTH) tooLong++;
    else kept.push(entry);
  }
  if (list.length > MAX_LIST_ENTRIES) problems.push(`${source}: '${what}' has ${list.length} entries; only the first ${MAX_LIST_ENTRIES} are used`);
  if (tooLong) problems.push(`${source}: '${what}' has ${tooLong} ${tooLong === 1 ? 'entry' : 'entries'} longer than ${MAX_PATTERN_LENGTH} characters, not used`);
  return kept;
}

/** An options section with its lists bounded. */
function boundedSection(section: Record<string, unknown>, name: string, source: string, problems: string[]): Record<string, unknown> {
  const bounded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(section)) bounded[key] = Array.isArray(value) ? boundedList(value, `${name}.${key}`, source, problems) : value;
  return bounded;
}

/** Merges a plain object (from YAML or VS Code settings) over `base`, collecting problems instead of throwing. */
export function mergeConfig(base: EngineConfig, raw: unknown, source: string): ConfigReadResult {
  try {
    return mergeRawConfig(base, raw, source);
  } catch (error) {
    return { config: base, problems: [`${source}: not used (${error instanceof Error ? error.message : String(error)})`] };
  }
}

function mergeRawConfig(base: EngineConfig, raw: unknown, source: string): ConfigReadResult {
  const config: EngineConfig = { ...base, rules: { ...base.rules }, ignore: [...base.ignore], options: { ...base.options } };
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { config, problems };
  if (!isRecord(raw)) return { config, problems: [`${source}: expected a mapping at the top level`] };
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue; // a setting nobody set
    if (key === 'rules') {
      if (!isRecord(value)) { problems.push(`${source}: 'rules' must map rule ids to a severity`); continue; }
      for (const [ruleId, severity] of Object.entries(value)) {
        if (isSeverityOrOff(severity)) config.rules[ruleId] = severity;
        else problems.push(`${source}: rule '${ruleId}' has severity ${JSON.stringify(severity)}; use one of ${SEVERITIES.join(', ')}`);
      }
    } else if (key === 'ignore') {
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) config.ignore = config.ignore.concat(boundedList(value, 'ignore', source, problems) as string[]);
      else problems.push(`${source}: 'ignore' must be a list of glob patterns`);
    } else if (key === 'maxFileSizeKb') {
      if (typeof value === 'number' && value > 0) config.maxFileSizeBytes = value * 1024;
      else problems.push(`${source}: 'maxFileSizeKb' must be a positive number`);
    } else if (key === 'timeBudgetMs') {
      if (typeof value === 'number' && value > 0) config.timeBudgetMs = value;
      else problems.push(`${source}: 'timeBudgetMs' must be a positive number`);
    } else if (isRecord(value)) {
      config.options[key] = { ...(isRecord(config.options[key]) ? config.options[key] as object : {}), ...boundedSection(value, key, source, problems) };
    } else {
      problems.push(`${source}: unknown key '${key}'`);
    }
  }
  return { config, problems };
}

/**
 * Where a YAML error is, without the file's text: the parser quotes the lines around it, and a
 * configuration linked to another file must not bring that file's lines to a CI log.
 */
function yamlErrorPlace(error: unknown): string {
  const { code, linePos } = error as { code?: unknown; linePos?: { line: number; col: number }[] };
  const place = linePos?.[0] ? ` at line ${linePos[0].line}, column ${linePos[0].col}` : '';
  return `${place}${typeof code === 'string' ? ` (${code})` : ''}`;
}

/** Reads `.backendguide.yaml` text over the defaults; never throws. */
export function readConfigText(text: string, source = CONFIG_FILE_NAME, base: EngineConfig = defaultConfig()): ConfigReadResult {
  let raw: unknown;
  try {
    // Loaded on first use, not at start-up: most workspaces have no config file.
    const { parse } = require('yaml') as typeof import('yaml');
    raw = parse(text, { logLevel: 'error' });
  } catch (error) {
    return { config: base, problems: [`${source}: not valid YAML${yamlErrorPlace(error)}`] };
  }
  return mergeConfig(base, raw, source);
}

/** A rule's options section, or an empty object. */
export function optionsSection(config: EngineConfig, section: string): Record<string, unknown> {
  const value = config.options[section];
  return isRecord(value) ? value : {};
}

export function stringList(section: Record<string, unknown>, key: string): string[] {
  const value = section[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
