import type { Node } from '@vscode/tree-sitter-wasm';
import { pathTo } from '../../ast';
import { DRIVER_MODULES, type DriverId } from './sinks';

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

interface ModuleReference {
  readonly moduleName: string;
  /** Offset of the quote that opens the module name. */
  readonly quoteAt: number;
}

/**
 * What a file imports: the SQL drivers it uses, and which local names stand for which module. Found
 * with a text scan checked against the tree (so comments and strings do not count); the tree is asked
 * only about driver modules up front, and about a name's module when a rule needs it.
 */
export class ImportFacts {
  readonly drivers: ReadonlySet<DriverId>;
  private readonly references: ModuleReference[] = [];
  private readonly modules = new Map<string, string | undefined>();

  constructor(private readonly text: string, private readonly root: Node) {
    const drivers = new Set<DriverId>();
    for (const match of text.matchAll(MODULE_REFERENCE)) {
      const moduleName = match[2] ?? match[4] ?? match[6];
      const reference = { moduleName, quoteAt: match.index + match[0].lastIndexOf(moduleName) - 1 };
      this.references.push(reference);
      const driver = driverOfModule(moduleName);
      if (driver && !drivers.has(driver) && this.statementOf(reference)) drivers.add(driver);
    }
    this.drivers = drivers;
  }

  /**
   * Everything the import facts were read from: each module reference with the text before it that
   * `moduleOf` looks at. Equal signatures mean equal answers, so results depending on imports can be reused.
   */
  signature(): string {
    return this.references.map((r) => `${r.moduleName}@${this.text.slice(Math.max(0, r.quoteAt - 400), r.quoteAt)}`).join('\u0000');
  }

  /** The module a local name was imported from (`const x = require('m')`, `import { x } from 'm'`, ...). */
  moduleOf(name: string): string | undefined {
    if (this.modules.has(name)) return this.modules.get(name);
    const mentions = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`);
    let found: string | undefined;
    for (const reference of this.references) {
      const lineStart = this.text.lastIndexOf('\n', Math.max(0, reference.quoteAt - 1));
      if (!mentions.test(this.text.slice(Math.max(0, lineStart, reference.quoteAt - 400), reference.quoteAt))) continue;
      const above = this.statementOf(reference);
      if (above && boundNames(above).includes(name)) { found = reference.moduleName; break; }
    }
    this.modules.set(name, found);
    return found;
  }

  /** The ancestors above the module string (nearest first) when it is a real import or require. */
  private statementOf(reference: ModuleReference): Node[] | undefined {
    const above = pathTo(this.root, reference.quoteAt, reference.quoteAt + 1).reverse();
    // above[0] is the quote token, above[1] the string
    if (above[1]?.type !== 'string') return undefined;
    const [holder, call] = [above[2], above[3]];
    const callee = holder?.type === 'arguments' ? call?.childForFieldName('function') : undefined;
    const isRequire = callee?.text === 'require' || callee?.type === 'import';
    const isImport = holder?.type === 'import_statement' || holder?.type === 'export_statement' || holder?.type === 'import_require_clause';
    return isRequire || isImport ? above.slice(2) : undefined;
  }
}
