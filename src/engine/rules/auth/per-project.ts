import type { ProjectView } from '../../project/project-view';
import type { RuleContext } from '../../rule';

/**
 * A project-wide result, computed once per snapshot when the analysed file is the indexed one (the CLI's
 * case: every file shares the graph, and the auth options are part of the key), else for this file alone.
 */
export function perProject<T>(context: RuleContext, view: ProjectView, name: string, compute: () => T): T {
  const shared = view.project && view.project.files.get(context.fileName) === view.current;
  return shared ? view.project!.memo(`${name}:${JSON.stringify(context.config.options.auth ?? null)}`, compute) : compute();
}
