import type { Node } from '@vscode/tree-sitter-wasm';
import { matchAllIn } from '../../text';
import { Ancestry } from './ancestry';
import { DRIVER_MODULES, type DriverId } from './sinks';

const MODULE_REFERENCE = /\brequire\s*\(\s*(['"])([^'"\n]+)\1|\bfrom\s*(['"])([^'"\n]+)\3|\bimport\s*\(?\s*(['"])([^'"\n]+)\5/g;

const DRIVER_OF_MODULE: ReadonlyMap<string, DriverId> = new Map(
  Object.entries(DRIVER_MODULES).flatMap(([driver, modules]) => modules.map((m): [string, DriverId] => [m, driver as DriverId])),
);

/** The driver an npm module name stands for (`mysql2/promise` is mysql), from the table in `sinks.ts`. */
export function driverOfModule(moduleName: string): DriverId | undefined {
  return DRIVER_OF_MODULE.get(moduleName);
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

/** A module named in a `require(...)`, an `import ... from` or an `import(...)`. */
export interface ModuleReference {
  readonly moduleName: string;
  /** Offset of the quote that opens the module name. */
  readonly quoteAt: number;
  /** Whether it is a real import or require, not text in a comment or string; checked for driver modules only. */
  readonly real?: boolean;
  /** The local names it binds (none when it is not a real import), when they were read up front. */
  readonly names?: readonly string[];
}

/**
 * Module references in `start..end` of the text; those naming a SQL driver are checked against the tree.
 * With `readNames`, every reference's bound names are read from the tree up front (the editor does, so
 * that what a statement imports can be compared between keystrokes).
 */
export function scanModuleReferences(text: string, root: Node, start = 0, end = text.length, readNames = false): ModuleReference[] {
  const references: ModuleReference[] = [];
  const pathTo = pathsInTextOrder(root);
  for (const match of matchAllIn(MODULE_REFERENCE, text, start, end)) {
    const moduleName = match[2] ?? match[4] ?? match[6];
    const quoteAt = (match.index) + match[0].lastIndexOf(moduleName) - 1;
    if (readNames) {
      const above = statementOf(pathTo, quoteAt);
      references.push({ moduleName, quoteAt, real: above !== undefined, names: above ? boundNames(above) : [] });
      continue;
    }
    const real = driverOfModule(moduleName) ? statementOf(pathTo, quoteAt) !== undefined : undefined;
    references.push(real === undefined ? { moduleName, quoteAt } : { moduleName, quoteAt, real });
  }
  return references;
}

type PathTo = (start: number, end: number) => Node[];

/**
 * Paths from `root` for look-ups made in text order: each starts from where it parts from the one before
 * (see `Ancestry`), so references one inside the other, as in a fold of many statements that error recovery
 * nests hundreds of levels deep, do not each cost a walk down the whole depth.
 */
function pathsInTextOrder(root: Node): PathTo {
  const ancestry = new Ancestry(root);
  return (start, end) => {
    const path = ancestry.pathTo(start, end);
    ancestry.remember(path);
    return path;
  };
}

/**
 * The path from the root to the module string at `quoteAt` (from `pathsInTextOrder`), reversed: nearest first,
 * when it is a real import or require.
 */
function statementOf(pathTo: PathTo, quoteAt: number): Node[] | undefined {
  const above = pathTo(quoteAt, quoteAt + 1).reverse();
  // above[0] is the quote token, above[1] the string
  if (above[1]?.type !== 'string') return undefined;
  const [holder, call] = [above[2], above[3]];
  const callee = holder?.type === 'arguments' ? call?.childForFieldName('function') : undefined;
  const isRequire = callee?.text === 'require' || callee?.type === 'import';
  const isImport = holder?.type === 'import_statement' || holder?.type === 'export_statement' || holder?.type === 'import_require_clause';
  return isRequire || isImport ? above.slice(2) : undefined;
}

/**
 * What a file imports: the SQL drivers it uses, and which local names stand for which module. Found
 * with a text scan checked against the tree (so comments and strings do not count); the tree is asked
 * only about driver modules up front, and about a name's module when a rule needs it.
 */
/** How far before a module name its statement's bound names are looked for in the text. */
const IMPORT_LOOK_BACK = 1500;

export class ImportFacts {
  readonly drivers: ReadonlySet<DriverId>;
  private readonly modules = new Map<string, string | undefined>();
  private readonly pathTo: PathTo;
  /**
   * Every name asked of `moduleOf` since last cleared, with its answer: what a result rests on of the names
   * imports bind, so the editor can keep it while those answers stay the same (see `StatementCache`).
   */
  readonly bindingsRead = new Map<string, string | undefined>();

  /** `references` default to a scan of the whole text; the editor passes those it kept per statement. */
  constructor(private readonly text: string, private readonly root: Node, private readonly references: readonly ModuleReference[] = scanModuleReferences(text, root)) {
    const drivers = new Set<DriverId>();
    for (const reference of references) {
      const driver = driverOfModule(reference.moduleName);
      if (driver && reference.real) drivers.add(driver);
    }
    this.drivers = drivers;
    this.pathTo = pathsInTextOrder(root);
  }

  /** Every module the file names in an import or require, as written (`'../db'`, `'pg'`). */
  moduleNames(): string[] {
    return [...new Set(this.references.map((r) => r.moduleName))];
  }

  /** The module a local name was imported from (`const x = require('m')`, `import { x } from 'm'`, ...). */
  moduleOf(name: string): string | undefined {
    const module = this.bindingOf(name);
    this.bindingsRead.set(name, module);
    return module;
  }

  private bindingOf(name: string): string | undefined {
    if (this.modules.has(name)) return this.modules.get(name);
    const mentions = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`);
    let found: string | undefined;
    for (const reference of this.references) {
      if (reference.names) {
        if (reference.names.includes(name)) { found = reference.moduleName; break; }
        continue;
      }
      // (a quick look before the tree is asked: an import list may span many lines, `import {\n  a,\n  b,\n} from 'm'`)
      if (!mentions.test(this.text.slice(Math.max(0, reference.quoteAt - IMPORT_LOOK_BACK), reference.quoteAt))) continue;
      const above = statementOf(this.pathTo, reference.quoteAt);
      if (above && boundNames(above).includes(name)) { found = reference.moduleName; break; }
    }
    this.modules.set(name, found);
    return found;
  }
}
