import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import type { BackendRoute, RouteGuard } from '../../model/routes';
import type { ProjectView } from '../../project/project-view';
import type { FixSpec, RuleContext } from '../../rule';

/** The end of the last top-level import, where a new import line goes (`undefined`: the file has none). */
function lastImportEnd(root: Node): number | undefined {
  let end: number | undefined;
  for (const child of namedChildren(root)) {
    if (child.type === 'import_statement' || child.type === 'import_from_statement' || child.type === 'future_import_statement') end = child.endIndex;
  }
  return end;
}

/**
 * Adds the project's decorator (`@login_required`) on the view's `def` line, below the route decorator, when
 * the view is in the analysed file: with its import when the file does not bind the name yet and the
 * decorator comes from a library, never when the name would be unbound.
 */
export function decoratorFix(context: RuleContext, view: ProjectView, at: NonNullable<BackendRoute['decoratorAt']>, decorator: NonNullable<RouteGuard['decorator']>): FixSpec | undefined {
  if (at.file !== context.fileName) return undefined;
  const head = decorator.text.split(/[.(]/)[0];
  const facts = view.current.python;
  if (!facts) return undefined;
  const bound = facts.imports.some((i) => i.alias === head) || facts.functions.some((f) => f.name === head && !f.nested) || facts.assignments.some((a) => a.target === head && !a.inFunction);
  const edits = [{ startOffset: at.offset, endOffset: at.offset, newText: `${at.indent}@${decorator.text}\n` }];
  if (!bound) {
    if (!decorator.module || decorator.name !== head) return undefined;
    const end = lastImportEnd(context.tree.rootNode);
    const line = `from ${decorator.module} import ${decorator.name}`;
    edits.unshift(end === undefined ? { startOffset: 0, endOffset: 0, newText: `${line}\n` } : { startOffset: end, endOffset: end, newText: `\n${line}` });
  }
  return { title: `Add @${decorator.text} to this view${bound ? '' : ` (and import it from ${decorator.module})`}`, edits, preferred: true };
}
