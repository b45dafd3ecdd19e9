import type { Node } from '@vscode/tree-sitter-wasm';
import { pathTo } from '../../ast';
import { DRIVER_MODULES, type DriverId } from './sinks';

/** What a file imports: the SQL drivers it uses and which local names stand for which module. */
export interface ImportFacts {
  readonly drivers: ReadonlySet<DriverId>;
  /** Local name → module, for `const x = require('m')`, `const { x } = require('m')`, `import x from 'm'`, ... */
  readonly bindings: ReadonlyMap<string, string>;
}

const MODULE_REFERENCE = /\brequire\s*\(\s*(['"])([^'"\n]+)\1|\bfrom\s*(['"])([^'"\n]+)\3|\bimport\s*\(?\s*(['"])([^'"\n]+)\5/g;

function driverOfModule(moduleName: string): DriverId | undefined {
  for (const [driver, modules] of Object.entries(DRIVER_MODULES)) {
    if (modules.includes(moduleName)) return driver as DriverId;
  }
  return undefined;
}

/** Names a declaration pattern binds: `x`, `{ a, b: c }`, `[d]`. */
function patternNames(pattern: Node): string[] {
  if (pattern.type === 'identifier') return [pattern.text];
  const names: string[] = [];
  for (const node of pattern.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])) {
    if (!node) continue;
    // `{ key: value }` binds `value`, not `key`: keys are property_identifiers, not collected here
    names.push(node.text);
  }
  return names;
}

/** The names bound by the statement that holds a `require('m')` call or an `import ... from 'm'`; `above` are the string's ancestors, nearest first. */
function boundNames(above: readonly Node[]): string[] {
  const holder = above[0];
  if (holder?.type === 'import_statement') {
    const clause = holder.namedChildren.find((c) => c?.type === 'import_clause');
    return clause ? patternNames(clause) : [];
  }
  // require('m'), require('m').x, require('m')(options), new (require('m').Pool)()
  for (const node of above.slice(0, 6)) {
    if (node.type === 'variable_declarator') {
      const name = node.childForFieldName('name');
      return name ? patternNames(name) : [];
    }
    if (node.type === 'import_require_clause') {
      const name = node.namedChildren.find((c) => c?.type === 'identifier');
      return name ? [name.text] : [];
    }
    if (!['arguments', 'call_expression', 'member_expression', 'parenthesized_expression', 'await_expression', 'new_expression'].includes(node.type)) break;
  }
  return [];
}

/** Finds the modules a file imports with a text scan checked against the tree (so comments and strings do not count). */
export function findImports(text: string, root: Node): ImportFacts {
  const drivers = new Set<DriverId>();
  const bindings = new Map<string, string>();
  for (const match of text.matchAll(MODULE_REFERENCE)) {
    const moduleName = match[2] ?? match[4] ?? match[6];
    const quoteAt = match.index + match[0].lastIndexOf(moduleName) - 1;
    const above = pathTo(root, quoteAt, quoteAt + 1).reverse();
    // above[0] is the quote token, above[1] the string
    if (above[1]?.type !== 'string') continue;
    const [holder, call] = [above[2], above[3]];
    const callee = holder?.type === 'arguments' ? call?.childForFieldName('function') : undefined;
    const isRequire = callee?.text === 'require' || callee?.type === 'import';
    const isImport = holder?.type === 'import_statement' || holder?.type === 'export_statement' || holder?.type === 'import_require_clause';
    if (!isRequire && !isImport) continue;
    const driver = driverOfModule(moduleName);
    if (driver) drivers.add(driver);
    for (const name of boundNames(above.slice(2))) bindings.set(name, moduleName);
  }
  return { drivers, bindings };
}
