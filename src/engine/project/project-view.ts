import type { ProjectFacts } from '../project';
import type { RuleContext } from '../rule';
import { AppGraph } from './app-graph';
import { extractFileFacts } from './extract-facts';
import type { FileFacts } from './facts';
import { resolveModulePath } from './module-resolution';
import { textHash } from './text-hash';

/** What a rule sees of the project: the analysed file's facts (as of its current text) and the app graph. */
export interface ProjectView {
  current: FileFacts;
  graph: AppGraph;
  /** Project facts were supplied: other files were indexed, so cross-file conclusions are possible. */
  project?: ProjectFacts;
}

/** The app graph over the whole project, built once per snapshot. */
export function projectGraph(project: ProjectFacts): AppGraph {
  return project.memo('app-graph', () => new AppGraph(project));
}

/**
 * The analysed file's facts and the graph over the project. When the index holds facts of this very text
 * (the CLI's case), the graph is shared through the snapshot's memo; when the text changed since indexing
 * (an editor buffer), the file's facts are extracted from the tree at hand and the graph is built anew.
 * Without project facts, the graph holds the analysed file alone. Computed once per analysis and shared
 * by the rules that read it.
 */
export function projectView(context: RuleContext): ProjectView {
  return context.memo('project-view', () => computeView(context));
}

function computeView(context: RuleContext): ProjectView {
  const hash = textHash(context.text);
  const project = context.project?.files ? context.project : undefined;
  const indexed = project?.files.get(context.fileName);
  if (project && indexed?.textHash === hash) {
    return { current: indexed, graph: projectGraph(project), project };
  }
  const current = extractFileFacts(context.tree, context.text, context.fileName, context.languageId, hash, project?.rootDir, context.lines);
  if (!project) {
    return { current, graph: new AppGraph({ files: new Map([[context.fileName, current]]), resolveImport: () => undefined }) };
  }
  const files = new Map(project.files);
  files.set(context.fileName, current);
  const resolveImport = (from: string, specifier: string): string | undefined => resolveModulePath(from, specifier, project.rootDir, (f) => files.has(f));
  return { current, graph: new AppGraph({ files, resolveImport }), project };
}
