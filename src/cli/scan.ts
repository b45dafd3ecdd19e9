import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../engine/analyze';
import type { EngineConfig } from '../engine/config';
import { readRegularFile } from '../files/project-files';
import { isJavaScriptFamily, languageOfFileName } from '../engine/languages';
import { sqlExemptionOf } from '../engine/rules/sql/exempt-files';
import { sqlOptions } from '../engine/rules/sql/options';
import type { Grammars } from '../engine/parser';
import type { ProjectFacts } from '../engine/project';
import type { Finding, Position } from '../engine/types';

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
}

export interface ScanOptions {
  root: string;
  config: EngineConfig;
  grammars?: Grammars;
  project?: ProjectFacts;
}

export function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** Reads a source file as text, or says why it cannot be. */
export function readSource(file: string): { text: string } | { error: string } {
  try {
    return readRegularFile(file);
  } catch (error) {
    return { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

/** Analyses each file in turn; files are independent, so one failure never stops the scan. */
export async function scanFiles(files: readonly string[], texts: ReadonlyMap<string, string>, options: ScanOptions): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  // Files sql-concatenation leaves out by default (tests, migrations, scripts, assets), counted for the summary.
  const sqlLeavesOut = options.config.rules['sql-concatenation'] !== 'off' && !sqlOptions(options.config).includeTests;
  for (const file of files) {
    const relative = relativePath(options.root, file);
    const text = texts.get(file);
    const languageId = languageOfFileName(file);
    if (text === undefined || !languageId) continue;
    const result = await analyze(text, { languageId, fileName: file, config: options.config, grammars: options.grammars, project: options.project });
    const report: FileReport = { file, relative, findings: result.findings, skipped: result.skipped, notes: result.notes, syntaxError: result.syntaxError };
    if (result.timedOut?.length) report.timedOut = result.timedOut;
    const exemption = sqlLeavesOut && !result.skipped && isJavaScriptFamily(languageId) ? sqlExemptionOf(file, options.root, text) : undefined;
    if (exemption) report.sqlExempt = exemption;
    reports.push(report);
  }
  return reports;
}
