import type { ProjectView } from '../../project/project-view';
import type { RuleContext } from '../../rule';

/**
 * Whether the analysed file is the one the project facts indexed (the CLI's case): results over the whole
 * project then hold for it, and are computed once per snapshot for every file.
 */
export function indexedAsIs(context: RuleContext, view: ProjectView): boolean {
  return !!view.project && view.project.files.get(context.fileName) === view.current;
}

/**
 * A project-wide result, computed once per snapshot when the analysed file is the indexed one (every file
 * shares the graph, and the auth options are part of the key), else for this file alone.
 */
export function perProject<T>(context: RuleContext, view: ProjectView, name: string, compute: () => T): T {
  return indexedAsIs(context, view) ? view.project!.memo(`${name}:${JSON.stringify(context.config.options.auth ?? null)}`, compute) : compute();
}
