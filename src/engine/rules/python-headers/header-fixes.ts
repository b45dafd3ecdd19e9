import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { HeaderApp, MiddlewareSetting, SettingAssignment } from '../../model/headers';
import type { FixSpec, OffsetEdit } from '../../rule';
import { lineStartAt } from '../../text';
import { SECURITY_MIDDLEWARE } from './django-settings';

function quoteOf(text: string, middleware: MiddlewareSetting): string {
  const first = middleware.entries?.[0];
  return first ? text[first.span.start] ?? "'" : "'";
}

/** The edit that puts SecurityMiddleware first in a literal middleware list, in the list's own layout. */
function insertFirst(text: string, middleware: MiddlewareSetting): OffsetEdit | undefined {
  const q = quoteOf(text, middleware);
  const entry = `${q}${SECURITY_MIDDLEWARE}${q}`;
  const first = middleware.entries?.[0];
  if (!middleware.entries) return undefined;
  if (!first) return { startOffset: middleware.listSpan.start + 1, endOffset: middleware.listSpan.start + 1, newText: entry };
  const lineStart = lineStartAt(text, first.span.start);
  const ownLine = /^[ \t]*$/.test(text.slice(lineStart, first.span.start));
  const separator = ownLine ? `,\n${text.slice(lineStart, first.span.start)}` : ', ';
  return { startOffset: first.span.start, endOffset: first.span.start, newText: `${entry}${separator}` };
}

/** Adds `django.middleware.security.SecurityMiddleware` as the first middleware. */
export function addSecurityMiddlewareFix(text: string, middleware: MiddlewareSetting): FixSpec | undefined {
  const edit = insertFirst(text, middleware);
  return edit && { title: 'Add SecurityMiddleware at the top of MIDDLEWARE', edits: [edit], preferred: true };
}

/** Moves SecurityMiddleware from where it is to the top of the list, when it stands on a line of its own. */
export function moveSecurityMiddlewareFix(text: string, middleware: MiddlewareSetting): FixSpec | undefined {
  const entry = middleware.entries?.find((e) => e.name === SECURITY_MIDDLEWARE);
  const first = middleware.entries?.[0];
  if (!entry || !first || entry === first) return undefined;
  const lineStart = lineStartAt(text, entry.span.start);
  const rest = /^\s*,?[ \t]*(?:#[^\n]*)?\r?\n/.exec(text.slice(entry.span.end));
  if (!rest || !/^[ \t]*$/.test(text.slice(lineStart, entry.span.start)) || lineStartAt(text, first.span.start) === lineStartAt(text, entry.span.start)) return undefined;
  const remove: OffsetEdit = { startOffset: lineStart, endOffset: entry.span.end + rest[0].length, newText: '' };
  const insert = insertFirst(text, middleware);
  return insert && { title: 'Move SecurityMiddleware to the top of MIDDLEWARE', edits: [insert, remove], preferred: true };
}

/** Sets a boolean setting written as `False` to `True`. */
export function enableSettingFix(name: string, assignment: SettingAssignment): FixSpec {
  return { title: `Set ${name} = True`, edits: [{ startOffset: assignment.valueSpan.start, endOffset: assignment.valueSpan.end, newText: 'True' }], preferred: true };
}

/** The last module-level import that ends before `offset`, where a new import goes. */
function lastImportBefore(tree: Tree, offset: number): Node | undefined {
  let last: Node | undefined;
  for (const statement of tree.rootNode.namedChildren) {
    if (!statement || statement.endIndex > offset) break;
    if (statement.type === 'import_statement' || statement.type === 'import_from_statement' || statement.type === 'future_import_statement') last = statement;
  }
  return last;
}

/**
 * Applies Flask-Talisman right after the app is created (`Talisman(app)`), importing it when the file does not:
 * only for an app bound to a name by a statement of its own.
 */
export function talismanFix(text: string, tree: Tree, app: HeaderApp, talismanName: string | undefined): FixSpec | undefined {
  if (!app.name || !app.statement || /[^\w.]/.test(app.name)) return undefined;
  const name = talismanName ?? 'Talisman';
  const edits: OffsetEdit[] = [];
  if (!talismanName) {
    const anchor = lastImportBefore(tree, app.statement.start);
    const at = anchor ? anchor.endIndex : 0;
    edits.push({ startOffset: at, endOffset: at, newText: anchor ? '\nfrom flask_talisman import Talisman' : 'from flask_talisman import Talisman\n' });
  }
  edits.push({ startOffset: app.statement.end, endOffset: app.statement.end, newText: `\n${app.indent}${name}(${app.name})` });
  return { title: 'Apply Flask-Talisman to this app (Talisman(app))', edits, preferred: true };
}
