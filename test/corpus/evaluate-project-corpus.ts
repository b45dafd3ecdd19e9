import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/engine/analyze';
import { languageOfFileName } from '../../src/engine/languages';
import { ProjectIndex } from '../../src/engine/project/project-index';
import type { Rule } from '../../src/engine/rule';

/**
 * Scores a rule on a labelled corpus of small multi-file apps: each folder under the corpus directory is
 * one app (a project root), indexed with `ProjectIndex` and analysed file by file with the project facts,
 * as the CLI does. A line carrying `// expect: <rule-id>` (or `# expect:` in YAML-free sources) must be the
 * first line of exactly one finding; a finding starting elsewhere is a false positive; a label no finding
 * starts on is a false negative.
 */

export interface AppScore {
  app: string;
  truePositives: number;
  falsePositives: string[];
  falseNegatives: string[];
}

export interface CorpusScore {
  apps: AppScore[];
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export const CORPUS_ROOT = path.resolve(__dirname, '../../../test/corpus');

function sourceFiles(dir: string): { sources: string[]; packages: string[] } {
  const sources: string[] = [];
  const packages: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'package.json') packages.push(full);
      else if (languageOfFileName(full) && !full.endsWith('.py')) sources.push(full);
    }
  };
  walk(dir);
  return { sources: sources.sort(), packages };
}

function expectedLines(text: string, ruleId: string): number[] {
  const label = new RegExp(String.raw`//\s*expect:\s*(?:[\w-]+\s*,\s*)*${ruleId}\b`);
  return text.split('\n').flatMap((line, i) => (label.test(line) ? [i + 1] : []));
}

export async function scoreApp(appDir: string, rule: Rule): Promise<AppScore> {
  const { sources, packages } = sourceFiles(appDir);
  const texts = new Map(sources.map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const index = new ProjectIndex(appDir);
  for (const [file, text] of texts) await index.setFile(file, text);
  for (const pkg of packages) index.setPackageJson(pkg, fs.readFileSync(pkg, 'utf8'));
  const project = index.facts();
  const score: AppScore = { app: path.basename(appDir), truePositives: 0, falsePositives: [], falseNegatives: [] };
  for (const [file, text] of texts) {
    const relative = path.relative(appDir, file);
    const result = await analyze(text, { languageId: languageOfFileName(file)!, fileName: file, rules: [rule], project });
    const failures = result.notes.filter((n) => !n.startsWith('syntax error'));
    if (result.skipped || failures.length) throw new Error(`${relative}: ${result.skipped ?? failures.join('; ')}`);
    const remaining = expectedLines(text, rule.meta.id);
    for (const finding of result.findings) {
      const line = finding.range.start.line + 1;
      const at = remaining.indexOf(line);
      if (at >= 0) { remaining.splice(at, 1); score.truePositives++; } else score.falsePositives.push(`${relative}:${line} ${finding.messageId}`);
    }
    score.falseNegatives.push(...remaining.map((line) => `${relative}:${line}`));
  }
  return score;
}

export async function scoreCorpus(corpusDir: string, rule: Rule): Promise<CorpusScore> {
  const apps: AppScore[] = [];
  for (const entry of fs.readdirSync(corpusDir, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    apps.push(await scoreApp(path.join(corpusDir, entry.name), rule));
  }
  const truePositives = apps.reduce((s, a) => s + a.truePositives, 0);
  const falsePositives = apps.reduce((s, a) => s + a.falsePositives.length, 0);
  const falseNegatives = apps.reduce((s, a) => s + a.falseNegatives.length, 0);
  return {
    apps, truePositives, falsePositives, falseNegatives,
    precision: truePositives + falsePositives ? truePositives / (truePositives + falsePositives) : 1,
    recall: truePositives + falseNegatives ? truePositives / (truePositives + falseNegatives) : 1,
  };
}

/** A printable report: one line per app, then the totals. */
export function formatScore(ruleId: string, score: CorpusScore): string {
  const lines = [`${ruleId}: ${score.apps.length} apps`];
  for (const app of score.apps) {
    const problems = [...app.falsePositives.map((f) => `FP ${f}`), ...app.falseNegatives.map((f) => `FN ${f}`)];
    lines.push(`  ${app.app.padEnd(32)} TP ${String(app.truePositives).padStart(2)}  FP ${app.falsePositives.length}  FN ${app.falseNegatives.length}${problems.length ? `\n      ${problems.join('\n      ')}` : ''}`);
  }
  lines.push(`TP ${score.truePositives}  FP ${score.falsePositives}  FN ${score.falseNegatives}  precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}`);
  return lines.join('\n');
}
