import type { FileFacts } from '../../project/facts';
import { extractFileFacts } from '../../project/extract-facts';
import { isDeveloperFileName, isTestFileName, pathBelowRoot } from '../../project/frameworks';
import { textHash } from '../../project/text-hash';
import type { RuleContext } from '../../rule';

/** What the Python header rule sees: the analysed file's facts (as of its current text) and the project's other Python files. */
export interface PythonFactsView {
  current: FileFacts;
  /** Every Python file's facts, the analysed file's current ones included. */
  files: ReadonlyMap<string, FileFacts>;
  /** Other files were indexed, so conclusions across files are possible. */
  hasProject: boolean;
  rootDir?: string;
}

export function pythonFactsView(context: RuleContext): PythonFactsView {
  return context.memo('python-facts-view', () => {
    const hash = textHash(context.text);
    const indexed = context.project?.files.get(context.fileName);
    const current = indexed?.textHash === hash && (indexed.headers || indexed.settings)
      ? indexed
      : extractFileFacts(context.tree, context.text, context.fileName, context.languageId, hash, context.project?.rootDir, context.lines);
    // the project's Python facts, gathered once per snapshot: every analysed file would otherwise walk them all
    const project = context.project;
    const indexedFiles = project?.memo('python-header-files', () => {
      const map = new Map<string, FileFacts>();
      for (const [name, facts] of project.files) if (facts.languageId === 'python' && !facts.isTest) map.set(name, facts);
      return map;
    }) ?? new Map<string, FileFacts>();
    const files = indexedFiles.get(context.fileName) === current ? indexedFiles : new Map(indexedFiles).set(context.fileName, current);
    return { current, files, hasProject: !!context.project?.files, rootDir: context.project?.rootDir };
  });
}

/** Folders of demo projects shipped beside a library (`demo/`, `sandbox/`, `example_project/`): not the deployed app. */
const DEMO_FOLDER = /(?:^|\/)(?:demo|demos|sandbox|samples?|examples?|example[_-]\w+|\w+[_-]example|docs?)\//i;

/** Test, fixture, developer-script, example and demo files: what they create is never deployed. */
export function isNeverDeployed(fileName: string, rootDir?: string): boolean {
  if (isTestFileName(fileName, rootDir) || isDeveloperFileName(fileName, rootDir)) return true;
  const below = pathBelowRoot(fileName, rootDir);
  return below !== undefined && DEMO_FOLDER.test(below);
}
