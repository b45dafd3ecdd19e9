/**
 * Expands a VS Code snippet body the way the editor would if the user accepted every default:
 * `${1:default}` gives its default, `${1|a,b|}` its first choice, `$1` mirrors the default of tab stop 1,
 * variables take the values given, and `\$`, `\}`, `\\` are escapes. Pure: no `vscode` import, so tests and
 * scripts can check snippet files in plain Node.
 */
import { parseSnippet, type SnippetNode, type SnippetTabstop, type SnippetTransform } from './snippet-syntax';

export { parseSnippet } from './snippet-syntax';
export type { FormatPart, SnippetNode, SnippetTabstop, SnippetText, SnippetTransform, SnippetVariable } from './snippet-syntax';

/** The body of a snippet as VS Code reads it from a snippet file: a string, or lines joined with `\n`. */
export function snippetBodyText(body: string | readonly string[]): string {
  return typeof body === 'string' ? body : body.join('\n');
}

/** Variables VS Code resolves itself; any other `$NAME` in a snippet file becomes a placeholder showing NAME. */
export const KNOWN_SNIPPET_VARIABLES: ReadonlySet<string> = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_DIRECTORY_BASE', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD',
  'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT',
  'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME',
  'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET', 'RANDOM', 'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

function walk(nodes: readonly SnippetNode[], visit: (node: SnippetNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.kind !== 'text') walk(node.children, visit);
  }
}

/**
 * In a snippet file, VS Code turns a variable it does not know and that has no default into a placeholder
 * showing the variable's name (`$foo` becomes `${N:foo}`), numbered after the snippet's highest tab stop.
 */
function rewriteUnknownVariables(nodes: SnippetNode[]): void {
  let highest = 0;
  walk(nodes, (node) => { if (node.kind === 'tabstop') highest = Math.max(highest, node.index); });
  const indexOfName = new Map<string, number>();
  // Breadth first, as VS Code numbers them.
  const queue: SnippetNode[][] = [nodes];
  for (let list = queue.shift(); list; list = queue.shift()) {
    list.forEach((node, i) => {
      if (node.kind === 'variable' && node.children.length === 0 && !KNOWN_SNIPPET_VARIABLES.has(node.name)) {
        const index = indexOfName.get(node.name) ?? ++highest;
        indexOfName.set(node.name, index);
        list[i] = { kind: 'tabstop', index, children: [{ kind: 'text', value: node.name }] };
      } else if (node.kind !== 'text') {
        queue.push(node.children);
      }
    });
  }
}

function applyFormatShorthand(value: string, shorthand: string): string {
  if (!value) return '';
  const words = value.match(/[a-z0-9]+/gi);
  switch (shorthand) {
    case 'upcase': return value.toLocaleUpperCase();
    case 'downcase': return value.toLocaleLowerCase();
    case 'capitalize': return value[0].toLocaleUpperCase() + value.slice(1);
    case 'pascalcase': return words ? words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') : value;
    case 'camelcase': return words ? words.map((w, i) => (i ? w[0].toUpperCase() : w[0].toLowerCase()) + w.slice(1)).join('') : value;
    default: return value;
  }
}

/** Runs a transform as VS Code does: replace every match of the regex by the format; else-branches run on no match. */
export function applySnippetTransform(transform: SnippetTransform, value: string): string {
  const render = (groups: readonly (string | undefined)[]): string => transform.format.map((part) => {
    if (typeof part === 'string') return part;
    const captured = groups[part.group] ?? '';
    if (part.shorthand) return applyFormatShorthand(captured, part.shorthand);
    if (captured && part.ifValue !== undefined) return part.ifValue;
    if (!captured && part.elseValue !== undefined) return part.elseValue;
    return captured;
  }).join('');
  let matched = false;
  const result = value.replace(transform.regex, (...args: unknown[]) => {
    matched = true;
    const groupsEnd = typeof args[args.length - 1] === 'object' ? -3 : -2;
    return render(args.slice(0, groupsEnd) as (string | undefined)[]);
  });
  if (!matched && transform.format.some((part) => typeof part !== 'string' && part.elseValue)) return render([]);
  return result;
}

export interface ExpandOptions {
  /** Values of variables such as `TM_FILENAME`; a variable without a value shows its default, or nothing. */
  variables?: Readonly<Record<string, string>>;
  /**
   * Apply tab-stop transforms (`${1/(.*)/${1:/upcase}/}`), as VS Code does once the user tabs past the tab stop.
   * Defaults to true: the text a user ends up with after accepting every default. False gives the text right
   * after insertion. (Variable transforms always run: VS Code applies them on insertion.)
   */
  applyTransforms?: boolean;
}

/** The text of a snippet body with every placeholder at its default value. */
export function expandSnippet(body: string | readonly string[], options: ExpandOptions = {}): string {
  const nodes = parseSnippet(snippetBodyText(body));
  rewriteUnknownVariables(nodes);
  const applyTransforms = options.applyTransforms ?? true;
  // The first tab stop of an index that has a default (pre-order) gives the value of every tab stop of that index.
  const defaults = new Map<number, SnippetTabstop>();
  walk(nodes, (node) => {
    if (node.kind === 'tabstop' && node.index > 0 && !defaults.has(node.index) && (node.children.length > 0 || node.choices)) defaults.set(node.index, node);
  });
  const renderAll = (list: readonly SnippetNode[], active: ReadonlySet<number>): string => list.map((node) => render(node, active)).join('');
  const render = (node: SnippetNode, active: ReadonlySet<number>): string => {
    if (node.kind === 'text') return node.value;
    if (node.kind === 'variable') {
      // A variable's transform runs when the snippet is inserted, on its value or on '' (never on its default).
      const resolved = options.variables?.[node.name];
      if (node.transform) return applySnippetTransform(node.transform, resolved ?? '');
      return resolved ?? renderAll(node.children, active);
    }
    let value: string;
    const source = node.index > 0 ? defaults.get(node.index) : undefined;
    if (source && !active.has(node.index)) {
      value = source.choices ? source.choices[0] : renderAll(source.children, new Set([...active, node.index]));
    } else {
      value = node.choices ? node.choices[0] : renderAll(node.children, active);
    }
    return node.transform && applyTransforms ? applySnippetTransform(node.transform, value) : value;
  };
  return renderAll(nodes, new Set());
}

export interface TabstopInfo {
  index: number;
  /** True when some occurrence of the tab stop has a placeholder text or a choice. */
  hasDefault: boolean;
  /** The options of the tab stop's choice, when it has one. */
  choices?: string[];
  occurrences: number;
}

export interface SnippetOutline {
  tabstops: TabstopInfo[];
  /** Names of the variables the body uses, each once, in order of first use. */
  variables: string[];
}

/** Tab stops and variables of a body, for checks such as "every tab stop has a meaningful default". */
export function outlineSnippet(body: string | readonly string[]): SnippetOutline {
  const tabstops = new Map<number, TabstopInfo>();
  const variables: string[] = [];
  walk(parseSnippet(snippetBodyText(body)), (node) => {
    if (node.kind === 'variable' && !variables.includes(node.name)) variables.push(node.name);
    if (node.kind !== 'tabstop') return;
    const info = tabstops.get(node.index) ?? { index: node.index, hasDefault: false, occurrences: 0 };
    info.occurrences++;
    info.hasDefault ||= node.children.length > 0 || node.choices !== undefined;
    if (node.choices && !info.choices) info.choices = node.choices;
    tabstops.set(node.index, info);
  });
  return { tabstops: [...tabstops.values()].sort((a, b) => a.index - b.index), variables };
}
