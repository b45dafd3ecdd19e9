import path = require('path');
import { analyze } from '../engine/analyze';
import { defaultConfig } from '../engine/config';
import { isJavaScriptFamily, languageOfFileName } from '../engine/languages';
import { sharedGrammars, type Grammars } from '../engine/parser';
import type { FileFacts } from '../engine/project';
import { parsedFactsOfText } from '../engine/project/project-index';
import type { Finding } from '../engine/types';
import { projectOfFacts } from '../cli/project';
import { readPackageJsons } from '../cli/project-manifests';
import { readSource } from '../cli/scan';
import { collectSourceFiles } from '../cli/walk';

/** Comments that silence a finding in the editor: a `backend-guide-disable…` directive or a `backend-guide-public:` marker. */
const SILENCER = /backend-guide-(?=disable|public)/g;

/**
 * The text as the grader reads it: every silencing comment made inert, at the same length so positions stay.
 * A silenced finding is hidden, not fixed, so it must still fail a step.
 */
export function withoutSilencers(text: string): string {
  return text.replace(SILENCER, 'backend_guide-');
}

export interface GradedFinding {
  /** Project-relative path with `/`. */
  file: string;
  finding: Finding;
  /** A silencing comment in the learner's file hid this finding in the editor. */
  silenced: boolean;
}

/**
 * The findings of `rules` in the project at `root`, with the engine's defaults (the project's
 * .backendguide.yaml cannot switch a rule off or declare a route public for grading) and silencers ignored.
 */
export async function gradeRules(root: string, rules: readonly string[], grammars: Grammars = sharedGrammars()): Promise<GradedFinding[]> {
  const config = defaultConfig();
  const { files } = collectSourceFiles(['.'], root, []);
  const texts = new Map<string, { graded: string; silenced: boolean }>();
  const facts: Array<[string, FileFacts]> = [];
  for (const file of files) {
    const read = readSource(file);
    const languageId = languageOfFileName(file);
    if ('error' in read || !languageId) continue;
    const graded = withoutSilencers(read.text);
    texts.set(file, { graded, silenced: graded !== read.text });
    if (isJavaScriptFamily(languageId)) facts.push([file, (await parsedFactsOfText(file, graded, languageId, grammars, root, false)).facts]);
  }
  // as in the editor, a learner's file that nothing loads yet is still checked
  const project = projectOfFacts(root, facts, readPackageJsons(files), false);
  const found: GradedFinding[] = [];
  for (const [file, { graded, silenced }] of texts) {
    const result = await analyze(graded, { languageId: languageOfFileName(file)!, fileName: file, config, grammars, project, projectWorkApart: true });
    for (const finding of result.findings) {
      if (rules.includes(finding.ruleId)) found.push({ file: path.relative(root, file).split(path.sep).join('/'), finding, silenced });
    }
  }
  return found;
}
