import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../../src/engine/analyze';
import { languageOfFileName } from '../../../src/engine/languages';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';

/**
 * Scores `sql-concatenation` on the labelled corpus in this folder. A finding is a true positive when
 * its first line carries an `expect` label (each label matches one finding), a false positive otherwise;
 * a label no finding starts on is a false negative.
 */

const EXPECT_SAME_LINE = /\/\/\s*expect:\s*sql-concatenation\b|\/\*\s*expect:\s*sql-concatenation\s*\*\//;
const EXPECT_NEXT_LINE = /\/\/\s*expect-next-line:\s*sql-concatenation\b/;
const CLEAN = /\/\/\s*clean\b/;

export interface FileScore {
  file: string;
  truePositives: number;
  falsePositives: number[];
  falseNegatives: number[];
  cleanSites: number;
}

export interface CorpusScore {
  files: FileScore[];
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  labelledPositives: number;
  cleanSites: number;
  precision: number;
  recall: number;
}

export const CORPUS_DIR = path.resolve(__dirname, '../../../../test/corpus/sql');

/** 1-based line numbers where a finding must start. */
export function expectedLines(text: string): number[] {
  const lines = text.split('\n');
  const expected: number[] = [];
  lines.forEach((line, i) => {
    if (EXPECT_SAME_LINE.test(line)) expected.push(i + 1);
    if (EXPECT_NEXT_LINE.test(line)) expected.push(i + 2);
  });
  return expected;
}

export function corpusFiles(dir = CORPUS_DIR): string[] {
  return fs.readdirSync(dir).filter((f) => /\.(js|cjs|mjs|mts|cts)$/.test(f)).sort().map((f) => path.join(dir, f));
}

export async function scoreFile(file: string): Promise<FileScore> {
  const text = fs.readFileSync(file, 'utf8');
  const languageId = languageOfFileName(file) ?? 'javascript';
  const result = await analyze(text, { languageId, fileName: file, rules: [sqlConcatenation] });
  if (result.skipped) throw new Error(`${file}: skipped (${result.skipped})`);
  const failures = result.notes.filter((n) => !n.startsWith('syntax error'));
  if (failures.length > 0 || result.notes.length > 0) throw new Error(`${file}: ${result.notes.join('; ')}`);
  const remaining = expectedLines(text);
  const falsePositives: number[] = [];
  let truePositives = 0;
  for (const finding of result.findings) {
    const line = finding.range.start.line + 1;
    const at = remaining.indexOf(line);
    if (at >= 0) { remaining.splice(at, 1); truePositives++; } else falsePositives.push(line);
  }
  const cleanSites = text.split('\n').filter((l) => CLEAN.test(l)).length;
  return { file: path.basename(file), truePositives, falsePositives, falseNegatives: remaining, cleanSites };
}

export async function scoreCorpus(dir = CORPUS_DIR): Promise<CorpusScore> {
  const files = await Promise.all(corpusFiles(dir).map(scoreFile));
  const sum = (f: (s: FileScore) => number): number => files.reduce((n, s) => n + f(s), 0);
  const truePositives = sum((s) => s.truePositives);
  const falsePositives = sum((s) => s.falsePositives.length);
  const falseNegatives = sum((s) => s.falseNegatives.length);
  return {
    files, truePositives, falsePositives, falseNegatives,
    labelledPositives: truePositives + falseNegatives,
    cleanSites: sum((s) => s.cleanSites),
    precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives),
  };
}
