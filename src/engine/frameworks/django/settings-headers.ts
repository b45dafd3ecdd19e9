import type { Node } from '@vscode/tree-sitter-wasm';
import { importedModule, plainStringValue } from '../../languages/python/syntax';
import type { MiddlewareSetting, SettingAssignment, SettingValue, SettingsHeaderFacts } from '../../model/headers';

/** The settings the security-headers rule reads from a Django settings module (Django's deployment checklist). */
export const DJANGO_HEADER_SETTINGS: readonly string[] = [
  'DEBUG', 'SECURE_HSTS_SECONDS', 'SECURE_CONTENT_TYPE_NOSNIFF', 'X_FRAME_OPTIONS', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT',
];

const MIDDLEWARE_SETTINGS: ReadonlySet<string> = new Set(['MIDDLEWARE', 'MIDDLEWARE_CLASSES']);
/** Blocks whose statements still run at module level, under a condition (`if`, `try`) or not (`with`). */
const CONDITIONAL_BLOCKS: ReadonlySet<string> = new Set(['if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'finally_clause', 'block']);
/** Blocks nested this deep at module level are not read (settings are set at the top or one `if` down). */
const MAX_NESTING = 4;

/** A literal's value; any other expression (an environment read, a computation, a name) is configuration. */
function settingValue(node: Node): SettingValue {
  if (node.type === 'true' || node.type === 'false') return { kind: 'bool', value: node.type === 'true' };
  if (node.type === 'integer' || node.type === 'float') return { kind: 'number', value: Number(node.text.replace(/_/g, '')) };
  if (node.type === 'binary_operator' && /^[\d_\s*+]+$/.test(node.text)) {
    const product = node.text.replace(/_/g, '').split('*').reduce((p, f) => p * Number(f.trim() || NaN), 1);
    if (Number.isFinite(product)) return { kind: 'number', value: product };
  }
  const text = plainStringValue(node);
  return text === undefined ? { kind: 'config' } : { kind: 'string', value: text };
}

function listEntries(list: Node): { name: string; span: { start: number; end: number } }[] | undefined {
  const entries = [];
  for (const item of list.namedChildren) {
    if (!item || item.type === 'comment') continue;
    const name = plainStringValue(item);
    if (name === undefined) return undefined;
    entries.push({ name, span: { start: item.startIndex, end: item.endIndex } });
  }
  return entries;
}

class SettingsReader {
  private readonly facts: SettingsHeaderFacts;

  constructor(private readonly root: Node) {
    const first = root.namedChildren.find((c) => c && c.type !== 'comment') ?? root;
    this.facts = { settings: {}, definesApps: false, installedApps: [], starImports: [], headSpan: { start: first.startIndex, end: first.endIndex } };
  }

  run(): SettingsHeaderFacts {
    this.block(this.root, false, 0);
    return this.facts;
  }

  private block(node: Node, conditional: boolean, depth: number): void {
    for (const statement of node.namedChildren) {
      if (!statement) continue;
      if (statement.type === 'expression_statement') this.expression(statement, conditional);
      else if (statement.type === 'import_from_statement') this.starImport(statement, conditional);
      else if (CONDITIONAL_BLOCKS.has(statement.type) && depth < MAX_NESTING) this.block(statement, conditional || statement.type !== 'block', depth + 1);
      else if (statement.type === 'with_statement' && depth < MAX_NESTING) this.block(statement.childForFieldName('body') ?? statement, conditional, depth + 1);
    }
  }

  private starImport(statement: Node, conditional: boolean): void {
    if (!statement.namedChildren.some((c) => c?.type === 'wildcard_import')) return;
    const module = importedModule(statement.childForFieldName('module_name'));
    if (module) this.facts.starImports.push({ module, conditional });
  }

  private expression(statement: Node, conditional: boolean): void {
    const expression = statement.namedChildren[0];
    if (!expression) return;
    if (expression.type === 'assignment') this.assignment(statement, expression, conditional);
    else if (expression.type === 'augmented_assignment') this.augmented(expression);
    else if (expression.type === 'call') this.listCall(expression);
  }

  private assignment(statement: Node, node: Node, conditional: boolean): void {
    const name = node.childForFieldName('left')?.text ?? '';
    const right = node.childForFieldName('right');
    if (!right) return;
    if (MIDDLEWARE_SETTINGS.has(name)) {
      this.facts.definesApps = true;
      const literal = right.type === 'list' || right.type === 'tuple';
      const entries = literal ? listEntries(right) : undefined;
      const previous = this.facts.middleware;
      this.facts.middleware = { setting: name, entries, listSpan: { start: right.startIndex, end: right.endIndex }, span: { start: statement.startIndex, end: statement.endIndex }, added: [], changedUnknown: !entries || (conditional && !!previous) };
      return;
    }
    if (name === 'INSTALLED_APPS') {
      this.facts.definesApps = true;
      if (right.type === 'list' || right.type === 'tuple') this.facts.installedApps = (listEntries(right) ?? []).map((e) => e.name);
      return;
    }
    if (!DJANGO_HEADER_SETTINGS.includes(name)) return;
    const assignment: SettingAssignment = { value: settingValue(right), span: { start: statement.startIndex, end: statement.endIndex }, valueSpan: { start: right.startIndex, end: right.endIndex }, conditional };
    // a value set under a condition after another is configuration: which one applies depends on the condition
    const previous = this.facts.settings[name];
    this.facts.settings[name] = conditional && previous && !previous.conditional ? { ...assignment, value: { kind: 'config' } } : assignment;
  }

  private middlewareOf(node: Node | null): MiddlewareSetting | undefined {
    return node && MIDDLEWARE_SETTINGS.has(node.text) ? this.facts.middleware : undefined;
  }

  private augmented(node: Node): void {
    const middleware = this.middlewareOf(node.childForFieldName('left'));
    if (!middleware) return;
    const right = node.childForFieldName('right');
    const entries = right && (right.type === 'list' || right.type === 'tuple') ? listEntries(right) : undefined;
    if (entries) entries.forEach((e) => middleware.added.push({ name: e.name, first: false }));
    else middleware.changedUnknown = true;
  }

  /** `MIDDLEWARE.insert(0, '...')`, `MIDDLEWARE.append('...')`, `MIDDLEWARE.extend([...])`. */
  private listCall(call: Node): void {
    const fn = call.childForFieldName('function');
    const middleware = fn?.type === 'attribute' ? this.middlewareOf(fn.childForFieldName('object')) : undefined;
    if (!middleware || !fn) return;
    const method = fn.childForFieldName('attribute')?.text;
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment');
    const value = method === 'insert' ? args[1] : args[0];
    const names = value?.type === 'list' || value?.type === 'tuple' ? listEntries(value)?.map((e) => e.name) : [plainStringValue(value)];
    if (!names || names.some((n) => n === undefined) || !['insert', 'append', 'extend'].includes(method ?? '')) {
      middleware.changedUnknown = true;
      return;
    }
    for (const name of names) middleware.added.push({ name: name!, first: method === 'insert' && args[0]?.text === '0' });
  }
}

/** True when a module reads like Django settings: it assigns INSTALLED_APPS or MIDDLEWARE at module level. */
const INSTALLED_APPS_TEXT = /^INSTALLED_APPS\s*[+]?=/m;
const MIDDLEWARE_TEXT = /^MIDDLEWARE(?:_CLASSES)?\s*[+]?=/m;
const DJANGO_DOTTED_PATH = /['"]django\.[\w.]+['"]/;

/**
 * Whether a module reads as Django settings: it sets `INSTALLED_APPS`, or a `MIDDLEWARE` list that names
 * Django's own classes. Other frameworks name lists `MIDDLEWARE` too (a Falcon app's `MIDDLEWARE = []`).
 */
export function isDjangoSettingsText(text: string): boolean {
  return INSTALLED_APPS_TEXT.test(text) || (MIDDLEWARE_TEXT.test(text) && DJANGO_DOTTED_PATH.test(text));
}

/** The header settings of a Django settings module's tree. */
export function extractSettingsHeaders(root: Node): SettingsHeaderFacts {
  return new SettingsReader(root).run();
}
