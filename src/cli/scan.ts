import fs = require('fs');
import path = require('path');
import type { Tree } from '@vscode/tree-sitter-wasm';
import { analyze, type AnalysisResult } from '../engine/analyze';
import type { EngineConfig } from '../engine/config';
import { readRegularFile } from '../files/project-files';
import { languageOfFileName } from '../engine/languages';
import { sqlConcatenation } from '../engine/rules/sql-concatenation';
import { sqlExemptionOf } from '../engine/rules/sql/exempt-files';
import { sqlOptions } from '../engine/rules/sql/options';
import type { Grammars } from '../engine/parser';
import type { ProjectFacts } from '../engine/project';
import type { Finding, LanguageId, Position } from '../engine/types';
import { relativePath } from './relative-path';

export interface FileReport {
  /** Absolute path. */
  file: string;
  /** Path relative to the scan root, with `/` separators. */
  relative: string;
  findings: Finding[];
  skipped?: string;
  notes: string[];
  /** Why sql-concatenation left this file out (`test`, `migration`, `script`, `asset`), when it did. */
  sqlExempt?: string;
  /** The first syntax error (0-based), when the file was analysed only partly: the rules ran on the rest of it. */
  syntaxError?: Position;
  /** Rules the file's time budget ran out in: their findings so far are kept, others may be missing. */
  timedOut?: string[];
  /** Rules that failed on the file: their findings are missing. */
  failed?: string[];
  /** Rules that left code nested deeper than they follow unchecked: findings there may be missing. */
  limited?: string[];
  /**
   * Other files whose deferred facts the analysis read again from their text (see `deferred-calls.ts`), with
   * the text hash their facts had: the report holds only while they still have it (see `ScanCache.report`).
   */
  textsRead?: Array<[string, string]>;
}

export interface ScanOptions {
  /** The project root: test folders, `@/` imports and paths in messages are read from it, whatever the current folder. */
  root: string;
  /** The folder report paths are shown relative to (the current folder). */
  displayRoot: string;
  config: EngineConfig;
  grammars?: Grammars;
  project?: ProjectFacts;
}

/** Reads a source file as text, or says why it cannot be. */
export function readSource(file: string): { text: string } | { error: string } {
  try {
    return readRegularFile(file);
  } catch (error) {
    return { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

/**
 * Analyses one file (with `tree`, its text already parsed) into its report; `undefined` for a file of no
 * analysed language. Never throws: a failure is the report's `skipped` reason.
 */
export async function analyzeFile(file: string, text: string, options: ScanOptions, tree?: Tree): Promise<FileReport | undefined> {
  const languageId = languageOfFileName(file);
  if (!languageId) return undefined;
  const result = await analyze(text, { languageId, fileName: file, config: options.config, grammars: options.grammars, project: options.project, tree, projectWorkApart: true });
  return reportOfResult(file, text, languageId, result, options);
}

/** A file's report from what `analyze` gave for it (or what is known to be that before the analysis: `resultBeforeFacts`). */
export function reportOfResult(file: string, text: string, languageId: LanguageId, result: AnalysisResult, options: Omit<ScanOptions, 'project'>): FileReport {
  const report: FileReport = { file, relative: relativePath(options.displayRoot, file), findings: result.findings, skipped: result.skipped, notes: result.notes, syntaxError: result.syntaxError };
  if (result.timedOut?.length) report.timedOut = result.timedOut;
  if (result.failed?.length) report.failed = result.failed;
  if (result.limited?.length) report.limited = result.limited;
  // Files sql-concatenation leaves out by default (tests, migrations, scripts, assets), counted for the summary.
  const sqlLeavesOut = options.config.rules['sql-concatenation'] !== 'off' && !sqlOptions(options.config).includeTests;
  const exemption = sqlLeavesOut && !result.skipped && sqlConcatenation.meta.languages.includes(languageId) ? sqlExemptionOf(file, options.root, text) : undefined;
  if (exemption) report.sqlExempt = exemption;
  return report;
}
