import type { ProjectView } from '../../project/project-view';
import type { RuleContext } from '../../rule';

/**
 * Whether the analysed file is the one the project facts indexed (the CLI's case): results over the whole
 * project then hold for it, and are computed once per snapshot for every file.
 */
export function indexedAsIs(context: RuleContext, view: ProjectView): boolean {
  return !!view.project && view.project.files.get(context.fileName) === view.current;
}

